package fr.creneau.backend.contract;

import fr.creneau.backend.support.Fixtures;
import fr.creneau.backend.support.Fixtures.Actor;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.LinkedHashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * One call of the matrix: the caller, the kind of object it names, and the ids that means for this caller. A
 * patient's foreign appointment is another patient's in the same practice; a staff member's is in practice B.
 */
final class Ctx {
    final World w;
    final Caller caller;
    final Target target;
    /** When set, replaces the caller's Authorization header (forged tokens). */
    final String authorization;
    /** The Content-Type header of {@link #req()}: JSON unless a test asks for another, or none (null). */
    final String contentType;

    Ctx(World w, Caller caller, Target target) {
        this(w, caller, target, null);
    }

    Ctx(World w, Caller caller, Target target, String authorization) {
        this(w, caller, target, authorization, "application/json");
    }

    Ctx(World w, Caller caller, Target target, String authorization, String contentType) {
        this.w = w;
        this.caller = caller;
        this.target = target;
        this.authorization = authorization;
        this.contentType = contentType;
    }

    Actor actor() {
        return w.actor(caller);
    }

    /** A JSON request (or of {@link #contentType}) with the caller's token (none for ANONYMOUS). */
    RequestSpecification req() {
        // noContentType(): else rest-assured labels a bodiless POST as a form by itself
        RequestSpecification spec = contentType == null ? given().noContentType() : given().contentType(contentType);
        spec = spec.accept(ContentType.JSON);
        if (authorization != null) {
            return spec.header("Authorization", authorization);
        }
        Actor actor = actor();
        return actor == null ? spec : spec.header("Authorization", actor.bearer());
    }

    private boolean patientCaller() {
        return caller == Caller.PATIENT;
    }

    private World.Side side() {
        return target == Target.FOREIGN ? w.b : w.a;
    }

    long practiceId() {
        return target == Target.MISSING ? World.MISSING_ID : side().practiceId();
    }

    /** OWN: the practitioner caller's own agenda (A's first practitioner, for every caller). */
    long practitionerId() {
        return target == Target.MISSING ? World.MISSING_ID : side().practitionerId();
    }

    long siteId() {
        return target == Target.MISSING ? World.MISSING_ID : side().siteId();
    }

    long motiveId() {
        return target == Target.MISSING ? World.MISSING_ID : side().motiveId();
    }

    /** A fresh motive of the practice, for calls that change it. */
    long freshMotiveId() {
        return target == Target.MISSING ? World.MISSING_ID : w.fx.motive(side().practiceId(), 15, true, false);
    }

    /** OWN: the patient caller themselves (known to A). FOREIGN: another patient of A for a patient, B's for staff. */
    long patientId() {
        return switch (target) {
            case OWN -> w.a.patientId();
            case FOREIGN -> patientCaller() ? w.otherPatientOfA : w.b.patientId();
            case MISSING -> World.MISSING_ID;
        };
    }

    /** A fresh BOOKED appointment, in the own practitioner's agenda for OWN. */
    long appointmentId() {
        return switch (target) {
            case OWN -> w.appointment(w.a, w.a.practitionerId(), w.a.patientId());
            case FOREIGN -> patientCaller() ? w.appointment(w.a, w.a.practitionerId(), w.otherPatientOfA)
                    : w.appointment(w.b, w.b.practitionerId(), w.b.patientId());
            case MISSING -> World.MISSING_ID;
        };
    }

