package fr.creneau.backend.desk;

import fr.creneau.backend.messaging.PracticeWorld;
import fr.creneau.backend.support.Fixtures;
import fr.creneau.backend.support.Fixtures.Actor;
import fr.creneau.backend.support.PostgresAndKeysResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static fr.creneau.backend.messaging.PracticeWorld.as;
import static fr.creneau.backend.messaging.PracticeWorld.renewal;
import static fr.creneau.backend.messaging.PracticeWorld.symptoms;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(value = PostgresAndKeysResource.class, scope = TestResourceScope.GLOBAL)
class DeskResourceTest {
    @Inject
    Fixtures fx;

    @Inject
    AgroalDataSource dataSource;

    PracticeWorld w;
    long caller;

    @BeforeEach
    void world() {
        w = new PracticeWorld(fx);
        caller = fx.patient(Fixtures.unique("Lefèvre"), "Jeanne", LocalDate.of(1950, 2, 3), "+33698765432", null);
        fx.knownTo(w.practiceId, caller);
    }

    private long open(Actor a) {
        return ((Number) as(a).body(Map.of("callerName", "Mme Lefèvre", "callerPhone", "+33698765432"))
                .post("/api/practices/" + w.practiceId + "/calls").then().statusCode(201)
                .body("answeredBy", equalTo((int) a.accountId())).body("startedAt", notNullValue()).body("endedAt", nullValue())
                .extract().path("id")).longValue();
    }

    private String lastName() {
        return fx.queryString("SELECT last_name FROM patient WHERE id = ?", caller);
    }

    private void identify(long call) {
        as(w.secretary).body(Map.of("patientId", caller, "lastName", lastName().toUpperCase().replace("È", "E"),
                        "birthDate", "1950-02-03", "phone", "06 98 76 54 32"))
                .post("/api/calls/" + call + "/identity").then().statusCode(200)
                .body("identityChecked", equalTo(true)).body("nameMatches", equalTo(true))
                .body("birthDateMatches", equalTo(true)).body("phoneMatches", equalTo(true));
    }

    @Test
    void aCallEndsInAMemoThatReachesTheInbox() {
        long call = open(w.secretary);
        identify(call);
        as(w.secretary).body(Map.of("reason", "Renouvellement", "motiveId", w.motiveId, "answers", renewal()))
                .post("/api/calls/" + call + "/triage").then().statusCode(200)
                .body("priority", equalTo("ROUTINE")).body("answers.medication", equalTo("Lévothyrox 50 µg"));
        long request = ((Number) as(w.secretary).body(Map.of("outcome", "MEMO", "practitionerId", w.practitionerId, "note", "Rappeler après 17 h"))
                .post("/api/calls/" + call + "/outcome").then().statusCode(200)
                .body("outcome", equalTo("MEMO")).body("endedAt", notNullValue()).body("requestId", notNullValue())
                .extract().path("requestId")).longValue();
        as(w.practitioner).get("/api/practices/" + w.practiceId + "/requests").then().statusCode(200)
                .body("id", hasItem((int) request));
        as(w.practitioner).get("/api/requests/" + request).then().statusCode(200)
                .body("channel", equalTo("PHONE")).body("authorRole", equalTo("SECRETARY")).body("callId", equalTo((int) call))
                .body("answers.message", equalTo("Rappeler après 17 h")).body("practitionerId", equalTo((int) w.practitionerId));
        // the secretary who wrote the memo sees it; a colleague without the grant does not
        Actor colleague = fx.staff(fr.creneau.model.rules.Role.SECRETARY, w.practiceId, null);
        as(w.secretary).get("/api/requests/" + request).then().body("answers.medication", notNullValue());
        as(colleague).get("/api/requests/" + request).then().body("answers", nullValue()).body("clinicalHidden", equalTo(true));
        // the call is over
        as(w.secretary).body(Map.of("outcome", "ADVICE_GIVEN")).post("/api/calls/" + call + "/outcome")
                .then().statusCode(409).body("code", equalTo("call_ended"));
    }

