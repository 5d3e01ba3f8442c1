package fr.creneau.backend.fallout;

import static fr.creneau.backend.platform.SqlValues.instant;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.creneau.backend.appointment.Appointment;
import fr.creneau.backend.appointment.AppointmentService;
import fr.creneau.backend.appointment.Caller;
import fr.creneau.backend.journal.Journal;
import fr.creneau.backend.journal.JournalActor;
import fr.creneau.backend.notification.NotificationKind;
import fr.creneau.backend.notification.NotificationLink;
import fr.creneau.backend.patient.Patient;
import fr.creneau.backend.patient.PatientRepository;
import fr.creneau.backend.platform.ProblemException;
import fr.creneau.backend.practice.Motive;
import fr.creneau.backend.practice.Practice;
import fr.creneau.backend.practice.Practitioner;
import fr.creneau.backend.practice.Viewer;
import fr.creneau.backend.schedule.Absence;
import fr.creneau.backend.schedule.ScheduleRepository;
import fr.creneau.backend.schedule.ScheduleService;
import fr.creneau.model.api.AbsenceDecisionDto;
import fr.creneau.model.api.AbsenceFalloutDto;
import fr.creneau.model.api.AbsenceFalloutRequest;
import fr.creneau.model.api.AbsenceProposalDto;
import fr.creneau.model.api.AppointmentDto;
import fr.creneau.model.api.BookingRequest;
import fr.creneau.model.api.SlotDto;
import fr.creneau.model.api.StatusChangeRequest;
import fr.creneau.model.rules.AppointmentStatus;
import fr.creneau.model.rules.FalloutAction;
import fr.creneau.model.rules.Role;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What happens to the appointments an absence holds. The staff decide per appointment or for all: KEEP (nothing
 * changes, they will call), CANCEL (cancelled by the practice, the patient told) or PROPOSE (cancelled too, and the
 * nearest free slots proposed for the patient to pick one from the app or from the link in the notice).
 *
 * <p>The original appointment is cancelled as soon as the decision is taken, PROPOSE included: it cannot take place
 * (the practitioner is away), so keeping it live would send reminders for a visit that will not happen and let
 * the patient turn up to a closed door. Its slot holds nothing of value either, since the absence blocks it.
 *
 * <p>Every change goes through {@link AppointmentService}: cancelling through its state machine (which writes the
 * cancellation notice to the outbox, journals and offers nothing bookable since the absence blocks the slot), and
 * accepting a proposal through its booking, as the patient, so that the slot rules and the exclusion constraint
 * decide exactly as for any online booking. Proposals are therefore computed with the patient's rules too.
 */
@ApplicationScoped
public class FalloutService {
    /** The reason stored on the cancelled appointment; the notice itself says "praticien absent". */
    static final String REASON = "Praticien absent";
    /** How many slots one appointment is offered. */
    static final int PROPOSALS = 3;
    /** How far after the absence the search looks, in local days. */
    static final int SEARCH_DAYS = 14;

    public static final String JOURNAL_DECIDE = "ABSENCE_FALLOUT_DECIDE";
    public static final String JOURNAL_ACCEPT = "ABSENCE_PROPOSAL_ACCEPT";
    static final String PURPOSE = "ABSENCE_PROPOSAL";

    /** Slot rules as a patient sees them: what the patient will be able to book when they accept. */
    private static final Viewer PATIENT_RULES = new Viewer(Role.PATIENT, null, null, null);
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HH:mm");

    @Inject
    AppointmentService appointments;

    @Inject
    ScheduleService schedule;

    @Inject
    ScheduleRepository scheduleRepository;

    @Inject
    PatientRepository patients;

    @Inject
    Journal journal;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    // ---------------------------------------------------------------- staff: decide

    /** One slot already proposed (in this request or still open from an earlier one): not proposed twice. */
    record Taken(long practitionerId, Instant start, Instant end) {
        boolean overlaps(long practitioner, Instant s, Instant e) {
            return practitionerId == practitioner && s.isBefore(end) && start.isBefore(e);
        }
    }

