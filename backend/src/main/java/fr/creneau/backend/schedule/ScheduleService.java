package fr.creneau.backend.schedule;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.creneau.backend.platform.ProblemException;
import fr.creneau.backend.practice.Motive;
import fr.creneau.backend.practice.Practice;
import fr.creneau.backend.practice.Practitioner;
import fr.creneau.backend.practice.Viewer;
import fr.creneau.model.api.SlotDto;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Availability: which slots are offered, and whether a given start may be booked. Both go through the same
 * {@link SlotCalculator}, so that what the app lists is exactly what booking accepts.
 */
@ApplicationScoped
public class ScheduleService {
    /** The widest date window one availability request may ask for. */
    public static final int MAX_DAYS = 31;

    @Inject
    ScheduleRepository repository;

    @Inject
    Clock clock;

    @Inject
    AvailabilityCache cache;

    @Inject
    ObjectMapper json;

    /**
     * For booking and rescheduling: the slot that starts at {@code start}, or a 422 problem saying why it is not
     * offered ({@code in_past}, {@code too_soon}, {@code beyond_horizon}, {@code in_absence},
     * {@code outside_opening_hours}, {@code motive_not_accepted}, {@code urgency_reserve_not_released},
     * {@code not_bookable_online}). Existing appointments are ignored on purpose: the database's exclusion
     * constraint decides clashes, so that concurrent bookings race fairly. 404 when the practitioner is unknown
     * or the motive is not one of their practice's. Whether the caller may book for this practice at all is
     * the caller's check; {@code staff} only says which rules apply (staff: no min notice, see urgency reserve
     * and offline motives). Joins the caller's session or transaction when there is one.
     */
    @WithSession
    public Uni<SlotDto> requireBookable(long practitionerId, long motiveId, Instant start, boolean staff) {
        return practitioner(practitionerId)
                .flatMap(p -> practiceAndMotive(p, motiveId).flatMap(pm -> requireBookable(p.id, pm.practice.zone(),
                        pm.practice.minNoticeMinutes, pm.practice.horizonDays, rule(pm.motive), start, staff)));
    }

    /**
     * The same check for a caller that has already read, in its transaction, that the practitioner exists, that
     * the motive is one of their practice's, and the practice's settings (booking reads them in one query with
     * its own checks): only the practitioner's ranges, absences and releases around that day are read.
     */
    @WithSession
    public Uni<SlotDto> requireBookable(long practitionerId, ZoneId zone, int minNoticeMinutes, int horizonDays,
                                        SlotCalculator.MotiveRule motive, Instant start, boolean staff) {
        LocalDate day = start.atZone(zone).toLocalDate();
        SlotCalculator.Context ctx = new SlotCalculator.Context(zone, clock.instant(), minNoticeMinutes, horizonDays,
                staff);
        return calculator(ctx, List.of(practitionerId), day.minusDays(1), day.plusDays(1))
                .map(calcs -> {
                    SlotCalculator.Decision d = calcs.get(practitionerId).decide(motive, start);
                    if (!d.offered()) {
                        throw ProblemException.unprocessable(d.refusal().code, d.refusal().detail);
                    }
                    return toDto(practitionerId, motive.id(), d.slot());
                });
    }

    /**
     * The slots a practitioner offers for a motive on local dates from..to; staff of the practice see more.
     * Served from {@link AvailabilityCache} day by day where the cached day is still the truth (same agenda
     * version, settings and time rules); only the other days are computed, in one pass, and cached. Answered as
     * the API's JSON array, each cached day's slots written once (see {@link AvailabilityCache.Day}).
     */
    @WithSession
    public Uni<byte[]> availabilityJson(Viewer viewer, long practitionerId, long motiveId, LocalDate from, LocalDate to) {
        return availability(viewer, practitionerId, motiveId, from, to, true)
                .map(days -> AvailabilityCache.jsonArray(days, json));
    }

    /**
     * The same, computed from what the current transaction sees, for a transaction that has just changed the agenda
     * (a release, cancellations before proposing slots). The agenda version moves only at commit, so the cache
     * would answer with the day as it was before the change; and a day computed from uncommitted rows must not be
     * cached, since the transaction may still roll back.
     */
    @WithSession
    public Uni<List<SlotDto>> availabilityInThisTransaction(Viewer viewer, long practitionerId, long motiveId,
                                                            LocalDate from, LocalDate to) {
        return availability(viewer, practitionerId, motiveId, from, to, false).map(ScheduleService::concat);
    }

