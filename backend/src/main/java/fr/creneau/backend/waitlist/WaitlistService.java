package fr.creneau.backend.waitlist;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.creneau.backend.appointment.AppointmentService;
import fr.creneau.backend.appointment.Caller;
import fr.creneau.backend.notification.DeliveryChannel;
import fr.creneau.backend.notification.NotificationKind;
import fr.creneau.backend.notification.NotificationOutbox;
import fr.creneau.backend.notification.OutboxEntry;
import fr.creneau.backend.patient.PatientRepository;
import fr.creneau.backend.platform.ProblemException;
import fr.creneau.backend.practice.Motive;
import fr.creneau.backend.practice.Practice;
import fr.creneau.backend.practice.Practitioner;
import fr.creneau.model.api.BookingRequest;
import fr.creneau.model.api.WaitlistEntryDto;
import fr.creneau.model.rules.FieldError;
import fr.creneau.model.rules.Role;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.reactive.mutiny.Mutiny;

import java.sql.Time;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The waitlist: patients waiting for a practitioner's (or a practice's) slot, the offers made to them in order when
 * a slot frees up, and the claim, which books through {@link AppointmentService} so the exclusion constraint alone
 * decides who wins.
 */
@ApplicationScoped
public class WaitlistService {
    static final String COLUMNS = "e.id, e.practice_id, e.patient_id, e.practitioner_id, e.motive_id, e.from_date,"
            + " e.to_date, e.from_time, e.to_time, e.status, e.created_at";

    /** Oldest first; a time range, when given, must hold the slot's local start. */
    static final String MATCHING = "SELECT e.id, e.patient_id FROM waitlist_entry e WHERE e.status = 'OPEN'"
            + " AND e.practice_id = :practice AND e.motive_id = :motive"
            + " AND (e.practitioner_id IS NULL OR e.practitioner_id = :practitioner)"
            + " AND e.patient_id <> :freedPatient"
            + " AND CAST(:day AS date) BETWEEN e.from_date AND e.to_date"
            + " AND (e.from_time IS NULL OR (CAST(:time AS time) >= e.from_time AND CAST(:time AS time) < e.to_time))"
            + " ORDER BY e.created_at, e.id";

    /** Same recipient rule as the notification package: the holder's first account. */
    static final String RECIPIENT = "SELECT (SELECT a.id FROM account a WHERE a.patient_id = COALESCE(pt.holder_id, pt.id)"
            + " ORDER BY a.id LIMIT 1) FROM patient pt WHERE pt.id = :patient";

    @Inject
    PatientRepository patients;

    @Inject
    AppointmentService appointments;