    /**
     * A confirm/cancel link token, as a reminder would carry it. OWN: a fresh link to a fresh appointment of A's
     * patient; FOREIGN: a link already used (it answers 404 like an unknown one); MISSING: a well-formed token that
     * was never issued. Links need no sign-in: the caller's token plays no part.
     */
    String linkToken() {
        byte[] raw = new byte[24];
        new java.security.SecureRandom().nextBytes(raw);
        String token = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        if (target == Target.MISSING) {
            return token;
        }
        long appointment = w.appointment(w.a, w.a.practitionerId(), w.a.patientId());
        long outbox = w.fx.queryLong("INSERT INTO notification_outbox (appointment_id, patient_id, account_id, practice_id,"
                        + " channel, kind, due_at, payload, status) VALUES (?, ?, ?, ?, 'PUSH', 'REMINDER_48H_CONFIRM', now(),"
                        + " CAST('{}' AS jsonb), 'SENT') RETURNING id",
                appointment, w.a.patientId(), w.patient.accountId(), w.a.practiceId());
        w.fx.update("INSERT INTO notification_link (token_hash, outbox_id, patient_id, account_id, appointment_ids, expires_at,"
                        + " used_at) SELECT ?, ?, ?, ?, ARRAY[id], starts_at, CASE WHEN ? THEN now() END FROM appointment WHERE id = ?",
                fr.creneau.backend.notification.LinkTokens.hash(token), outbox, w.a.patientId(), w.patient.accountId(),
                target == Target.FOREIGN, appointment);
        return token;
    }

    /** A fresh Saturday range of the practitioner of {@link #practitionerId()}; urgency reserve if asked. */
    long freshRangeId(boolean urgency) {
        if (target == Target.MISSING) {
            return World.MISSING_ID;
        }
        World.Side s = side();
        return w.fx.weeklyRange(s.practitionerId(), s.siteId(), 6, "07:00", "08:00", urgency, 120, s.motiveId());
    }

    /** A fresh absence, on a Sunday evening so that it hits no appointment. */
    long freshAbsenceId() {
        if (target == Target.MISSING) {
            return World.MISSING_ID;
        }
        java.time.Instant start = sundayEvening();
        return w.fx.absence(side().practitionerId(), start, start.plusSeconds(3600), "Formation");
    }

    /** A Saturday at least three days ahead, as YYYY-MM-DD. */
    static String nextSaturday() {
        return java.time.LocalDate.now(World.PARIS).plusDays(3)
                .with(java.time.temporal.TemporalAdjusters.nextOrSame(java.time.DayOfWeek.SATURDAY)).toString();
    }

    /** 20:00 on a Sunday at least three days ahead, Paris time: outside every working week. */
    static java.time.Instant sundayEvening() {
        return java.time.LocalDate.now(World.PARIS).plusDays(3)
                .with(java.time.temporal.TemporalAdjusters.nextOrSame(java.time.DayOfWeek.SUNDAY))
                .atTime(20, 0).atZone(World.PARIS).toInstant();
    }

    private boolean foreign() {
        return target == Target.FOREIGN;
    }

    /** A fresh patient request: the patient caller's own in A, or B's patient's in B. */
    long requestId() {
        if (target == Target.MISSING) {
            return World.MISSING_ID;
        }
        Actor author = foreign() ? w.patientOfB : w.patient;
        long practice = foreign() ? w.b.practiceId() : w.a.practiceId();
        return ((Number) given().contentType(ContentType.JSON).header("Authorization", author.bearer())
                .body(map("patientId", author.patientId(), "answers", map("type", "PRESCRIPTION_RENEWAL",
                        "medication", "Lévothyrox 50 µg", "since", "2023-05-01")))
                .post("/api/practices/{p}/requests", practice).then().statusCode(201).extract().path("id")).longValue();
    }

    /** A fresh call taken by the side's secretary; {@code ready}: identity checked and triaged already. */
    long callId(boolean ready) {
        if (target == Target.MISSING) {
            return World.MISSING_ID;
        }
        Actor secretary = foreign() ? w.secretaryOfB : w.secretary;
        World.Side s = side();
        long id = ((Number) given().contentType(ContentType.JSON).header("Authorization", secretary.bearer())
                .body(map("callerName", "Camille Durand", "callerPhone", "+33612345678"))
                .post("/api/practices/{p}/calls", s.practiceId()).then().statusCode(201).extract().path("id")).longValue();
        if (ready) {
            given().contentType(ContentType.JSON).header("Authorization", secretary.bearer())
                    .body(identity(s.patientId())).post("/api/calls/{id}/identity", id).then().statusCode(200);
            given().contentType(ContentType.JSON).header("Authorization", secretary.bearer())
                    .body(map("reason", "Renouvellement d'ordonnance", "answers", map("type", "PRESCRIPTION_RENEWAL",
                            "medication", "Lévothyrox 50 µg", "since", "2023-05-01")))
                    .post("/api/calls/{id}/triage", id)
                    .then().statusCode(200);
        }
        return id;
    }

