package fr.creneau.backend.appointment;

import fr.creneau.backend.support.Fixtures;
import fr.creneau.backend.support.Fixtures.Actor;
import fr.creneau.backend.support.PostgresAndKeysResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Every change of an agenda leaves exactly one entry in the practice's access journal, and the chain still holds. */
@QuarkusTest
@WithTestResource(value = PostgresAndKeysResource.class, scope = TestResourceScope.GLOBAL)
class AgendaJournalTest {
    @Inject
    Fixtures fx;

    static RequestSpecification as(Actor a) {
        return given().header("Authorization", a.bearer()).contentType(ContentType.JSON);
    }

    long entries(BookingWorld w, String action, long objectId) {
        return fx.queryLong("SELECT count(*) FROM access_journal WHERE practice_id = ? AND action = ? AND object_id = ?",
                w.practiceId, action, objectId);
    }

    long entries(BookingWorld w) {
        return fx.queryLong("SELECT count(*) FROM access_journal WHERE practice_id = ?", w.practiceId);
    }

    void chainHolds(BookingWorld w) {
        as(w.admin).get("/api/practices/" + w.practiceId + "/journal/verify").then().statusCode(200)
                .body("valid", equalTo(true)).body("firstBrokenId", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void bookingMovingAndStatusChangesAreJournaledOnceEach() {
        BookingWorld w = new BookingWorld(fx);
        Actor patient = w.knownPatient();
        long id = ((Number) as(patient).body(w.booking(patient.patientId(), w.at("09:00"))).post("/api/appointments")
                .then().statusCode(201).extract().path("id")).longValue();
        assertThat(entries(w, "APPOINTMENT_BOOK", id)).isEqualTo(1);
        assertThat(fx.queryString("SELECT role FROM access_journal WHERE action = 'APPOINTMENT_BOOK' AND object_id = ?", id))
                .isEqualTo("PATIENT");
        assertThat(fx.queryLong("SELECT account_id FROM access_journal WHERE action = 'APPOINTMENT_BOOK' AND object_id = ?", id))
                .isEqualTo(patient.accountId());

        as(w.secretary).body(Map.of("start", w.at("09:30").toString())).post("/api/appointments/" + id + "/reschedule")
                .then().statusCode(200);
        assertThat(entries(w, "APPOINTMENT_RESCHEDULE", id)).isEqualTo(1);

        as(w.secretary).body(Map.of("status", "CONFIRMED")).post("/api/appointments/" + id + "/status").then().statusCode(200);
        assertThat(entries(w, "APPOINTMENT_STATUS", id)).isEqualTo(1);
        chainHolds(w);
    }

    @Test
    void aRefusedChangeLeavesNoEntry() {
        BookingWorld w = new BookingWorld(fx);
        Actor first = w.knownPatient();
        Actor second = w.knownPatient();
        as(first).body(w.booking(first.patientId(), w.at("10:00"))).post("/api/appointments").then().statusCode(201);
        long before = entries(w);
        as(second).body(w.booking(second.patientId(), w.at("10:00"))).post("/api/appointments").then().statusCode(409);
        long id = w.appointment(second.patientId(), w.practitionerId, w.at("11:00"), 15,
                fr.creneau.model.rules.AppointmentStatus.BOOKED);
        // a no-show cannot be recorded before the appointment: 422, nothing journaled
        as(w.secretary).body(Map.of("status", "NO_SHOW")).post("/api/appointments/" + id + "/status").then().statusCode(422);
        assertThat(entries(w)).isEqualTo(before);
        chainHolds(w);
    }

    @Test
    void scheduleChangesAreJournaledOnceEach() {
        BookingWorld w = new BookingWorld(fx);
        LocalDate saturday = LocalDate.now(BookingWorld.PARIS).plusDays(1).with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
        long range = ((Number) as(w.practitioner).body(Map.of("siteId", w.siteId, "date", saturday.toString(),
                        "start", "09:00", "end", "10:00", "motiveIds", List.of(w.motive15), "urgencyReserve", true,
                        "releaseMinutesBefore", 0))
                .post("/api/practitioners/" + w.practitionerId + "/opening-ranges").then().statusCode(201)
                .extract().path("id")).longValue();
        assertThat(entries(w, "OPENING_RANGE_CREATE", range)).isEqualTo(1);

        as(w.secretary).queryParam("date", saturday.toString()).post("/api/opening-ranges/" + range + "/release")
                .then().statusCode(204);
        assertThat(entries(w, "URGENCY_RELEASE", range)).isEqualTo(1);

        as(w.admin).delete("/api/opening-ranges/" + range).then().statusCode(204);
        assertThat(entries(w, "OPENING_RANGE_DELETE", range)).isEqualTo(1);

        String start = saturday.plusDays(1).atTime(19, 0).atZone(BookingWorld.PARIS).toInstant().toString();
        String end = saturday.plusDays(1).atTime(20, 0).atZone(BookingWorld.PARIS).toInstant().toString();
        long absence = ((Number) as(w.secretary).body(Map.of("start", start, "end", end, "note", "Formation"))
                .post("/api/practitioners/" + w.practitionerId + "/absences").then().statusCode(201)
                .extract().path("id")).longValue();
        assertThat(entries(w, "ABSENCE_CREATE", absence)).isEqualTo(1);

        as(w.practitioner).delete("/api/absences/" + absence).then().statusCode(204);
        assertThat(entries(w, "ABSENCE_DELETE", absence)).isEqualTo(1);

        // a refused change (a practitioner on a colleague's agenda) journals nothing
        long before = entries(w);
        as(w.colleague).body(Map.of("start", start, "end", end)).post("/api/practitioners/" + w.practitionerId + "/absences")
                .then().statusCode(403);
        assertThat(entries(w)).isEqualTo(before);
        chainHolds(w);
    }
}