    public Uni<List<AbsenceFalloutDto>> decide(Caller caller, long absenceId, AbsenceFalloutRequest request) {
        if (request == null) {
            throw ProblemException.invalid("body", "required", "a JSON body is required");
        }
        ProblemException.check(request.validate());
        JournalActor actor = appointments.actor(caller);
        List<AppointmentDto> changed = new ArrayList<>();
        return Panache.withTransaction(() -> Absence.<Absence>findById(absenceId).chain(absence -> {
            if (absence == null) {
                throw ProblemException.notFound("Absence");
            }
            return Practitioner.<Practitioner>findById(absence.practitionerId).chain(p -> {
                if (p == null || !caller.isStaffOf(p.practiceId)) {
                    throw ProblemException.notFound("Absence");
                }
                // the agenda rule: a practitioner decides for their own agenda only (AppointmentService enforces
                // it again when cancelling; checked here so that nothing is computed for a refusal)
                if (caller.role() == Role.PRACTITIONER && !p.id.equals(caller.practitionerId())) {
                    throw new ProblemException(403, "not_your_agenda", "A practitioner may only change their own agenda");
                }
                return Practice.<Practice>findById(p.practiceId)
                        .chain(practice -> decideAll(caller, actor, absence, p, practice, request, changed));
            });
        })).invoke(() -> changed.forEach(dto -> appointments.announce(dto, false)));
    }

    private Uni<List<AbsenceFalloutDto>> decideAll(Caller caller, JournalActor actor, Absence absence, Practitioner p,
                                                   Practice practice, AbsenceFalloutRequest request,
                                                   List<AppointmentDto> changed) {
        return scheduleRepository.liveAppointments(List.of(p.id), absence.startsAt, absence.endsAt).chain(hits -> {
            Map<Long, FalloutAction> chosen = new HashMap<>();
            Map<Long, Appointment> byId = new HashMap<>();
            hits.forEach(a -> byId.put(a.id, a));
            for (int i = 0; i < request.decisions.size(); i++) {
                AbsenceDecisionDto d = request.decisions.get(i);
                if (!byId.containsKey(d.appointmentId)) {
                    throw ProblemException.invalid("decisions[" + i + "].appointmentId", "not_in_absence",
                            "is not a live appointment held by this absence");
                }
                chosen.put(d.appointmentId, d.action);
            }
            List<Long> motiveIds = hits.stream().map(a -> a.motiveId).distinct().toList();
            return Motive.<Motive>list("id in ?1", motiveIds.isEmpty() ? List.of(-1L) : motiveIds).chain(motives -> {
                Map<Long, Motive> motiveById = new HashMap<>();
                motives.forEach(m -> motiveById.put(m.id, m));
                // Urgent motives first, so that they get the nearest slots; then in the agenda's order
                List<Appointment> ordered = new ArrayList<>(hits);
                ordered.sort(Comparator.<Appointment, Boolean>comparing(a -> !motiveById.get(a.motiveId).urgencyReserve)
                        .thenComparing(a -> a.startsAt).thenComparing(a -> a.id));
                return Panache.getSession().chain(s -> substitute(s, absence, request.substitute, practice)
                        .chain(substitute -> openProposals(s, practice.id, absence.endsAt)
                        .chain(taken -> colleagues(p).chain(colleagues -> {
                            Uni<List<AbsenceFalloutDto>> chain = Uni.createFrom().item(new ArrayList<>());
                            for (Appointment a : ordered) {
                                FalloutAction action = chosen.getOrDefault(a.id,
                                        request.all == null ? FalloutAction.KEEP : request.all);
                                chain = chain.chain(out -> one(s, caller, actor, absence, practice, a,
                                        motiveById.get(a.motiveId), action, substitute, taken, colleagues, changed)
                                        .map(dto -> {
                                            out.add(dto);
                                            return out;
                                        }));
                            }
                            return chain;
                        }))));
            });
        });
    }

