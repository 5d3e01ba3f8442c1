package fr.creneau.backend.schedule;

import fr.creneau.backend.appointment.Appointment;
import fr.creneau.model.rules.AppointmentStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The queries the schedule needs, over its own tables and the appointment table (read only). */
@ApplicationScoped
public class ScheduleRepository {
    /** Statuses that free their slot; every other status holds it (see AppointmentStatus.holdsSlot). */
    static final List<AppointmentStatus> CANCELLED = cancelled();
    /** The longest motive the schema allows (motive.duration_minutes CHECK). */
    static final long MAX_MOTIVE_MINUTES = 480;

    public Uni<List<OpeningRange>> ranges(long practitionerId) {
        return OpeningRange.list("practitionerId = ?1 order by onDate nulls first, dayOfWeek, startTime", practitionerId);
    }

    public Uni<List<OpeningRange>> rangesOf(Collection<Long> practitionerIds) {
        if (practitionerIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return OpeningRange.list("practitionerId in ?1", practitionerIds);
    }

    public Uni<List<Absence>> absences(Collection<Long> practitionerIds, Instant from, Instant to) {
        if (practitionerIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Absence.list("practitionerId in ?1 and startsAt < ?2 and endsAt > ?3 order by startsAt",
                practitionerIds, to, from);
    }

    public Uni<List<UrgencyRelease>> releases(Collection<Long> rangeIds, LocalDate from, LocalDate to) {
        if (rangeIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return UrgencyRelease.list("rangeId in ?1 and onDate >= ?2 and onDate <= ?3", rangeIds, from, to);
    }

    /**
     * Appointments that hold their slot and meet [from, to). The lower bound on startsAt lets the
     * (practitioner_id, starts_at) index stop at the window instead of scanning the practitioner's whole history:
     * no appointment is longer than a motive may be (MAX_MOTIVE_MINUTES, a check in the schema).
     */
    public Uni<List<Appointment>> liveAppointments(Collection<Long> practitionerIds, Instant from, Instant to) {
        if (practitionerIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Appointment.list("practitionerId in ?1 and startsAt < ?2 and startsAt > ?3 and endsAt > ?4"
                        + " and status not in ?5 order by startsAt",
                practitionerIds, to, from.minus(MAX_MOTIVE_MINUTES, ChronoUnit.MINUTES), from, CANCELLED);
    }

    /**
     * The same appointments as {@link #liveAppointments}, as bare time intervals per practitioner: reading three
     * columns instead of whole entities keeps a search across many practitioners cheap. Through the request's
     * session on purpose: a second connection taken from the same pool while the session holds one deadlocks the
     * pool under load (measured: every request timed out at 500 requests/s).
     */
    public Uni<Map<Long, List<SlotCalculator.Interval>>> liveIntervals(Collection<Long> practitionerIds, Instant from,
                                                                       Instant to) {
        if (practitionerIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().chain(session -> session.createSelectionQuery(
                        "select a.practitionerId, a.startsAt, a.endsAt from Appointment a where a.practitionerId in ?1"
                                + " and a.startsAt < ?2 and a.startsAt > ?3 and a.endsAt > ?4 and a.status not in ?5",
                        Object[].class)
                .setParameter(1, practitionerIds).setParameter(2, to)
                .setParameter(3, from.minus(MAX_MOTIVE_MINUTES, ChronoUnit.MINUTES)).setParameter(4, from)
                .setParameter(5, CANCELLED)
                .getResultList())
                .map(rows -> {
                    Map<Long, List<SlotCalculator.Interval>> out = new HashMap<>();
                    for (Object[] row : rows) {
                        out.computeIfAbsent((Long) row[0], k -> new ArrayList<>())
                                .add(new SlotCalculator.Interval((Instant) row[1], (Instant) row[2]));
                    }
                    return out;
                });
    }

    /**
     * What an availability request needs besides the agenda data, in one round trip: the practitioner's practice
     * and its settings, the motive (null fields when it does not exist), and the practitioner's agenda version
     * (0 before any change). Null when the practitioner does not exist. Read before the agenda data, so that the
     * data read afterwards is at least as new as the version it will be cached under.
     */
    public Uni<AgendaHead> head(long practitionerId, long motiveId) {
        return Panache.getSession().chain(session -> session.createSelectionQuery(
                        "select p.practiceId, pr.timezone, pr.minNoticeMinutes, pr.horizonDays,"
                                + " m.practiceId, m.durationMinutes, m.bookableOnline, coalesce(v.version, 0L)"
                                + " from Practitioner p join Practice pr on pr.id = p.practiceId"
                                + " left join Motive m on m.id = ?2"
                                + " left join AgendaVersion v on v.practitionerId = p.id where p.id = ?1",
                        Object[].class)
                .setParameter(1, practitionerId).setParameter(2, motiveId)
                .getResultList())
                .map(rows -> {
                    if (rows.isEmpty()) {
                        return null;
                    }
                    Object[] r = rows.get(0);
                    return new AgendaHead((Long) r[0], (String) r[1], (Integer) r[2], (Integer) r[3],
                            (Long) r[4], r[5] == null ? 0 : (Integer) r[5], r[6] != null && (Boolean) r[6],
                            (Long) r[7]);
                });
    }

    /** See {@link #head}. {@code motivePracticeId} is null when the motive does not exist. */
    public record AgendaHead(long practiceId, String timezone, int minNoticeMinutes, int horizonDays,
                             Long motivePracticeId, int durationMinutes, boolean bookableOnline, long version) {
    }

    /**
     * The practice's practitioners in id order with their agenda versions (0 before any change), in one query:
     * an earliest-slot search checks its cached days against them. Read before any agenda data, as in
     * {@link #head}.
     */
    public Uni<List<long[]>> versionsOfPractice(long practiceId) {
        return Panache.getSession().chain(session -> session.createSelectionQuery(
                        "select p.id, coalesce(v.version, 0L) from Practitioner p"
                                + " left join AgendaVersion v on v.practitionerId = p.id"
                                + " where p.practiceId = ?1 order by p.id", Object[].class)
                .setParameter(1, practiceId)
                .getResultList())
                .map(rows -> {
                    List<long[]> out = new ArrayList<>(rows.size());
                    for (Object[] r : rows) {
                        out.add(new long[]{(Long) r[0], (Long) r[1]});
                    }
                    return out;
                });
    }

    private static List<AppointmentStatus> cancelled() {
        List<AppointmentStatus> out = new ArrayList<>();
        for (AppointmentStatus s : AppointmentStatus.values()) {
            if (!s.holdsSlot()) {
                out.add(s);
            }
        }
        return out;
    }
}
