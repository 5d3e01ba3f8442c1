package fr.creneau.backend.messaging;

import fr.creneau.backend.support.Fixtures;
import fr.creneau.backend.support.Fixtures.Actor;
import fr.creneau.backend.support.PostgresAndKeysResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
class MessagingResourceTest {
    @Inject
    Fixtures fx;

    PracticeWorld w;

    @BeforeEach
    void world() {
        w = new PracticeWorld(fx);
    }

    private String requests() {
        return "/api/practices/" + w.practiceId + "/requests";
    }

    private ValidatableResponse post(Actor a, Map<String, Object> body) {
        return as(a).body(body).post(requests()).then();
    }

    private long storedRequests(long patientId) {
        return fx.queryLong("SELECT count(*) FROM patient_request WHERE patient_id = ?", patientId);
    }

    private long journaled(String action, long requestId) {
        return fx.queryLong("SELECT count(*) FROM access_journal WHERE practice_id = ? AND action = ? AND object_id = ?",
                w.practiceId, action, requestId);
    }

    // --- writing a request

    @Test
    void aPatientWritesARoutineRequestForThemself() {
        post(w.patient, Map.of("patientId", w.patient.patientId(), "practitionerId", w.practitionerId, "answers", renewal()))
                .statusCode(201)
                .body("priority", equalTo("ROUTINE")).body("status", equalTo("NEW")).body("channel", equalTo("ONLINE"))
                .body("type", equalTo("PRESCRIPTION_RENEWAL")).body("answers.medication", equalTo("Lévothyrox 50 µg"))
                .body("authorRole", equalTo("PATIENT")).body("createdAt", notNullValue());
        long id = fx.queryLong("SELECT id FROM patient_request WHERE patient_id = ?", w.patient.patientId());
        assertThat(journaled("REQUEST_CREATE", id)).isEqualTo(1);
    }

    @Test
    void aHighFeverIsUrgent() {
        post(w.patient, Map.of("patientId", w.patient.patientId(), "answers", symptoms(39.2, "MODERATE")))
                .statusCode(201).body("priority", equalTo("URGENT")).body("triageReasons", contains("high_temperature"));
    }