    /**
     * A colleague without clinical access gets the call's clinical part (triage answers, the closing note a memo
     * carries) from no request: not by reading it, not in the answer to an identity check or an outcome; and cannot
     * forward the answers as a memo under their own name. Every answer that does carry it is journaled.
     */
    @Test
    void aCallsClinicalPartReachesNoColleagueWithoutClinicalAccessWhateverTheRequest() {
        long call = open(w.secretary);
        identify(call);
        as(w.secretary).body(Map.of("reason", "Renouvellement", "motiveId", w.motiveId, "answers", renewal()))
                .post("/api/calls/" + call + "/triage").then().statusCode(200);
        Actor colleague = fx.staff(fr.creneau.model.rules.Role.SECRETARY, w.practiceId, null);
        long readsBefore = fx.queryLong("SELECT count(*) FROM access_journal WHERE action = 'CALL_READ' AND object_id = ?", call);
        as(colleague).body(Map.of("patientId", caller, "lastName", lastName(), "birthDate", "1950-02-03", "phone", "06 98 76 54 32"))
                .post("/api/calls/" + call + "/identity").then().statusCode(200)
                .body("identityChecked", equalTo(true)).body("answers", nullValue()).body("triageReasons", nullValue());
        as(colleague).body(Map.of("outcome", "MEMO", "practitionerId", w.practitionerId, "note", "Rappeler après 17 h"))
                .post("/api/calls/" + call + "/outcome").then().statusCode(403);
        assertThat(fx.queryString("SELECT outcome FROM phone_call WHERE id = ?", call)).isNull();
        assertThat(fx.queryLong("SELECT count(*) FROM access_journal WHERE action = 'CALL_READ' AND object_id = ?", call))
                .isEqualTo(readsBefore);
        // the one who took the call closes it; the note is clinical from then on
        as(w.secretary).body(Map.of("outcome", "MEMO", "practitionerId", w.practitionerId, "note", "Rappeler après 17 h"))
                .post("/api/calls/" + call + "/outcome").then().statusCode(200)
                .body("note", equalTo("Rappeler après 17 h")).body("answers.medication", notNullValue());
        as(colleague).get("/api/calls/" + call).then().statusCode(200).body("note", nullValue()).body("answers", nullValue());
        as(colleague).get("/api/practices/" + w.practiceId + "/calls").then().statusCode(200)
                .body("find { it.id == " + call + " }.note", nullValue());
        as(w.secretary).get("/api/practices/" + w.practiceId + "/calls").then().statusCode(200)
                .body("find { it.id == " + call + " }.note", nullValue());
        as(w.practitioner).get("/api/calls/" + call).then().statusCode(200).body("note", equalTo("Rappeler après 17 h"));
        // the outcome's answer and the practitioner's read, each by its reader
        assertThat(fx.queryLong("SELECT count(*) FROM access_journal WHERE action = 'CALL_READ' AND object_id = ? AND account_id = ?",
                call, w.secretary.accountId())).isGreaterThan(0);
        assertThat(fx.queryLong("SELECT count(*) FROM access_journal WHERE action = 'CALL_READ' AND object_id = ? AND account_id = ?",
                call, w.practitioner.accountId())).isEqualTo(1);
        assertThat(fx.queryLong("SELECT count(*) FROM access_journal WHERE action = 'CALL_READ' AND object_id = ? AND account_id = ?",
                call, colleague.accountId())).isZero();
    }

    @Test
    void aMismatchedIdentityIsRecordedAsNotChecked() {
        long call = open(w.secretary);
        as(w.secretary).body(Map.of("patientId", caller, "lastName", "Dupont", "birthDate", "1950-02-03"))
                .post("/api/calls/" + call + "/identity").then().statusCode(200)
                .body("identityChecked", equalTo(false)).body("nameMatches", equalTo(false))
                .body("birthDateMatches", equalTo(true)).body("phoneMatches", equalTo(false));
        // a patient the practice does not know cannot be probed
        as(w.secretary).body(Map.of("patientId", w.otherPatient.patientId(), "lastName", "X", "birthDate", "1985-04-12"))
                .post("/api/calls/" + call + "/identity").then().statusCode(404);
        as(w.secretary).body(Map.of("patientId", caller, "birthDate", "03/02/1950"))
                .post("/api/calls/" + call + "/identity").then().statusCode(400)
                .body("errors.field", contains("lastName", "birthDate"));
    }

