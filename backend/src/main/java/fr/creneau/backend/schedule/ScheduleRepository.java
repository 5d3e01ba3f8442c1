package fr.creneau.backend.schedule;

import fr.creneau.backend.appointment.Appointment;
import fr.creneau.model.rules.AppointmentStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    public Uni<List<Absence>> absences(Collection<Long> practitionerIds, Instant from, Instant to) {
        if (practitionerIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Absence.list("practitionerId in ?1 and startsAt < ?2 and endsAt > ?3 order by startsAt",
                practitionerIds, to, from);
    }

    /**
     * What a {@link SlotCalculator} is built from, for each practitioner: all their opening ranges, their absences
     * meeting [absencesFrom, absencesTo) and the urgency releases of their ranges on releasesFrom..releasesTo, in one
     * round trip instead of three (booking reads them for every request). Times come back as text and epoch
     * microseconds so that their Java types do not depend on the driver's mapping of native results.
     */
    public Uni<Map<Long, SlotInputs>> slotInputs(Collection<Long> practitionerIds, Instant absencesFrom,
                                                Instant absencesTo, LocalDate releasesFrom, LocalDate releasesTo) {
        Map<Long, SlotInputs> out = new HashMap<>();
        for (Long id : practitionerIds) {
            out.put(id, new SlotInputs(new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
        }
        if (practitionerIds.isEmpty()) {
            return Uni.createFrom().item(out);
        }
        return Panache.getSession().chain(s -> s.createNativeQuery(SLOT_INPUTS, Object[].class)
                        .setParameter("ids", practitionerIds)
                        .setParameter("absFrom", absencesFrom).setParameter("absTo", absencesTo)
                        .setParameter("relFrom", releasesFrom).setParameter("relTo", releasesTo)
                        .getResultList())
                .map(rows -> {
                    for (Object[] r : rows) {
                        SlotInputs in = out.get(((Number) r[1]).longValue());
                        if (in == null) {
                            continue;
                        }
                        long id = ((Number) r[2]).longValue();
                        switch (((Number) r[0]).intValue()) {
                            case 0 -> in.ranges().add(new SlotCalculator.Range(id, ((Number) r[3]).longValue(),
                                    r[4] == null ? null : ((Number) r[4]).intValue(),
                                    r[5] == null ? null : LocalDate.parse((String) r[5]),
                                    LocalTime.parse((String) r[6]), LocalTime.parse((String) r[7]),
                                    (Boolean) r[8], ((Number) r[9]).intValue(), motiveIds((String) r[10])));
                            case 1 -> in.absences().add(new SlotCalculator.Interval(micros(r[11]), micros(r[12])));
                            default -> in.releases().add(new SlotCalculator.Release(id, LocalDate.parse((String) r[5])));
                        }
                    }
                    return out;
                });
    }

    /** See {@link #slotInputs}; the lists are in id order (ranges) and start order (absences). */
    public record SlotInputs(List<SlotCalculator.Range> ranges, List<SlotCalculator.Interval> absences,
                             List<SlotCalculator.Release> releases) {
    }

    /** kind 0: opening range, 1: absence, 2: urgency release (id = its range's). */
    static final String SLOT_INPUTS = "SELECT 0 AS kind, r.practitioner_id, r.id, r.site_id, r.day_of_week::int,"
            + " r.on_date::text, r.start_time::text, r.end_time::text, r.urgency_reserve, r.release_minutes_before,"
            + " array_to_string(r.motive_ids, ','), NULL::bigint, NULL::bigint, NULL::timestamptz AS sort_at"
            + " FROM opening_range r WHERE r.practitioner_id IN (:ids)"
            + " UNION ALL SELECT 1, a.practitioner_id, a.id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,"
            + " (extract(epoch FROM a.starts_at) * 1000000)::bigint, (extract(epoch FROM a.ends_at) * 1000000)::bigint,"
            + " a.starts_at"
            + " FROM absence a WHERE a.practitioner_id IN (:ids) AND a.starts_at < :absTo AND a.ends_at > :absFrom"
            + " UNION ALL SELECT 2, r.practitioner_id, u.range_id, NULL, NULL, u.on_date::text, NULL, NULL, NULL, NULL,"
            + " NULL, NULL, NULL, NULL"
            + " FROM urgency_release u JOIN opening_range r ON r.id = u.range_id"
            + " WHERE r.practitioner_id IN (:ids) AND u.on_date >= :relFrom AND u.on_date <= :relTo"
            + " ORDER BY 1, 14, 3";

    private static Instant micros(Object epochMicros) {
        long us = ((Number) epochMicros).longValue();
        return Instant.ofEpochSecond(Math.floorDiv(us, 1_000_000L), Math.floorMod(us, 1_000_000L) * 1000L);
    }

    private static Set<Long> motiveIds(String csv) {
        Set<Long> ids = new HashSet<>();
        if (csv != null && !csv.isEmpty()) {
            for (String id : csv.split(",")) {
                ids.add(Long.parseLong(id));
            }
        }
        return ids;
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
