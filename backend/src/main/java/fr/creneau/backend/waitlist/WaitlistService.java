package fr.creneau.backend.waitlist;

import static fr.creneau.backend.platform.SqlValues.instant;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.creneau.backend.practice.Viewer;
import fr.creneau.backend.schedule.OpeningRange;
import fr.creneau.backend.schedule.ScheduleService;
import fr.creneau.model.api.SlotDto;
import fr.creneau.model.api.WaitlistOfferDto;
import io.quarkus.scheduler.Scheduled;
import org.jboss.logging.Logger;
import java.time.ZoneId;
import fr.creneau.backend.appointment.AppointmentService;
import fr.creneau.backend.appointment.Caller;
import fr.creneau.backend.notification.DeliveryChannel;
import fr.creneau.backend.notification.NotificationKind;
import fr.creneau.backend.notification.NotificationOutbox;
import fr.creneau.backend.notification.OutboxEntry;
import fr.creneau.backend.notification.QuietHours;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
            // one open offer per entry at a time, and each entry once per round
            + " AND NOT EXISTS (SELECT 1 FROM waitlist_offer o WHERE o.entry_id = e.id"
            + " AND (o.round_id = :round OR o.status = 'OPEN'))"
            + " ORDER BY e.created_at, e.id LIMIT :need";

    /** Joins the notification policy (alias np) that {@link QuietHours#COLUMNS} reads to the practice aliased p. */
    static final String QUIET_POLICY = " LEFT JOIN notification_policy np ON np.practice_id = p.id";
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

    @Inject
    ScheduleService schedule;

    @ConfigProperty(name = "creneau.waitlist.offer-minutes", defaultValue = "30")
    int offerMinutes;

    /** How many entries a freed slot is offered to at once; the next ones get it when an offer expires or is declined. */
    @ConfigProperty(name = "creneau.waitlist.wave-size", defaultValue = "3")
    int waveSize;

    /** Off in tests, which call {@link #advance} themselves with the time they need. */
    @ConfigProperty(name = "creneau.waitlist.advance.enabled", defaultValue = "true")
    boolean advanceEnabled;

    private static final Logger LOG = Logger.getLogger(WaitlistService.class);

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
        if (caller.role() == Role.PRACTITIONER) {
            // a colleague's patients are not theirs to follow; the same DTO, which carries no contact detail
            return Panache.withSession(() -> list("e.practice_id = :id"
                    + " AND (e.practitioner_id IS NULL OR e.practitioner_id = :practitioner)", practiceId,
                    caller.practitionerId() == null ? -1L : caller.practitionerId()));
        }
        return Panache.withSession(() -> list("e.practice_id = :id", practiceId, null));
    }

    /** The caller's own entries and their relatives'. */
    public Uni<List<WaitlistEntryDto>> mine(Caller caller) {
        return Panache.withSession(() -> list(
                "e.patient_id IN (SELECT pt.id FROM patient pt WHERE pt.id = :id OR pt.holder_id = :id)", caller.patientId(),
                null));
    }

    /**
     * The patient no longer waits (they said so, in the app or on the phone). An offer the entry held goes with it,
     * and its slot goes at once to the next entry in line, as a decline would, rather than at the job's next run.
     */
    public Uni<Void> delete(Caller caller, long id) {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                                "SELECT e.practice_id, e.patient_id FROM waitlist_entry e WHERE e.id = :id", Object[].class)
                        .setParameter("id", id).getSingleResultOrNull()
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
                    // the resource already refuses them: a practitioner reads the list, the secretariat runs it
                    if (caller.role() == Role.PRACTITIONER) {
                        throw ProblemException.forbidden("The secretariat manages the waitlist");
                    }
                    return s.createNativeQuery("SELECT DISTINCT o.round_id FROM waitlist_offer o WHERE o.entry_id = :id"
                            + " AND o.status = 'OPEN' AND o.round_id IS NOT NULL", Long.class)
                            .setParameter("id", id).getResultList();
                })
                .chain(rounds -> s.createNativeQuery("DELETE FROM waitlist_entry WHERE id = :id")
                        .setParameter("id", id).executeUpdate()
                        .chain(() -> {
                            Uni<Void> chain = Uni.createFrom().voidItem();
                            for (Long roundId : rounds) {
                                chain = chain.chain(() -> refill(s, roundId, now));
                            }
                            return chain;
                        }))));
    }

    /**
     * Open entries, oldest first: the order in which freed slots are offered. Each carries its offer still open and
     * not yet past its expiry, if any (at most one per entry, see {@link #MATCHING}).
     */
    private Uni<List<WaitlistEntryDto>> list(String where, long id, Long practitioner) {
        Instant now = clock.instant();
        return Panache.getSession().chain(s -> {
            Mutiny.SelectionQuery<Object[]> q = s.createNativeQuery("SELECT " + COLUMNS + ", pr.name,"
                        + " d.first_name || ' ' || d.last_name, pt.first_name || ' ' || pt.last_name, m.label_fr, m.label_en,"
                        + " o.id, o.starts_at, o.expires_at, od.first_name || ' ' || od.last_name, pr.timezone"
                        + " FROM waitlist_entry e JOIN practice pr ON pr.id = e.practice_id"
                        + " LEFT JOIN practitioner d ON d.id = e.practitioner_id JOIN patient pt ON pt.id = e.patient_id"
                        + " JOIN motive m ON m.id = e.motive_id"
                        + " LEFT JOIN LATERAL (SELECT f.id, f.starts_at, f.expires_at, f.practitioner_id FROM waitlist_offer f"
                        + " WHERE f.entry_id = e.id AND f.status = 'OPEN' AND f.expires_at > :now"
                        + " ORDER BY f.expires_at, f.id LIMIT 1) o ON TRUE"
                        + " LEFT JOIN practitioner od ON od.id = o.practitioner_id WHERE "
                        + where + " AND e.status = 'OPEN' ORDER BY e.created_at, e.id", Object[].class)
                    .setParameter("id", id).setParameter("now", utc(now));
            if (practitioner != null) {
                q.setParameter("practitioner", practitioner);
            }
            return q.getResultList();
        }).map(rows -> {
                    List<WaitlistEntryDto> out = new ArrayList<>();
                    for (Object[] row : rows) {
                        WaitlistEntryDto d = toDto(row);
                        // names for display; the practitioner's is absent when anyone of the practice will do
                        d.practiceName = (String) row[11];
                        d.practitionerName = (String) row[12];
                        d.patientName = (String) row[13];
                        d.motiveLabelFr = (String) row[14];
                        d.motiveLabelEn = (String) row[15];
                        if (row[16] != null) {
                            d.offerId = ((Number) row[16]).longValue();
                            d.offerStart = instant(row[17]).toString();
                            d.offerExpiresAt = instant(row[18]).toString();
                            d.offerPractitionerName = (String) row[19];
                        }
                        d.timezone = (String) row[20];
                        out.add(d);
                    }
                    return out;
                });
    }

    // ---------------------------------------------------------------- offers: rounds and waves

    /** An appointment that holds its slot (same rule as the exclusion constraint). */
    static final String LIVE = "a.status NOT IN ('CANCELLED_BY_PATIENT', 'CANCELLED_BY_PRACTICE')";

    /**
     * A slot freed up (a cancellation, a move away): a new round offers it to the first matching entries, a wave of
     * {@code creneau.waitlist.wave-size} at a time, each offer with its notification, all in the caller's
     * transaction so that a change that rolls back offers nothing. Call it after the change is flushed.
     */
    public Uni<Void> slotFreed(long practiceId, long practitionerId, long motiveId, Instant start, long freedPatientId) {
        Instant now = clock.instant();
        if (!start.isAfter(now)) {
            return Uni.createFrom().voidItem();
        }
        // only a slot a patient could book online is offered: time inside an absence or an unreleased urgency
        // reserve is not free, and the schedule owns that rule (clashes aside, which the claim meets at the database)
        return schedule.requireBookable(practitionerId, motiveId, start, false)
                .map(slot -> true)
                .onFailure(ProblemException.class).recoverWithItem(false)
                .chain(bookable -> !bookable ? Uni.createFrom().voidItem()
                        : Motive.<Motive>findById(motiveId).chain(motive -> openRound(practiceId, practitionerId,
                                motiveId, start, start.plus(Duration.ofMinutes(motive.durationMinutes)), freedPatientId, now)));
    }

    /**
     * An urgency reserve released for a date: each of its slots now bookable online opens a round, for the motives
     * that someone on the waitlist waits for that day. Call it in the release's transaction, after the release.
     */
    public Uni<Void> rangeReleased(OpeningRange range, LocalDate date) {
        Instant now = clock.instant();
        List<Long> motiveIds = List.of(range.motiveIds);
        return Panache.getSession().chain(s -> s.flush()
                .chain(() -> Practitioner.<Practitioner>findById(range.practitionerId))
                .chain(practitioner -> Practice.<Practice>findById(practitioner.practiceId))
                .chain(practice -> s.createNativeQuery("SELECT DISTINCT e.motive_id FROM waitlist_entry e"
                                        + " WHERE e.status = 'OPEN' AND e.practice_id = :practice"
                                        + " AND (e.practitioner_id IS NULL OR e.practitioner_id = :practitioner)"
                                        + " AND CAST(:day AS date) BETWEEN e.from_date AND e.to_date"
                                        + " AND e.motive_id IN (:motives) ORDER BY e.motive_id", Long.class)
                        .setParameter("practice", practice.id)
                        .setParameter("practitioner", range.practitionerId)
                        .setParameter("day", date)
                        .setParameter("motives", motiveIds)
                        .getResultList()
                        .chain(waitedFor -> {
                            Uni<Void> chain = Uni.createFrom().voidItem();
                            for (Long motiveId : waitedFor) {
                                chain = chain.chain(() -> schedule.availabilityInThisTransaction(Viewer.ANONYMOUS, range.practitionerId,
                                        motiveId, date, date).chain(slots -> {
                                    Uni<Void> rounds = Uni.createFrom().voidItem();
                                    for (SlotDto slot : slots) {
                                        Instant start = Instant.parse(slot.start);
                                        LocalTime at = start.atZone(practice.zone()).toLocalTime();
                                        // the released range's own slots, not another reserve's of the same day
                                        if (slot.urgencyReserve && !at.isBefore(range.startTime) && at.isBefore(range.endTime)) {
                                            rounds = rounds.chain(() -> openRound(practice.id, range.practitionerId,
                                                    motiveId, start, Instant.parse(slot.end), null, now));
                                        }
                                    }
                                    return rounds;
                                }));
                            }
                            return chain;
                        })));
    }

    private Uni<Void> openRound(long practiceId, long practitionerId, long motiveId, Instant start, Instant end,
                                Long freedPatientId, Instant now) {
        return Panache.getSession().chain(s -> s.createNativeQuery("INSERT INTO waitlist_round (practice_id,"
                                + " practitioner_id, motive_id, starts_at, ends_at, freed_patient_id) VALUES (:practice,"
                                + " :practitioner, :motive, :start, :end, "
                                + (freedPatientId == null ? "NULL" : String.valueOf(freedPatientId.longValue()))
                                + ") RETURNING id", Long.class)
                .setParameter("practice", practiceId)
                .setParameter("practitioner", practitionerId)
                .setParameter("motive", motiveId)
                .setParameter("start", utc(start))
                .setParameter("end", utc(end))
                .getSingleResult()
                .chain(roundId -> refill(s, roundId, now)));
    }

    /**
     * Tops a round up to a full wave: while fewer than wave-size of its offers are open, the next matching entries
     * (oldest first; none already offered in this round; none holding an open offer elsewhere, so nobody is flooded)
     * get one. The round's row is locked first, so that the job, a decline and a claim never top it up twice at
     * once. A round whose slot was booked meanwhile, by anyone, is closed and its open offers withdrawn.
     */
    Uni<Void> refill(Mutiny.Session s, long roundId, Instant now) {
        return s.createNativeQuery("SELECT r.practice_id, r.practitioner_id, r.motive_id, r.starts_at, r.ends_at,"
                                + " r.freed_patient_id, r.status, p.timezone,"
                                + " (SELECT count(*) FROM waitlist_offer o WHERE o.round_id = r.id AND o.status = 'OPEN'),"
                                + " (SELECT COALESCE(max(o.rank), 0) FROM waitlist_offer o WHERE o.round_id = r.id),"
                                + " EXISTS (SELECT 1 FROM appointment a WHERE a.practitioner_id = r.practitioner_id AND " + LIVE
                                + "   AND tstzrange(a.starts_at, a.ends_at, '[)') && tstzrange(r.starts_at, r.ends_at, '[)')),"
                                + " " + QuietHours.COLUMNS
                                + " FROM waitlist_round r JOIN practice p ON p.id = r.practice_id" + QUIET_POLICY
                                + " WHERE r.id = :id FOR UPDATE OF r",
                        Object[].class)
                .setParameter("id", roundId).getSingleResultOrNull()
                .chain(row -> {
                    if (row == null || !"OPEN".equals(row[6])) {
                        return Uni.createFrom().voidItem();
                    }
                    Instant start = instant(row[3]);
                    if (!start.isAfter(now)) {
                        return roundStatus(s, roundId, "PAST");
                    }
                    if (Boolean.TRUE.equals(row[10])) {
                        return roundStatus(s, roundId, "TAKEN")
                                .chain(() -> withdraw(s, "o.round_id = :round", Map.of("round", roundId), now));
                    }
                    int need = waveSize - ((Number) row[8]).intValue();
                    if (need <= 0) {
                        return Uni.createFrom().voidItem();
                    }
                    long practiceId = ((Number) row[0]).longValue();
                    long practitionerId = ((Number) row[1]).longValue();
                    long motiveId = ((Number) row[2]).longValue();
                    int lastRank = ((Number) row[9]).intValue();
                    ZoneId zone = ZoneId.of((String) row[7]);
                    ZonedDateTime local = start.atZone(zone);
                    // Nobody is woken for an offer: one made in the practice's quiet hours goes out at their end, and
                    // its time to answer runs from then, so that a patient does not lose it asleep.
                    Instant sendAt = sendTime(now, zone, row[11], row[12]);
                    if (!start.isAfter(sendAt)) {
                        // The slot starts before anyone may be told: an offer nobody can read in time is useless, and
                        // it would tie the entries up (one open offer each) while a later slot could go to them. No
                        // offer then; the round stays open and closes when its slot passes.
                        return Uni.createFrom().voidItem();
                    }
                    // An offer is for a consultation to come: once the slot has begun there is nothing left to claim
                    Instant fullTime = sendAt.plus(Duration.ofMinutes(offerMinutes));
                    Instant expires = fullTime.isAfter(start) ? start : fullTime;
                    return s.createNativeQuery(MATCHING, Object[].class)
                            .setParameter("practice", practiceId)
                            .setParameter("motive", motiveId)
                            .setParameter("practitioner", practitionerId)
                            .setParameter("freedPatient", row[5] == null ? -1L : ((Number) row[5]).longValue())
                            .setParameter("day", local.toLocalDate())
                            .setParameter("time", local.toLocalTime())
                            .setParameter("round", roundId)
                            .setParameter("need", need)
                            .getResultList()
                            .chain(rows -> {
                                Uni<Void> chain = Uni.createFrom().voidItem();
                                int rank = lastRank;
                                for (Object[] entry : rows) {
                                    long entryId = ((Number) entry[0]).longValue();
                                    long patientId = ((Number) entry[1]).longValue();
                                    int r = ++rank;
                                    chain = chain.chain(() -> offer(s, roundId, entryId, patientId, practiceId,
                                            practitionerId, motiveId, local, expires, r, sendAt));
                                }
                                return chain;
                            });
                });
    }

    private static Uni<Void> roundStatus(Mutiny.Session s, long roundId, String status) {
        return s.createNativeQuery("UPDATE waitlist_round SET status = '" + status + "' WHERE id = :id")
                .setParameter("id", roundId).executeUpdate().replaceWithVoid();
    }

    private Uni<Void> offer(Mutiny.Session s, long roundId, long entryId, long patientId, long practiceId,
                            long practitionerId, long motiveId, ZonedDateTime local, Instant expires, int rank, Instant sendAt) {
        Instant start = local.toInstant();
        return s.createNativeQuery("INSERT INTO waitlist_offer (round_id, entry_id, practice_id, practitioner_id,"
                                + " motive_id, starts_at, expires_at, rank) VALUES (:round, :entry, :practice, :practitioner,"
                                + " :motive, :start, :expires, :rank) RETURNING id", Long.class)
                .setParameter("round", roundId)
                .setParameter("entry", entryId)
                .setParameter("practice", practiceId)
                .setParameter("practitioner", practitionerId)
                .setParameter("motive", motiveId)
                .setParameter("start", utc(start))
                .setParameter("expires", utc(expires))
                .setParameter("rank", rank)
                .getSingleResult()
                .chain(offerId -> notice(s, NotificationKind.WAITLIST_OFFER, offerId, patientId, practiceId, local,
                        sendAt, Map.of("startsAt", start.toString(), "expiresAt", expires.toString())));
    }

    /**
     * The offer's push (to the holder's app) or SMS (a patient without an account): the practice, date and time,
     * never the motive or the practitioner. Ids and times only in the payload.
     */
    private Uni<Void> notice(Mutiny.Session s, NotificationKind kind, long offerId, long patientId, long practiceId,
                             ZonedDateTime local, Instant due, Map<String, Object> extra) {
        return s.createNativeQuery(RECIPIENT, Long.class).setParameter("patient", patientId).getSingleResultOrNull()
                .chain(accountId -> {
                    DeliveryChannel channel = accountId == null ? DeliveryChannel.SMS : DeliveryChannel.PUSH;
                    Map<String, Object> payload = new java.util.HashMap<>(extra);
                    payload.put("offerId", offerId);
                    payload.put("practiceId", practiceId);
                    payload.put("localDate", local.toLocalDate().toString());
                    payload.put("localTime", local.toLocalTime().toString().substring(0, 5));
                    String key = noticeKey(kind, offerId, channel);
                    return outbox.enqueue(List.of(new OutboxEntry(null, patientId, accountId, practiceId, channel, kind,
                            due, payload, key)));
                });
    }

    private static String noticeKey(NotificationKind kind, long offerId, DeliveryChannel channel) {
        return (kind == NotificationKind.WAITLIST_OFFER ? "waitlist-offer:" : "waitlist-gone:") + offerId + ":"
                + channel.name();
    }

    /**
     * Withdraws the open offers that {@code where} selects (alias o) and tells each patient that the slot is gone,
     * outside quiet hours like the offer itself. A patient whose offer notice had not gone out yet (an offer made at
     * night, taken before the morning) hears of neither. They stay on the waitlist.
     */
    private Uni<Void> withdraw(Mutiny.Session s, String where, Map<String, Object> params, Instant now) {
        Mutiny.SelectionQuery<Object[]> q = s.createNativeQuery("UPDATE waitlist_offer o SET status = 'GONE'"
                + " FROM waitlist_entry e, practice p" + QUIET_POLICY + " WHERE e.id = o.entry_id AND p.id = o.practice_id"
                + " AND o.status = 'OPEN' AND (" + where + ") RETURNING o.id, e.patient_id, o.practice_id, o.starts_at,"
                + " p.timezone, " + QuietHours.COLUMNS, Object[].class);
        params.forEach(q::setParameter);
        return q.getResultList().chain(rows -> {
            List<Long> offerIds = new ArrayList<>();
            for (Object[] row : rows) {
                offerIds.add(((Number) row[0]).longValue());
            }
            return dropUnsentOffers(s, offerIds, now).chain(untold -> {
                Uni<Void> chain = Uni.createFrom().voidItem();
                for (Object[] row : rows) {
                    long offerId = ((Number) row[0]).longValue();
                    if (untold.contains(offerId)) {
                        continue;
                    }
                    long patientId = ((Number) row[1]).longValue();
                    long practiceId = ((Number) row[2]).longValue();
                    ZoneId zone = ZoneId.of((String) row[4]);
                    ZonedDateTime local = instant(row[3]).atZone(zone);
                    Instant due = sendTime(now, zone, row[5], row[6]);
                    chain = chain.chain(() -> notice(s, NotificationKind.WAITLIST_GONE, offerId, patientId, practiceId,
                            local, due, Map.of()));
                }
                return chain;
            });
        });
    }

    /**
     * Offers that closed (declined, claimed, withdrawn) while their notice still waited for the end of the quiet
     * hours: the notice is dropped, or the patient would be told in the morning of a slot that is no longer theirs.
     * Answers the offers whose notice was dropped. A notice already due is left alone, as before quiet hours
     * applied: it may be on its way (a dispatcher's claim is not visible here before it commits).
     */
    private static Uni<Set<Long>> dropUnsentOffers(Mutiny.Session s, List<Long> offerIds, Instant now) {
        if (offerIds.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        List<String> keys = new ArrayList<>();
        for (Long offerId : offerIds) {
            keys.add(noticeKey(NotificationKind.WAITLIST_OFFER, offerId, DeliveryChannel.PUSH));
            keys.add(noticeKey(NotificationKind.WAITLIST_OFFER, offerId, DeliveryChannel.SMS));
        }
        return s.createNativeQuery("UPDATE notification_outbox SET status = 'SKIPPED', last_error = :why"
                        + " WHERE status = 'PENDING' AND group_key IN (:keys) AND due_at > :now"
                        + " RETURNING CAST(payload ->> 'offerId' AS bigint)", Long.class)
                .setParameter("why", NotificationOutbox.OFFER_CLOSED).setParameter("keys", keys)
                .setParameter("now", utc(now))
                .getResultList().map(HashSet::new);
    }

    /**
     * When a push or SMS written at {@code now} may go out: at once, or at the end of the practice's quiet hours,
     * whatever slot it is about (see {@link #refill} for a slot that starts before then).
     */
    private static Instant sendTime(Instant now, ZoneId zone, Object quietStart, Object quietEnd) {
        return QuietHours.defer(now, zone, LocalTime.parse((String) quietStart), LocalTime.parse((String) quietEnd));
    }

    /**
     * The job's core, callable with any "now": open offers past their expiry expire, rounds whose slot has passed
     * close, and every open round with room gets its next wave. One transaction: a failure leaves it all for the
     * next run.
     */
    public Uni<Integer> advance(Instant now) {
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                                "UPDATE waitlist_offer SET status = 'EXPIRED' WHERE status = 'OPEN' AND expires_at <= :now")
                        .setParameter("now", utc(now)).executeUpdate()
                        .chain(expired -> s.createNativeQuery(
                                        "UPDATE waitlist_round SET status = 'PAST' WHERE status = 'OPEN' AND starts_at <= :now")
                                .setParameter("now", utc(now)).executeUpdate()
                                .chain(() -> s.createNativeQuery("SELECT r.id FROM waitlist_round r WHERE r.status = 'OPEN'"
                                                + " AND (SELECT count(*) FROM waitlist_offer o WHERE o.round_id = r.id"
                                                + " AND o.status = 'OPEN') < :wave ORDER BY r.starts_at, r.id LIMIT :max", Long.class)
                                        .setParameter("wave", waveSize).setParameter("max", ROUNDS_PER_RUN)
                                        .getResultList())
                                .chain(rounds -> {
                                    Uni<Void> chain = Uni.createFrom().voidItem();
                                    for (Long roundId : rounds) {
                                        chain = chain.chain(() -> refill(s, roundId, now));
                                    }
                                    return chain;
                                })
                                .replaceWith(expired))));
    }

    /** Enough for a busy practice's minute; the rest waits for the next run, soonest slots first. */
    static final int ROUNDS_PER_RUN = 500;

    @Scheduled(every = "${creneau.waitlist.advance-every:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "waitlist-advance")
    Uni<Void> tick() {
        if (!advanceEnabled) {
            return Uni.createFrom().voidItem();
        }
        return advance(clock.instant())
                .invoke(expired -> {
                    if (expired > 0) {
                        LOG.infof("Waitlist: %d offer(s) expired, slots passed on", expired);
                    }
                })
                .onFailure().invoke(e -> LOG.warn("The waitlist run failed; the next one retries", e))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** The offers made to the caller and their relatives for slots still to come, newest first. */
    public Uni<List<WaitlistOfferDto>> myOffers(Caller caller) {
        Instant now = clock.instant();
        return Panache.withSession(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                        "SELECT o.id, o.entry_id, o.practice_id, pr.name, o.practitioner_id, d.first_name || ' ' || d.last_name,"
                                + " e.patient_id, pt.first_name || ' ' || pt.last_name, o.motive_id, m.label_fr, m.label_en,"
                                + " o.starts_at, o.expires_at, o.status, pr.timezone"
                                + " FROM waitlist_offer o JOIN waitlist_entry e ON e.id = o.entry_id"
                                + " JOIN patient pt ON pt.id = e.patient_id JOIN practice pr ON pr.id = o.practice_id"
                                + " JOIN practitioner d ON d.id = o.practitioner_id JOIN motive m ON m.id = o.motive_id"
                                + " WHERE (pt.id = :me OR pt.holder_id = :me) AND o.starts_at > :now"
                                + " ORDER BY o.created_at DESC, o.id DESC LIMIT 50", Object[].class)
                .setParameter("me", caller.patientId()).setParameter("now", utc(now)).getResultList()))
                .map(rows -> {
                    List<WaitlistOfferDto> out = new ArrayList<>();
                    for (Object[] row : rows) {
                        WaitlistOfferDto d = new WaitlistOfferDto();
                        d.id = ((Number) row[0]).longValue();
                        d.entryId = ((Number) row[1]).longValue();
                        d.practiceId = ((Number) row[2]).longValue();
                        d.practiceName = (String) row[3];
                        d.practitionerId = ((Number) row[4]).longValue();
                        d.practitionerName = (String) row[5];
                        d.patientId = ((Number) row[6]).longValue();
                        d.patientName = (String) row[7];
                        d.motiveId = ((Number) row[8]).longValue();
                        d.motiveLabelFr = (String) row[9];
                        d.motiveLabelEn = (String) row[10];
                        d.start = instant(row[11]).toString();
                        Instant expires = instant(row[12]);
                        d.expiresAt = expires.toString();
                        String status = (String) row[13];
                        // the job may not have run yet: an open offer past its expiry is expired all the same
                        d.status = "OPEN".equals(status) && !expires.isAfter(now) ? "EXPIRED" : status;
                        d.timezone = (String) row[14];
                        out.add(d);
                    }
                    return out;
                });
    }

    /** The offer row if the caller may act on it: its patient or their holder, or the practice's secretariat. */
    private Uni<Object[]> actionable(Mutiny.Session s, Caller caller, long offerId) {
        return s.createNativeQuery("SELECT o.status, o.expires_at, e.patient_id, o.practitioner_id, o.motive_id,"
                        + " o.starts_at, o.practice_id, e.id, o.round_id FROM waitlist_offer o"
                        + " JOIN waitlist_entry e ON e.id = o.entry_id WHERE o.id = :id", Object[].class)
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
                    return allowed.map(ok -> {
                        if (!ok) {
                            throw ProblemException.notFound("Offer");
                        }
                        return row;
                    });
                });
    }

    /** 409 once someone else has the slot or the offer was declined, 410 once it expired. */
    private void requireOpen(Object[] row) {
        String status = (String) row[0];
        if ("CLAIMED".equals(status) || "GONE".equals(status)) {
            throw ProblemException.conflict("slot_taken",
                    "This slot has been booked by another patient; you stay on the waitlist");
        }
        if ("DECLINED".equals(status)) {
            throw ProblemException.conflict("offer_declined", "This offer was declined");
        }
        if ("EXPIRED".equals(status) || !instant(row[1]).isAfter(clock.instant())) {
            throw new ProblemException(410, "offer_expired", "This offer has expired");
        }
    }

    /** The patient does not want this slot: the next entry in line is offered it at once. */
    public Uni<Void> decline(Caller caller, long offerId) {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> actionable(s, caller, offerId)
                .chain(row -> {
                    requireOpen(row);
                    return s.createNativeQuery("UPDATE waitlist_offer SET status = 'DECLINED' WHERE id = :id"
                                    + " AND status = 'OPEN'").setParameter("id", offerId).executeUpdate()
                            // declined in the app before the morning's notice: no notice then
                            .chain(() -> dropUnsentOffers(s, List.of(offerId), now))
                            .chain(() -> row[8] == null ? Uni.createFrom().voidItem()
                                    : refill(s, ((Number) row[8]).longValue(), now));
                })));
    }

    /**
     * Books the offered slot for the waiting patient. The offer row is read, not locked: concurrent claims all go
     * to the booking, where the exclusion constraint lets exactly one through (the others get 409 slot_taken).
     * The winner's transaction then closes the round and withdraws the other open offers of the slot, whose
     * patients hear that it is gone.
     */
    public Uni<Response> claim(Caller caller, long offerId) {
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> actionable(s, caller, offerId)
                .chain(row -> {
                    requireOpen(row);
                    long patientId = ((Number) row[2]).longValue();
                    BookingRequest booking = new BookingRequest();
                    booking.patientId = patientId;
                    booking.practitionerId = ((Number) row[3]).longValue();
                    booking.motiveId = ((Number) row[4]).longValue();
                    booking.start = instant(row[5]).toString();
                    long entryId = ((Number) row[7]).longValue();
                    Long roundId = row[8] == null ? null : ((Number) row[8]).longValue();
                    // Joins this transaction: the booking and the offers' outcome commit together
                    return appointments.book(caller, booking, null).chain(response -> {
                        JsonNode booked = booked(response);
                        Instant start = instant(row[5]);
                        Instant end = Instant.parse(booked.path("end").asText());
                        Map<String, Object> slot = Map.of("practitioner", booking.practitionerId,
                                "start", utc(start), "end", utc(end));
                        return s.createNativeQuery("UPDATE waitlist_offer SET status = 'CLAIMED',"
                                        + " appointment_id = :appointment WHERE id = :id")
                                .setParameter("appointment", booked.path("id").asLong()).setParameter("id", offerId)
                                .executeUpdate()
                                .chain(() -> s.createNativeQuery("UPDATE waitlist_entry SET status = 'BOOKED'"
                                        + " WHERE id = :entry").setParameter("entry", entryId).executeUpdate())
                                // the patient's other offers are moot now: withdrawn without a message, and
                                // notices still waiting for the morning (this offer's included) are dropped
                                .chain(() -> s.createNativeQuery("UPDATE waitlist_offer SET status = 'GONE'"
                                        + " WHERE status = 'OPEN' AND entry_id = :entry RETURNING id", Long.class)
                                        .setParameter("entry", entryId).getResultList())
                                .chain(moot -> {
                                    List<Long> offerIds = new ArrayList<>(moot);
                                    offerIds.add(offerId);
                                    return dropUnsentOffers(s, offerIds, clock.instant());
                                })
                                .chain(() -> roundId == null ? Uni.createFrom().voidItem()
                                        : roundStatus(s, roundId, "CLAIMED"))
                                .chain(() -> withdraw(s, "o.round_id IN (SELECT r.id FROM waitlist_round r"
                                        + " WHERE r.practitioner_id = :practitioner AND tstzrange(r.starts_at, r.ends_at, '[)')"
                                        + " && tstzrange(:start, :end, '[)')) OR (o.round_id IS NULL"
                                        + " AND o.practitioner_id = :practitioner AND o.starts_at = :start)", slot, clock.instant()))
                                // other rounds for an overlapping slot of the same practitioner are over too
                                .chain(() -> s.createNativeQuery("UPDATE waitlist_round SET status = 'TAKEN'"
                                                + " WHERE status = 'OPEN' AND practitioner_id = :practitioner"
                                                + " AND tstzrange(starts_at, ends_at, '[)') && tstzrange(:start, :end, '[)')")
                                        .setParameter("practitioner", booking.practitionerId)
                                        .setParameter("start", utc(start)).setParameter("end", utc(end))
                                        .executeUpdate())
                                .replaceWith(response);
                    });
                })));
    }

    // ---------------------------------------------------------------- helpers

    /** The booking path answers its JSON text (the idempotency record's form). */
    private JsonNode booked(Response response) {
        try {
            return json.readTree(String.valueOf(response.getEntity()));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Unreadable booking answer", e);
        }
    }

    static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
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