    @Test
    void anEmergencyOnThePhoneIsRecordedButNeverAMemo() {
        long call = open(w.admin);
        as(w.admin).body(Map.of("patientId", caller, "lastName", lastName(), "birthDate", "1950-02-03", "phone", "+33698765432"))
                .post("/api/calls/" + call + "/identity").then().statusCode(200);
        Map<String, Object> answers = new java.util.HashMap<>(symptoms(37.0, "SEVERE"));
        answers.put("redFlags", List.of("stroke_speech_trouble"));
        as(w.admin).body(Map.of("reason", "Parole difficile", "answers", answers)).post("/api/calls/" + call + "/triage")
                .then().statusCode(200).body("priority", equalTo("EMERGENCY")).body("emergencyNumbers", contains("15", "112"));
        as(w.admin).body(Map.of("outcome", "MEMO")).post("/api/calls/" + call + "/outcome")
                .then().statusCode(422).body("code", equalTo("emergency_call_now"));
        as(w.admin).body(Map.of("outcome", "ADVICE_GIVEN", "note", "Orientée vers le 15")).post("/api/calls/" + call + "/outcome")
                .then().statusCode(200).body("outcome", equalTo("ADVICE_GIVEN"));
        assertThat(fx.queryLong("SELECT count(*) FROM patient_request WHERE call_id = ?", call)).isZero();
    }

    @Test
    void outcomesNeedWhatTheyPointAt() {
        long call = open(w.secretary);
        as(w.secretary).body(Map.of("outcome", "MEMO")).post("/api/calls/" + call + "/outcome")
                .then().statusCode(422).body("code", equalTo("identity_required"));
        identify(call);
        as(w.secretary).body(Map.of("outcome", "MEMO")).post("/api/calls/" + call + "/outcome")
                .then().statusCode(422).body("code", equalTo("triage_required"));
        as(w.secretary).body(Map.of("outcome", "BOOKED")).post("/api/calls/" + call + "/outcome")
                .then().statusCode(400).body("errors[0].field", equalTo("appointmentId"));
        long foreignAppointment = fx.appointment(w.foreignPracticeId, fx.practitioner(w.foreignPracticeId, "ORL"),
                fx.site(w.foreignPracticeId), caller, fx.motive(w.foreignPracticeId, 15, true, false),
                Instant.now().plus(3, ChronoUnit.DAYS), 15, "BOOKED", w.foreignSecretary.accountId());
        as(w.secretary).body(Map.of("outcome", "BOOKED", "appointmentId", foreignAppointment)).post("/api/calls/" + call + "/outcome")
                .then().statusCode(400).body("errors[0].field", equalTo("appointmentId"));
        long foreignPractitioner = fx.practitioner(w.foreignPracticeId, "ORL");
        as(w.secretary).body(Map.of("outcome", "URGENT_TRANSFER", "practitionerId", foreignPractitioner)).post("/api/calls/" + call + "/outcome")
                .then().statusCode(400).body("errors[0].field", equalTo("practitionerId"));
        as(w.secretary).body(Map.of("outcome", "HANG_UP")).post("/api/calls/" + call + "/outcome")
                .then().statusCode(400).body("errors[0].field", equalTo("outcome"));
        long appointment = fx.appointment(w.practiceId, w.practitionerId, w.siteId, caller, w.motiveId,
                Instant.now().plus(2, ChronoUnit.DAYS), 20, "BOOKED", w.secretary.accountId());
        as(w.secretary).body(Map.of("outcome", "BOOKED", "appointmentId", appointment)).post("/api/calls/" + call + "/outcome")
                .then().statusCode(200).body("outcome", equalTo("BOOKED")).body("appointmentId", equalTo((int) appointment));
    }

