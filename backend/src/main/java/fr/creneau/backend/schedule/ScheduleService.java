package fr.creneau.backend.schedule;

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
                .flatMap(p -> practiceAndMotive(p, motiveId).flatMap(pm -> {
                    LocalDate day = start.atZone(pm.practice.zone()).toLocalDate();
                    return calculator(pm.practice, List.of(p.id), day.minusDays(1), day.plusDays(1), staff)
                            .map(calcs -> {
                                SlotCalculator.Decision d = calcs.get(p.id).decide(rule(pm.motive), start);
                                if (!d.offered()) {
                                    throw ProblemException.unprocessable(d.refusal().code, d.refusal().detail);
                                }
                                return toDto(p.id, pm.motive.id, d.slot());
                            });
                }));
    }

    /** The slots a practitioner offers for a motive on local dates from..to; staff of the practice see more. */
    @WithSession
    public Uni<List<SlotDto>> availability(Viewer viewer, long practitionerId, long motiveId, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw ProblemException.invalid("to", "before_from", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw ProblemException.invalid("to", "range_too_long", "at most " + MAX_DAYS + " days per request");
        }
        return practitioner(practitionerId)
                .flatMap(p -> practiceAndMotive(p, motiveId).flatMap(pm -> {
                    boolean staff = viewer.isStaffOf(p.practiceId);
                    ZoneId zone = pm.practice.zone();
                    return calculator(pm.practice, List.of(p.id), from, to, staff)
                            .flatMap(calcs -> repository.liveIntervals(List.of(p.id),
                                            from.minusDays(1).atStartOfDay(zone).toInstant(),
                                            to.plusDays(2).atStartOfDay(zone).toInstant())
                                    .map(byPractitioner -> {
                                        List<SlotDto> out = new ArrayList<>();
                                        for (SlotCalculator.Slot s : calcs.get(p.id).slots(rule(pm.motive), from, to,
                                                byPractitioner.getOrDefault(p.id, List.of()))) {
                                            out.add(toDto(p.id, pm.motive.id, s));
                                        }
                                        return out;
                                    }));
                }));
    }

    /** The first slot any practitioner of the practice offers for the motive, within the horizon. */
    @WithSession
    public Uni<SlotDto> earliest(Viewer viewer, long practiceId, long motiveId) {
        return Practice.<Practice>findById(practiceId).flatMap(practice -> {
            if (practice == null) {
                throw ProblemException.notFound("Practice");
            }
            return motive(practiceId, motiveId).flatMap(motive -> Practitioner
                    .<Practitioner>list("practiceId = ?1 order by id", practiceId).flatMap(practitioners -> {
                        List<Long> ids = practitioners.stream().map(p -> p.id).toList();
                        boolean staff = viewer.isStaffOf(practiceId);
                        ZoneId zone = practice.zone();
                        LocalDate today = clock.instant().atZone(zone).toLocalDate();
                        LocalDate last = today.plusDays(practice.horizonDays);
                        return calculator(practice, ids, today, last, staff)
                                .flatMap(calcs -> earliestWithin(calcs, ids, motive, zone, today, last,
                                        EARLIEST_FIRST_WINDOW_DAYS));
                    }));
        });
    }

    /** The first window the earliest-slot search looks at; each next one is twice as long. */
    static final int EARLIEST_FIRST_WINDOW_DAYS = 2;

    /**
     * The earliest slot on the local dates from..from+days-1 (capped at the horizon), or, when that window has
     * none, the same search over the next window, twice as long. A slot of an earlier date always starts before
     * any slot of a later one, so the first slot found in a window is the first over the whole horizon; and only
     * the window's appointments are read (as times, not entities), instead of the whole horizon's for every
     * practitioner: for a busy practice of 200 practitioners that was about 80,000 rows per request.
     */
    private Uni<SlotDto> earliestWithin(Map<Long, SlotCalculator> calcs, List<Long> ids, Motive motive, ZoneId zone,
                                        LocalDate from, LocalDate last, int days) {
        LocalDate to = from.plusDays(days - 1L).isBefore(last) ? from.plusDays(days - 1L) : last;
        Instant now = clock.instant();
        Instant windowStart = from.atStartOfDay(zone).toInstant();
        return repository.liveIntervals(ids, windowStart.isAfter(now) ? windowStart : now,
                        to.plusDays(2).atStartOfDay(zone).toInstant())
                .flatMap(byPractitioner -> {
                    SlotDto best = null;
                    Instant bestStart = null;
                    for (Long id : ids) {
                        List<SlotCalculator.Slot> slots = calcs.get(id).slots(rule(motive), from, to,
                                byPractitioner.getOrDefault(id, List.of()));
                        SlotCalculator.Slot s = slots.isEmpty() ? null : slots.get(0);
                        if (s != null && (bestStart == null || s.start().isBefore(bestStart))) {
                            bestStart = s.start();
                            best = toDto(id, motive.id, s);
                        }
                    }
                    if (best != null) {
                        return Uni.createFrom().item(best);
                    }
                    if (!to.isBefore(last)) {
                        throw new ProblemException(404, "no_slot",
                                "No free slot for this motive within the booking horizon");
                    }
                    return earliestWithin(calcs, ids, motive, zone, to.plusDays(1), last, days * 2);
                });
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

    /** One calculator per practitioner, loaded for the local dates from..to (with a day of margin each side). */
    private Uni<Map<Long, SlotCalculator>> calculator(Practice practice, List<Long> practitionerIds, LocalDate from,
                                                      LocalDate to, boolean staff) {
        ZoneId zone = practice.zone();
        Instant now = clock.instant();
        SlotCalculator.Context ctx = new SlotCalculator.Context(zone, now, practice.minNoticeMinutes,
                practice.horizonDays, staff);
        return repository.rangesOf(practitionerIds).flatMap(ranges -> {
            List<Long> rangeIds = ranges.stream().map(r -> r.id).toList();
            return repository.absences(practitionerIds, from.minusDays(1).atStartOfDay(zone).toInstant(),
                            to.plusDays(2).atStartOfDay(zone).toInstant())
                    .flatMap(absences -> repository.releases(rangeIds, from.minusDays(1), to.plusDays(1))
                            .map(releases -> {
                                // Grouped in one pass each: a practice of 200 practitioners has thousands of ranges
                                Map<Long, List<SlotCalculator.Range>> rs = new HashMap<>();
                                Map<Long, Long> rangeOwner = new HashMap<>();
                                for (OpeningRange r : ranges) {
                                    rangeOwner.put(r.id, r.practitionerId);
                                    rs.computeIfAbsent(r.practitionerId, k -> new ArrayList<>()).add(SlotCalculator.Range.of(r));
                                }
                                Map<Long, List<SlotCalculator.Interval>> away = new HashMap<>();
                                for (Absence a : absences) {
                                    away.computeIfAbsent(a.practitionerId, k -> new ArrayList<>())
                                            .add(new SlotCalculator.Interval(a.startsAt, a.endsAt));
                                }
                                Map<Long, List<SlotCalculator.Release>> rel = new HashMap<>();
                                for (UrgencyRelease u : releases) {
                                    Long owner = rangeOwner.get(u.rangeId);
                                    if (owner != null) {
                                        rel.computeIfAbsent(owner, k -> new ArrayList<>())
                                                .add(new SlotCalculator.Release(u.rangeId, u.onDate));
                                    }
                                }
                                Map<Long, SlotCalculator> out = new HashMap<>();
                                for (Long id : practitionerIds) {
                                    out.put(id, new SlotCalculator(ctx, rs.getOrDefault(id, List.of()),
                                            away.getOrDefault(id, List.of()), rel.getOrDefault(id, List.of())));
                                }
                                return out;
                            }));
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
