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
import fr.creneau.model.api.AbsenceFollowUpDto;
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
    public static final String JOURNAL_DECLINE = "ABSENCE_PROPOSAL_DECLINE";
    static final String VIA_APP = "APP";
    static final String VIA_LINK = "LINK";
    static final String VIA_PHONE = "PHONE";
    /** How far back the staff's list reaches for answered or closed decisions; unanswered ones stay until handled. */
    static final int FOLLOW_UP_DAYS = 30;
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
                    return book(caller, row, VIA_APP);
                })));
    }

    // ---------------------------------------------------------------- staff: calling back who did not answer

    /**
     * The practice's decisions the staff follow up, urgent motives first, then the earliest cancelled appointment:
     * every unanswered one (pending or expired), and those answered or closed within {@link #FOLLOW_UP_DAYS}. A
     * practitioner sees their own agenda's only (the agenda rule of {@link #decide}).
     *
     * @param states comma-separated PENDING, EXPIRED, ACCEPTED, CANCELLED, DECLINED; null or blank for all
     */
    public Uni<List<AbsenceFollowUpDto>> followUp(Caller caller, long practiceId, String states) {
        if (!caller.isStaffOf(practiceId)) {
            return Uni.createFrom().failure(ProblemException.notFound("Practice"));
        }
        List<String> wanted = new ArrayList<>();
        if (states != null && !states.isBlank()) {
            for (String one : states.split(",", -1)) {
                String st = one.trim();
                if (!FOLLOW_UP_STATES.contains(st)) {
                    return Uni.createFrom().failure(ProblemException.invalid("state", "unknown_state",
                            "each state is one of " + String.join(", ", FOLLOW_UP_STATES)));
                }
                wanted.add(st);
            }
        }
        long practitioner = caller.role() == Role.PRACTITIONER ? caller.practitionerId() : 0L;
        return Panache.withSession(() -> followUpRows(practiceId, practitioner, 0L))
                .map(all -> wanted.isEmpty() ? all : all.stream().filter(d -> wanted.contains(d.state)).toList());
    }

    private static final List<String> FOLLOW_UP_STATES = List.of(AbsenceFollowUpDto.PENDING, AbsenceFollowUpDto.EXPIRED,
            AbsenceFollowUpDto.ACCEPTED, AbsenceFollowUpDto.CANCELLED, AbsenceFollowUpDto.DECLINED);

    /** The patient answered the phone and chose a proposed slot: booked as the staff member, the same rule as theirs. */
    public Uni<Response> acceptForPatient(Caller caller, long decisionId, long proposalId) {
        return Panache.withTransaction(() -> followed(caller, decisionId).chain(practiceId -> proposal(proposalId)
                .chain(row -> {
                    if (row.decisionId != decisionId) {
                        throw ProblemException.notFound("Proposal");
                    }
                    return book(caller, row, VIA_PHONE);
                })));
    }

    /**
     * The patient, reached by phone, wants none of the proposals: the decision closes (the appointment was
     * cancelled and the patient told when the absence was decided) and leaves the list of calls to make.
     */
    public Uni<AbsenceFollowUpDto> decline(Caller caller, long decisionId) {
        JournalActor actor = appointments.actor(caller);
        return Panache.withTransaction(() -> followed(caller, decisionId).chain(practiceId -> Panache.getSession()
                .chain(s -> s.createNativeQuery("SELECT status, appointment_id FROM absence_decision WHERE id = :id",
                                Object[].class).setParameter("id", decisionId).getSingleResult()
                        .chain(r -> {
                            if (!"OPEN".equals(r[0])) {
                                throw ProblemException.conflict("proposal_closed",
                                        "This decision was already answered or closed");
                            }
                            return s.createNativeQuery("UPDATE absence_proposal SET status = 'GONE'"
                                            + " WHERE decision_id = :id AND status = 'OPEN'")
                                    .setParameter("id", decisionId).executeUpdate()
                                    .chain(() -> s.createNativeQuery("UPDATE absence_decision SET status = 'DECLINED',"
                                                    + " answered_via = :via, answered_by = :by, answered_at = :now WHERE id = :id")
                                            .setParameter("via", VIA_PHONE).setParameter("by", caller.accountId())
                                            .setParameter("now", utc(clock.instant())).setParameter("id", decisionId)
                                            .executeUpdate())
                                    .chain(() -> journal.record(actor, practiceId, JOURNAL_DECLINE, Journal.APPOINTMENT,
                                            num(r[1]), "decisionId=" + decisionId));
                        }))
                .chain(() -> followUpRows(practiceId, 0L, decisionId))
                .map(rows -> rows.get(0))));
    }

    /**
     * Locks the decision and checks the caller may follow it up: staff of its practice (else 404), a practitioner
     * for their own agenda only (403 not_your_agenda, as when deciding). Answers the practice's id.
     */
    private Uni<Long> followed(Caller caller, long decisionId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT d.practice_id, a.practitioner_id"
                                + " FROM absence_decision d JOIN appointment a ON a.id = d.appointment_id"
                                + " WHERE d.id = :id FOR UPDATE OF d", Object[].class)
                        .setParameter("id", decisionId).getSingleResultOrNull())
                .map(r -> {
                    if (r == null || !caller.isStaffOf(num(r[0]))) {
                        throw ProblemException.notFound("Decision");
                    }
                    if (caller.role() == Role.PRACTITIONER && !Long.valueOf(num(r[1])).equals(caller.practitionerId())) {
                        throw new ProblemException(403, "not_your_agenda", "A practitioner may only change their own agenda");
                    }
                    return num(r[0]);
                });
    }

    /** The follow-up rows: all recent ones of the practice (or of one practitioner), or one decision. */
    private Uni<List<AbsenceFollowUpDto>> followUpRows(long practiceId, long practitionerId, long decisionId) {
        Instant now = clock.instant();
        return Practice.<Practice>findById(practiceId).chain(practice -> Panache.getSession().chain(s -> s.createNativeQuery(
                        "SELECT d.id, d.absence_id, d.appointment_id, d.patient_id, pt.first_name || ' ' || pt.last_name,"
                                + " COALESCE(pt.phone, h.phone), a.practitioner_id, p.first_name, p.last_name, a.motive_id,"
                                + " m.label_fr, m.label_en, m.urgency_reserve, d.action, d.status, d.expires_at,"
                                + " d.new_appointment_id, d.answered_via, a.starts_at"
                                + " FROM absence_decision d JOIN appointment a ON a.id = d.appointment_id"
                                + " JOIN patient pt ON pt.id = d.patient_id LEFT JOIN patient h ON h.id = pt.holder_id"
                                + " JOIN practitioner p ON p.id = a.practitioner_id JOIN motive m ON m.id = a.motive_id"
                                + " WHERE d.practice_id = :practice"
                                + " AND (:practitioner = 0 OR a.practitioner_id = :practitioner)"
                                + " AND (CASE WHEN :decision = 0 THEN d.status = 'OPEN' OR d.decided_at > :since"
                                + " ELSE d.id = :decision END)"
                                + " ORDER BY m.urgency_reserve DESC, a.starts_at, d.id", Object[].class)
                .setParameter("practice", practiceId)
                .setParameter("practitioner", practitionerId)
                .setParameter("decision", decisionId)
                .setParameter("since", utc(now.minus(java.time.Duration.ofDays(FOLLOW_UP_DAYS))))
                .getResultList()
                .chain(rows -> {
                    ZoneId zone = practice.zone();
                    List<AbsenceFollowUpDto> out = new ArrayList<>();
                    Map<Long, AbsenceFollowUpDto> byId = new LinkedHashMap<>();
                    for (Object[] r : rows) {
                        AbsenceFollowUpDto d = new AbsenceFollowUpDto();
                        d.id = num(r[0]);
                        d.absenceId = num(r[1]);
                        d.appointmentId = num(r[2]);
                        d.patientId = num(r[3]);
                        d.patientName = (String) r[4];
                        d.patientPhone = (String) r[5];
                        d.practitionerId = num(r[6]);
                        d.practitionerName = "Dr " + r[7] + " " + r[8];
                        d.motiveId = num(r[9]);
                        d.motiveLabelFr = (String) r[10];
                        d.motiveLabelEn = (String) r[11];
                        d.urgent = Boolean.TRUE.equals(r[12]);
                        d.action = FalloutAction.valueOf((String) r[13]);
                        Instant expires = r[15] == null ? null : instant(r[15]);
                        d.expiresAt = expires == null ? null : expires.toString();
                        d.state = state((String) r[14], expires, now);
                        d.newAppointmentId = r[16] == null ? null : num(r[16]);
                        d.answeredVia = (String) r[17];
                        d.timezone = practice.timezone;
                        Instant start = instant(r[18]);
                        ZonedDateTime local = start.atZone(zone);
                        d.originalStart = start.toString();
                        d.originalDate = local.toLocalDate().toString();
                        d.originalTime = HHMM.format(local);
                        out.add(d);
                        byId.put(d.id, d);
                    }
                    if (out.isEmpty()) {
                        return Uni.createFrom().item(out);
                    }
                    return s.createNativeQuery("SELECT pr.decision_id, pr.id, pr.practitioner_id, pr.starts_at, pr.ends_at,"
                                    + " pr.status, p.first_name, p.last_name FROM absence_proposal pr"
                                    + " JOIN practitioner p ON p.id = pr.practitioner_id"
                                    + " WHERE pr.decision_id = ANY(CAST(:ids AS bigint[])) ORDER BY pr.decision_id, pr.rank",
                                    Object[].class)
                            .setParameter("ids", byId.keySet().toArray(new Long[0]))
                            .getResultList()
                            .map(proposals -> {
                                for (Object[] p : proposals) {
                                    byId.get(num(p[0])).proposals.add(proposal(p, zone));
                                }
                                return out;
                            });
                })));
    }

    /** Unanswered proposals past their expiry can no longer be accepted: the patient has to be called. */
    private static String state(String status, Instant expires, Instant now) {
        return switch (status) {
            case "OPEN" -> expires != null && expires.isAfter(now) ? AbsenceFollowUpDto.PENDING : AbsenceFollowUpDto.EXPIRED;
            case "ACCEPTED" -> AbsenceFollowUpDto.ACCEPTED;
            case "DECLINED" -> AbsenceFollowUpDto.DECLINED;
            default -> AbsenceFollowUpDto.CANCELLED;
        };
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
                                    Role.PATIENT, null, null, pt.holderId != null ? pt.holderId : pt.id), row, VIA_LINK))
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

    /**
     * The one acceptance rule, whoever answers (the patient in the app, the link, the staff on the phone): the
     * decision still open, not expired, and the slot booked through the ordinary booking with the caller's rules.
     */
    private Uni<Response> book(Caller caller, ProposalRow row, String via) {
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
                                            + " new_appointment_id = :appointment, answered_via = :via, answered_by = :by,"
                                            + " answered_at = :now WHERE id = :decision")
                                    .setParameter("appointment", appointmentId).setParameter("decision", row.decisionId)
                                    .setParameter("via", via).setParameter("by", caller.accountId())
                                    .setParameter("now", utc(clock.instant()))
                                    .executeUpdate()))
                    .chain(() -> journal.record(actor, row.practiceId, JOURNAL_ACCEPT, Journal.APPOINTMENT, appointmentId,
                            "decisionId=" + row.decisionId + " proposalId=" + row.id + " via=" + via))
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
                                .chain(practice -> s.createNativeQuery("SELECT pr.decision_id, pr.id, pr.practitioner_id, pr.starts_at,"
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
                                                d.proposals.add(proposal(p, zone));
                                            }
                                            return d;
                                        })))));
    }

    /** A proposal row: (decision id, id, practitioner id, start, end, status, first name, last name). */
    private static AbsenceProposalDto proposal(Object[] p, ZoneId zone) {
        AbsenceProposalDto pd = new AbsenceProposalDto();
        pd.id = num(p[1]);
        pd.practitionerId = num(p[2]);
        Instant start = instant(p[3]);
        pd.start = start.toString();
        pd.end = instant(p[4]).toString();
        ZonedDateTime local = start.atZone(zone);
        pd.date = local.toLocalDate().toString();
        pd.time = HHMM.format(local);
        pd.status = (String) p[5];
        pd.practitionerName = "Dr " + p[6] + " " + p[7];
        return pd;
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