    @Inject
    NotificationOutbox outbox;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "creneau.waitlist.offer-minutes", defaultValue = "30")
    int offerMinutes;

    // ---------------------------------------------------------------- entries

    public Uni<Response> join(Caller caller, long practiceId, WaitlistEntryDto dto) {
        if (dto == null) {
            throw ProblemException.invalid("body", "required", "a JSON body is required");
        }
        ProblemException.check(dto.validate());
        LocalDate from = LocalDate.parse(dto.fromDate);
        LocalDate to = LocalDate.parse(dto.toDate);
        if (to.isBefore(from)) {
            throw ProblemException.invalid("toDate", "before_from", "must not be before fromDate");
        }
        LocalTime fromTime = time("fromTime", dto.fromTime);
        LocalTime toTime = time("toTime", dto.toTime);
        if (fromTime != null && !toTime.isAfter(fromTime)) {
            throw ProblemException.invalid("toTime", "before_from", "must be after fromTime");
        }
        if (caller.isStaff() && !caller.isStaffOf(practiceId)) {
            throw ProblemException.notFound("Practice");
        }
        return Panache.withTransaction(() -> Practice.<Practice>findById(practiceId).chain(practice -> {
            if (practice == null) {
                throw ProblemException.notFound("Practice");
            }
            Uni<Boolean> allowed = caller.isPatient()
                    ? patients.isOwnOrRelative(caller.patientId(), dto.patientId)
                    : patients.isKnownTo(practiceId, dto.patientId);
            return allowed;
        }).chain(allowed -> {
            if (!allowed) {
                throw notFound("Patient", "patientId");
            }
            return Motive.<Motive>findById(dto.motiveId);
        }).chain(motive -> {
            if (motive == null || !motive.practiceId.equals(practiceId)) {
                throw ProblemException.invalid("motiveId", "unknown_motive", "is not a motive of this practice");
            }
            if (dto.practitionerId == null) {
                return Uni.createFrom().voidItem();
            }
            return Practitioner.<Practitioner>findById(dto.practitionerId).invoke(p -> {
                if (p == null || !p.practiceId.equals(practiceId)) {
                    throw notFound("Practitioner", "practitionerId");
                }
            }).replaceWithVoid();
        }).chain(() -> Panache.getSession()).chain(s -> s.createNativeQuery(
                        "INSERT INTO waitlist_entry (practice_id, patient_id, practitioner_id, motive_id, from_date, to_date,"
                                + " from_time, to_time, created_by) VALUES (:practice, :patient, "
                                + (dto.practitionerId == null ? "NULL" : String.valueOf(dto.practitionerId.longValue()))
                                + ", :motive, :from, :to, "
                                // validated HH:mm texts, or no range at all
                                + (fromTime == null ? "NULL, NULL" : "'" + fromTime + "', '" + toTime + "'")
                                + ", :by) RETURNING " + COLUMNS.replace("e.", ""), Object[].class)
                .setParameter("practice", practiceId)
                .setParameter("patient", dto.patientId)
                .setParameter("motive", dto.motiveId)
                .setParameter("from", from)
                .setParameter("to", to)
                .setParameter("by", caller.accountId())
                .getSingleResult()))
                .map(row -> Response.status(201).entity(toDto(row)).build());
    }

    public Uni<List<WaitlistEntryDto>> ofPractice(Caller caller, long practiceId) {
        if (!caller.isStaffOf(practiceId)) {
            throw ProblemException.notFound("Practice");
        }
        return Panache.withSession(() -> list("e.practice_id = :id", practiceId));
    }

    /** The caller's own entries and their relatives'. */
    public Uni<List<WaitlistEntryDto>> mine(Caller caller) {
        return Panache.withSession(() -> list(
                "e.patient_id IN (SELECT pt.id FROM patient pt WHERE pt.id = :id OR pt.holder_id = :id)", caller.patientId()));
    }

    public Uni<Void> delete(Caller caller, long id) {
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                                "SELECT e.practice_id, e.patient_id FROM waitlist_entry e WHERE e.id = :id", Object[].class)
                        .setParameter("id", id).getSingleResultOrNull())
                .chain(row -> {
                    if (row == null) {
                        throw ProblemException.notFound("Waitlist entry");
                    }
                    long practiceId = ((Number) row[0]).longValue();
                    long patientId = ((Number) row[1]).longValue();
                    Uni<Boolean> allowed = caller.isPatient()
                            ? patients.isOwnOrRelative(caller.patientId(), patientId)
                            : Uni.createFrom().item(caller.isStaffOf(practiceId));
                    return allowed;
                })
                .chain(allowed -> {
                    if (!allowed) {
                        throw ProblemException.notFound("Waitlist entry");
                    }
                    return Panache.getSession().chain(s -> s.createNativeQuery(
                            "DELETE FROM waitlist_entry WHERE id = :id").setParameter("id", id).executeUpdate());
                }).replaceWithVoid());
    }

    private Uni<List<WaitlistEntryDto>> list(String where, long id) {
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT " + COLUMNS + " FROM waitlist_entry e WHERE "
                        + where + " AND e.status = 'OPEN' ORDER BY e.created_at, e.id", Object[].class)
                .setParameter("id", id).getResultList()).map(rows -> {
                    List<WaitlistEntryDto> out = new ArrayList<>();
                    for (Object[] row : rows) {
                        out.add(toDto(row));
                    }
                    return out;
                });
    }

    // ---------------------------------------------------------------- offers

    /**
     * A slot freed up (a cancellation, a move away): every matching open entry gets an offer, oldest entry first
     * (its rank), each with its notification, all in the caller's transaction so that a change that rolls back
     * offers nothing. Call it after the change is flushed.
     */
    public Uni<Void> slotFreed(long practiceId, long practitionerId, long motiveId, Instant start, long freedPatientId) {
        Instant now = clock.instant();
        if (!start.isAfter(now)) {
            return Uni.createFrom().voidItem();
        }
        Instant expires = now.plus(Duration.ofMinutes(offerMinutes));
        return Practice.<Practice>findById(practiceId).chain(practice -> {
            ZonedDateTime local = start.atZone(practice.zone());
            return Panache.getSession().chain(s -> s.createNativeQuery(MATCHING, Object[].class)
                    .setParameter("practice", practiceId)
                    .setParameter("motive", motiveId)
                    .setParameter("practitioner", practitionerId)
                    .setParameter("freedPatient", freedPatientId)
                    .setParameter("day", local.toLocalDate())
                    .setParameter("time", local.toLocalTime())
                    .getResultList()
                    .chain(rows -> {
                        Uni<Void> chain = Uni.createFrom().voidItem();
                        int rank = 0;
                        for (Object[] row : rows) {
                            long entryId = ((Number) row[0]).longValue();
                            long patientId = ((Number) row[1]).longValue();
                            int r = ++rank;
                            chain = chain.chain(() -> offer(s, entryId, patientId, practiceId, practitionerId, motiveId,
                                    local, expires, r));
                        }
                        return chain;
                    }));
        });
    }

    private Uni<Void> offer(Mutiny.Session s, long entryId, long patientId, long practiceId, long practitionerId,
                            long motiveId, ZonedDateTime local, Instant expires, int rank) {
        Instant start = local.toInstant();
        return s.createNativeQuery("INSERT INTO waitlist_offer (entry_id, practice_id, practitioner_id, motive_id,"
                                + " starts_at, expires_at, rank) VALUES (:entry, :practice, :practitioner, :motive, :start,"
                                + " :expires, :rank) RETURNING id", Long.class)
                .setParameter("entry", entryId)
                .setParameter("practice", practiceId)
                .setParameter("practitioner", practitionerId)
                .setParameter("motive", motiveId)
                .setParameter("start", OffsetDateTime.ofInstant(start, ZoneOffset.UTC))
                .setParameter("expires", OffsetDateTime.ofInstant(expires, ZoneOffset.UTC))
                .setParameter("rank", rank)
                .getSingleResult()
                .chain(offerId -> s.createNativeQuery(RECIPIENT, Long.class).setParameter("patient", patientId)
                        .getSingleResultOrNull()
                        .chain(accountId -> {
                            // Push to the holder's app; a patient without an account is reached by SMS.
                            DeliveryChannel channel = accountId == null ? DeliveryChannel.SMS : DeliveryChannel.PUSH;
                            // Ids and the time only: the message names the practice, date and time, no motive.
                            Map<String, Object> payload = Map.of("offerId", offerId, "practiceId", practiceId,
                                    "startsAt", start.toString(), "expiresAt", expires.toString(),
                                    "localDate", local.toLocalDate().toString(),
                                    "localTime", local.toLocalTime().toString().substring(0, 5));
                            return outbox.enqueue(List.of(new OutboxEntry(null, patientId, accountId, practiceId,
                                    channel, NotificationKind.WAITLIST_OFFER, clock.instant(), payload,
                                    "waitlist-offer:" + offerId + ":" + channel.name())));
                        }));
    }

    /**
     * Books the offered slot for the waiting patient. The offer row is read, not locked: concurrent claims all go
     * to the booking, where the exclusion constraint lets exactly one through (the others get 409 slot_taken).
     */
    public Uni<Response> claim(Caller caller, long offerId) {
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                        "SELECT o.status, o.expires_at, e.patient_id, o.practitioner_id, o.motive_id, o.starts_at,"
                                + " o.practice_id, e.id FROM waitlist_offer o JOIN waitlist_entry e ON e.id = o.entry_id"
                                + " WHERE o.id = :id", Object[].class)
                .setParameter("id", offerId).getSingleResultOrNull()
                .chain(row -> {
                    if (row == null) {
                        throw ProblemException.notFound("Offer");
                    }
                    long patientId = ((Number) row[2]).longValue();
                    long practiceId = ((Number) row[6]).longValue();
                    Uni<Boolean> allowed = caller.isPatient()
                            ? patients.isOwnOrRelative(caller.patientId(), patientId)
                            : Uni.createFrom().item(caller.isStaffOf(practiceId) && caller.role() != Role.PRACTITIONER);
                    return allowed.chain(ok -> {
                        if (!ok) {
                            throw ProblemException.notFound("Offer");
                        }
                        if (!"OPEN".equals(row[0])) {
                            throw ProblemException.conflict("slot_taken", "This slot has been taken");
                        }
                        if (!instant(row[1]).isAfter(clock.instant())) {
                            throw new ProblemException(410, "offer_expired", "This offer has expired");
                        }
                        BookingRequest booking = new BookingRequest();
                        booking.patientId = patientId;
                        booking.practitionerId = ((Number) row[3]).longValue();
                        booking.motiveId = ((Number) row[4]).longValue();
                        booking.start = instant(row[5]).toString();
                        long entryId = ((Number) row[7]).longValue();
                        // Joins this transaction: the booking and the offer's outcome commit together
                        return appointments.book(caller, booking, null).chain(response -> {
                            long appointmentId = appointmentId(response);
                            return s.createNativeQuery("UPDATE waitlist_offer SET status = 'CLAIMED',"
                                            + " appointment_id = :appointment WHERE id = :id")
                                    .setParameter("appointment", appointmentId).setParameter("id", offerId)
                                    .executeUpdate()
                                    .chain(() -> s.createNativeQuery("UPDATE waitlist_entry SET status = 'BOOKED'"
                                            + " WHERE id = :entry").setParameter("entry", entryId).executeUpdate())
                                    .chain(() -> s.createNativeQuery("UPDATE waitlist_offer SET status = 'GONE'"
                                                    + " WHERE status = 'OPEN' AND id <> :id AND (entry_id = :entry OR"
                                                    + " (practitioner_id = :practitioner AND starts_at = :start))")
                                            .setParameter("id", offerId).setParameter("entry", entryId)
                                            .setParameter("practitioner", booking.practitionerId)
                                            .setParameter("start", OffsetDateTime.ofInstant(instant(row[5]), ZoneOffset.UTC))
                                            .executeUpdate())
                                    .replaceWith(response);
                        });
                    });
                })));
    }

    // ---------------------------------------------------------------- helpers

    /** The booking path answers its JSON text (the idempotency record's form). */
    private long appointmentId(Response response) {
        try {
            return json.readTree(String.valueOf(response.getEntity())).path("id").asLong();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Unreadable booking answer", e);
        }
    }

    static WaitlistEntryDto toDto(Object[] row) {
        WaitlistEntryDto d = new WaitlistEntryDto();
        d.id = ((Number) row[0]).longValue();
        d.practiceId = ((Number) row[1]).longValue();
        d.patientId = ((Number) row[2]).longValue();
        d.practitionerId = row[3] == null ? null : ((Number) row[3]).longValue();
        d.motiveId = ((Number) row[4]).longValue();
        d.fromDate = String.valueOf(row[5]);
        d.toDate = String.valueOf(row[6]);
        d.fromTime = hhmm(row[7]);
        d.toTime = hhmm(row[8]);
        d.status = String.valueOf(row[9]);
        d.createdAt = instant(row[10]).toString();
        return d;
    }

    private static String hhmm(Object value) {
        if (value == null) {
            return null;
        }
        String text = value instanceof Time t ? t.toLocalTime().toString() : value.toString();
        return text.length() > 5 ? text.substring(0, 5) : text;
    }

    static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.LocalDateTime l) {
            return l.toInstant(ZoneOffset.UTC);
        }
        return OffsetDateTime.parse(value.toString()).toInstant();
    }

    private static LocalTime time(String field, String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "invalid_time", "must be a time such as 08:30");
        }
    }

    private static ProblemException notFound(String what, String field) {
        return new ProblemException(404, "not_found", what + " not found",
                List.of(new FieldError(field, "not_found", "no such " + what.toLowerCase())), null);
    }
}
