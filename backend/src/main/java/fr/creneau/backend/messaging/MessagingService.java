package fr.creneau.backend.messaging;

import fr.creneau.backend.auth.Account;
import fr.creneau.backend.journal.Journal;
import fr.creneau.backend.journal.JournalActor;
import fr.creneau.backend.notification.RequestNotifications;
import fr.creneau.backend.patient.Patient;
import fr.creneau.backend.platform.CurrentUser;
import fr.creneau.backend.platform.ProblemException;
import fr.creneau.backend.practice.Practice;
import fr.creneau.backend.practice.Practitioner;
import fr.creneau.model.api.ClinicalGrantDto;
import fr.creneau.model.api.PatientRequestDto;
import fr.creneau.model.api.RequestReplyDto;
import fr.creneau.model.rules.Channel;
import fr.creneau.model.rules.Role;
import fr.creneau.model.triage.Priority;
import fr.creneau.model.triage.RequestStatus;
import fr.creneau.model.triage.TriageAnswers;
import fr.creneau.model.triage.TriageGrid;
import fr.creneau.model.triage.TriageResult;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Structured requests from patients to a practice, their inbox, their reply thread and who may read what.
 * Every read or change of a request's clinical content is journaled in the same transaction.
 */
@ApplicationScoped
public class MessagingService {
    public static final String EMERGENCY_CODE = "emergency_call_now";

    @Inject
    CurrentUser user;

    @Inject
    Journal journal;

    @Inject
    TriageGrids grids;

    @Inject
    ClinicalAccess access;

    @Inject
    AnswersCodec codec;

    @Inject
    RequestNotifications notifications;

    @Inject
    Clock clock;