    @Test
    void aBabyWithFeverIsAnEmergencyAndNeverStored() {
        post(w.patient, Map.of("patientId", w.babyId, "answers", symptoms(38.0, "MILD")))
                .statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("emergency_call_now"))
                .body("emergencyNumber", equalTo("15"))
                .body("emergencyNumbers", contains("15", "112"))
                .body("redFlags", contains("infant_fever"));
        assertThat(storedRequests(w.babyId)).isZero();
        // the same baby at 37.9 °C can write
        post(w.patient, Map.of("patientId", w.babyId, "answers", symptoms(37.9, "MILD"))).statusCode(201);
    }

    @Test
    void aTickedRedFlagIsRefusedWhateverTheType() {
        Map<String, Object> answers = new HashMap<>(renewal());
        answers.put("redFlags", List.of("chest_pain"));
        post(w.patient, Map.of("patientId", w.patient.patientId(), "answers", answers))
                .statusCode(422).body("code", equalTo("emergency_call_now")).body("redFlags", contains("chest_pain"));
        Map<String, Object> suicidal = new HashMap<>(renewal());
        suicidal.put("redFlags", List.of("suicidal_thoughts"));
        post(w.patient, Map.of("patientId", w.patient.patientId(), "answers", suicidal))
                .statusCode(422).body("emergencyNumbers", contains("15", "112", "3114"));
        assertThat(storedRequests(w.patient.patientId())).isZero();
    }

    @Test
    void onlyForSelfOrARelative() {
        post(w.patient, Map.of("patientId", w.otherPatient.patientId(), "answers", renewal()))
                .statusCode(404).contentType("application/problem+json");
        post(w.otherPatient, Map.of("patientId", w.babyId, "answers", renewal())).statusCode(404);
        as(w.patient).body(Map.of("patientId", w.patient.patientId(), "answers", renewal()))
                .post("/api/practices/999999999/requests").then().statusCode(404);
    }

    @Test
    void thePractitionerMustBeOfThePractice() {
        long foreign = fx.practitioner(w.foreignPracticeId, "Cardiologie");
        post(w.patient, Map.of("patientId", w.patient.patientId(), "practitionerId", foreign, "answers", renewal()))
                .statusCode(400).body("errors.field", contains("practitionerId"));
    }

    @Test
    void badInputNamesTheField() {
        post(w.patient, Map.of("patientId", w.patient.patientId(), "answers", Map.of("type", "PRESCRIPTION_RENEWAL")))
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("answers.medication", "answers.since"));
        post(w.patient, Map.of("patientId", w.patient.patientId(),
                "answers", Map.of("type", "NEW_SYMPTOMS", "symptoms", "toux", "since", "2999-01-01", "severity", "MILD")))
                .statusCode(400).body("errors[0].field", equalTo("answers.since")).body("errors[0].code", equalTo("in_future"));
        post(w.patient, Map.of("patientId", w.patient.patientId(), "answers", Map.of("type", "NEW_SYMPTOMS", "temperature", "hot")))
                .statusCode(400).body("errors[0].field", equalTo("temperature"));
        post(w.patient, Map.of("patientId", w.patient.patientId(), "answers", Map.of("type", "GOSSIP")))
                .statusCode(400).body("errors[0].field", equalTo("type"));
        post(w.patient, Map.of("answers", renewal())).statusCode(400).body("errors.field", contains("patientId"));
    }

    @Test
    void onlyPatientsWriteRequests() {
        for (Actor staff : w.staff()) {
            post(staff, Map.of("patientId", w.patient.patientId(), "answers", renewal()))
                    .statusCode(403).contentType("application/problem+json");
        }
        given().contentType(ContentType.JSON).body(Map.of("patientId", 1, "answers", renewal()))
                .post(requests()).then().statusCode(401).contentType("application/problem+json");
    }

    // --- the inbox

    @Test
    void theInboxListsByPriorityThenAgeWithoutClinicalContent() {
        long routineOld = w.request(w.patient.patientId(), renewal());
        long urgent = w.request(w.patient.patientId(), symptoms(39.5, "MILD"));
        long routineNew = w.request(w.babyId, renewal());
        for (Actor staff : w.staff()) {
            as(staff).get(requests()).then().statusCode(200)
                    .body("id", contains((int) urgent, (int) routineOld, (int) routineNew))
                    .body("answers", contains(nullValue(), nullValue(), nullValue()))
                    .body("type[0]", equalTo("NEW_SYMPTOMS")).body("priority[0]", equalTo("URGENT"))
                    .body("clinicalHidden[0]", equalTo(staff == w.secretary))
                    .body("patientName[2]", notNullValue());
        }
        for (Actor foreign : w.foreignStaff()) {
            as(foreign).get(requests()).then().statusCode(404).contentType("application/problem+json");
        }
        as(w.patient).get(requests()).then().statusCode(403);
        given().get(requests()).then().statusCode(401);
        as(w.admin).queryParam("status", "BOGUS").get(requests()).then().statusCode(400).body("errors[0].field", equalTo("status"));
    }

    @Test
    void theInboxFiltersByStatus() {
        long id = w.request(w.patient.patientId(), renewal());
        as(w.practitioner).get("/api/requests/" + id).then().statusCode(200);
        as(w.practitioner).queryParam("status", "NEW").get(requests()).then().statusCode(200).body("id", org.hamcrest.Matchers.not(hasItem((int) id)));
        as(w.practitioner).queryParam("status", "READ").get(requests()).then().statusCode(200).body("id", contains((int) id));
    }

    // --- one request: who sees the clinical content

    @Test
    void practitionerReadsTheContentMarksItReadAndTheReadingIsJournaled() {
        long id = w.request(w.patient.patientId(), symptoms(38.4, "MODERATE"));
        as(w.practitioner).header("X-Forwarded-For", "203.0.113.7, 10.0.0.1").get("/api/requests/" + id).then().statusCode(200)
                .body("answers.symptoms", equalTo("Fièvre et toux")).body("answers.temperature", equalTo(38.4f))
                .body("clinicalHidden", equalTo(false)).body("status", equalTo("READ")).body("readAt", notNullValue());
        assertThat(journaled("REQUEST_READ", id)).isEqualTo(1);
        assertThat(fx.queryString("SELECT account_id || ' ' || role || ' ' || client_ip FROM access_journal WHERE action = 'REQUEST_READ' AND object_id = ?", id))
                .isEqualTo(w.practitioner.accountId() + " PRACTITIONER 203.0.113.7");
    }

    @Test
    void aSecretaryWithoutTheGrantSeesTypeAndPriorityOnly() {
        long id = w.request(w.patient.patientId(), symptoms(39.5, "SEVERE"));
        as(w.secretary).get("/api/requests/" + id).then().statusCode(200)
                .body("type", equalTo("NEW_SYMPTOMS")).body("priority", equalTo("URGENT"))
                .body("answers", nullValue()).body("triageReasons", nullValue())
                .body("clinicalHidden", equalTo(true)).body("status", equalTo("NEW"));
        assertThat(journaled("REQUEST_READ", id)).isZero();
        as(w.secretary).get("/api/requests/" + id + "/replies").then().statusCode(403).body("code", equalTo("clinical_grant_required"));
        as(w.secretary).body(Map.of("body", "Rappel demain")).post("/api/requests/" + id + "/replies").then().statusCode(403);
        as(w.secretary).post("/api/requests/" + id + "/close").then().statusCode(403);
        as(w.grantedSecretary).get("/api/requests/" + id).then().statusCode(200)
                .body("answers.severity", equalTo("SEVERE")).body("clinicalHidden", equalTo(false));
        as(w.admin).get("/api/requests/" + id).then().statusCode(200).body("answers.severity", equalTo("SEVERE"));
        assertThat(journaled("REQUEST_READ", id)).isEqualTo(2);
    }

    @Test
    void nobodyElseKnowsTheRequestExists() {
        long id = w.request(w.babyId, renewal());
        for (Actor foreign : w.foreignStaff()) {
            as(foreign).get("/api/requests/" + id).then().statusCode(404);
            as(foreign).get("/api/requests/" + id + "/replies").then().statusCode(404);
            as(foreign).body(Map.of("body", "x")).post("/api/requests/" + id + "/replies").then().statusCode(404);
            as(foreign).post("/api/requests/" + id + "/close").then().statusCode(404);
        }
        as(w.otherPatient).get("/api/requests/" + id).then().statusCode(404);
        as(w.otherPatient).post("/api/requests/" + id + "/close").then().statusCode(404);
        as(w.patient).get("/api/requests/999999999").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/requests/" + id).then().statusCode(401);
        as(w.patient).get("/api/requests/" + id).then().statusCode(200).body("answers.medication", equalTo("Lévothyrox 50 µg"));
    }

    @Test
    void myRequestsCoverMyRelativesAndNobodyElse() {
        long mine = w.request(w.patient.patientId(), renewal());
        long baby = w.request(w.babyId, renewal());
        as(w.patient).get("/api/requests/mine").then().statusCode(200).body("id", contains((int) baby, (int) mine));
        as(w.otherPatient).get("/api/requests/mine").then().statusCode(200).body("size()", equalTo(0));
        as(w.practitioner).get("/api/requests/mine").then().statusCode(403);
    }

    // --- the thread

    @Test
    void theThreadAnswersFollowsUpAndCloses() {
        long id = w.request(w.patient.patientId(), renewal());
        as(w.practitioner).body(Map.of("body", "Ordonnance déposée à l'accueil.")).post("/api/requests/" + id + "/replies")
                .then().statusCode(201).body("authorRole", equalTo("PRACTITIONER")).body("requestId", equalTo((int) id));
        as(w.patient).get("/api/requests/" + id).then().body("status", equalTo("ANSWERED")).body("firstAnsweredAt", notNullValue());
        String first = fx.queryString("SELECT first_answered_at::text FROM patient_request WHERE id = ?", id);
        as(w.patient).body(Map.of("body", "Merci ! Et pour la prise de sang ?")).post("/api/requests/" + id + "/replies")
                .then().statusCode(201).body("authorRole", equalTo("PATIENT"));
        as(w.patient).get("/api/requests/" + id).then().body("status", equalTo("READ"));
        as(w.grantedSecretary).body(Map.of("body", "Le docteur vous rappelle.")).post("/api/requests/" + id + "/replies").then().statusCode(201);
        assertThat(fx.queryString("SELECT first_answered_at::text FROM patient_request WHERE id = ?", id)).as("first answer kept").isEqualTo(first);
        as(w.patient).get("/api/requests/" + id + "/replies").then().statusCode(200)
                .body("authorRole", contains("PRACTITIONER", "PATIENT", "SECRETARY"))
                .body("body[0]", equalTo("Ordonnance déposée à l'accueil."));
        assertThat(journaled("REQUEST_REPLIES_READ", id)).isEqualTo(1);
        assertThat(journaled("REQUEST_REPLY", id)).isEqualTo(3);
        as(w.patient).post("/api/requests/" + id + "/close").then().statusCode(200).body("status", equalTo("CLOSED")).body("closedAt", notNullValue());
        as(w.practitioner).body(Map.of("body", "Encore un mot")).post("/api/requests/" + id + "/replies")
                .then().statusCode(409).body("code", equalTo("request_closed"));
        as(w.practitioner).post("/api/requests/" + id + "/close").then().statusCode(409);
    }

    @Test
    void anEmptyReplyIsRefused() {
        long id = w.request(w.patient.patientId(), renewal());
        as(w.practitioner).body(Map.of("body", "  ")).post("/api/requests/" + id + "/replies")
                .then().statusCode(400).body("errors[0].field", equalTo("body")).body("errors[0].code", equalTo("required"));
        as(w.practitioner).body(Map.of("body", 12)).post("/api/requests/" + id + "/replies")
                .then().statusCode(400).body("errors[0].field", equalTo("body"));
    }

    // --- clinical grants

    @Test
    void theAdminGrantsAndRevokesClinicalAccess() {
        long id = w.request(w.patient.patientId(), renewal());
        String grant = "/api/practices/" + w.practiceId + "/clinical-grants/" + w.secretary.accountId();
        as(w.admin).put(grant).then().statusCode(204);
        as(w.admin).put(grant).then().statusCode(204);
        as(w.secretary).get("/api/requests/" + id).then().body("answers.medication", notNullValue());
        as(w.admin).get("/api/practices/" + w.practiceId + "/clinical-grants").then().statusCode(200)
                .body("accountId", hasItem((int) w.secretary.accountId()));
        as(w.admin).delete(grant).then().statusCode(204);
        as(w.secretary).get("/api/requests/" + id).then().body("answers", nullValue()).body("clinicalHidden", equalTo(true));
        assertThat(fx.queryLong("SELECT count(*) FROM access_journal WHERE practice_id = ? AND action IN ('CLINICAL_GRANT', 'CLINICAL_REVOKE') AND object_id = ?",
                w.practiceId, w.secretary.accountId())).isEqualTo(2);
    }

    @Test
    void grantsAreTheAdminsOwnAndForSecretariesOnly() {
        String base = "/api/practices/" + w.practiceId + "/clinical-grants";
        for (Actor a : List.of(w.practitioner, w.secretary, w.grantedSecretary, w.patient)) {
            as(a).put(base + "/" + w.secretary.accountId()).then().statusCode(403);
            as(a).get(base).then().statusCode(403);
        }
        as(w.foreignAdmin).put(base + "/" + w.secretary.accountId()).then().statusCode(404);
        as(w.foreignAdmin).get(base).then().statusCode(404);
        as(w.foreignAdmin).delete(base + "/" + w.grantedSecretary.accountId()).then().statusCode(404);
        as(w.admin).put(base + "/" + w.practitioner.accountId()).then().statusCode(404);
        as(w.admin).put(base + "/" + w.foreignSecretary.accountId()).then().statusCode(404);
        given().put(base + "/" + w.secretary.accountId()).then().statusCode(401);
    }

    // --- the practice's grid

    @Test
    void theGridIsPublicAndThePracticeExtendsIt() {
        String grid = "/api/practices/" + w.practiceId + "/triage-grid";
        given().get(grid).then().statusCode(200)
                .body("flags.code", hasItem("chest_pain")).body("flags.code", hasItem("infant_fever"))
                .body("emergencyNumbers", contains("15", "112"));
        Map<String, Object> flag = Map.of("code", "pregnancy_bleeding", "labelFr", "Saignement pendant la grossesse",
                "labelEn", "Bleeding during pregnancy");
        String flags = "/api/practices/" + w.practiceId + "/red-flags";
        as(w.admin).body(flag).post(flags).then().statusCode(201).body("code", equalTo("pregnancy_bleeding")).body("builtIn", equalTo(false));
        as(w.admin).body(flag).post(flags).then().statusCode(409).body("code", equalTo("already_exists"));
        given().get(grid).then().body("flags.code", hasItem("pregnancy_bleeding"));
        given().get("/api/practices/" + w.foreignPracticeId + "/triage-grid").then().body("flags.code", org.hamcrest.Matchers.not(hasItem("pregnancy_bleeding")));

        Map<String, Object> answers = new HashMap<>(renewal());
        answers.put("redFlags", List.of("pregnancy_bleeding"));
        post(w.patient, Map.of("patientId", w.patient.patientId(), "answers", answers)).statusCode(422);

        as(w.admin).delete(flags + "/pregnancy_bleeding").then().statusCode(204);
        as(w.admin).delete(flags + "/pregnancy_bleeding").then().statusCode(404);
        as(w.admin).delete(flags + "/chest_pain").then().statusCode(422).body("code", equalTo("built_in_flag"));
        as(w.admin).body(Map.of("code", "chest_pain", "labelFr", "a", "labelEn", "b")).post(flags).then().statusCode(409);
        as(w.admin).body(Map.of("code", "Bad Code", "labelFr", "a")).post(flags).then().statusCode(400)
                .body("errors.field", contains("code", "labelEn"));
        as(w.admin).body(Map.of("code", "hot", "labelFr", "a", "labelEn", "b", "minTemperature", "hot")).post(flags).then().statusCode(400)
                .body("errors[0].field", equalTo("minTemperature"));
        for (Actor a : List.of(w.practitioner, w.secretary, w.patient)) {
            as(a).body(flag).post(flags).then().statusCode(403);
        }
        as(w.foreignAdmin).body(flag).post(flags).then().statusCode(404);
        given().get("/api/practices/999999999/triage-grid").then().statusCode(404);
    }
}
