package fr.creneau.backend.appointment;

import fr.creneau.backend.support.Fixtures;
import fr.creneau.backend.support.Fixtures.Actor;
import fr.creneau.backend.support.PostgresAndKeysResource;
import fr.creneau.model.rules.AppointmentStatus;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(value = PostgresAndKeysResource.class, scope = TestResourceScope.GLOBAL)
class RescheduleTest {
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

    long book(Actor actor, long patientId, Instant start) {
        return as(actor).body(w.booking(patientId, start)).post("/api/appointments").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    static Response reschedule(Actor actor, long id, Instant start, Long practitionerId) {
        Map<String, Object> body = new HashMap<>();
        body.put("start", start.toString());
        if (practitionerId != null) {
            body.put("practitionerId", practitionerId);
        }
        return as(actor).body(body).post("/api/appointments/" + id + "/reschedule");
    }

    @Test
    void aTakenTargetIs409AndTheOldSlotStaysBooked() {
        Actor anna = fx.patientAccount();
        Actor bruno = fx.patientAccount();
        long annas = book(anna, anna.patientId(), w.at("09:00"));
        book(bruno, bruno.patientId(), w.at("10:00"));

        reschedule(anna, annas, w.at("10:00"), null).then().statusCode(409).contentType(PROBLEM)
                .body("code", equalTo("slot_taken"));

        // Still at 09:00, and 09:00 still held: nobody else can take it
        as(anna).get("/api/appointments/" + annas).then().statusCode(200)
                .body("start", equalTo(w.at("09:00").toString())).body("status", equalTo("BOOKED"));
        Actor carla = fx.patientAccount();
        as(carla).body(w.booking(carla.patientId(), w.at("09:00"))).post("/api/appointments")
                .then().statusCode(409);

        // A free target moves it, and frees 09:00
        reschedule(anna, annas, w.at("11:00"), null).then().statusCode(200)
                .body("start", equalTo(w.at("11:00").toString()))
                .body("end", equalTo(w.at("11:15").toString()));
        as(carla).body(w.booking(carla.patientId(), w.at("09:00"))).post("/api/appointments")
                .then().statusCode(201);
    }

    @Test
    void movingOverItsOwnTimeIsNoClash() {
        long caller = w.phoneCaller();
        long id = as(w.secretary).body(w.booking(caller, w.practitionerId, w.motive30, w.at("09:00")))
                .post("/api/appointments").then().statusCode(201).extract().jsonPath().getLong("id");
        reschedule(w.secretary, id, w.at("09:30"), null).then().statusCode(200)
                .body("end", equalTo(w.at("10:00").toString()));
    }

    @Test
    void staffMoveToAColleagueOfThePracticeOnly() {
        long caller = w.phoneCaller();
        long id = book(w.secretary, caller, w.at("09:00"));
        reschedule(w.secretary, id, w.at("14:00"), w.colleagueId).then().statusCode(200)
                .body("practitionerId", equalTo((int) w.colleagueId));
        BookingWorld other = new BookingWorld(fx);
        reschedule(w.secretary, id, w.at("15:00"), other.practitionerId).then().statusCode(404)
                .contentType(PROBLEM).body("errors[0].field", equalTo("practitionerId"));
        // The colleague's appointment now: the first practitioner may not touch it
        reschedule(w.practitioner, id, w.at("15:00"), null).then().statusCode(403)
                .body("code", equalTo("not_your_agenda"));
    }

    @Test
    void onlyPendingAppointmentsMove() {
        Actor patient = w.knownPatient();
        long cancelled = w.appointment(patient.patientId(), w.practitionerId, w.at("09:00"), 15,
                AppointmentStatus.CANCELLED_BY_PRACTICE);
        reschedule(w.secretary, cancelled, w.at("10:00"), null).then().statusCode(422)
                .body("code", equalTo("not_pending"));
        long confirmed = w.appointment(patient.patientId(), w.practitionerId, w.at("11:00"), 15,
                AppointmentStatus.CONFIRMED);
        reschedule(patient, confirmed, w.at("11:30"), null).then().statusCode(200);
    }

    @Test
    void patientsMoveOnlineBeforeTheCutoffAndUnderOnlineRules() {
        Actor patient = w.knownPatient();
        long late = w.appointment(patient.patientId(), w.practitionerId, Instant.now().plus(Duration.ofHours(2)),
                15, AppointmentStatus.BOOKED);
        reschedule(patient, late, w.at("09:00"), null).then().statusCode(422)
                .body("code", equalTo("cancel_cutoff_passed"));
        reschedule(w.secretary, late, w.at("09:00"), null).then().statusCode(200);

        long id = book(patient, patient.patientId(), w.at("10:00"));
        reschedule(patient, id, w.at("12:30"), null).then().statusCode(422).contentType(PROBLEM);
        reschedule(patient, id, w.at(-21, "10:00"), null).then().statusCode(422).contentType(PROBLEM);
    }

    @Test
    void othersSeeNoAppointment() {
        Actor patient = fx.patientAccount();
        long id = book(patient, patient.patientId(), w.at("09:00"));
        BookingWorld other = new BookingWorld(fx);
        reschedule(fx.patientAccount(), id, w.at("10:00"), null).then().statusCode(404).contentType(PROBLEM);
        reschedule(other.secretary, id, w.at("10:00"), null).then().statusCode(404);
        reschedule(other.admin, id, w.at("10:00"), null).then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("start", w.at("10:00").toString()))
                .post("/api/appointments/" + id + "/reschedule").then().statusCode(401);
        as(patient).body(Map.of("start", "tomorrow")).post("/api/appointments/" + id + "/reschedule")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("start"));
        as(patient).body(Map.of("start", 12)).post("/api/appointments/" + id + "/reschedule")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("start"));
    }

    @Test
    void aRescheduleRetryWithTheSameKeyIsReplayed() {
        Actor patient = fx.patientAccount();
        long id = book(patient, patient.patientId(), w.at("09:00"));
        Map<String, Object> body = Map.of("start", w.at("10:00").toString());
        Response first = as(patient).header("Idempotency-Key", "move-1").body(body)
                .post("/api/appointments/" + id + "/reschedule");
        first.then().statusCode(200).header("Idempotent-Replayed", nullValue());
        Response again = as(patient).header("Idempotency-Key", "move-1").body(body)
                .post("/api/appointments/" + id + "/reschedule");
        again.then().statusCode(200).header("Idempotent-Replayed", equalTo("true"));
        assertThat(again.asString()).isEqualTo(first.asString());
        as(patient).header("Idempotency-Key", "move-1").body(Map.of("start", w.at("11:00").toString()))
                .post("/api/appointments/" + id + "/reschedule").then().statusCode(422)
                .body("code", equalTo("idempotency_key_reused"));
    }
}
