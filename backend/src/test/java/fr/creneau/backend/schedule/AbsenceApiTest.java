package fr.creneau.backend.schedule;

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

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@WithTestResource(value = PostgresAndKeysResource.class, scope = TestResourceScope.GLOBAL)
class AbsenceApiTest {
    @Inject
    Fixtures fx;

    ScheduleWorld w;
    long booked;

    @BeforeEach
    void world() {
        w = new ScheduleWorld(fx);
        fx.oneOffRange(w.drA, w.site, w.day, "09:00", "12:00", w.online);
        booked = w.appointment(w.drA, w.at("10:00"), 30, "BOOKED");
        w.appointment(w.drA, w.at("11:00"), 30, "CANCELLED_BY_PRACTICE");
    }

    static Map<String, Object> body(Instant start, Instant end, boolean confirm) {
        Map<String, Object> m = new HashMap<>();
        m.put("start", start.toString());
        m.put("end", end.toString());
        m.put("note", "Congrès");
        if (confirm) {
            m.put("confirmConflicts", true);
        }
        return m;
    }

    ValidatableResponse post(Actor actor, String suffix, Object body) {
        return given().header("Authorization", actor.bearer()).contentType(ContentType.JSON).body(body)
                .post("/api/practitioners/" + w.drA + "/absences" + suffix).then();
    }

    long absences() {
        return fx.queryLong("SELECT count(*) FROM absence WHERE practitioner_id = ?", w.drA);
    }

    @Test
    void previewListsTheLiveAppointmentsItWouldHit() {
        post(w.secretary, "/preview", body(w.at("09:00"), w.at("12:00"), false)).statusCode(200)
                .body("id", contains((int) booked))
                .body("[0].status", equalTo("BOOKED"))
                .body("[0].start", equalTo(w.at("10:00").toString()));
        post(w.practitionerA, "/preview", body(w.at("10:30"), w.at("12:00"), false)).statusCode(200).body("$", hasSize(0));
        assertThat(absences()).isZero();
    }

    @Test
    void savingOverAppointmentsNeedsConfirmationAndKeepsThem() {
        post(w.practitionerA, "", body(w.at("09:00"), w.at("12:00"), false)).statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("absence_conflicts"))
                .body("items.id", contains((int) booked));
        assertThat(absences()).isZero();
        post(w.practitionerA, "", body(w.at("09:00"), w.at("12:00"), true)).statusCode(201)
                .body("practitionerId", equalTo((int) w.drA)).body("start", equalTo(w.at("09:00").toString()))
                .body("note", equalTo("Congrès"));
        assertThat(absences()).isEqualTo(1);
        assertThat(fx.queryString("SELECT status FROM appointment WHERE id = ?", booked)).isEqualTo("BOOKED");
        // The absence now hides the practitioner's slots
        given().queryParam("motiveId", w.online).queryParam("from", w.day.toString()).queryParam("to", w.day.toString())
                .get("/api/practitioners/" + w.drA + "/availability").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void anAbsenceWithoutConflictsIsSavedStraightAway() {
        post(w.secretary, "", body(w.at("10:30"), w.at("11:30"), false)).statusCode(201);
        post(w.admin, "", body(w.at("11:30"), w.at("12:00"), false)).statusCode(201);
        given().header("Authorization", w.practitionerB.bearer())
                .queryParam("from", w.day.toString()).queryParam("to", w.day.toString())
                .get("/api/practitioners/" + w.drA + "/absences").then().statusCode(200)
                .body("start", contains(w.at("10:30").toString(), w.at("11:30").toString()));
        given().header("Authorization", w.secretary.bearer())
                .queryParam("from", w.day.plusDays(1).toString()).queryParam("to", w.day.plusDays(2).toString())
                .get("/api/practitioners/" + w.drA + "/absences").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void onlyTheStaffOfThePracticeTouchAbsencesAndPractitionersOnlyTheirOwn() {
        Map<String, Object> b = body(w.at("13:00"), w.at("14:00"), false);
        post(w.practitionerB, "", b).statusCode(403).body("code", equalTo("not_your_agenda"));
        post(w.practitionerB, "/preview", b).statusCode(403).body("code", equalTo("not_your_agenda"));
        post(w.foreignAdmin, "", b).statusCode(404).contentType("application/problem+json");
        post(w.foreignAdmin, "/preview", b).statusCode(404);
        post(w.patient, "", b).statusCode(403);
        given().contentType(ContentType.JSON).body(b).post("/api/practitioners/" + w.drA + "/absences").then().statusCode(401);
        given().header("Authorization", w.patient.bearer()).get("/api/practitioners/" + w.drA + "/absences").then().statusCode(403);
        given().header("Authorization", w.foreignSecretary.bearer()).get("/api/practitioners/" + w.drA + "/absences")
                .then().statusCode(404);
        assertThat(absences()).isZero();
    }

    @Test
    void deletingIsForThePractitionerAndTheAdmin() {
        long absence = w.absence(w.drA, w.at("13:00"), w.at("14:00"));
        String path = "/api/absences/" + absence;
        given().header("Authorization", w.secretary.bearer()).delete(path).then().statusCode(403);
        given().header("Authorization", w.practitionerB.bearer()).delete(path).then().statusCode(403)
                .body("code", equalTo("not_your_agenda"));
        given().header("Authorization", w.foreignAdmin.bearer()).delete(path).then().statusCode(404);
        assertThat(absences()).isEqualTo(1);
        given().header("Authorization", w.practitionerA.bearer()).delete(path).then().statusCode(204);
        assertThat(absences()).isZero();
        given().header("Authorization", w.admin.bearer()).delete(path).then().statusCode(404);
        long another = w.absence(w.drA, w.at("13:00"), w.at("14:00"));
        given().header("Authorization", w.admin.bearer()).delete("/api/absences/" + another).then().statusCode(204);
    }

    @Test
    void badAbsencesAreProblemsNamingTheField() {
        post(w.secretary, "", body(w.at("12:00"), w.at("11:00"), false)).statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("end")).body("errors[0].code", equalTo("end_before_start"));
        post(w.secretary, "/preview", body(w.at("12:00"), w.at("12:00"), false)).statusCode(400)
                .body("errors[0].field", equalTo("end"));
        post(w.secretary, "", Map.of("start", "demain", "end", w.at("11:00").toString())).statusCode(400)
                .body("errors.field", hasItem("start"));
        post(w.secretary, "", Map.of("end", w.at("11:00").toString())).statusCode(400).body("errors.field", hasItem("start"));
        post(w.secretary, "", Map.of("start", 12, "end", w.at("11:00").toString())).statusCode(400)
                .body("errors.field", hasItem("start"));
        given().header("Authorization", w.secretary.bearer()).queryParam("from", "2026-13-01")
                .get("/api/practitioners/" + w.drA + "/absences").then().statusCode(400).body("errors.field", hasItem("from"));
        given().header("Authorization", w.secretary.bearer()).queryParam("from", w.day.toString())
                .queryParam("to", w.day.minusDays(1).toString())
                .get("/api/practitioners/" + w.drA + "/absences").then().statusCode(400).body("errors.field", hasItem("to"));
        assertThat(absences()).isZero();
    }
}