    private long joinWaitlist(Actor staff, long practiceId, long patientId, long motiveId) {
        LocalDate from = LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(1);
        return ((Number) as(staff).body(Map.of("patientId", patientId, "motiveId", motiveId, "fromDate", from.toString(),
                        "toDate", from.plusDays(14).toString()))
                .post("/api/practices/" + practiceId + "/waitlist").then().statusCode(201).extract().path("id")).longValue();
    }

    private io.restassured.response.ValidatableResponse waitlisted(long call, long entry) {
        return as(w.secretary).body(Map.of("outcome", "WAITLISTED", "waitlistEntryId", entry)).post("/api/calls/" + call + "/outcome").then();
    }

    @Test
    void aCallEndsWithTheCallerOnTheWaitlistOnlyIfTheyWereSignedUpDuringIt() {
        long before = joinWaitlist(w.secretary, w.practiceId, caller, w.motiveId);
        long call = open(w.secretary);
        long entry = joinWaitlist(w.secretary, w.practiceId, caller, w.motiveId);
        waitlisted(call, entry).statusCode(422).body("code", equalTo("identity_required"));
        // picked but not matching the record (another phone): still not checked
        as(w.secretary).body(Map.of("patientId", caller, "lastName", lastName(), "birthDate", "1950-02-03", "phone", "06 11 11 11 11"))
                .post("/api/calls/" + call + "/identity").then().statusCode(200).body("identityChecked", equalTo(false));
        waitlisted(call, entry).statusCode(422).body("code", equalTo("identity_required"));
        identify(call);
        as(w.secretary).body(Map.of("outcome", "WAITLISTED")).post("/api/calls/" + call + "/outcome")
                .then().statusCode(400).body("errors[0].field", equalTo("waitlistEntryId")).body("errors[0].code", equalTo("required"));
        waitlisted(call, 999_999_999L).statusCode(400).body("errors[0].field", equalTo("waitlistEntryId"))
                .body("errors[0].code", equalTo("unknown"));
        // another practice's entry for the same patient reads as unknown
        fx.knownTo(w.foreignPracticeId, caller);
        long foreign = joinWaitlist(w.foreignSecretary, w.foreignPracticeId, caller, fx.motive(w.foreignPracticeId, 15, true, false));
        waitlisted(call, foreign).statusCode(400).body("errors[0].code", equalTo("unknown"));
        // someone else's entry, and the caller's own from before the call, are not what this call did
        long someoneElse = fx.patient(Fixtures.unique("Martin"), "Paul", LocalDate.of(1980, 5, 6), "+33611223344", null);
        fx.knownTo(w.practiceId, someoneElse);
        waitlisted(call, joinWaitlist(w.secretary, w.practiceId, someoneElse, w.motiveId)).statusCode(400)
                .body("errors[0].code", equalTo("other_patient"));
        waitlisted(call, before).statusCode(400).body("errors[0].code", equalTo("before_call"));
        long booked = joinWaitlist(w.secretary, w.practiceId, caller, w.motiveId);
        fx.update("UPDATE waitlist_entry SET status = 'BOOKED' WHERE id = ?", booked);
        waitlisted(call, booked).statusCode(400).body("errors[0].code", equalTo("not_waiting"));
        assertThat(fx.queryString("SELECT outcome FROM phone_call WHERE id = ?", call)).isNull();

        waitlisted(call, entry).statusCode(200).body("outcome", equalTo("WAITLISTED"))
                .body("waitlistEntryId", equalTo((int) entry)).body("endedAt", notNullValue());
        as(w.practitioner).get("/api/calls/" + call).then().statusCode(200).body("outcome", equalTo("WAITLISTED"))
                .body("waitlistEntryId", equalTo((int) entry));
        // one sign-up closes one call
        long next = open(w.secretary);
        identify(next);
        waitlisted(next, entry).statusCode(400).body("errors[0].code", equalTo("already_used"));
        // the patient may stop waiting later; the call still ended as it did
        as(w.secretary).delete("/api/waitlist/" + entry).then().statusCode(204);
        as(w.secretary).get("/api/calls/" + call).then().statusCode(200).body("outcome", equalTo("WAITLISTED"))
                .body("waitlistEntryId", nullValue());
    }

