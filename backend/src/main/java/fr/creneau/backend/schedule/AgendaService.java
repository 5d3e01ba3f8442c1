package fr.creneau.backend.schedule;

import fr.creneau.backend.journal.Journal;
import fr.creneau.backend.journal.JournalActor;
import fr.creneau.backend.platform.Params;
import fr.creneau.backend.appointment.AppointmentMapper;
import fr.creneau.backend.platform.CurrentUser;
import fr.creneau.backend.platform.ProblemException;
import fr.creneau.backend.practice.Motive;
import fr.creneau.backend.practice.Practice;
import fr.creneau.backend.practice.Practitioner;
import fr.creneau.backend.practice.Site;
import fr.creneau.backend.practice.Viewer;
import fr.creneau.model.api.AbsenceDto;
import fr.creneau.model.api.AppointmentDto;
import fr.creneau.model.api.OpeningRangeDto;
import fr.creneau.model.rules.Role;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A practitioner's agenda: opening ranges, urgency releases and absences. Only staff of the practitioner's
 * practice see it (anyone else gets 404); a practitioner changes their own agenda only, while secretaries and
 * admins of the practice manage everyone's. Absences never touch appointments: the staff decide what to do
 * with the ones an absence overlaps.
 */
@ApplicationScoped
public class AgendaService {
    static final int MAX_ABSENCE_LIST_DAYS = 366;

    @Inject
    CurrentUser currentUser;

    @Inject
    ScheduleRepository repository;

    @Inject
    AppointmentMapper appointmentMapper;

    @Inject
    Clock clock;

    /** Offers released urgency slots to the waitlist, in the release's transaction. */
    @Inject
    fr.creneau.backend.waitlist.WaitlistService waitlist;

    /** Every change of an agenda is journaled in its own transaction. */
    @Inject
    Journal journal;

    // --- Opening ranges

    @WithSession
    public Uni<List<OpeningRangeDto>> ranges(long practitionerId) {
        Viewer viewer = Viewer.of(currentUser);
        return agenda(viewer, practitionerId, false)
                .flatMap(p -> repository.ranges(p.id))
                .map(ranges -> ranges.stream().map(AgendaService::toDto).toList());
    }

    @WithTransaction
    public Uni<OpeningRangeDto> createRange(long practitionerId, OpeningRangeDto dto) {
        Viewer viewer = Viewer.of(currentUser);
        JournalActor actor = journal.currentActor();
        return agenda(viewer, practitionerId, true).flatMap(p -> {
            ProblemException.check(dto.validate());
            Set<Long> motiveIds = new LinkedHashSet<>(dto.motiveIds);
            if (motiveIds.contains(null)) {
                throw ProblemException.invalid("motiveIds", "unknown_motive", "names a motive this practice does not have");
            }
            return Site.<Site>findById(dto.siteId).flatMap(site -> {
                if (site == null || !site.practiceId.equals(p.practiceId)) {
                    throw ProblemException.invalid("siteId", "unknown_site", "is not a site of this practice");
                }
                return Motive.count("id in ?1 and practiceId = ?2", motiveIds, p.practiceId);
            }).flatMap(found -> {
                if (found != motiveIds.size()) {
                    throw ProblemException.invalid("motiveIds", "unknown_motive", "names a motive this practice does not have");
                }
                OpeningRange r = new OpeningRange();
                r.practitionerId = p.id;
                r.siteId = dto.siteId;
                r.dayOfWeek = dto.dayOfWeek == null ? null : dto.dayOfWeek.shortValue();
                r.onDate = dto.date == null ? null : LocalDate.parse(dto.date);
                r.startTime = LocalTime.parse(dto.start);
                r.endTime = LocalTime.parse(dto.end);
                r.urgencyReserve = dto.urgencyReserve;
                r.releaseMinutesBefore = dto.releaseMinutesBefore == null ? 120 : dto.releaseMinutesBefore;
                r.motiveIds = motiveIds.toArray(new Long[0]);
                return r.<OpeningRange>persistAndFlush()
                        .call(saved -> journal.record(actor, p.practiceId, Journal.OPENING_RANGE_CREATE,
                                Journal.OPENING_RANGE, saved.id, "practitionerId=" + p.id));
            }).map(AgendaService::toDto);
        });
    }