    static Map<String, Object> identity(long patientId) {
        return map("patientId", patientId, "lastName", "Durand", "birthDate", "1985-04-12", "phone", "+33612345678");
    }

    /** A fresh secretary account of the side: the subject of a clinical grant. */
    long freshSecretaryAccountId() {
        if (target == Target.MISSING) {
            return World.MISSING_ID;
        }
        return w.fx.staff(fr.creneau.model.rules.Role.SECRETARY, side().practiceId(), null).accountId();
    }

    /** A fresh red flag of the side's practice, added by its admin; its code. */
    String freshRedFlagCode() {
        String code = "flag_" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        if (target == Target.MISSING) {
            return code;
        }
        Actor admin = foreign() ? w.adminOfB : w.admin;
        given().contentType(ContentType.JSON).header("Authorization", admin.bearer())
                .body(map("code", code, "labelFr", "Douleur thoracique", "labelEn", "Chest pain"))
                .post("/api/practices/{p}/red-flags", side().practiceId()).then().statusCode(201);
        return code;
    }

    static String slot() {
        return World.nextSlot().toString();
    }

    static String unique(String prefix) {
        return Fixtures.unique(prefix);
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    // ---------------------------------------------------------------- appended by the waitlist branch

    /** A waitlist entry: the caller's own patient at A; foreign: another patient of A (for a patient) or B's. */
    long waitlistEntryId() {
        if (target == Target.MISSING) {
            return World.MISSING_ID;
        }
        World.Side s = side();
        long patient = target == Target.OWN ? w.a.patientId() : patientCaller() ? w.otherPatientOfA : w.b.patientId();
        java.time.LocalDate day = java.time.LocalDate.now(World.PARIS).plusDays(10);
        return w.fx.queryLong("INSERT INTO waitlist_entry (practice_id, patient_id, motive_id, from_date, to_date, created_by)"
                + " VALUES (?, ?, ?, ?, ?, 0) RETURNING id", s.practiceId(), patient, s.motiveId(), day, day);
    }

    /** An open offer of a free slot to such an entry. */
    long waitlistOfferId() {
        if (target == Target.MISSING) {
            return World.MISSING_ID;
        }
        long entry = waitlistEntryId();
        World.Side s = side();
        return w.fx.queryLong("INSERT INTO waitlist_offer (entry_id, practice_id, practitioner_id, motive_id, starts_at,"
                        + " expires_at, rank) VALUES (?, ?, ?, ?, ?, now() + interval '30 minutes', 1) RETURNING id",
                entry, s.practiceId(), s.practitionerId(), s.motiveId(),
                java.time.OffsetDateTime.ofInstant(World.nextSlot(), java.time.ZoneOffset.UTC));
    }

    /** A notification (outbox row, due and sent) of the A side's patient, or of the B side's for FOREIGN. */
    long notificationId() {
        if (target == Target.MISSING) {
            return World.MISSING_ID;
        }
        World.Side s = target == Target.OWN ? w.a : w.b;
        return w.fx.queryLong("INSERT INTO notification_outbox (patient_id, practice_id, channel, kind, due_at, payload, status)"
                + " VALUES (?, ?, 'PUSH', 'BOOKED_CONFIRMATION', now(), CAST('{}' AS jsonb), 'SENT') RETURNING id",
                s.patientId(), s.practiceId());
    }

    // ---------------------------------------------------------------- appended by the noshow branch

    /** Like {@link #appointmentId()}, recorded as a no-show. */
    long noShowAppointmentId() {
        long id = appointmentId();
        if (target != Target.MISSING) {
            w.fx.update("UPDATE appointment SET status = 'NO_SHOW' WHERE id = ?", id);
        }
        return id;
    }

    // ---------------------------------------------------------------- appended by the absence branch

    /**
     * An open proposal after an absence cancelled an appointment: OWN for the patient caller's own (A's) patient,
     * FOREIGN for another patient of A (for a patient) or of B; the slot is free, so accepting books it.
     */
    long absenceProposalId() {
        if (target == Target.MISSING) {
            return World.MISSING_ID;
        }
        World.Side s = side();
        long patient = target == Target.OWN ? w.a.patientId() : patientCaller() ? w.otherPatientOfA : w.b.patientId();
        return absenceProposal(s, patient)[1];
    }

    /**
     * {decision id, proposal id} of a fresh open decision in the own practitioner's agenda, for the staff's
     * follow-up: OWN in A (for A's patient), FOREIGN in B, MISSING ids no table holds.
     */
    long[] absenceDecision() {
        if (target == Target.MISSING) {
            return new long[] {World.MISSING_ID, World.MISSING_ID};
        }
        World.Side s = side();
        long[] made = absenceProposal(s, s.patientId());
        return new long[] {made[2], made[1]};
    }

    /** {appointment id, proposal id, decision id} of a fresh open decision for the patient at the side's practice. */
    private long[] absenceProposal(World.Side s, long patient) {
        long appointment = w.fx.appointment(s.practiceId(), s.practitionerId(), s.siteId(), patient, s.motiveId(),
                World.nextSlot(), 15, "CANCELLED_BY_PRACTICE", "PHONE", w.secretary.accountId(),
                fr.creneau.model.rules.Role.SECRETARY);
        java.time.Instant start = sundayEvening();
        long absence = w.fx.absence(s.practitionerId(), start, start.plusSeconds(3600), "Formation");
        java.time.Instant slot = World.nextSlot();
        long decision = w.fx.queryLong("INSERT INTO absence_decision (absence_id, appointment_id, practice_id, patient_id,"
                        + " action, status, expires_at, decided_by) VALUES (?, ?, ?, ?, 'PROPOSE', 'OPEN', ?, ?) RETURNING id",
                absence, appointment, s.practiceId(), patient, java.time.OffsetDateTime.ofInstant(slot, java.time.ZoneOffset.UTC),
                w.secretary.accountId());
        long proposal = w.fx.queryLong("INSERT INTO absence_proposal (decision_id, practitioner_id, site_id, motive_id,"
                        + " starts_at, ends_at, rank) VALUES (?, ?, ?, ?, ?, ?, 1) RETURNING id", decision, s.practitionerId(),
                s.siteId(), s.motiveId(), java.time.OffsetDateTime.ofInstant(slot, java.time.ZoneOffset.UTC),
                java.time.OffsetDateTime.ofInstant(slot.plusSeconds(60L * 15), java.time.ZoneOffset.UTC));
        return new long[] {appointment, proposal, decision};
    }

    /**
     * The link of an absence notice and a proposal it covers: OWN a fresh one, FOREIGN one already used, MISSING a
     * token never issued. No sign-in: the caller's token plays no part.
     */
    Object[] absenceLink() {
        byte[] raw = new byte[24];
        new java.security.SecureRandom().nextBytes(raw);
        String token = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        long[] made = absenceProposal(w.a, w.a.patientId());
        if (target == Target.MISSING) {
            return new Object[] {token, made[1]};
        }
        long outbox = w.fx.queryLong("INSERT INTO notification_outbox (appointment_id, patient_id, account_id, practice_id,"
                        + " channel, kind, due_at, payload, status) VALUES (?, ?, ?, ?, 'SMS', 'ABSENCE_PROPOSAL', now(),"
                        + " CAST('{}' AS jsonb), 'SENT') RETURNING id",
                made[0], w.a.patientId(), w.patient.accountId(), w.a.practiceId());
        w.fx.update("INSERT INTO notification_link (token_hash, outbox_id, patient_id, account_id, appointment_ids, expires_at,"
                        + " used_at, purpose) VALUES (?, ?, ?, ?, ?, now() + interval '1 day', CASE WHEN ? THEN now() END,"
                        + " 'ABSENCE_PROPOSAL')",
                fr.creneau.backend.notification.LinkTokens.hash(token), outbox, w.a.patientId(), w.patient.accountId(),
                new Long[] {made[0]}, target == Target.FOREIGN);
        return new Object[] {token, made[1]};
    }

    @Override
    public String toString() {
        return caller + "/" + target;
    }
}