    /**
     * Two calls closed at once with the same entry both pass the "already used" check, which reads committed rows;
     * the unique index stops the later one. Made deterministic: the first closing's write is held uncommitted on a
     * connection of the test while the second request runs into it and waits on the index, then committed.
     */
    @Test
    void aConcurrentClosingWithAnEntryAnotherCallTookIsAlreadyUsedToo() throws Exception {
        long first = open(w.secretary);
        identify(first);
        long second = open(w.secretary);
        identify(second);
        long entry = joinWaitlist(w.secretary, w.practiceId, caller, w.motiveId);
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement ps = other.prepareStatement(
                    "UPDATE phone_call SET outcome = 'WAITLISTED', waitlist_entry_id = ?, ended_at = now() WHERE id = ?")) {
                ps.setLong(1, entry);
                ps.setLong(2, first);
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
            CompletableFuture<Response> closing = CompletableFuture.supplyAsync(() -> as(w.secretary)
                    .body(Map.of("outcome", "WAITLISTED", "waitlistEntryId", entry)).post("/api/calls/" + second + "/outcome"));
            awaitWaitingOnALock(closing);
            other.commit();
            closing.get(60, TimeUnit.SECONDS).then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("waitlistEntryId")).body("errors[0].code", equalTo("already_used"));
        }
        assertThat(fx.queryString("SELECT outcome FROM phone_call WHERE id = ?", second)).isNull();
        assertThat(fx.queryLong("SELECT waitlist_entry_id FROM phone_call WHERE id = ?", first)).isEqualTo(entry);
    }

    /** Until a backend waits on a lock over phone_call (the request, blocked by the uncommitted row). */
    private void awaitWaitingOnALock(CompletableFuture<Response> request) throws InterruptedException {
        for (int i = 0; i < 3000; i++) {
            assertThat(request).as("the request ended before meeting the uncommitted row").isNotDone();
            if (fx.queryLong("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                    + " AND query ILIKE '%phone_call%' AND pid <> pg_backend_pid()") > 0) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the request never waited on the uncommitted row");
    }

    @Test
    void callsAreTheSecretariatsAndNobodyElseSeesThem() {
        long call = open(w.secretary);
        as(w.secretary).body(Map.of("reason", "Fièvre", "answers", symptoms(38.5, "MODERATE"))).post("/api/calls/" + call + "/triage")
                .then().statusCode(200);
        String calls = "/api/practices/" + w.practiceId + "/calls";
        as(w.practitioner).body(Map.of()).post(calls).then().statusCode(403);
        as(w.patient).body(Map.of()).post(calls).then().statusCode(403);
        given().contentType("application/json").body(Map.of()).post(calls).then().statusCode(401);
        for (Actor foreign : w.foreignStaff()) {
            as(foreign).get("/api/calls/" + call).then().statusCode(404);
            as(foreign).get(calls).then().statusCode(404);
        }
        as(w.foreignSecretary).body(Map.of()).post(calls).then().statusCode(404);
        as(w.foreignSecretary).body(Map.of("outcome", "ADVICE_GIVEN")).post("/api/calls/" + call + "/outcome").then().statusCode(404);
        as(w.practitioner).body(Map.of("outcome", "ADVICE_GIVEN")).post("/api/calls/" + call + "/outcome").then().statusCode(403);
        as(w.patient).get("/api/calls/" + call).then().statusCode(403);
        // answers: who took it, clinicians and granted secretaries; not another secretary
        as(w.practitioner).get("/api/calls/" + call).then().statusCode(200).body("answers.temperature", equalTo(38.5f));
        as(w.grantedSecretary).get("/api/calls/" + call).then().statusCode(200).body("answers.symptoms", notNullValue());
        Actor colleague = fx.staff(fr.creneau.model.rules.Role.SECRETARY, w.practiceId, null);
        as(colleague).get("/api/calls/" + call).then().statusCode(200).body("answers", nullValue()).body("reason", equalTo("Fièvre"));
        as(w.secretary).get(calls).then().statusCode(200).body("id", hasItem((int) call)).body("answers[0]", nullValue());
        as(w.secretary).queryParam("from", "yesterday").get(calls).then().statusCode(400).body("errors[0].field", equalTo("from"));
        as(w.secretary).body(Map.of("callerPhone", "12")).post(calls).then().statusCode(400).body("errors[0].field", equalTo("callerPhone"));
        as(w.secretary).body(Map.of("answers", renewal())).post("/api/calls/" + call + "/triage").then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        as(w.secretary).body(Map.of("reason", "x", "answers", Map.of("type", "PAPERWORK"))).post("/api/calls/" + call + "/triage").then().statusCode(400)
                .body("errors.field", contains("answers.documentKind", "answers.purpose"));
    }

    @Test
    void callScriptsPerMotive() {
        String script = "/api/motives/" + w.motiveId + "/call-script";
        Map<String, Object> body = Map.of("questionsFr", List.of("Depuis quand ?", "Avez-vous de la fièvre ?"),
                "questionsEn", List.of("Since when?", "Any fever?"),
                "answersFr", List.of("Apportez votre carnet de santé"), "answersEn", List.of("Bring your health record"));
        as(w.admin).body(body).put(script).then().statusCode(200)
                .body("motiveId", equalTo((int) w.motiveId)).body("questionsFr", contains("Depuis quand ?", "Avez-vous de la fièvre ?"));
        for (Actor staff : w.staff()) {
            as(staff).get("/api/practices/" + w.practiceId + "/call-scripts").then().statusCode(200)
                    .body("find { it.motiveId == " + w.motiveId + " }.answersEn", contains("Bring your health record"))
                    .body("find { it.motiveId == " + w.motiveId + " }.labelFr", notNullValue());
        }
        for (Actor a : List.of(w.practitioner, w.secretary, w.patient)) {
            as(a).body(body).put(script).then().statusCode(403);
        }
        as(w.foreignAdmin).body(body).put(script).then().statusCode(404);
        as(w.foreignSecretary).get("/api/practices/" + w.practiceId + "/call-scripts").then().statusCode(404);
        as(w.patient).get("/api/practices/" + w.practiceId + "/call-scripts").then().statusCode(403);
        as(w.admin).body(Map.of("questionsFr", List.of("deux\nlignes"))).put(script).then().statusCode(400)
                .body("errors[0].field", equalTo("questionsFr"));
        as(w.admin).body(body).put("/api/motives/999999999/call-script").then().statusCode(404);
        // the booking core's motive API is untouched by the new columns
        given().get("/api/practices/" + w.practiceId + "/motives").then().statusCode(200);
        given().get("/api/practices/" + w.practiceId).then().statusCode(200);
    }

    @Test
    void indicators() {
        ZoneId paris = ZoneId.of("Europe/Paris");
        LocalDate day = LocalDate.now(paris).minusDays(10);
        Instant nine = day.atTime(9, 0).atZone(paris).toInstant();
        for (int i = 0; i < 4; i++) {
            fx.appointment(w.practiceId, w.practitionerId, w.siteId, caller, w.motiveId, nine.plus(30L * i, ChronoUnit.MINUTES), 20,
                    i == 0 ? "NO_SHOW" : "SEEN", w.secretary.accountId());
        }
        fx.appointment(w.practiceId, w.practitionerId, w.siteId, caller, w.motiveId, nine.plus(3, ChronoUnit.HOURS), 20,
                "CANCELLED_BY_PATIENT", w.secretary.accountId());
        fx.update("INSERT INTO patient_request (practice_id, patient_id, author_account_id, author_role, channel, type, priority,"
                        + " status, answers, created_at, first_answered_at) VALUES (?, ?, ?, 'PATIENT', 'ONLINE', 'PAPERWORK', 'ROUTINE',"
                        + " 'ANSWERED', '{}', ?, ?)", w.practiceId, caller, w.patient.accountId(),
                java.time.OffsetDateTime.ofInstant(nine, paris), java.time.OffsetDateTime.ofInstant(nine.plus(90, ChronoUnit.MINUTES), paris));
        fx.update("INSERT INTO patient_request (practice_id, patient_id, author_account_id, author_role, channel, type, priority,"
                        + " status, answers, created_at) VALUES (?, ?, ?, 'PATIENT', 'ONLINE', 'PAPERWORK', 'ROUTINE', 'NEW', '{}', ?)",
                w.practiceId, caller, w.patient.accountId(), java.time.OffsetDateTime.ofInstant(nine, paris));
        fx.update("INSERT INTO phone_call (practice_id, answered_by, started_at, ended_at, outcome) VALUES (?, ?, ?, ?, 'ADVICE_GIVEN')",
                w.practiceId, w.secretary.accountId(), java.time.OffsetDateTime.ofInstant(nine, paris),
                java.time.OffsetDateTime.ofInstant(nine.plusSeconds(240), paris));
        fx.update("INSERT INTO phone_call (practice_id, answered_by, started_at, ended_at, outcome) VALUES (?, ?, ?, ?, 'ADVICE_GIVEN')",
                w.practiceId, w.secretary.accountId(), java.time.OffsetDateTime.ofInstant(nine, paris),
                java.time.OffsetDateTime.ofInstant(nine.plusSeconds(120), paris));
        // a call that put the caller on the waitlist is answered like any other
        fx.update("INSERT INTO phone_call (practice_id, answered_by, started_at, ended_at, outcome) VALUES (?, ?, ?, ?, 'WAITLISTED')",
                w.practiceId, w.secretary.accountId(), java.time.OffsetDateTime.ofInstant(nine, paris),
                java.time.OffsetDateTime.ofInstant(nine.plusSeconds(180), paris));
        String url = "/api/practices/" + w.practiceId + "/indicators";
        for (Actor a : List.of(w.practitioner, w.admin)) {
            as(a).queryParam("from", day.toString()).queryParam("to", day.toString()).get(url).then().statusCode(200)
                    .body("appointmentsDue", equalTo(4)).body("noShows", equalTo(1)).body("noShowRate", equalTo(0.25f))
                    .body("requestsReceived", equalTo(2)).body("requestsAnswered", equalTo(1))
                    .body("averageFirstAnswerMinutes", equalTo(90.0f))
                    .body("callsAnswered", equalTo(3)).body("averageCallSeconds", equalTo(180.0f));
        }
        as(w.admin).queryParam("from", day.plusDays(1).toString()).queryParam("to", day.plusDays(2).toString()).get(url).then()
                .statusCode(200).body("appointmentsDue", equalTo(0)).body("noShowRate", nullValue()).body("averageCallSeconds", nullValue());
        as(w.secretary).queryParam("from", day.toString()).queryParam("to", day.toString()).get(url).then().statusCode(403);
        as(w.patient).queryParam("from", day.toString()).queryParam("to", day.toString()).get(url).then().statusCode(403);
        as(w.foreignAdmin).queryParam("from", day.toString()).queryParam("to", day.toString()).get(url).then().statusCode(404);
        as(w.admin).queryParam("to", day.toString()).get(url).then().statusCode(400).body("errors[0].field", equalTo("from"));
        as(w.admin).queryParam("from", day.toString()).queryParam("to", day.minusDays(1).toString()).get(url).then().statusCode(400)
                .body("errors[0].field", equalTo("to"));
        as(w.admin).queryParam("from", "+999999999-12-31").queryParam("to", "+999999999-12-31").get(url).then().statusCode(400)
                .body("errors[0].field", equalTo("from")).body("errors[0].code", equalTo("invalid_date"));
    }
}