    /** @return the practitioner whose agenda changed */
    @WithTransaction
    public Uni<Long> deleteRange(long rangeId) {
        Viewer viewer = Viewer.of(currentUser);
        JournalActor actor = journal.currentActor();
        return range(viewer, rangeId).flatMap(r -> r.delete()
                .chain(() -> journal.record(actor, viewer.practiceId(), Journal.OPENING_RANGE_DELETE,
                        Journal.OPENING_RANGE, r.id, "practitionerId=" + r.practitionerId))
                .replaceWith(r.practitionerId));
    }

    /** Offers an urgency-reserve range online for one date, from now on. Releasing twice is harmless. */
    /** @return the practitioner whose agenda changed */
    @WithTransaction
    public Uni<Long> release(long rangeId, LocalDate date) {
        Viewer viewer = Viewer.of(currentUser);
        JournalActor actor = journal.currentActor();
        return range(viewer, rangeId).flatMap(r -> {
            if (!r.urgencyReserve) {
                throw ProblemException.unprocessable("not_urgency_reserve", "This range is not an urgency reserve");
            }
            if (!r.appliesTo(date)) {
                throw ProblemException.invalid("date", "range_not_on_date", "this range does not open on that date");
            }
            return UrgencyRelease.count("rangeId = ?1 and onDate = ?2", r.id, date).flatMap(existing -> {
                if (existing > 0) {
                    return Uni.createFrom().item(r.practitionerId);
                }
                UrgencyRelease u = new UrgencyRelease();
                u.rangeId = r.id;
                u.onDate = date;
                u.releasedAt = clock.instant();
                u.releasedBy = viewer.accountId();
                return u.persist()
                        // the released slots go to the waitlist first, like a cancellation's
                        .chain(() -> waitlist.rangeReleased(r, date))
                        .chain(() -> journal.record(actor, viewer.practiceId(), Journal.URGENCY_RELEASE,
                                Journal.OPENING_RANGE, r.id, "date=" + date + " practitionerId=" + r.practitionerId))
                        .replaceWith(r.practitionerId);
            });
        });
    }

    // --- Absences

    /** Absences overlapping the local dates from..to (default: from today, for 90 days). */
    @WithSession
    public Uni<List<AbsenceDto>> absences(long practitionerId, LocalDate from, LocalDate to) {
        Viewer viewer = Viewer.of(currentUser);
        return agenda(viewer, practitionerId, false).flatMap(p -> Practice.<Practice>findById(p.practiceId).flatMap(practice -> {
            ZoneId zone = practice.zone();
            LocalDate first = from != null ? from : clock.instant().atZone(zone).toLocalDate();
            LocalDate last = to != null ? to : first.plusDays(90);
            if (last.isBefore(first)) {
                throw ProblemException.invalid("to", "before_from", "must not be before from");
            }
            if (ChronoUnit.DAYS.between(first, last) >= MAX_ABSENCE_LIST_DAYS) {
                throw ProblemException.invalid("to", "range_too_long", "at most " + MAX_ABSENCE_LIST_DAYS + " days per request");
            }
            return repository.absences(List.of(p.id), first.atStartOfDay(zone).toInstant(),
                    last.plusDays(1).atStartOfDay(zone).toInstant());
        })).map(list -> list.stream().map(AgendaService::toDto).toList());
    }

    /** The live appointments the absence would overlap, for the staff to call and move. */
    @WithSession
    public Uni<List<AppointmentDto>> preview(long practitionerId, AbsenceDto dto) {
        Viewer viewer = Viewer.of(currentUser);
        Instant[] span = span(dto);
        return agenda(viewer, practitionerId, true).flatMap(p -> conflicts(p, span));
    }

    /**
     * Saves the absence. If live appointments overlap it, the caller must have seen them: without
     * {@code confirmConflicts} the answer is 409 {@code absence_conflicts} listing them. Never cancels them.
     */
    @WithTransaction
    public Uni<AbsenceDto> createAbsence(long practitionerId, AbsenceDto dto) {
        Viewer viewer = Viewer.of(currentUser);
        JournalActor actor = journal.currentActor();
        Instant[] span = span(dto);
        return agenda(viewer, practitionerId, true).flatMap(p -> conflicts(p, span).flatMap(conflicts -> {
            if (!conflicts.isEmpty() && !dto.confirmConflicts) {
                throw new ProblemException(409, "absence_conflicts", conflicts.size()
                        + " appointment(s) fall in this absence; confirm to save it anyway (they are kept)",
                        null, conflicts);
            }
            Absence a = new Absence();
            a.practitionerId = p.id;
            a.startsAt = span[0];
            a.endsAt = span[1];
            a.note = dto.note == null || dto.note.isBlank() ? null : dto.note.trim();
            a.createdBy = viewer.accountId();
            return a.<Absence>persistAndFlush()
                    .call(saved -> journal.record(actor, p.practiceId, Journal.ABSENCE_CREATE, Journal.ABSENCE,
                            saved.id, "practitionerId=" + p.id + " overlapping=" + conflicts.size()));
        })).map(AgendaService::toDto);
    }

