package fr.creneau.backend.appointment;

import fr.creneau.backend.support.Fixtures;
import fr.creneau.backend.support.Fixtures.Actor;
import fr.creneau.backend.support.PostgresAndKeysResource;
import fr.creneau.model.rules.Role;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(value = PostgresAndKeysResource.class, scope = TestResourceScope.GLOBAL)
class BookingTest {
    static final String PROBLEM = "application/problem+json";

    @Inject
    Fixtures fx;

    BookingWorld w;

    @BeforeEach
    void world() {
        w = new BookingWorld(fx);
    }

    static RequestSpecification as(Actor actor) {
        return given().header("Authorization", actor.bearer()).contentType(ContentType.JSON);
    }

    static Response book(Actor actor, Map<String, Object> body) {
        return as(actor).body(body).post("/api/appointments");
    }

    @Test
    void patientBooksOnlineForThemselvesWithEveryFieldFilled() {
        Actor patient = w.fx.patientAccount();
        Instant start = w.at("09:00");
        book(patient, w.booking(patient.patientId(), start)).then().statusCode(201)
                .contentType(ContentType.JSON)
                .body("practiceId", equalTo((int) w.practiceId))
                .body("practitionerId", equalTo((int) w.practitionerId))
                .body("patientId", equalTo(patient.patientId().intValue()))
                .body("siteId", equalTo((int) w.siteId))
                .body("start", equalTo(start.toString()))
                .body("end", equalTo(start.plusSeconds(15 * 60).toString()))
                .body("status", equalTo("BOOKED"))
                .body("channel", equalTo("ONLINE"))
                .body("bookedByRole", equalTo("PATIENT"))
                .body("practitionerName", equalTo(fx.queryString(
                        "SELECT first_name || ' ' || last_name FROM practitioner WHERE id = ?", w.practitionerId)))
                .body("patientName", equalTo(fx.queryString(
                        "SELECT first_name || ' ' || last_name FROM patient WHERE id = ?", patient.patientId())))
                .body("motiveLabelFr", equalTo(fx.queryString("SELECT label_fr FROM motive WHERE id = ?", w.motive15)))
                .body("motiveLabelEn", equalTo(fx.queryString("SELECT label_en FROM motive WHERE id = ?", w.motive15)))
                .body("siteAddress", equalTo("12 rue des Tilleuls, 75011 Paris"))
                .body("timezone", equalTo("Europe/Paris"));
        // Booking makes the patient known to the practice
        assertThat(fx.queryLong("SELECT count(*) FROM practice_patient WHERE practice_id = ? AND patient_id = ?",
                w.practiceId, patient.patientId())).isEqualTo(1);
    }