    private Uni<AvailabilityCache.Day[]> availability(Viewer viewer, long practitionerId, long motiveId, LocalDate from,
                                            LocalDate to, boolean cached) {
        if (to.isBefore(from)) {
            throw ProblemException.invalid("to", "before_from", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw ProblemException.invalid("to", "range_too_long", "at most " + MAX_DAYS + " days per request");
        }
        return repository.head(practitionerId, motiveId).flatMap(h -> {
            if (h == null) {
                throw ProblemException.notFound("Practitioner");
            }
            if (h.motivePracticeId() == null || h.motivePracticeId() != h.practiceId()) {
                throw ProblemException.notFound("Motive");
            }
            Ask ask = new Ask(motiveId, h.durationMinutes(), h.bookableOnline(), viewer.isStaffOf(h.practiceId()),
                    ZoneId.of(h.timezone()), h.minNoticeMinutes(), h.horizonDays());
            Instant now = clock.instant();
            int n = (int) ChronoUnit.DAYS.between(from, to) + 1;
            AvailabilityCache.Day[] days = new AvailabilityCache.Day[n];
            int firstMissing = -1;
            int lastMissing = -1;
            for (int i = 0; i < n; i++) {
                days[i] = cached ? cache.get(ask.key(practitionerId, from.plusDays(i)), h.version(), now) : null;
                if (days[i] == null) {
                    firstMissing = firstMissing < 0 ? i : firstMissing;
                    lastMissing = i;
                }
            }
            if (firstMissing < 0) {
                return Uni.createFrom().item(days);
            }
            LocalDate first = from.plusDays(firstMissing);
            LocalDate last = from.plusDays(lastMissing);
            ZoneId zone = ask.zone();
            List<Long> ids = List.of(practitionerId);
            return calculator(ask.context(now), ids, first, last)
                    .flatMap(calcs -> repository.liveIntervals(ids,
                                    first.minusDays(1).atStartOfDay(zone).toInstant(),
                                    last.plusDays(2).atStartOfDay(zone).toInstant())
                            .map(byPractitioner -> {
                                SlotCalculator.Busy taken =
                                        new SlotCalculator.Busy(byPractitioner.getOrDefault(practitionerId, List.of()));
                                for (int i = 0; i < n; i++) {
                                    if (days[i] == null) {
                                        days[i] = computeDay(ask, practitionerId, h.version(), calcs.get(practitionerId),
                                                from.plusDays(i), taken, now, cached);
                                    }
                                }
                                return days;
                            }));
        });
    }

    /**
     * The first slot any practitioner of the practice offers for the motive, within the horizon. Each
     * practitioner's days are walked in the cache from today; only practitioners whose next unknown day could
     * still hold an earlier slot than the best one known are searched in the database (see
     * {@link #searchPending}).
     */
    @WithSession
    public Uni<SlotDto> earliest(Viewer viewer, long practiceId, long motiveId) {
        return Practice.<Practice>findById(practiceId).flatMap(practice -> {
            if (practice == null) {
                throw ProblemException.notFound("Practice");
            }
            return motive(practiceId, motiveId).flatMap(motive -> repository.versionsOfPractice(practiceId)
                    .flatMap(versions -> {
                        Ask ask = new Ask(motive.id, motive.durationMinutes, motive.bookableOnline,
                                viewer.isStaffOf(practiceId), practice.zone(), practice.minNoticeMinutes,
                                practice.horizonDays);
                        Instant now = clock.instant();
                        LocalDate today = now.atZone(ask.zone()).toLocalDate();
                        LocalDate last = today.plusDays(practice.horizonDays);
                        Best best = new Best();
                        Map<Long, Long> versionOf = new HashMap<>();
                        // practitioner -> the first date the cache cannot answer for them
                        Map<Long, LocalDate> pending = new LinkedHashMap<>();
                        for (long[] pv : versions) {
                            versionOf.put(pv[0], pv[1]);
                            for (LocalDate d = today; !d.isAfter(last) && !best.before(d); d = d.plusDays(1)) {
                                AvailabilityCache.Day c = cache.get(ask.key(pv[0], d), pv[1], now);
                                if (c == null) {
                                    pending.put(pv[0], d);
                                    break;
                                }
                                if (c.firstStart() != null) {
                                    best.offer(pv[0], c, d);
                                    break;
                                }
                            }
                        }
                        pending.values().removeIf(best::before);
                        if (pending.isEmpty()) {
                            return Uni.createFrom().item(best.orNoSlot());
                        }
                        LocalDate from = pending.values().stream().min(LocalDate::compareTo).orElseThrow();
                        return calculator(ask.context(now), new ArrayList<>(pending.keySet()), from, last)
                                .flatMap(calcs -> searchPending(ask, calcs, pending, versionOf, best, now, from, last,
                                        EARLIEST_FIRST_WINDOW_DAYS));
                    }));
        });
    }

    /** The first window the earliest-slot search looks at; each next one is twice as long. */
    static final int EARLIEST_FIRST_WINDOW_DAYS = 2;

    /**
     * Searches the pending practitioners' days from..from+days-1 (capped at the horizon and at the best date
     * known), computing and caching each day, and, while no slot at or before the window's end is known, the next
     * window, twice as long. A slot of an earlier date always starts before any slot of a later one, so the search
     * can stop at the first window that holds a slot; and only that window's appointments are read (as times,
     * not entities): for a busy practice of 200 practitioners, the whole horizon was about 80,000 rows.
     */
    private Uni<SlotDto> searchPending(Ask ask, Map<Long, SlotCalculator> calcs, Map<Long, LocalDate> pending,
                                       Map<Long, Long> versionOf, Best best, Instant now, LocalDate from,
                                       LocalDate last, int days) {
        LocalDate to = from.plusDays(days - 1L).isBefore(last) ? from.plusDays(days - 1L) : last;
        if (best.date != null && best.date.isBefore(to)) {
            to = best.date;
        }
        LocalDate end = to;
        List<Long> ids = new ArrayList<>();
        pending.forEach((id, d) -> {
            if (!d.isAfter(end)) {
                ids.add(id);
            }
        });
        ZoneId zone = ask.zone();
        Instant windowStart = from.atStartOfDay(zone).toInstant();
        return repository.liveIntervals(ids, windowStart.isAfter(now) ? windowStart : now,
                        end.plusDays(2).atStartOfDay(zone).toInstant())
                .flatMap(byPractitioner -> {
                    for (Long id : ids) {
                        SlotCalculator.Busy taken = new SlotCalculator.Busy(byPractitioner.getOrDefault(id, List.of()));
                        LocalDate d = pending.get(id).isAfter(from) ? pending.get(id) : from;
                        boolean found = false;
                        for (; !d.isAfter(end); d = d.plusDays(1)) {
                            AvailabilityCache.Day c = computeDay(ask, id, versionOf.get(id), calcs.get(id), d, taken, now);
                            if (c.firstStart() != null) {
                                best.offer(id, c, d);
                                found = true;
                                break;
                            }
                        }
                        if (found) {
                            pending.remove(id);
                        } else {
                            pending.put(id, end.plusDays(1));
                        }
                    }
                    if (best.date != null && !best.date.isAfter(end) || !end.isBefore(last) || pending.isEmpty()) {
                        return Uni.createFrom().item(best.orNoSlot());
                    }
                    return searchPending(ask, calcs, pending, versionOf, best, now, end.plusDays(1), last, days * 2);
                });
    }

    /** The earliest slot seen so far; on equal starts the lowest practitioner id wins, as ids are walked in order. */
    private static final class Best {
        SlotDto slot;
        Instant start;
        long practitionerId;
        LocalDate date;

        void offer(long id, AvailabilityCache.Day day, LocalDate d) {
            Instant s = day.firstStart();
            if (start == null || s.isBefore(start) || (s.equals(start) && id < practitionerId)) {
                slot = day.slots().get(0);
                start = s;
                practitionerId = id;
                date = d;
            }
        }

        /** Whether every slot of date d starts after the best one: d is after the best one's date. */
        boolean before(LocalDate d) {
            return date != null && d.isAfter(date);
        }

        SlotDto orNoSlot() {
            if (slot == null) {
                throw new ProblemException(404, "no_slot", "No free slot for this motive within the booking horizon");
            }
            return slot;
        }
    }

    /**
     * What a cached day depends on besides the practitioner, the date, the agenda version and "now": the motive's
     * and the practice's settings as read by this request, and whether the viewer is staff of the practice.
     */
    private record Ask(long motiveId, int durationMinutes, boolean bookableOnline, boolean staff, ZoneId zone,
                       int minNoticeMinutes, int horizonDays) {
        AvailabilityCache.Key key(long practitionerId, LocalDate date) {
            return new AvailabilityCache.Key(practitionerId, motiveId, durationMinutes, bookableOnline, staff, zone,
                    minNoticeMinutes, horizonDays, date);
        }

        SlotCalculator.MotiveRule rule() {
            return new SlotCalculator.MotiveRule(motiveId, durationMinutes, bookableOnline);
        }

        SlotCalculator.Context context(Instant now) {
            return new SlotCalculator.Context(zone, now, minNoticeMinutes, horizonDays, staff);
        }
    }

    /** Computes one date through the SlotCalculator and caches it under the version read before the data. */
    private AvailabilityCache.Day computeDay(Ask ask, long practitionerId, long version, SlotCalculator calc,
                                             LocalDate d, SlotCalculator.Busy taken, Instant now) {
        return computeDay(ask, practitionerId, version, calc, d, taken, now, true);
    }

    private AvailabilityCache.Day computeDay(Ask ask, long practitionerId, long version, SlotCalculator calc,
                                             LocalDate d, SlotCalculator.Busy taken, Instant now, boolean cached) {
        SlotCalculator.Day day = calc.day(ask.rule(), d, taken);
        List<SlotDto> dtos = new ArrayList<>(day.slots().size());
        for (SlotCalculator.Slot s : day.slots()) {
            dtos.add(toDto(practitionerId, ask.motiveId(), s));
        }
        AvailabilityCache.Day c = new AvailabilityCache.Day(version, now, day.validUntil(), List.copyOf(dtos),
                day.slots().isEmpty() ? null : day.slots().get(0).start());
        if (cached) {
            cache.put(ask.key(practitionerId, d), c);
        }
        return c;
    }

    private static List<SlotDto> concat(AvailabilityCache.Day[] days) {
        int size = 0;
        for (AvailabilityCache.Day d : days) {
            size += d.slots().size();
        }
        List<SlotDto> out = new ArrayList<>(size);
        for (AvailabilityCache.Day d : days) {
            out.addAll(d.slots());
        }
        return out;
    }

    private Uni<Practitioner> practitioner(long id) {
        return Practitioner.<Practitioner>findById(id).map(p -> {
            if (p == null) {
                throw ProblemException.notFound("Practitioner");
            }
            return p;
        });
    }

    private record PracticeAndMotive(Practice practice, Motive motive) {
    }

    private Uni<PracticeAndMotive> practiceAndMotive(Practitioner p, long motiveId) {
        return Practice.<Practice>findById(p.practiceId)
                .flatMap(practice -> motive(p.practiceId, motiveId).map(m -> new PracticeAndMotive(practice, m)));
    }

    private static Uni<Motive> motive(long practiceId, long motiveId) {
        return Motive.<Motive>findById(motiveId).map(m -> {
            if (m == null || !m.practiceId.equals(practiceId)) {
                throw ProblemException.notFound("Motive");
            }
            return m;
        });
    }

    /**
     * One calculator per practitioner, loaded for the local dates from..to (with a day of margin each side): their
     * ranges, absences and urgency releases in one query.
     */
    private Uni<Map<Long, SlotCalculator>> calculator(SlotCalculator.Context ctx, List<Long> practitionerIds,
                                                      LocalDate from, LocalDate to) {
        ZoneId zone = ctx.zone();
        return repository.slotInputs(practitionerIds, from.minusDays(1).atStartOfDay(zone).toInstant(),
                        to.plusDays(2).atStartOfDay(zone).toInstant(), from.minusDays(1), to.plusDays(1))
                .map(inputs -> {
                    Map<Long, SlotCalculator> out = new HashMap<>();
                    for (Long id : practitionerIds) {
                        ScheduleRepository.SlotInputs in = inputs.get(id);
                        out.put(id, new SlotCalculator(ctx, in.ranges(), in.absences(), in.releases()));
                    }
                    return out;
                });
    }

    static SlotCalculator.MotiveRule rule(Motive m) {
        return new SlotCalculator.MotiveRule(m.id, m.durationMinutes, m.bookableOnline);
    }

    static SlotDto toDto(long practitionerId, long motiveId, SlotCalculator.Slot s) {
        SlotDto d = new SlotDto();
        d.practitionerId = practitionerId;
        d.siteId = s.siteId();
        d.motiveId = motiveId;
        d.start = s.start().toString();
        d.end = s.end().toString();
        d.urgencyReserve = s.urgencyReserve();
        return d;
    }

}
