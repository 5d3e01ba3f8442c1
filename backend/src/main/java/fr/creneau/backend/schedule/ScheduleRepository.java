package fr.creneau.backend.schedule;

import fr.creneau.backend.appointment.Appointment;
import fr.creneau.model.rules.AppointmentStatus;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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

    @Inject
    Pool client;

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
     * The same appointments as {@link #liveAppointments}, as bare time intervals per practitioner. Read straight
     * through the reactive client: three columns decoded by the driver instead of entities through Hibernate keeps a
     * search across many practitioners cheap (tens of thousands of rows for a busy practice). Read only, one
     * statement: it sees the same committed state a query in the session would.
     */
    public Uni<Map<Long, List<SlotCalculator.Interval>>> liveIntervals(Collection<Long> practitionerIds, Instant from,
                                                                       Instant to) {
        if (practitionerIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        Tuple args = Tuple.tuple().addArrayOfLong(practitionerIds.toArray(new Long[0]))
                .addOffsetDateTime(to.atOffset(ZoneOffset.UTC))
                .addOffsetDateTime(from.minus(MAX_MOTIVE_MINUTES, ChronoUnit.MINUTES).atOffset(ZoneOffset.UTC))
                .addOffsetDateTime(from.atOffset(ZoneOffset.UTC))
                .addArrayOfString(CANCELLED.stream().map(Enum::name).toArray(String[]::new));
        return client.preparedQuery("SELECT practitioner_id, starts_at, ends_at FROM appointment"
                        + " WHERE practitioner_id = ANY($1) AND starts_at < $2 AND starts_at > $3 AND ends_at > $4"
                        + " AND status <> ALL($5)")
                .execute(args)
                .map(rows -> {
                    Map<Long, List<SlotCalculator.Interval>> out = new HashMap<>();
                    for (Row row : rows) {
                        out.computeIfAbsent(row.getLong(0), k -> new ArrayList<>())
                                .add(new SlotCalculator.Interval(row.getOffsetDateTime(1).toInstant(),
                                        row.getOffsetDateTime(2).toInstant()));
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