    private Uni<AbsenceFalloutDto> one(Mutiny.Session s, Caller caller, JournalActor actor, Absence absence,
                                       Practice practice, Appointment a, Motive motive, FalloutAction action,
                                       String substitute, List<Taken> taken, List<Practitioner> colleagues,
                                       List<AppointmentDto> changed) {
        if (action == FalloutAction.KEEP) {
            AbsenceFalloutDto kept = base(practice, a, substitute);
            kept.action = FalloutAction.KEEP;
            kept.status = "KEPT";
            return Uni.createFrom().item(kept);
        }
        Uni<List<SlotDto>> proposals = action == FalloutAction.PROPOSE
                ? nearest(practice, a, motive, absence.endsAt, taken, colleagues)
                : Uni.createFrom().item(List.of());
        return proposals.chain(slots -> {
            StatusChangeRequest cancel = new StatusChangeRequest();
            cancel.status = AppointmentStatus.CANCELLED_BY_PRACTICE;
            cancel.reason = REASON;
            return appointments.changeStatusWithin(caller, actor, a.id, cancel).invoke(changed::add)
                    .chain(dto -> {
                boolean open = !slots.isEmpty();
                Instant expires = open ? Instant.parse(slots.get(slots.size() - 1).start) : null;
                return s.createNativeQuery("INSERT INTO absence_decision (absence_id, appointment_id, practice_id,"
                                        + " patient_id, action, status, substitute, expires_at, decided_by)"
                                        + " VALUES (:absence, :appointment, :practice, :patient, :action, :status,"
                                        + " :substitute, :expires, :by) RETURNING id", Long.class)
                        .setParameter("absence", absence.id)
                        .setParameter("appointment", a.id)
                        .setParameter("practice", practice.id)
                        .setParameter("patient", a.patientId)
                        .setParameter("action", action.name())
                        .setParameter("status", open ? "OPEN" : "CANCELLED")
                        .setParameter("substitute", substitute)
                        .setParameter("expires", expires == null ? null : utc(expires))
                        .setParameter("by", caller.accountId())
                        .getSingleResult()
                        .chain(decisionId -> saveProposals(s, decisionId, slots).chain(ids -> {
                            NotificationKind kind = open ? NotificationKind.ABSENCE_PROPOSAL : NotificationKind.ABSENCE_CANCELLED;
                            return notice(s, a.id, kind, decisionId, practice, substitute, slots, expires)
                                    .chain(() -> journal.record(actor, practice.id, JOURNAL_DECIDE, Journal.APPOINTMENT,
                                            a.id, "absenceId=" + absence.id + " action=" + action + " proposals=" + slots.size()))
                                    .chain(() -> describe(decisionId));
                        }));
            });
        });
    }

