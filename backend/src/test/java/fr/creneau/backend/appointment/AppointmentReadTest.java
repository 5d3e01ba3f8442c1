package fr.creneau.backend.appointment;

import fr.creneau.backend.support.Fixtures;
import fr.creneau.backend.support.Fixtures.Actor;
import fr.creneau.backend.support.PostgresAndKeysResource;
import fr.creneau.model.rules.AppointmentStatus;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** GET /api/appointments/{id}, /mine and the practitioners' agenda. */
@QuarkusTest
@WithTestResource(value = PostgresAndKeysResource.class, scope = TestResourceScope.GLOBAL)
class AppointmentReadTest {
    static final String PROBLEM = "application/problem+json";

    @Inject
    Fixtures fx;

    BookingWorld w;

    @BeforeEach
    void world() {
        w = new BookingWorld(fx);
    }

    static RequestSpecification as(Actor actor) {
        return given().header("Authorization", actor.bearer());
    }

    @Test
    void oneAppointmentIsSeenByItsPatientTheirHolderAndTheStaffOfItsPractice() {
        Actor holder = fx.patientAccount();
        long child = w.relativeOf(holder);
        long own = w.appointment(holder.patientId(), w.practitionerId, w.at("09:00"), 15, AppointmentStatus.BOOKED);
        long childs = w.appointment(child, w.practitionerId, w.at("10:00"), 15, AppointmentStatus.BOOKED);
        BookingWorld other = new BookingWorld(fx);

        for (long id : new long[] {own, childs}) {
            as(holder).get("/api/appointments/" + id).then().statusCode(200).body("id", equalTo((int) id));
            as(w.secretary).get("/api/appointments/" + id).then().statusCode(200);
            as(w.admin).get("/api/appointments/" + id).then().statusCode(200);
            as(w.practitioner).get("/api/appointments/" + id).then().statusCode(200);
            as(w.colleague).get("/api/appointments/" + id).then().statusCode(200);
            as(fx.patientAccount()).get("/api/appointments/" + id).then().statusCode(404).contentType(PROBLEM);
            as(other.secretary).get("/api/appointments/" + id).then().statusCode(404).contentType(PROBLEM);
            as(other.admin).get("/api/appointments/" + id).then().statusCode(404);
            as(other.practitioner).get("/api/appointments/" + id).then().statusCode(404);
            given().get("/api/appointments/" + id).then().statusCode(401).contentType(PROBLEM);
        }
        as(w.secretary).get("/api/appointments/999999999").then().statusCode(404).contentType(PROBLEM);
        as(w.secretary).get("/api/appointments/abc").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void minePutsTheFamilyUpcomingFirstAndThePastLatestFirst() {
        Actor holder = fx.patientAccount();
        long child = w.relativeOf(holder);
        Actor stranger = w.knownPatient();
        long later = w.appointment(holder.patientId(), w.practitionerId, w.at(1, "09:00"), 15, AppointmentStatus.BOOKED);
        long sooner = w.appointment(child, w.practitionerId, w.at("09:00"), 15, AppointmentStatus.CONFIRMED);
        long oldest = w.appointment(holder.patientId(), w.practitionerId,
                Instant.now().minus(Duration.ofDays(20)), 15, AppointmentStatus.SEEN);
        long recent = w.appointment(child, w.practitionerId,
                Instant.now().minus(Duration.ofDays(2)), 15, AppointmentStatus.NO_SHOW);
        w.appointment(stranger.patientId(), w.practitionerId, w.at("10:00"), 15, AppointmentStatus.BOOKED);

        List<Long> upcoming = as(holder).get("/api/appointments/mine?scope=upcoming").then().statusCode(200)
                .extract().jsonPath().getList("id", Long.class);
        assertThat(upcoming).containsExactly(sooner, later);
        assertThat(as(holder).get("/api/appointments/mine").then().statusCode(200)
                .extract().jsonPath().getList("id", Long.class)).containsExactly(sooner, later);
        List<Long> past = as(holder).get("/api/appointments/mine?scope=past").then().statusCode(200)
                .extract().jsonPath().getList("id", Long.class);
        assertThat(past).containsExactly(recent, oldest);

        as(holder).get("/api/appointments/mine?scope=soon").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("scope"));
        as(w.secretary).get("/api/appointments/mine").then().statusCode(403).contentType(PROBLEM);
        given().get("/api/appointments/mine").then().statusCode(401);
    }

    @Test
    void theAgendaShowsWholeLocalDaysToTheStaffOfThePractice() {
        Actor patient = w.knownPatient();
        long monday9 = w.appointment(patient.patientId(), w.practitionerId, w.at("09:00"), 15, AppointmentStatus.BOOKED);
        long monday8 = w.appointment(patient.patientId(), w.practitionerId, w.at("08:00"), 15, AppointmentStatus.CONFIRMED);
        long tuesday = w.appointment(patient.patientId(), w.practitionerId, w.at(1, "09:00"), 15, AppointmentStatus.BOOKED);
        w.appointment(patient.patientId(), w.colleagueId, w.at("11:00"), 15, AppointmentStatus.BOOKED);
        String path = "/api/practitioners/" + w.practitionerId + "/agenda";

        assertThat(as(w.secretary).queryParam("from", w.monday.toString()).queryParam("to", w.monday.toString())
                .get(path).then().statusCode(200).extract().jsonPath().getList("id", Long.class))
                .containsExactly(monday8, monday9);
        assertThat(as(w.colleague).queryParam("from", w.monday.toString())
                .queryParam("to", w.monday.plusDays(1).toString())
                .get(path).then().statusCode(200).extract().jsonPath().getList("id", Long.class))
                .containsExactly(monday8, monday9, tuesday);
        as(w.admin).queryParam("from", w.monday.toString()).get(path).then().statusCode(200)
                .body("size()", equalTo(2)).body("[0].patientName", equalTo(fx.queryString(
                        "SELECT first_name || ' ' || last_name FROM patient WHERE id = ?", patient.patientId())));
        as(w.practitioner).queryParam("from", w.monday.toString()).get(path).then().statusCode(200);

        BookingWorld other = new BookingWorld(fx);
        as(other.secretary).queryParam("from", w.monday.toString()).get(path).then().statusCode(404)
                .contentType(PROBLEM);
        as(other.practitioner).queryParam("from", w.monday.toString()).get(path).then().statusCode(404);
        as(patient).queryParam("from", w.monday.toString()).get(path).then().statusCode(403).contentType(PROBLEM);
        given().get(path).then().statusCode(401);
        as(w.secretary).get("/api/practitioners/999999999/agenda").then().statusCode(404);
    }

    @Test
    void agendaRangesAreCheckedWithTheField() {
        String path = "/api/practitioners/" + w.practitionerId + "/agenda";
        as(w.secretary).queryParam("from", "2030-13-01").get(path).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("from"));
        as(w.secretary).queryParam("from", "2030-01-10").queryParam("to", "2030-01-09").get(path)
                .then().statusCode(400).body("errors[0].field", equalTo("to"));
        as(w.secretary).queryParam("from", "2030-01-01").queryParam("to", "2030-02-01").get(path)
                .then().statusCode(400).body("errors[0].field", equalTo("to"))
                .body("errors[0].code", equalTo("range_too_long"));
        as(w.secretary).queryParam("from", "2030-01-01").queryParam("to", "2030-01-31").get(path)
                .then().statusCode(200);
        // a year java.time reads but cannot add a month to
        as(w.secretary).queryParam("from", "+999999999-12-31").get(path).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("from")).body("errors[0].code", equalTo("invalid_date"));
    }
}
