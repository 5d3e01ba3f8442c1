package fr.creneau.backend.noshow;

import fr.creneau.backend.appointment.BookingWorld;
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
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(value = PostgresAndKeysResource.class, scope = TestResourceScope.GLOBAL)
class NoShowTest {
    @Inject
    Fixtures fx;

    // ---------------------------------------------------------------- marking, excusing, counting

    @Test
    void excusedNoShowsAreMarkedAndCountedApartPerPractice() {
        BookingWorld w = new BookingWorld(fx);
        BookingWorld other = new BookingWorld(fx);
        Actor patient = w.knownPatient();
        long a1 = past(w, patient.patientId(), 3);
        long a2 = past(w, patient.patientId(), 4);
        long a3 = past(w, patient.patientId(), 5);
        // another practice's no-show is not this practice's business
        fx.knownTo(other.practiceId, patient.patientId());
        other.appointment(patient.patientId(), other.practitionerId, Instant.now().minus(Duration.ofDays(6)), 15,
                AppointmentStatus.NO_SHOW);

        markNoShow(w.practitioner, a1, null).then().statusCode(200).body("status", equalTo("NO_SHOW"))
                .body("noShowExcused", equalTo(false));
        markNoShow(w.secretary, a2, true).then().statusCode(200).body("noShowExcused", equalTo(true));
        markNoShow(w.secretary, a3, false).then().statusCode(200).body("noShowExcused", equalTo(false));
        assertCounts(w, patient, 2, 1);
        assertCounts(other, patient, 1, 0);
        assertThat(fx.queryString("SELECT detail FROM access_journal WHERE object_id = ? AND action = 'APPOINTMENT_STATUS'",
                a2)).contains("excused=true");

        // the patient called afterwards: excused, then (a mistake) unexcused again, each journaled
        excuse(w.secretary, a1, true).then().statusCode(200).body("noShowExcused", equalTo(true));
        assertCounts(w, patient, 1, 2);
        excuse(w.practitioner, a2, false).then().statusCode(200).body("noShowExcused", equalTo(false));
        assertCounts(w, patient, 2, 1);
        assertThat(fx.queryLong("SELECT count(*) FROM access_journal WHERE action = 'NO_SHOW_EXCUSE'"
                + " AND object_id IN (?, ?)", a1, a2)).isEqualTo(2);
        given().header("Authorization", w.secretary.bearer()).get("/api/appointments/{id}", a1).then()
                .statusCode(200).body("noShowExcused", equalTo(true));
    }