    /** @return the practitioner whose agenda changed */
    @WithTransaction
    public Uni<Long> deleteAbsence(long absenceId) {
        Viewer viewer = Viewer.of(currentUser);
        JournalActor actor = journal.currentActor();
        return Absence.<Absence>findById(absenceId).flatMap(a -> {
            if (a == null) {
                throw ProblemException.notFound("Absence");
            }
            return agenda(viewer, a.practitionerId, true, "Absence").flatMap(p -> a.delete()
                    .chain(() -> journal.record(actor, p.practiceId, Journal.ABSENCE_DELETE, Journal.ABSENCE, a.id,
                            "practitionerId=" + p.id))
                    .replaceWith(p.id));
        });
    }

    // --- Authorization and mapping

    private Uni<Practitioner> agenda(Viewer viewer, long practitionerId, boolean write) {
        return agenda(viewer, practitionerId, write, "Practitioner");
    }

    /**
     * The practitioner whose agenda the viewer works on: 404 unless the viewer is staff of their practice, and
     * for a change, 403 {@code not_your_agenda} when a practitioner touches a colleague's agenda.
     */
    private Uni<Practitioner> agenda(Viewer viewer, long practitionerId, boolean write, String what) {
        return Practitioner.<Practitioner>findById(practitionerId).map(p -> {
            if (p == null || !viewer.isStaffOf(p.practiceId)) {
                throw ProblemException.notFound(what);
            }
            if (write && viewer.role() == Role.PRACTITIONER && !p.id.equals(viewer.practitionerId())) {
                throw new ProblemException(403, "not_your_agenda", "A practitioner may only change their own agenda");
            }
            return p;
        });
    }

    private Uni<OpeningRange> range(Viewer viewer, long rangeId) {
        return OpeningRange.<OpeningRange>findById(rangeId).flatMap(r -> {
            if (r == null) {
                throw ProblemException.notFound("Opening range");
            }
            return agenda(viewer, r.practitionerId, true, "Opening range").map(p -> r);
        });
    }

    private Uni<List<AppointmentDto>> conflicts(Practitioner p, Instant[] span) {
        return repository.liveAppointments(List.of(p.id), span[0], span[1]).flatMap(appointmentMapper::toDtos);
    }

    private static Instant[] span(AbsenceDto dto) {
        ProblemException.check(dto.validate());
        Instant start = Params.instant("start", dto.start);
        Instant end = Params.instant("end", dto.end);
        if (!end.isAfter(start)) {
            throw ProblemException.invalid("end", "end_before_start", "must be after start");
        }
        return new Instant[] {start, end};
    }

    static OpeningRangeDto toDto(OpeningRange r) {
        OpeningRangeDto d = new OpeningRangeDto();
        d.id = r.id;
        d.practitionerId = r.practitionerId;
        d.siteId = r.siteId;
        d.dayOfWeek = r.dayOfWeek == null ? null : r.dayOfWeek.intValue();
        d.date = r.onDate == null ? null : r.onDate.toString();
        d.start = r.startTime.toString();
        d.end = r.endTime.toString();
        List<Long> ids = new ArrayList<>();
        for (Long m : r.motiveIds) {
            ids.add(m);
        }
        d.motiveIds = ids;
        d.urgencyReserve = r.urgencyReserve;
        d.releaseMinutesBefore = r.releaseMinutesBefore;
        return d;
    }

    static AbsenceDto toDto(Absence a) {
        AbsenceDto d = new AbsenceDto();
        d.id = a.id;
        d.practitionerId = a.practitionerId;
        d.start = a.startsAt.toString();
        d.end = a.endsAt.toString();
        d.note = a.note;
        return d;
    }
}