    /**
     * The cancellation notice AppointmentService just wrote (through the reminder policy: channels, quiet hours)
     * becomes the absence notice: same rows, same transaction, another kind and what the notice must carry. The
     * practice's emergency number and the substitute are not clinical; the slots are times only.
     */
    private Uni<Void> notice(Mutiny.Session s, long appointmentId, NotificationKind kind, long decisionId,
                             Practice practice, String substitute, List<SlotDto> slots, Instant expires) {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("decisionId", decisionId);
        extra.put("emergencyNumber", practice.emergencyNumber);
        extra.put("substitute", substitute);
        if (expires != null) {
            extra.put("expiresAt", expires.toString());
        }
        List<Map<String, Object>> starts = new ArrayList<>();
        for (SlotDto slot : slots) {
            starts.add(Map.of("start", slot.start));
        }
        extra.put("proposals", starts);
        String text;
        try {
            text = json.writeValueAsString(extra);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return s.createNativeQuery("UPDATE notification_outbox SET kind = :kind,"
                        + " payload = payload || CAST(CAST(:extra AS text) AS jsonb)"
                        + " WHERE appointment_id = :appointment AND kind = 'CANCELLED' AND status = 'PENDING'")
                .setParameter("kind", kind.name())
                .setParameter("extra", text)
                .setParameter("appointment", appointmentId)
                .executeUpdate().replaceWithVoid();
    }

    /**
     * Up to {@link #PROPOSALS} free slots for the motive from the end of the absence on, the nearest first: the
     * same practitioner's first, then colleagues who take the same motive (a colleague's availability for the
     * motive only lists ranges that accept it). Slots already proposed to someone else are skipped.
     */
    private Uni<List<SlotDto>> nearest(Practice practice, Appointment a, Motive motive, Instant from, List<Taken> taken,
                                       List<Practitioner> colleagues) {
        ZoneId zone = practice.zone();
        Instant start = from.isAfter(clock.instant()) ? from : clock.instant();
        LocalDate first = start.atZone(zone).toLocalDate();
        LocalDate last = first.plusDays(SEARCH_DAYS - 1L);
        return free(a.practitionerId, motive, first, last, start, taken).chain(own -> {
            List<SlotDto> picked = new ArrayList<>(own.subList(0, Math.min(PROPOSALS, own.size())));
            if (picked.size() >= PROPOSALS || colleagues.isEmpty()) {
                return Uni.createFrom().item(take(picked, taken));
            }
            Uni<List<SlotDto>> others = Uni.createFrom().item(new ArrayList<>());
            for (Practitioner c : colleagues) {
                others = others.chain(acc -> free(c.id, motive, first, last, start, taken).map(list -> {
                    acc.addAll(list);
                    return acc;
                }));
            }
            return others.map(list -> {
                list.sort(Comparator.comparing((SlotDto d) -> d.start).thenComparing(d -> d.practitionerId));
                for (SlotDto d : list) {
                    if (picked.size() >= PROPOSALS) {
                        break;
                    }
                    picked.add(d);
                }
                return take(picked, taken);
            });
        });
    }

    private Uni<List<SlotDto>> free(long practitionerId, Motive motive, LocalDate first, LocalDate last, Instant from,
                                    List<Taken> taken) {
        return schedule.availabilityInThisTransaction(PATIENT_RULES, practitionerId, motive.id, first, last).map(slots -> {
            List<SlotDto> out = new ArrayList<>();
            for (SlotDto d : slots) {
                Instant s = Instant.parse(d.start);
                Instant e = Instant.parse(d.end);
                if (s.isBefore(from)) {
                    continue;
                }
                boolean clash = false;
                for (Taken t : taken) {
                    clash |= t.overlaps(practitionerId, s, e);
                }
                if (!clash) {
                    out.add(d);
                }
            }
            return out;
        });
    }

    private static List<SlotDto> take(List<SlotDto> picked, List<Taken> taken) {
        picked.sort(Comparator.comparing((SlotDto d) -> d.start));
        for (SlotDto d : picked) {
            taken.add(new Taken(d.practitionerId, Instant.parse(d.start), Instant.parse(d.end)));
        }
        return picked;
    }

    private Uni<List<Taken>> openProposals(Mutiny.Session s, long practiceId, Instant from) {
        return s.createNativeQuery("SELECT pr.practitioner_id, pr.starts_at, pr.ends_at FROM absence_proposal pr"
                        + " JOIN absence_decision d ON d.id = pr.decision_id WHERE d.practice_id = :practice"
                        + " AND d.status = 'OPEN' AND pr.status = 'OPEN' AND pr.ends_at > :from", Object[].class)
                .setParameter("practice", practiceId)
                .setParameter("from", utc(from))
                .getResultList()
                .map(rows -> {
                    List<Taken> out = new ArrayList<>();
                    for (Object[] r : rows) {
                        out.add(new Taken(((Number) r[0]).longValue(), instant(r[1]), instant(r[2])));
                    }
                    return out;
                });
    }

    private static Uni<List<Practitioner>> colleagues(Practitioner p) {
        return Practitioner.list("practiceId = ?1 and id <> ?2 order by id", p.practiceId, p.id);
    }

    /**
     * The substitute the notices name: the one given now (saved on the absence), else the absence's, else the
     * practice's. Read and written in SQL: the column belongs to this feature, the schedule's entity ignores it.
     */
    private static Uni<String> substitute(Mutiny.Session s, Absence absence, String given, Practice practice) {
        if (given != null && !given.isBlank()) {
            return s.createNativeQuery("UPDATE absence SET substitute = :s WHERE id = :id")
                    .setParameter("s", given.trim()).setParameter("id", absence.id).executeUpdate()
                    .replaceWith(given.trim());
        }
        return s.createNativeQuery("SELECT substitute FROM absence WHERE id = :id", String.class)
                .setParameter("id", absence.id).getSingleResultOrNull()
                .map(saved -> firstText(saved, practice.substitute));
    }

    private static Uni<List<Long>> saveProposals(Mutiny.Session s, long decisionId, List<SlotDto> slots) {
        Uni<List<Long>> chain = Uni.createFrom().item(new ArrayList<>());
        int rank = 0;
        for (SlotDto slot : slots) {
            int r = ++rank;
            chain = chain.chain(ids -> s.createNativeQuery("INSERT INTO absence_proposal (decision_id, practitioner_id,"
                                    + " site_id, motive_id, starts_at, ends_at, rank) VALUES (:decision, :practitioner,"
                                    + " :site, :motive, :start, :end, :rank) RETURNING id", Long.class)
                    .setParameter("decision", decisionId)
                    .setParameter("practitioner", slot.practitionerId)
                    .setParameter("site", slot.siteId)
                    .setParameter("motive", slot.motiveId)
                    .setParameter("start", utc(Instant.parse(slot.start)))
                    .setParameter("end", utc(Instant.parse(slot.end)))
                    .setParameter("rank", r)
                    .getSingleResult()
                    .map(id -> {
                        ids.add(id);
                        return ids;
                    }));
        }
        return chain;
    }

    // ---------------------------------------------------------------- patient: list and accept

    /** The caller's and their relatives' proposals still waiting for an answer. */
    public Uni<List<AbsenceFalloutDto>> mine(Caller caller) {
        return Panache.withSession(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                                "SELECT d.id FROM absence_decision d WHERE d.status = 'OPEN' AND d.expires_at > :now"
                                        + " AND d.patient_id IN (SELECT pt.id FROM patient pt WHERE pt.id = :me OR pt.holder_id = :me)"
                                        + " ORDER BY d.expires_at, d.id", Long.class)
                        .setParameter("now", utc(clock.instant()))
                        .setParameter("me", caller.patientId())
                        .getResultList())
                .chain(ids -> {
                    Uni<List<AbsenceFalloutDto>> chain = Uni.createFrom().item(new ArrayList<>());
                    for (Long id : ids) {
                        chain = chain.chain(out -> describe(id).map(d -> {
                            out.add(d);
                            return out;
                        }));
                    }
                    return chain;
                }));
    }

    /** Books the proposed slot for the patient, from the app: 201 with the new appointment. */
    public Uni<Response> accept(Caller caller, long proposalId) {
        return Panache.withTransaction(() -> proposal(proposalId).chain(row -> patients
                .isOwnOrRelative(caller.patientId(), row.patientId).chain(ok -> {
                    if (!ok) {
                        throw ProblemException.notFound("Proposal");
                    }
                    return book(caller, row);
                })));
    }

    // ---------------------------------------------------------------- the link in the notice (no sign-in)

    /** What the link shows: when, with whom, where to call. No appointment or patient id. */
    public Uni<AbsenceFalloutDto> viewLink(String token) {
        return Panache.withSession(() -> usableLink(token).chain(link -> decisionOf(link)).chain(this::describe))
                .map(FalloutService::forLink);
    }

    /**
     * Spends the link and books the slot in one transaction: when the slot was taken meanwhile (409) everything
     * rolls back, the link still works and the other proposals stay usable.
     */
    public Uni<AbsenceFalloutDto> acceptByLink(String token, long proposalId) {
        return Panache.withTransaction(() -> usableLink(token).chain(link -> decisionOf(link).chain(decisionId ->
                proposal(proposalId).chain(row -> {
                    if (row.decisionId != decisionId) {
                        throw ProblemException.notFound("Proposal");
                    }
                    return Panache.getSession().chain(s -> s.createNativeQuery("UPDATE notification_link SET used_at = :now,"
                                            + " used_action = 'ACCEPTED' WHERE id = :id AND used_at IS NULL")
                                    .setParameter("now", utc(clock.instant()))
                                    .setParameter("id", link.id)
                                    .executeUpdate())
                            .chain(updated -> {
                                if (updated == 0) {
                                    throw ProblemException.notFound("Link");
                                }
                                return Patient.<Patient>findById(row.patientId);
                            })
                            // the link acts as the patient who holds the appointment (a parent for a child); a
                            // patient without an account is booked on the account of the staff who proposed
                            .chain(pt -> book(new Caller(link.accountId != null ? link.accountId : row.decidedBy,
                                    Role.PATIENT, null, null, pt.holderId != null ? pt.holderId : pt.id), row))
                            .chain(() -> describe(decisionId));
                })))).map(FalloutService::forLink);
    }

    private Uni<NotificationLink> usableLink(String token) {
        if (!fr.creneau.backend.notification.LinkTokens.wellFormed(token)) {
            return Uni.createFrom().failure(ProblemException.notFound("Link"));
        }
        Instant now = clock.instant();
        return NotificationLink.<NotificationLink>find("tokenHash",
                fr.creneau.backend.notification.LinkTokens.hash(token)).firstResult().map(link -> {
                    if (link == null || !PURPOSE.equals(link.purpose) || link.usedAt != null || !link.expiresAt.isAfter(now)) {
                        throw ProblemException.notFound("Link");
                    }
                    return link;
                });
    }

    private Uni<Long> decisionOf(NotificationLink link) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "SELECT d.id FROM absence_decision d WHERE d.appointment_id = ANY(CAST(:ids AS bigint[]))", Long.class)
                .setParameter("ids", link.appointmentIds)
                .getSingleResultOrNull()).map(id -> {
                    if (id == null) {
                        throw ProblemException.notFound("Link");
                    }
                    return id;
                });
    }

    // ---------------------------------------------------------------- shared by both acceptances

    record ProposalRow(long id, long decisionId, long practitionerId, long siteId, long motiveId, Instant start,
                       String status, long patientId, String decisionStatus, Instant expiresAt, long practiceId,
                       long decidedBy) {
    }

    /** Locks the decision: two acceptances for the same appointment (two devices, app and link) queue here. */
    private Uni<ProposalRow> proposal(long proposalId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT pr.id, pr.decision_id, pr.practitioner_id,"
                                + " pr.site_id, pr.motive_id, pr.starts_at, pr.status, d.patient_id, d.status, d.expires_at,"
                                + " d.practice_id, d.decided_by FROM absence_proposal pr"
                                + " JOIN absence_decision d ON d.id = pr.decision_id WHERE pr.id = :id FOR UPDATE OF d",
                        Object[].class)
                .setParameter("id", proposalId)
                .getSingleResultOrNull()).map(r -> {
                    if (r == null) {
                        throw ProblemException.notFound("Proposal");
                    }
                    return new ProposalRow(num(r[0]), num(r[1]), num(r[2]), num(r[3]), num(r[4]), instant(r[5]),
                            (String) r[6], num(r[7]), (String) r[8], r[9] == null ? null : instant(r[9]), num(r[10]),
                            num(r[11]));
                });
    }

    private Uni<Response> book(Caller caller, ProposalRow row) {
        if (!"OPEN".equals(row.decisionStatus) || !"OPEN".equals(row.status)) {
            throw ProblemException.conflict("proposal_closed", "A proposed slot has already been accepted for this appointment");
        }
        if (row.expiresAt == null || !row.expiresAt.isAfter(clock.instant())) {
            throw new ProblemException(410, "proposal_expired", "These proposals have expired: please call the practice");
        }
        BookingRequest booking = new BookingRequest();
        booking.patientId = row.patientId;
        booking.practitionerId = row.practitionerId;
        booking.motiveId = row.motiveId;
        booking.siteId = row.siteId;
        booking.start = row.start.toString();
        JournalActor actor = appointments.actor(caller);
        // Joins this transaction: the booking and the proposal's outcome commit together, or neither
        return appointments.book(caller, booking, null).chain(response -> {
            long appointmentId = appointmentId(response);
            return Panache.getSession().chain(s -> s.createNativeQuery("UPDATE absence_proposal SET status ="
                                    + " CASE WHEN id = :id THEN 'ACCEPTED' ELSE 'GONE' END WHERE decision_id = :decision")
                            .setParameter("id", row.id).setParameter("decision", row.decisionId).executeUpdate()
                            .chain(() -> s.createNativeQuery("UPDATE absence_decision SET status = 'ACCEPTED',"
                                            + " new_appointment_id = :appointment WHERE id = :decision")
                                    .setParameter("appointment", appointmentId).setParameter("decision", row.decisionId)
                                    .executeUpdate()))
                    .chain(() -> journal.record(actor, row.practiceId, JOURNAL_ACCEPT, Journal.APPOINTMENT, appointmentId,
                            "decisionId=" + row.decisionId + " proposalId=" + row.id))
                    .replaceWith(response);
        });
    }

    // ---------------------------------------------------------------- reading a decision

    private Uni<AbsenceFalloutDto> describe(long decisionId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT d.id, d.appointment_id, d.patient_id,"
                                + " d.action, d.status, d.substitute, d.expires_at, d.new_appointment_id, d.practice_id"
                                + " FROM absence_decision d WHERE d.id = :id", Object[].class)
                        .setParameter("id", decisionId).getSingleResult()
                        .chain(r -> Appointment.<Appointment>findById(num(r[1])).chain(a -> Practice.<Practice>findById(num(r[8]))
                                .chain(practice -> s.createNativeQuery("SELECT pr.id, pr.practitioner_id, pr.starts_at,"
                                                        + " pr.ends_at, pr.status, p.first_name, p.last_name FROM absence_proposal pr"
                                                        + " JOIN practitioner p ON p.id = pr.practitioner_id"
                                                        + " WHERE pr.decision_id = :id ORDER BY pr.rank", Object[].class)
                                        .setParameter("id", decisionId).getResultList()
                                        .map(rows -> {
                                            AbsenceFalloutDto d = base(practice, a, (String) r[5]);
                                            d.id = num(r[0]);
                                            d.action = FalloutAction.valueOf((String) r[3]);
                                            d.status = (String) r[4];
                                            d.expiresAt = r[6] == null ? null : instant(r[6]).toString();
                                            d.newAppointmentId = r[7] == null ? null : num(r[7]);
                                            ZoneId zone = practice.zone();
                                            for (Object[] p : rows) {
                                                AbsenceProposalDto pd = new AbsenceProposalDto();
                                                pd.id = num(p[0]);
                                                pd.practitionerId = num(p[1]);
                                                Instant start = instant(p[2]);
                                                pd.start = start.toString();
                                                pd.end = instant(p[3]).toString();
                                                ZonedDateTime local = start.atZone(zone);
                                                pd.date = local.toLocalDate().toString();
                                                pd.time = HHMM.format(local);
                                                pd.status = (String) p[4];
                                                pd.practitionerName = "Dr " + p[5] + " " + p[6];
                                                d.proposals.add(pd);
                                            }
                                            return d;
                                        })))));
    }

    private static AbsenceFalloutDto base(Practice practice, Appointment a, String substitute) {
        AbsenceFalloutDto d = new AbsenceFalloutDto();
        d.appointmentId = a.id;
        d.patientId = a.patientId;
        d.practiceName = practice.name;
        d.timezone = practice.timezone;
        d.practicePhone = practice.phone;
        d.emergencyNumber = practice.emergencyNumber;
        d.substitute = substitute;
        ZonedDateTime local = a.startsAt.atZone(practice.zone());
        d.originalStart = a.startsAt.toString();
        d.originalDate = local.toLocalDate().toString();
        d.originalTime = HHMM.format(local);
        return d;
    }

    /** Whoever holds the link learns when and with whom, not whose appointment it is. */
    private static AbsenceFalloutDto forLink(AbsenceFalloutDto d) {
        d.appointmentId = null;
        d.patientId = null;
        d.newAppointmentId = null;
        return d;
    }

    // ---------------------------------------------------------------- helpers

    private long appointmentId(Response response) {
        try {
            return json.readTree(String.valueOf(response.getEntity())).path("id").asLong();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Unreadable booking answer", e);
        }
    }

    private static String firstText(String... texts) {
        for (String t : texts) {
            if (t != null && !t.isBlank()) {
                return t.trim();
            }
        }
        return null;
    }

    private static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    private static long num(Object o) {
        return ((Number) o).longValue();
    }

}