    @Test
    void excusingFollowsRolesObjectsAndState() {
        BookingWorld w = new BookingWorld(fx);
        BookingWorld other = new BookingWorld(fx);
        Actor patient = w.knownPatient();
        long noShow = w.appointment(patient.patientId(), w.practitionerId, Instant.now().minus(Duration.ofDays(2)), 15,
                AppointmentStatus.NO_SHOW);
        long booked = w.appointment(patient.patientId(), w.practitionerId, w.at("09:00"), 15, AppointmentStatus.BOOKED);

        excuse(patient, noShow, true).then().statusCode(403).contentType("application/problem+json");
        excuse(w.colleague, noShow, true).then().statusCode(403).body("code", equalTo("not_your_agenda"));
        excuse(other.secretary, noShow, true).then().statusCode(404).contentType("application/problem+json");
        excuse(other.admin, noShow, true).then().statusCode(404);
        excuse(w.secretary, 987_654_321L, true).then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("excused", true)).put("/api/appointments/{id}/no-show", noShow)
                .then().statusCode(401);
        excuse(w.admin, booked, true).then().statusCode(422).body("code", equalTo("not_a_no_show"));
        as(w.secretary).body(Map.of()).put("/api/appointments/{id}/no-show", noShow).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("excused"));
        as(w.secretary).body(Map.of("excused", "maybe")).put("/api/appointments/{id}/no-show", noShow).then()
                .statusCode(400).body("errors.field", hasItem("excused"));
        // "excused" goes with NO_SHOW only
        as(w.secretary).body(Map.of("status", "CONFIRMED", "excused", true))
                .post("/api/appointments/{id}/status", booked).then().statusCode(400)
                .body("errors.field", hasItem("excused"));
        assertThat(fx.queryString("SELECT status FROM appointment WHERE id = ?", booked)).isEqualTo("BOOKED");
        excuse(w.admin, noShow, true).then().statusCode(200);
        assertThat(fx.queryString("SELECT no_show_excused::text FROM appointment WHERE id = ?", noShow)).isEqualTo("true");
    }

    // ---------------------------------------------------------------- the practice's rule

    @Test
    void theRuleRefusesOnlineBookingsButNotTheSecretariats() {
        BookingWorld w = new BookingWorld(fx);
        Actor patient = w.knownPatient();
        long child = w.relativeOf(patient);
        fx.knownTo(w.practiceId, child);
        Actor careful = w.knownPatient();
        for (int i = 1; i <= 2; i++) {
            w.appointment(patient.patientId(), w.practitionerId, Instant.now().minus(Duration.ofDays(i)), 15,
                    AppointmentStatus.NO_SHOW);
            w.appointment(child, w.practitionerId, Instant.now().minus(Duration.ofDays(i).plusHours(3)), 15,
                    AppointmentStatus.NO_SHOW);
        }
        // excused ones do not count
        for (int i = 1; i <= 3; i++) {
            long a = w.appointment(careful.patientId(), w.practitionerId, Instant.now().minus(Duration.ofDays(i).plusHours(6)), 15,
                    AppointmentStatus.NO_SHOW);
            fx.update("UPDATE appointment SET no_show_excused = true WHERE id = ?", a);
        }

        // no rule yet: everybody books online
        book(w, patient, patient.patientId(), w.at("08:00")).then().statusCode(201);

        policy(w.admin, w.practiceId, 2).then().statusCode(200).body("maxUnexcusedNoShows", equalTo(2));
        as(w.secretary).get("/api/practices/{id}", w.practiceId).then().statusCode(200)
                .body("maxUnexcusedNoShows", equalTo(2));
        given().get("/api/practices/{id}", w.practiceId).then().statusCode(200).body("maxUnexcusedNoShows", nullValue());
        as(patient).get("/api/practices/{id}", w.practiceId).then().statusCode(200).body("maxUnexcusedNoShows", nullValue());

        String phone = fx.queryString("SELECT phone FROM practice WHERE id = ?", w.practiceId);
        book(w, patient, patient.patientId(), w.at("09:00")).then().statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("secretary_booking_required"))
                .body("detail", containsString(phone));
        book(w, patient, child, w.at("09:30")).then().statusCode(422).body("code", equalTo("secretary_booking_required"));
        book(w, careful, careful.patientId(), w.at("10:00")).then().statusCode(201);
        // the secretariat still books them, by phone or at the desk
        book(w, w.secretary, patient.patientId(), w.at("09:00")).then().statusCode(201).body("channel", equalTo("PHONE"));
        Map<String, Object> desk = w.booking(child, w.at("09:30"));
        desk.put("channel", "DESK");
        as(w.practitioner).body(desk).post("/api/appointments").then().statusCode(201);
        assertThat(w.liveAppointments(w.practitionerId, w.at("09:00"), w.at("09:45"))).isEqualTo(2);

        // the staff see the count the rule reads
        as(w.secretary).queryParam("q", fx.queryString("SELECT last_name FROM patient WHERE id = ?", patient.patientId()))
                .get("/api/practices/{id}/patients", w.practiceId).then().statusCode(200)
                .body("find { it.id == " + patient.patientId() + " }.noShowCount", equalTo(2));

        // rule lifted: online again
        policy(w.admin, w.practiceId, null).then().statusCode(200).body("maxUnexcusedNoShows", nullValue());
        book(w, patient, patient.patientId(), w.at("11:00")).then().statusCode(201);
        // a higher rule than the patient's count: online too
        policy(w.admin, w.practiceId, 3).then().statusCode(200);
        book(w, patient, patient.patientId(), w.at("11:30")).then().statusCode(201);
    }

    @Test
    void onlyThePracticeAdminSetsTheRule() {
        BookingWorld w = new BookingWorld(fx);
        BookingWorld other = new BookingWorld(fx);
        Actor patient = w.knownPatient();
        policy(w.secretary, w.practiceId, 2).then().statusCode(403).contentType("application/problem+json");
        policy(w.practitioner, w.practiceId, 2).then().statusCode(403);
        policy(patient, w.practiceId, 2).then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("maxUnexcusedNoShows", 2))
                .put("/api/practices/{id}/no-show-policy", w.practiceId).then().statusCode(401);
        policy(other.admin, w.practiceId, 2).then().statusCode(404).contentType("application/problem+json");
        policy(w.admin, 987_654_321L, 2).then().statusCode(404);
        policy(w.admin, w.practiceId, 0).then().statusCode(400).body("errors.field", hasItem("maxUnexcusedNoShows"));
        policy(w.admin, w.practiceId, 101).then().statusCode(400).body("errors.field", hasItem("maxUnexcusedNoShows"));
        as(w.admin).body(Map.of("maxUnexcusedNoShows", "two")).put("/api/practices/{id}/no-show-policy", w.practiceId)
                .then().statusCode(400).body("errors.field", hasItem("maxUnexcusedNoShows"));
        assertThat(fx.queryString("SELECT COALESCE(max_unexcused_no_shows::text, 'none') FROM practice WHERE id = ?",
                w.practiceId)).isEqualTo("none");
        policy(w.admin, w.practiceId, 4).then().statusCode(200);
        assertThat(fx.queryLong("SELECT max_unexcused_no_shows FROM practice WHERE id = ?", w.practiceId)).isEqualTo(4);
        assertThat(fx.queryString("SELECT detail FROM access_journal WHERE practice_id = ? AND action = 'NO_SHOW_POLICY'",
                w.practiceId)).isEqualTo("maxUnexcusedNoShows=4");
    }

    // ---------------------------------------------------------------- helpers

    /** A BOOKED appointment {@code daysAgo} days ago, ready to be marked. */
    private static long past(BookingWorld w, long patientId, int daysAgo) {
        return w.appointment(patientId, w.practitionerId, Instant.now().minus(Duration.ofDays(daysAgo)), 15,
                AppointmentStatus.BOOKED);
    }

    private void assertCounts(BookingWorld w, Actor patient, int unexcused, int excused) {
        String last = fx.queryString("SELECT last_name FROM patient WHERE id = ?", patient.patientId());
        Response r = as(w.secretary).queryParam("q", last).get("/api/practices/{id}/patients", w.practiceId);
        r.then().statusCode(200);
        String path = "find { it.id == " + patient.patientId() + " }";
        assertThat(r.jsonPath().getInt(path + ".noShowCount")).isEqualTo(unexcused);
        assertThat(r.jsonPath().getInt(path + ".excusedNoShowCount")).isEqualTo(excused);
    }

    static RequestSpecification as(Actor actor) {
        return given().header("Authorization", actor.bearer()).contentType(ContentType.JSON);
    }

    static Response markNoShow(Actor actor, long appointmentId, Boolean excused) {
        Map<String, Object> body = new HashMap<>();
        body.put("status", "NO_SHOW");
        if (excused != null) {
            body.put("excused", excused);
        }
        return as(actor).body(body).post("/api/appointments/{id}/status", appointmentId);
    }

    static Response excuse(Actor actor, long appointmentId, boolean excused) {
        return as(actor).body(Map.of("excused", excused)).put("/api/appointments/{id}/no-show", appointmentId);
    }

    static Response policy(Actor actor, long practiceId, Integer max) {
        Map<String, Object> body = new HashMap<>();
        body.put("maxUnexcusedNoShows", max);
        return as(actor).body(body).put("/api/practices/{id}/no-show-policy", practiceId);
    }

    private static Response book(BookingWorld w, Actor actor, long patientId, Instant start) {
        return as(actor).body(w.booking(patientId, start)).post("/api/appointments");
    }
}