    /** A patient writes to a practice, for themselves or a relative. The server runs the grid again. */
    @WithTransaction
    public Uni<PatientRequestDto> create(long practiceId, PatientRequestDto in) {
        JournalActor actor = journal.currentActor();
        long me = requirePatient();
        return Practice.<Practice>findById(practiceId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Practice"))
                .chain(practice -> {
                    String today = LocalDate.now(practice.zone()).toString();
                    ProblemException.check(in.validate(today));
                    return ownPatient(in.patientId, me)
                            .chain(patient -> requirePractitionerOf(practiceId, in.practitionerId, "practitionerId")
                                    .chain(() -> grids.forPractice(practiceId))
                                    .chain(grid -> {
                                        TriageResult result = evaluate(grid, in.answers, patient, today);
                                        if (result.isEmergency()) {
                                            throw emergency(practice, result);
                                        }
                                        return insert(actor, practiceId, patient.id, in.practitionerId, Channel.ONLINE,
                                                in.answers, result, null)
                                                .map(r -> toDto(r, patient, true, false));
                                    }));
                });
    }

    /**
     * Stores a request (used for the desk's phone memos too) and journals its creation. The caller has already
     * refused an emergency. Call inside a transaction.
     */
    public Uni<PatientRequest> insert(JournalActor actor, long practiceId, long patientId, Long practitionerId,
                                      Channel channel, TriageAnswers answers, TriageResult result, Long callId) {
        if (result.isEmergency()) {
            throw new IllegalArgumentException("An emergency is never stored as a message");
        }
        PatientRequest r = new PatientRequest();
        r.practiceId = practiceId;
        r.patientId = patientId;
        r.practitionerId = practitionerId;
        r.authorAccountId = actor.accountId();
        r.authorRole = actor.role();
        r.channel = channel;
        r.type = answers.type;
        r.priority = result.priority;
        r.status = RequestStatus.NEW;
        r.answers = codec.write(answers);
        r.triageReasons = codec.writeCodes(result.reasons);
        r.callId = callId;
        r.createdAt = now();
        return r.<PatientRequest>persistAndFlush()
                .call(saved -> journal.record(actor, practiceId, Journal.REQUEST_CREATE, Journal.REQUEST, saved.id,
                        "type=" + saved.type + " priority=" + saved.priority + " channel=" + channel));
    }

    /** The practice's open requests (or those in {@code statuses}), most pressing first, then oldest first. */
    @WithSession
    public Uni<List<PatientRequestDto>> inbox(long practiceId, Set<RequestStatus> statuses) {
        user.requireStaffOf(practiceId, "Practice");
        Set<RequestStatus> wanted = statuses == null || statuses.isEmpty()
                ? EnumSet.of(RequestStatus.NEW, RequestStatus.READ, RequestStatus.ANSWERED) : statuses;
        return access.practiceWide(practiceId).chain(wide -> PatientRequest.<PatientRequest>list(
                        "practiceId = :p and status in :s order by case when priority = :urgent then 0 else 1 end, createdAt, id",
                        Parameters.with("p", practiceId).and("s", wanted).and("urgent", Priority.URGENT))
                .chain(rows -> withPatients(rows, (r, p) -> toDto(r, p, false, !access.canSee(r, wide)))));
    }

    /** The caller's requests, for themselves and their relatives, newest first. */
    @WithSession
    public Uni<List<PatientRequestDto>> mine() {
        long me = requirePatient();
        return Patient.<Patient>list("id = ?1 or holderId = ?1", me)
                .chain(patients -> PatientRequest.<PatientRequest>list("patientId in ?1 order by createdAt desc, id desc",
                                patients.stream().map(p -> p.id).toList())
                        .chain(rows -> withPatients(rows, (r, p) -> toDto(r, p, false, false))));
    }

    /** One request. Its clinical content only for those who may see it, and that reading is journaled. */
    @WithTransaction
    public Uni<PatientRequestDto> get(long id) {
        JournalActor actor = journal.currentActor();
        return load(id).chain(ctx -> {
            Uni<Void> effects = Uni.createFrom().voidItem();
            if (ctx.visible) {
                effects = journal.record(actor, ctx.request.practiceId, Journal.REQUEST_READ, Journal.REQUEST, id, null);
                if (ctx.staff && ctx.request.status == RequestStatus.NEW) {
                    ctx.request.status = RequestStatus.READ;
                    ctx.request.readAt = now();
                }
            }
            return effects.map(v -> toDto(ctx.request, ctx.patient, ctx.visible, !ctx.visible));
        });
    }

    @WithTransaction
    public Uni<List<RequestReplyDto>> replies(long id) {
        JournalActor actor = journal.currentActor();
        return load(id).chain(ctx -> {
            requireVisible(ctx);
            return RequestReply.<RequestReply>list("requestId = ?1 order by id", id)
                    .call(rows -> journal.record(actor, ctx.request.practiceId, Journal.REQUEST_REPLIES_READ,
                            Journal.REQUEST, id, "replies=" + rows.size()))
                    .map(rows -> rows.stream().map(MessagingService::toDto).toList());
        });
    }

    /**
     * A reply in the thread. From the practice it answers the request (the first answer is timed); from the
     * patient it is a follow-up, which puts an answered request back in the practice's attention.
     */
    /** A posted reply, with where its request now stands (for the live event sent after commit). */
    public record Posted(RequestReplyDto reply, long practiceId, RequestStatus status) {
    }

    @WithTransaction
    public Uni<Posted> reply(long id, RequestReplyDto in) {
        ProblemException.check(in.validate());
        JournalActor actor = journal.currentActor();
        return load(id).chain(ctx -> {
            requireVisible(ctx);
            PatientRequest r = ctx.request;
            requireOpen(r);
            Instant now = now();
            if (ctx.staff) {
                r.status = RequestStatus.ANSWERED;
                if (r.readAt == null) {
                    r.readAt = now;
                }
                if (r.firstAnsweredAt == null) {
                    r.firstAnsweredAt = now;
                }
            } else if (r.status == RequestStatus.ANSWERED) {
                r.status = RequestStatus.READ;
            }
            return Account.<Account>findById(actor.accountId()).chain(author -> {
                RequestReply reply = new RequestReply();
                reply.requestId = id;
                reply.authorAccountId = actor.accountId();
                reply.authorRole = actor.role();
                reply.authorName = author == null ? "" : author.displayName;
                reply.body = in.body.trim();
                reply.createdAt = now;
                return reply.<RequestReply>persistAndFlush();
            }).call(saved -> journal.record(actor, r.practiceId, Journal.REQUEST_REPLY, Journal.REQUEST, id,
                    "reply=" + saved.id + " status=" + r.status))
                    // The patient learns of an answer by push, committed with the reply or not at all
                    .call(saved -> ctx.staff ? notifications.answered(id, r.patientId, r.practiceId) : Uni.createFrom().voidItem())
                    .map(saved -> new Posted(toDto(saved), r.practiceId, r.status));
        });
    }

    @WithTransaction
    public Uni<PatientRequestDto> close(long id) {
        JournalActor actor = journal.currentActor();
        return load(id).chain(ctx -> {
            requireVisible(ctx);
            requireOpen(ctx.request);
            ctx.request.status = RequestStatus.CLOSED;
            ctx.request.closedAt = now();
            return journal.record(actor, ctx.request.practiceId, Journal.REQUEST_CLOSE, Journal.REQUEST, id, null)
                    .map(v -> toDto(ctx.request, ctx.patient, false, false));
        });
    }

    // --- clinical grants (practice admin)

    @WithSession
    public Uni<List<ClinicalGrantDto>> grants(long practiceId) {
        user.requireStaffOf(practiceId, "Practice");
        return ClinicalGrant.<ClinicalGrant>list("practiceId = ?1 order by id", practiceId).chain(rows ->
                Account.<Account>list("id in ?1", rows.stream().map(g -> g.accountId).toList()).map(accounts -> {
                    Map<Long, Account> byId = accounts.stream().collect(Collectors.toMap(a -> a.id, Function.identity()));
                    List<ClinicalGrantDto> out = new ArrayList<>();
                    for (ClinicalGrant g : rows) {
                        ClinicalGrantDto d = new ClinicalGrantDto();
                        Account a = byId.get(g.accountId);
                        d.accountId = g.accountId;
                        d.displayName = a == null ? null : a.displayName;
                        d.email = a == null ? null : a.email;
                        d.grantedBy = g.grantedBy;
                        d.grantedAt = g.grantedAt.toString();
                        out.add(d);
                    }
                    return out;
                }));
    }

    /** Grants are for the practice's secretaries only; granting twice changes nothing. */
    @WithTransaction
    public Uni<Void> grant(long practiceId, long accountId) {
        user.requireStaffOf(practiceId, "Practice");
        JournalActor actor = journal.currentActor();
        return requireSecretaryOf(practiceId, accountId)
                .chain(() -> ClinicalGrant.count("practiceId = ?1 and accountId = ?2", practiceId, accountId))
                .chain(n -> {
                    if (n > 0) {
                        return Uni.createFrom().voidItem();
                    }
                    ClinicalGrant g = new ClinicalGrant();
                    g.practiceId = practiceId;
                    g.accountId = accountId;
                    g.grantedBy = actor.accountId();
                    g.grantedAt = now();
                    return g.persistAndFlush().chain(() -> journal.record(actor, practiceId, Journal.CLINICAL_GRANT,
                            Journal.ACCOUNT, accountId, null));
                });
    }

    @WithTransaction
    public Uni<Void> revoke(long practiceId, long accountId) {
        user.requireStaffOf(practiceId, "Practice");
        JournalActor actor = journal.currentActor();
        return requireSecretaryOf(practiceId, accountId)
                .chain(() -> ClinicalGrant.delete("practiceId = ?1 and accountId = ?2", practiceId, accountId))
                .chain(n -> n == 0 ? Uni.createFrom().voidItem()
                        : journal.record(actor, practiceId, Journal.CLINICAL_REVOKE, Journal.ACCOUNT, accountId, null));
    }

    // --- shared rules

    /** The grid's decision for a patient, with their age on the practice's today. */
    public static TriageResult evaluate(TriageGrid grid, TriageAnswers answers, Patient patient, String today) {
        Integer age = patient == null || patient.birthDate == null ? null
                : TriageGrid.ageInMonths(patient.birthDate.toString(), today);
        return grid.evaluate(answers, age, today);
    }

    /** The refusal of an emergency: 422 with the numbers to call, as problem extension members. */
    public static ProblemException emergency(Practice practice, TriageResult result) {
        Map<String, Object> extra = new LinkedHashMap<>();
        List<String> numbers = TriageGrids.emergencyNumbers(practice, result.emergencyNumbers);
        extra.put("emergencyNumber", numbers.get(0));
        extra.put("emergencyNumbers", numbers);
        extra.put("redFlags", result.raisedFlags.stream().map(f -> f.code).toList());
        return new ProblemException(422, EMERGENCY_CODE,
                "This is an emergency: call " + numbers.get(0) + " now. It was not sent as a message.", null, extra);
    }

    /** A practitioner of this practice, else a 400 on the field. Call inside a session. */
    public static Uni<Void> requirePractitionerOf(long practiceId, Long practitionerId, String field) {
        if (practitionerId == null) {
            return Uni.createFrom().voidItem();
        }
        return Practitioner.<Practitioner>findById(practitionerId).map(p -> {
            if (p == null || !p.practiceId.equals(practiceId)) {
                throw ProblemException.invalid(field, "unknown", "is not a practitioner of this practice");
            }
            return null;
        });
    }

    private Uni<Patient> ownPatient(long patientId, long me) {
        return Patient.<Patient>findById(patientId).map(p -> {
            if (p == null || !(p.id == me || (p.holderId != null && p.holderId == me))) {
                throw ProblemException.notFound("Patient");
            }
            return p;
        });
    }

    private Uni<Void> requireSecretaryOf(long practiceId, long accountId) {
        return Account.<Account>findById(accountId).map(a -> {
            if (a == null || a.role != Role.SECRETARY || !Long.valueOf(practiceId).equals(a.practiceId)) {
                throw ProblemException.notFound("Secretary");
            }
            return null;
        });
    }

    private long requirePatient() {
        Long me = user.patientId();
        if (user.role() != Role.PATIENT || me == null) {
            throw ProblemException.forbidden("Only patients write requests");
        }
        return me;
    }

    /** A request with what the caller may do with it; a request the caller may not know of is a 404. */
    private Uni<Ctx> load(long id) {
        boolean patient = user.role() == Role.PATIENT;
        return PatientRequest.<PatientRequest>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Request"))
                .chain(r -> Patient.<Patient>findById(r.patientId).chain(p -> {
                    if (patient) {
                        Long me = user.patientId();
                        boolean own = me != null && (p.id.equals(me) || me.equals(p.holderId));
                        if (!own) {
                            throw ProblemException.notFound("Request");
                        }
                        return Uni.createFrom().item(new Ctx(r, p, false, true));
                    }
                    user.requireStaffOf(r.practiceId, "Request");
                    return access.practiceWide(r.practiceId).map(wide -> new Ctx(r, p, true, access.canSee(r, wide)));
                }));
    }

    private static void requireVisible(Ctx ctx) {
        if (!ctx.visible) {
            throw new ProblemException(403, "clinical_grant_required",
                    "The practice has not granted you access to the clinical content of requests");
        }
    }

    private static void requireOpen(PatientRequest r) {
        if (r.status == RequestStatus.CLOSED) {
            throw ProblemException.conflict("request_closed", "This request is closed");
        }
    }

    private record Ctx(PatientRequest request, Patient patient, boolean staff, boolean visible) {
    }

    private interface Mapper {
        PatientRequestDto map(PatientRequest r, Patient p);
    }

    private static Uni<List<PatientRequestDto>> withPatients(List<PatientRequest> rows, Mapper mapper) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Patient.<Patient>list("id in ?1", rows.stream().map(r -> r.patientId).distinct().toList())
                .map(patients -> {
                    Map<Long, Patient> byId = patients.stream().collect(Collectors.toMap(p -> p.id, Function.identity()));
                    return rows.stream().map(r -> mapper.map(r, byId.get(r.patientId))).toList();
                });
    }

