package fr.creneau.backend.desk;

import fr.creneau.backend.appointment.Appointment;
import fr.creneau.backend.auth.Account;
import fr.creneau.backend.journal.Journal;
import fr.creneau.backend.journal.JournalActor;
import fr.creneau.backend.messaging.AnswersCodec;
import fr.creneau.backend.messaging.ClinicalAccess;
import fr.creneau.backend.messaging.MessagingService;
import fr.creneau.backend.messaging.TriageGrids;
import fr.creneau.backend.patient.Patient;
import fr.creneau.backend.patient.PatientRepository;
import fr.creneau.backend.patient.PhoneNumbers;
import fr.creneau.backend.platform.CurrentUser;
import fr.creneau.backend.platform.ProblemException;
import fr.creneau.backend.platform.ProblemMappers;
import fr.creneau.backend.practice.Motive;
import fr.creneau.backend.practice.Practice;
import fr.creneau.model.api.CallDto;
import fr.creneau.model.api.CallIdentityRequest;
import fr.creneau.model.api.CallOutcomeRequest;
import fr.creneau.model.api.CallTriageRequest;
import fr.creneau.model.rules.Channel;
import fr.creneau.model.rules.Role;
import fr.creneau.model.triage.CallOutcome;
import fr.creneau.model.triage.Priority;
import fr.creneau.model.triage.TriageAnswers;
import fr.creneau.model.triage.TriageResult;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * The telesecretariat call screen: a call opens when answered, records the identity check, the triage (the same
 * grid as patients' requests) and one outcome, which ends it. Only the practice's secretaries and admin take
 * calls; its practitioners may read them.
 */
@ApplicationScoped
public class DeskService {
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
    MessagingService messaging;

    @Inject
    PatientRepository patients;

    @Inject
    Clock clock;

    @WithTransaction
    public Uni<CallDto> open(long practiceId, CallDto in) {
        user.requireStaffOf(practiceId, "Practice");
        ProblemException.check(in.validate());
        PhoneCall c = new PhoneCall();
        c.practiceId = practiceId;
        c.answeredBy = user.accountId();
        c.startedAt = now();
        c.callerName = blankToNull(in.callerName);
        c.callerPhone = in.callerPhone;
        return c.<PhoneCall>persistAndFlush().chain(saved -> toDto(saved, true));
    }

    /** The practice's calls between two instants, newest first, without their clinical answers. */
    @WithSession
    public Uni<List<CallDto>> list(long practiceId, Instant from, Instant to) {
        user.requireStaffOf(practiceId, "Practice");
        return PhoneCall.<PhoneCall>list("practiceId = ?1 and startedAt >= ?2 and startedAt < ?3 order by startedAt desc, id desc",
                        practiceId, from, to)
                .map(rows -> rows.stream().map(c -> dto(c, false, null)).toList());
    }

    @WithTransaction
    public Uni<CallDto> get(long id) {
        JournalActor actor = journal.currentActor();
        return load(id).chain(c -> visible(c).chain(v -> reveal(actor, c, v)));
    }

    /**
     * The call as this reader may see it: its clinical part (triage answers, the closing note that a memo carries)
     * only for who took the call and those with clinical access, and each such read journaled, whichever request
     * answers with it.
     */
    private Uni<CallDto> reveal(JournalActor actor, PhoneCall c, boolean clinicalVisible) {
        Uni<Void> read = clinicalVisible && (c.answers != null || c.note != null)
                ? journal.record(actor, c.practiceId, Journal.CALL_READ, Journal.CALL, c.id, null)
                : Uni.createFrom().voidItem();
        return read.chain(() -> toDto(c, clinicalVisible));
    }

    /**
     * The server compares what the caller says with the patient's record, so "identity checked" means it matched,
     * not that a box was ticked. The patient must be known to the practice: the check must not reveal anyone else.
     */
    @WithTransaction
    public Uni<CallDto> identity(long id, CallIdentityRequest in) {
        ProblemException.check(in.validate());
        JournalActor actor = journal.currentActor();
        return loadOpen(id).chain(c -> patients.isKnownTo(c.practiceId, in.patientId).chain(known -> {
            if (!known) {
                throw ProblemException.notFound("Patient");
            }
            return Patient.<Patient>findById(in.patientId);
        }).chain(p -> {
            c.patientId = p.id;
            c.nameMatches = sameName(in.lastName, p.lastName);
            c.birthDateMatches = LocalDate.parse(in.birthDate).equals(p.birthDate);
            String said = PhoneNumbers.toE164(in.phone);
            c.phoneMatches = said != null && said.equals(PhoneNumbers.toE164(p.phone));
            c.identityChecked = c.nameMatches && c.birthDateMatches && c.phoneMatches;
            return visible(c).chain(v -> reveal(actor, c, v));
        }));
    }

    /** The stated reason and the grid's answers. An emergency is recorded here: the caller is sent to the 15. */
    @WithTransaction
    public Uni<CallDto> triage(long id, CallTriageRequest in) {
        JournalActor actor = journal.currentActor();
        return loadOpen(id).chain(c -> Practice.<Practice>findById(c.practiceId).chain(practice -> {
            String today = LocalDate.now(clock.withZone(practice.zone())).toString();
            ProblemException.check(in.validate(today));
            return requireMotiveOf(c.practiceId, in.motiveId)
                    .chain(() -> c.patientId == null ? Uni.createFrom().<Patient>nullItem() : Patient.<Patient>findById(c.patientId))
                    .chain(patient -> grids.forPractice(c.practiceId).map(grid -> {
                        c.reason = in.reason.trim();
                        c.motiveId = in.motiveId;
                        c.answers = codec.write(in.answers);
                        if (in.answers != null) {
                            TriageResult r = MessagingService.evaluate(grid, in.answers, patient, today);
                            c.priority = r.priority;
                            c.triageReasons = codec.writeCodes(r.reasons);
                        } else {
                            c.priority = null;
                            c.triageReasons = null;
                        }
                        return c;
                    }))
                    .call(saved -> saved.answers == null ? Uni.createFrom().voidItem()
                            : journal.record(actor, c.practiceId, Journal.CALL_TRIAGE, Journal.CALL, c.id, "priority=" + c.priority))
                    .chain(saved -> toDto(saved, true));
        }));
    }

    /**
     * The one outcome, which ends the call. A memo becomes a structured message with channel PHONE; BOOKED and
     * WAITLISTED must point at the appointment or the waitlist entry that backs them.
     */
    @WithTransaction
    public Uni<CallDto> outcome(long id, CallOutcomeRequest in) {
        ProblemException.check(in.validate());
        JournalActor actor = journal.currentActor();
        return loadOpen(id).chain(c -> visible(c).chain(v -> {
            if (in.outcome == CallOutcome.MEMO && !v) {
                // The memo carries the triage answers to the doctor under its author's name: only someone who may
                // read them can send them on
                throw ProblemException.forbidden("Only the secretary who took the call, or one with clinical access, can leave its memo");
            }
            Uni<Void> effect = switch (in.outcome) {
                case BOOKED -> Appointment.<Appointment>findById(in.appointmentId).map(a -> {
                    if (a == null || !a.practiceId.equals(c.practiceId)) {
                        throw ProblemException.invalid("appointmentId", "unknown", "is not an appointment of this practice");
                    }
                    c.appointmentId = a.id;
                    return null;
                });
                case URGENT_TRANSFER -> MessagingService.requirePractitionerOf(c.practiceId, in.practitionerId, "practitionerId")
                        .invoke(() -> c.practitionerId = in.practitionerId);
                case MEMO -> memo(actor, c, in);
                case WAITLISTED -> waitlisted(c, in.waitlistEntryId);
                case ADVICE_GIVEN -> Uni.createFrom().voidItem();
            };
            return effect.chain(() -> {
                c.outcome = in.outcome;
                c.note = blankToNull(in.note);
                c.endedAt = now();
                return reveal(actor, c, v);
            });
        }));
    }

    /**
     * WAITLISTED says the caller was signed up during this call, so the entry must be theirs, in this practice, still
     * waiting, made since the call was answered, and not already the outcome of another call; otherwise the
     * indicators would count sign-ups that never happened on the phone.
     */
    private Uni<Void> waitlisted(PhoneCall c, Long entryId) {
        // A place on the waitlist is offered later by push or SMS to the record's phone: the caller must have been
        // checked against that record (name, birth date and phone all matching), not only picked from a list
        if (c.patientId == null || !Boolean.TRUE.equals(c.identityChecked)) {
            throw ProblemException.unprocessable("identity_required",
                    "Check the caller's identity (name, birth date and phone) before putting them on the waitlist");
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT e.practice_id, e.patient_id, e.status,"
                                + " e.created_at >= :started, EXISTS (SELECT 1 FROM phone_call pc WHERE pc.waitlist_entry_id = e.id)"
                                + " FROM waitlist_entry e WHERE e.id = :id", Object[].class)
                        .setParameter("started", OffsetDateTime.ofInstant(c.startedAt, ZoneOffset.UTC))
                        .setParameter("id", entryId).getResultList())
                .map(rows -> {
                    Object[] e = rows.isEmpty() ? null : rows.get(0);
                    // another practice's entry is as unknown as a missing one
                    if (e == null || ((Number) e[0]).longValue() != c.practiceId) {
                        throw ProblemException.invalid("waitlistEntryId", "unknown", "is not a waitlist entry of this practice");
                    }
                    if (((Number) e[1]).longValue() != c.patientId) {
                        throw ProblemException.invalid("waitlistEntryId", "other_patient", "is not the caller's waitlist entry");
                    }
                    if (!"OPEN".equals(e[2])) {
                        throw ProblemException.invalid("waitlistEntryId", "not_waiting", "is no longer waiting");
                    }
                    if (Boolean.TRUE.equals(e[4])) {
                        throw alreadyUsed();
                    }
                    if (!Boolean.TRUE.equals(e[3])) {
                        throw ProblemException.invalid("waitlistEntryId", "before_call", "was made before this call");
                    }
                    c.waitlistEntryId = entryId;
                    return null;
                })
                // The check above reads committed rows only: a concurrent closing with the same entry passes it too,
                // and the unique index then stops the later one at the flush. It gets the answer it would have had
                // a moment later, not a bare conflict.
                .chain(() -> Panache.getSession().chain(s -> s.flush()))
                .onFailure(e -> WAITLIST_ENTRY_ONCE.equals(ProblemMappers.constraint(e)))
                .transform(e -> alreadyUsed());
    }

    /** The unique index that lets one waitlist entry back one call only (V18_1). */
    static final String WAITLIST_ENTRY_ONCE = "phone_call_waitlist_entry_idx";

    private static ProblemException alreadyUsed() {
        return ProblemException.invalid("waitlistEntryId", "already_used", "already ended another call");
    }

    private Uni<Void> memo(JournalActor actor, PhoneCall c, CallOutcomeRequest in) {
        if (c.patientId == null) {
            throw ProblemException.unprocessable("identity_required", "Identify the patient before leaving a memo");
        }
        TriageAnswers answers = codec.read(c.answers);
        if (answers == null) {
            throw ProblemException.unprocessable("triage_required", "Record the triage answers before leaving a memo");
        }
        if (answers.message == null && in.note != null && !in.note.isBlank()) {
            answers.message = in.note.trim();
        }
        return Practice.<Practice>findById(c.practiceId).chain(practice -> Patient.<Patient>findById(c.patientId)
                .chain(patient -> MessagingService.requirePractitionerOf(c.practiceId, in.practitionerId, "practitionerId")
                        .chain(() -> grids.forPractice(c.practiceId))
                        .chain(grid -> {
                            String today = LocalDate.now(clock.withZone(practice.zone())).toString();
                            TriageResult r = MessagingService.evaluate(grid, answers, patient, today);
                            if (r.isEmergency()) {
                                throw MessagingService.emergency(practice, r);
                            }
                            c.practitionerId = in.practitionerId;
                            return messaging.insert(actor, c.practiceId, c.patientId, in.practitionerId, Channel.PHONE,
                                    answers, r, c.id);
                        })))
                .invoke(request -> c.requestId = request.id).replaceWithVoid();
    }

    private Uni<PhoneCall> load(long id) {
        return PhoneCall.<PhoneCall>findById(id).map(c -> {
            if (c == null) {
                throw ProblemException.notFound("Call");
            }
            user.requireStaffOf(c.practiceId, "Call");
            return c;
        });
    }

    /** A call still in progress, changed by the secretariat. */
    private Uni<PhoneCall> loadOpen(long id) {
        return load(id).map(c -> {
            if (user.role() == Role.PRACTITIONER) {
                throw ProblemException.forbidden("Calls are taken by the secretariat");
            }
            if (c.endedAt != null) {
                throw ProblemException.conflict("call_ended", "This call has ended");
            }
            return c;
        });
    }

    /** The triage answers are clinical: the one who took the call sees them, and those with clinical access. */
    private Uni<Boolean> visible(PhoneCall c) {
        if (c.answeredBy != null && c.answeredBy == user.accountId()) {
            return Uni.createFrom().item(true);
        }
        return access.practiceWide(c.practiceId);
    }

    private static Uni<Void> requireMotiveOf(long practiceId, Long motiveId) {
        if (motiveId == null) {
            return Uni.createFrom().voidItem();
        }
        return Motive.<Motive>findById(motiveId).map(m -> {
            if (m == null || !m.practiceId.equals(practiceId)) {
                throw ProblemException.invalid("motiveId", "unknown", "is not a motive of this practice");
            }
            return null;
        });
    }

    private Uni<CallDto> toDto(PhoneCall c, boolean withClinical) {
        return Account.<Account>findById(c.answeredBy).chain(a -> {
            CallDto d = dto(c, withClinical, a == null ? null : a.displayName);
            if (!withClinical || d.priority != Priority.EMERGENCY) {
                return Uni.createFrom().item(d);
            }
            return Practice.<Practice>findById(c.practiceId).map(p -> {
                d.emergencyNumbers = TriageGrids.emergencyNumbers(p, List.of("15", "112"));
                return d;
            });
        });
    }

    private CallDto dto(PhoneCall c, boolean withClinical, String answeredByName) {
        CallDto d = new CallDto();
        d.id = c.id;
        d.practiceId = c.practiceId;
        d.answeredBy = c.answeredBy;
        d.answeredByName = answeredByName;
        d.startedAt = text(c.startedAt);
        d.endedAt = text(c.endedAt);
        d.callerName = c.callerName;
        d.callerPhone = c.callerPhone;
        d.patientId = c.patientId;
        d.identityChecked = c.identityChecked;
        d.nameMatches = c.nameMatches;
        d.birthDateMatches = c.birthDateMatches;
        d.phoneMatches = c.phoneMatches;
        d.reason = c.reason;
        d.motiveId = c.motiveId;
        d.priority = c.priority;
        if (withClinical) {
            d.answers = codec.read(c.answers);
            d.triageReasons = codec.readCodes(c.triageReasons);
        } else {
            d.triageReasons = null;
        }
        d.emergencyNumbers = null;
        d.outcome = c.outcome;
        d.appointmentId = c.appointmentId;
        d.waitlistEntryId = c.waitlistEntryId;
        d.requestId = c.requestId;
        d.practitionerId = c.practitionerId;
        // The closing note is where a memo's text comes from: clinical like the answers
        d.note = withClinical ? c.note : null;
        return d;
    }

    /** Names compared without case, accents, spaces or hyphens: "Lefèvre" matches "LEFEVRE". */
    static boolean sameName(String said, String recorded) {
        return fold(said).equals(fold(recorded));
    }

    private static String fold(String s) {
        if (s == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD);
        StringBuilder sb = new StringBuilder();
        for (char ch : decomposed.toCharArray()) {
            if (Character.isLetterOrDigit(ch)) {
                sb.append(ch);
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static String text(Instant i) {
        return i == null ? null : i.toString();
    }

}
