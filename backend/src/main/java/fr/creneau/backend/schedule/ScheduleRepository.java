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