    PatientRequestDto toDto(PatientRequest r, Patient p, boolean withClinical, boolean clinicalHidden) {
        PatientRequestDto d = new PatientRequestDto();
        d.id = r.id;
        d.practiceId = r.practiceId;
        d.patientId = r.patientId;
        d.practitionerId = r.practitionerId;
        d.patientName = p == null ? null : p.fullName();
        d.channel = r.channel;
        d.type = r.type;
        d.priority = r.priority;
        d.status = r.status;
        d.authorRole = r.authorRole;
        d.callId = r.callId;
        d.clinicalHidden = clinicalHidden;
        if (withClinical) {
            d.answers = codec.read(r.answers);
            d.triageReasons = codec.readCodes(r.triageReasons);
        } else {
            // the reasons (a high temperature...) are clinical too
            d.triageReasons = null;
        }
        d.createdAt = text(r.createdAt);
        d.readAt = text(r.readAt);
        d.firstAnsweredAt = text(r.firstAnsweredAt);
        d.closedAt = text(r.closedAt);
        return d;
    }

    static RequestReplyDto toDto(RequestReply r) {
        RequestReplyDto d = new RequestReplyDto();
        d.id = r.id;
        d.requestId = r.requestId;
        d.authorRole = r.authorRole;
        d.authorName = r.authorName;
        d.body = r.body;
        d.createdAt = text(r.createdAt);
        return d;
    }

    static String text(Instant i) {
        return i == null ? null : i.toString();
    }

    /** The application's Clock, so that request and reply times follow a test's fixed clock like every rule. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