    @Test
    void aMotiveClosedToNewPatientsIsBookedOnlineOnlyByKnownPatients() {
        fx.update("UPDATE motive SET open_to_new_patients = FALSE WHERE id = ?", w.motive30);
        Actor newcomer = w.fx.patientAccount();
        book(newcomer, w.booking(newcomer.patientId(), w.practitionerId, w.motive30, w.at("10:00"))).then()
                .statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("motive_closed_to_new_patients"));
        Actor known = w.knownPatient();
        book(known, w.booking(known.patientId(), w.practitionerId, w.motive30, w.at("10:00"))).then().statusCode(201);
        // The secretariat may still book a newcomer for it
        long caller = w.fx.patient(Fixtures.unique("Petit"), "Jules", java.time.LocalDate.of(1990, 3, 3), "+33655443322", null);
        fx.knownTo(w.practiceId, caller);
        book(w.secretary, w.booking(caller, w.practitionerId, w.motive30, w.at("11:00"))).then().statusCode(201);
    }

    @Test
    void patientBooksForTheirChildButNotForAStranger() {
        Actor patient = w.fx.patientAccount();
        long child = w.relativeOf(patient);
        book(patient, w.booking(child, w.at("09:00"))).then().statusCode(201).body("patientId", equalTo((int) child));

        Actor stranger = w.fx.patientAccount();
        long strangersChild = w.relativeOf(stranger);
        book(patient, w.booking(stranger.patientId(), w.at("10:00"))).then().statusCode(404)
                .contentType(PROBLEM).body("errors.field", hasItem("patientId"));
        book(patient, w.booking(strangersChild, w.at("10:00"))).then().statusCode(404).contentType(PROBLEM);
        assertThat(w.liveAppointments(w.practitionerId, w.at("10:00"), w.at("10:15"))).isZero();
    }

    @Test
    void patientsBookOnlineOnly() {
        Actor patient = w.fx.patientAccount();
        Map<String, Object> body = w.booking(patient.patientId(), w.at("09:00"));
        body.put("channel", "PHONE");
        book(patient, body).then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("channel"));
    }

    @Test
    void secretaryBooksByPhoneForAPatientKnownToThePractice() {
        long caller = w.phoneCaller();
        book(w.secretary, w.booking(caller, w.at("09:00"))).then().statusCode(201)
                .body("channel", equalTo("PHONE")).body("bookedByRole", equalTo("SECRETARY"));
        Map<String, Object> desk = w.booking(caller, w.colleagueId, w.motive30, w.at("14:00"));
        desk.put("channel", "DESK");
        book(w.admin, desk).then().statusCode(201).body("channel", equalTo("DESK"))
                .body("bookedByRole", equalTo("PRACTICE_ADMIN"));
        // Staff may book a motive patients cannot book online
        book(w.secretary, w.booking(caller, w.practitionerId, w.phoneOnlyMotive, w.at(1, "09:00")))
                .then().statusCode(201);
        Map<String, Object> online = w.booking(caller, w.at(1, "11:00"));
        online.put("channel", "ONLINE");
        book(w.secretary, online).then().statusCode(400).body("errors[0].field", equalTo("channel"));
    }

    @Test
    void secretaryCannotBookAPatientUnknownToThePractice() {
        Actor unknown = w.fx.patientAccount();
        book(w.secretary, w.booking(unknown.patientId(), w.at("09:00"))).then().statusCode(404)
                .contentType(PROBLEM).body("errors[0].field", equalTo("patientId"));
    }

    @Test
    void foreignStaffSeeNoPractitioner() {
        BookingWorld other = new BookingWorld(fx);
        long caller = other.phoneCaller();
        fx.knownTo(w.practiceId, caller);
        book(other.secretary, w.booking(caller, w.at("09:00"))).then().statusCode(404)
                .contentType(PROBLEM).body("errors[0].field", equalTo("practitionerId"));
        book(other.admin, w.booking(caller, w.at("09:00"))).then().statusCode(404);
        book(other.practitioner, w.booking(caller, w.at("09:00"))).then().statusCode(404);
    }

    @Test
    void practitionerBooksIntoTheirOwnAgendaOnly() {
        long caller = w.phoneCaller();
        book(w.practitioner, w.booking(caller, w.at("09:00"))).then().statusCode(201)
                .body("channel", equalTo("DESK")).body("bookedByRole", equalTo("PRACTITIONER"));
        book(w.practitioner, w.booking(caller, w.colleagueId, w.motive15, w.at("10:00"))).then().statusCode(403)
                .contentType(PROBLEM).body("code", equalTo("not_your_agenda"));
    }

    @Test
    void anonymousCannotBook() {
        given().contentType(ContentType.JSON).body(w.booking(1, w.at("09:00"))).post("/api/appointments")
                .then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void motiveMustBelongToThePractitionersPractice() {
        BookingWorld other = new BookingWorld(fx);
        Actor patient = w.fx.patientAccount();
        book(patient, w.booking(patient.patientId(), w.practitionerId, other.motive15, w.at("09:00")))
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("motiveId"));
        book(patient, w.booking(patient.patientId(), w.practitionerId, 999_999_999L, w.at("09:00")))
                .then().statusCode(400).body("errors[0].field", equalTo("motiveId"));
        book(patient, w.booking(patient.patientId(), 999_999_999L, w.motive15, w.at("09:00")))
                .then().statusCode(404).contentType(PROBLEM).body("errors[0].field", equalTo("practitionerId"));
    }

    @Test
    void badInputIsProblemJsonNamingTheField() {
        Actor patient = w.fx.patientAccount();
        as(patient).body("{\"practitionerId\": ").post("/api/appointments").then().statusCode(400)
                .contentType(PROBLEM).body("code", equalTo("malformed_json"));
        as(patient).body("{\"practitionerId\": \"abc\", \"motiveId\": 1, \"patientId\": 1, \"start\": \"2030-01-01T09:00:00Z\"}")
                .post("/api/appointments").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("practitionerId"));
        as(patient).body("[]").post("/api/appointments").then().statusCode(400).contentType(PROBLEM);
        Map<String, Object> noStart = w.booking(patient.patientId(), w.at("09:00"));
        noStart.remove("start");
        book(patient, noStart).then().statusCode(400).body("errors.field", hasItem("start"));
        Map<String, Object> badStart = w.booking(patient.patientId(), w.at("09:00"));
        badStart.put("start", "next monday");
        book(patient, badStart).then().statusCode(400).body("errors[0].field", equalTo("start"))
                .body("errors[0].code", equalTo("invalid_datetime"));
        as(patient).body("{}").post("/api/appointments").then().statusCode(400)
                .body("errors.field", hasItem("practitionerId")).body("errors.field", hasItem("patientId"));
    }

    @Test
    void slotRulesOfTheScheduleApply() {
        Actor patient = w.fx.patientAccount();
        book(patient, w.booking(patient.patientId(), w.practitionerId, w.phoneOnlyMotive, w.at("09:00")))
                .then().statusCode(422).contentType(PROBLEM).body("code", equalTo("not_bookable_online"));
        book(patient, w.booking(patient.patientId(), w.at("12:30"))).then().statusCode(422)
                .contentType(PROBLEM).body("code", equalTo("outside_opening_hours"));
        assertThat(fx.queryLong("SELECT count(*) FROM appointment WHERE patient_id = ?", patient.patientId())).isZero();
    }

    @Test
    void aTimeInThePastIsRefused() {
        Actor patient = w.fx.patientAccount();
        book(patient, w.booking(patient.patientId(), w.at(-21, "09:00"))).then().statusCode(422)
                .contentType(PROBLEM);
        book(w.secretary, w.booking(w.phoneCaller(), w.at(-21, "09:00"))).then().statusCode(422)
                .contentType(PROBLEM);
    }

    @Test
    void aTakenSlotIs409AndSoIsAPatientAlreadyBusy() {
        Actor first = w.fx.patientAccount();
        Actor second = w.fx.patientAccount();
        book(first, w.booking(first.patientId(), w.at("09:15"))).then().statusCode(201);
        // 09:00-09:30 overlaps 09:15-09:30
        book(second, w.booking(second.patientId(), w.practitionerId, w.motive30, w.at("09:00")))
                .then().statusCode(409).contentType(PROBLEM).body("code", equalTo("slot_taken"));
        // Back to back is fine: '[)' ranges touch without overlapping
        book(second, w.booking(second.patientId(), w.at("09:00"))).then().statusCode(201);
        // The same patient cannot be with two practitioners at once
        book(first, w.booking(first.patientId(), w.colleagueId, w.motive15, w.at("09:15")))
                .then().statusCode(409).contentType(PROBLEM).body("code", equalTo("patient_busy"));
    }

    // ------------------------------------------------------------------ idempotency

    @Test
    void aRetryWithTheSameKeyReplaysTheFirstAnswerAndBooksOnce() {
        Actor patient = w.fx.patientAccount();
        Map<String, Object> body = w.booking(patient.patientId(), w.at("09:00"));
        Response first = book(patient, body, "key-1");
        first.then().statusCode(201).header("Idempotent-Replayed", nullValue());
        Response again = book(patient, body, "key-1");
        again.then().statusCode(201).header("Idempotent-Replayed", equalTo("true"));
        assertThat(again.asString()).isEqualTo(first.asString());
        assertThat(fx.queryLong("SELECT count(*) FROM appointment WHERE patient_id = ?", patient.patientId())).isEqualTo(1);
        assertThat(fx.queryLong("SELECT count(*) FROM idempotency_key WHERE account_id = ?", patient.accountId())).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        Actor patient = w.fx.patientAccount();
        book(patient, w.booking(patient.patientId(), w.at("09:00")), "key-2").then().statusCode(201);
        book(patient, w.booking(patient.patientId(), w.at("10:00")), "key-2").then().statusCode(422)
                .contentType(PROBLEM).body("code", equalTo("idempotency_key_reused"));
        assertThat(w.liveAppointments(w.practitionerId, w.at("10:00"), w.at("10:15"))).isZero();
    }

    @Test
    void keysBelongToTheirAccount() {
        Actor one = w.fx.patientAccount();
        Actor two = w.fx.patientAccount();
        book(one, w.booking(one.patientId(), w.at("09:00")), "shared-key").then().statusCode(201);
        book(two, w.booking(two.patientId(), w.at("10:00")), "shared-key").then().statusCode(201)
                .header("Idempotent-Replayed", nullValue()).body("patientId", equalTo(two.patientId().intValue()));
    }

    @Test
    void aFailedBookingDoesNotConsumeTheKey() {
        Actor taker = w.fx.patientAccount();
        Actor patient = w.fx.patientAccount();
        book(taker, w.booking(taker.patientId(), w.at("09:00"))).then().statusCode(201);
        book(patient, w.booking(patient.patientId(), w.at("09:00")), "key-3").then().statusCode(409);
        // Had the key been stored with the 409, this other body would now be refused as a reuse
        book(patient, w.booking(patient.patientId(), w.at("09:30")), "key-3").then().statusCode(201)
                .header("Idempotent-Replayed", nullValue());
    }

    @Test
    void anOverlongKeyIsRefused() {
        Actor patient = w.fx.patientAccount();
        book(patient, w.booking(patient.patientId(), w.at("09:00")), "k".repeat(300)).then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("Idempotency-Key"));
    }

    static Response book(Actor actor, Map<String, Object> body, String key) {
        return as(actor).header("Idempotency-Key", key).body(body).post("/api/appointments");
    }

    @Test
    void roleOfTheBookerIsRecorded() {
        Actor patient = w.fx.patientAccount();
        long id = book(patient, w.booking(patient.patientId(), w.at("11:00"))).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        assertThat(fx.queryString("SELECT booked_by_role FROM appointment WHERE id = ?", id)).isEqualTo(Role.PATIENT.name());
        assertThat(fx.queryLong("SELECT booked_by FROM appointment WHERE id = ?", id)).isEqualTo(patient.accountId());
    }
}
