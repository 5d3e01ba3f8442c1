package fr.creneau.backend.schedule;

import fr.creneau.backend.support.Fixtures;
import fr.creneau.backend.support.MovableClock;
import fr.creneau.backend.support.Fixtures.Actor;
import fr.creneau.backend.support.PostgresAndKeysResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Computed availability is cached per practitioner and day (AvailabilityCache). Every test first reads, so that
 * the answer is cached, then changes the agenda, through the public API or straight in SQL as another backend
 * instance or a tool would, and checks the very next read. A missed invalidation shows up as a stale slot here.
 */
@QuarkusTest
@WithTestResource(value = PostgresAndKeysResource.class, scope = TestResourceScope.GLOBAL)
class AvailabilityCacheTest {
    @Inject
    Fixtures fx;

    ScheduleWorld w;

    @BeforeEach
    void world() {
        w = new ScheduleWorld(fx);
        fx.oneOffRange(w.drA, w.site, w.day, "09:00", "11:00", w.online);
        fx.knownTo(w.practice, w.patient.patientId());
    }

    /** Starts offered by drA (or another practitioner) over day and the next, as a patient sees them. */
    List<String> starts(long practitionerId, RequestSpecification as) {
        return as.queryParam("motiveId", w.online).queryParam("from", w.day.toString())
                .queryParam("to", w.day.plusDays(1).toString())
                .get("/api/practitioners/" + practitionerId + "/availability")
                .then().statusCode(200).extract().path("start");
    }

    List<String> starts() {
        return starts(w.drA, given());
    }

    String at(String localTime) {
        return w.at(localTime).toString();
    }

    static RequestSpecification as(Actor actor) {
        return given().header("Authorization", actor.bearer()).contentType(ContentType.JSON);
    }

    long book(String localTime) {
        Map<String, Object> body = new HashMap<>();
        body.put("patientId", w.patient.patientId());
        body.put("practitionerId", w.drA);
        body.put("motiveId", w.online);
        body.put("start", at(localTime));
        return as(w.patient).body(body).post("/api/appointments").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    @Test
    void aCachedAnswerIsTheSameJsonAsTheComputedOneAcrossEmptyDays() {
        // an opening on day + 2 too; day - 1, day + 1 and day + 3 offer nothing
        fx.oneOffRange(w.drA, w.site, w.day.plusDays(2), "14:00", "15:00", w.online);
        RequestSpecification window = given().queryParam("motiveId", w.online)
                .queryParam("from", w.day.minusDays(1).toString()).queryParam("to", w.day.plusDays(3).toString());
        String computed = window.get("/api/practitioners/" + w.drA + "/availability")
                .then().statusCode(200).contentType("application/json;charset=UTF-8").extract().asString();
        String cached = given().queryParam("motiveId", w.online)
                .queryParam("from", w.day.minusDays(1).toString()).queryParam("to", w.day.plusDays(3).toString())
                .get("/api/practitioners/" + w.drA + "/availability")
                .then().statusCode(200).contentType(ContentType.JSON).extract().asString();
        assertThat(cached).isEqualTo(computed);
        List<String> starts = io.restassured.path.json.JsonPath.from(cached).getList("start");
        assertThat(starts).hasSize(6).startsWith(at("09:00")).doesNotHaveDuplicates();
        assertThat(io.restassured.path.json.JsonPath.from(cached).getList("practitionerId", Long.class))
                .containsOnly(w.drA);
    }

    @Test
    void aBookingTakesItsSlotAtTheNextRead() {
        assertThat(starts()).contains(at("09:30"));
        book("09:30");
        assertThat(starts()).containsExactly(at("09:00"), at("10:00"), at("10:30"));
    }

    @Test
    void aCancellationFreesItsSlotAtTheNextRead() {
        long id = book("10:00");
        assertThat(starts()).doesNotContain(at("10:00"));
        as(w.patient).body(Map.of("status", "CANCELLED_BY_PATIENT", "reason", "Empêchement")).post("/api/appointments/" + id + "/status")
                .then().statusCode(200);
        assertThat(starts()).contains(at("10:00"));
    }

    @Test
    void aRescheduleFreesTheOldSlotAndTakesTheNewOne() {
        long id = book("09:00");
        assertThat(starts()).containsExactly(at("09:30"), at("10:00"), at("10:30"));
        as(w.patient).body(Map.of("start", at("10:30"))).post("/api/appointments/" + id + "/reschedule")
                .then().statusCode(200);
        assertThat(starts()).containsExactly(at("09:00"), at("09:30"), at("10:00"));
    }

    @Test
    void anAbsenceTakesItsSlotsAndDeletingItGivesThemBack() {
        assertThat(starts()).hasSize(4);
        Map<String, Object> absence = new HashMap<>();
        absence.put("start", at("09:30"));
        absence.put("end", at("10:30"));
        absence.put("note", "Réunion");
        long id = as(w.secretary).body(absence).post("/api/practitioners/" + w.drA + "/absences")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        assertThat(starts()).containsExactly(at("09:00"), at("10:30"));
        as(w.admin).delete("/api/absences/" + id).then().statusCode(204);
        assertThat(starts()).hasSize(4);
    }

    @Test
    void anOpeningRangeAddedOrRemovedShowsAtTheNextRead() {
        assertThat(starts()).hasSize(4);
        Map<String, Object> range = new HashMap<>();
        range.put("siteId", w.site);
        range.put("date", w.day.plusDays(1).toString());
        range.put("start", "16:00");
        range.put("end", "17:00");
        range.put("motiveIds", List.of(w.online));
        long id = as(w.secretary).body(range).post("/api/practitioners/" + w.drA + "/opening-ranges")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        String extra = ScheduleWorld.at(w.day.plusDays(1), "16:00").toString();
        assertThat(starts()).hasSize(6).contains(extra);
        as(w.admin).delete("/api/opening-ranges/" + id).then().statusCode(204);
        assertThat(starts()).hasSize(4).doesNotContain(extra);
    }

    @Test
    void aReleaseOpensTheUrgencyReserveToPatientsAtTheNextRead() {
        long reserve = fx.oneOffRange(w.drB, w.site, w.day, "14:00", "15:00", w.online);
        fx.update("UPDATE opening_range SET urgency_reserve = TRUE, release_minutes_before = 0 WHERE id = ?", reserve);
        // Staff first: their answer (reserve included) must not leak to patients, whose cached answer is apart
        assertThat(starts(w.drB, as(w.secretary))).containsExactly(at("14:00"), at("14:30"));
        assertThat(starts(w.drB, given())).isEmpty();
        as(w.secretary).post("/api/opening-ranges/" + reserve + "/release?date=" + w.day).then().statusCode(204);
        assertThat(starts(w.drB, given())).containsExactly(at("14:00"), at("14:30"));
    }

    @Test
    void changesMadeStraightInTheDatabaseAreSeenAtTheNextRead() {
        // As another backend instance (or a tool) would make them: nothing in this JVM hears of them
        assertThat(starts()).hasSize(4);
        long appointment = w.appointment(w.drA, w.at("09:00"), 30, "BOOKED");
        assertThat(starts()).containsExactly(at("09:30"), at("10:00"), at("10:30"));
        fx.update("UPDATE appointment SET status = 'CANCELLED_BY_PRACTICE' WHERE id = ?", appointment);
        assertThat(starts()).hasSize(4);
        fx.update("UPDATE appointment SET status = 'BOOKED', starts_at = starts_at + interval '1 hour',"
                + " ends_at = ends_at + interval '1 hour' WHERE id = ?", appointment);
        assertThat(starts()).containsExactly(at("09:00"), at("09:30"), at("10:30"));
        fx.update("DELETE FROM appointment WHERE id = ?", appointment);
        assertThat(starts()).hasSize(4);
        long absence = w.absence(w.drA, w.at("10:00"), w.at("11:00"));
        assertThat(starts()).containsExactly(at("09:00"), at("09:30"));
        fx.update("UPDATE absence SET starts_at = ? WHERE id = ?", Timestamp.from(w.at("10:30")), absence);
        assertThat(starts()).containsExactly(at("09:00"), at("09:30"), at("10:00"));
        fx.update("DELETE FROM absence WHERE id = ?", absence);
        fx.update("UPDATE opening_range SET end_time = '10:00' WHERE practitioner_id = ?", w.drA);
        assertThat(starts()).containsExactly(at("09:00"), at("09:30"));
        fx.update("DELETE FROM opening_range WHERE practitioner_id = ?", w.drA);
        assertThat(starts()).isEmpty();
    }

    @Test
    void aReleaseOrAnAppointmentMovedToAnotherPractitionerInSqlIsSeen() {
        long reserve = fx.weeklyRange(w.drB, w.site, w.day.getDayOfWeek().getValue(), "14:00", "15:00", true, 0,
                w.online);
        assertThat(starts(w.drB, given())).isEmpty();
        fx.update("INSERT INTO urgency_release (range_id, on_date) VALUES (?, ?)", reserve, w.day);
        assertThat(starts(w.drB, given())).containsExactly(at("14:00"), at("14:30"));
        long appointment = w.appointment(w.drA, w.at("09:00"), 30, "BOOKED");
        assertThat(starts()).doesNotContain(at("09:00"));
        fx.update("UPDATE appointment SET practitioner_id = ?, starts_at = ?, ends_at = ? WHERE id = ?", w.drB,
                Timestamp.from(w.at("14:00")), Timestamp.from(w.at("14:30")), appointment);
        assertThat(starts()).contains(at("09:00"));
        assertThat(starts(w.drB, given())).containsExactly(at("14:30"));
    }

    @Test
    void theAgendaVersionAloneDecidesWhetherTheCachedAnswerIsServed() {
        // Shows that the cache really answers (so the tests above could fail): a change whose version bump is
        // undone is not seen, and is seen as soon as the version moves on.
        assertThat(starts()).hasSize(4);
        long before = version(w.drA);
        w.appointment(w.drA, w.at("09:00"), 30, "BOOKED");
        assertThat(version(w.drA)).isGreaterThan(before);
        fx.update("UPDATE agenda_version SET version = ? WHERE practitioner_id = ?", before, w.drA);
        assertThat(starts()).hasSize(4);
        fx.update("UPDATE agenda_version SET version = version + 1 WHERE practitioner_id = ?", w.drA);
        assertThat(starts()).hasSize(3).doesNotContain(at("09:00"));
    }

    long version(long practitionerId) {
        return fx.queryLong("SELECT coalesce((SELECT version FROM agenda_version WHERE practitioner_id = ?), 0)",
                practitionerId);
    }

    @Test
    void settingsOfThePracticeAndTheMotiveAreReadAtEveryRequest() {
        assertThat(starts()).hasSize(4);
        fx.update("UPDATE motive SET duration_minutes = 60 WHERE id = ?", w.online);
        assertThat(starts()).containsExactly(at("09:00"), at("10:00"));
        fx.update("UPDATE motive SET bookable_online = FALSE WHERE id = ?", w.online);
        assertThat(starts()).isEmpty();
        fx.update("UPDATE motive SET bookable_online = TRUE WHERE id = ?", w.online);
        fx.practiceRules(w.practice, 24, 60, 1);
        assertThat(starts()).isEmpty();
    }

    @Test
    void theEarliestSlotFollowsBookingsAndChangesInSql() {
        assertThat(earliest()).isEqualTo(at("09:00"));
        book("09:00");
        assertThat(earliest()).isEqualTo(at("09:30"));
        fx.oneOffRange(w.drB, w.site, w.day, "08:00", "08:30", w.online);
        assertThat(earliest()).isEqualTo(at("08:00"));
        w.absence(w.drB, w.at("07:00"), w.at("12:00"));
        assertThat(earliest()).isEqualTo(at("09:30"));
        fx.update("DELETE FROM opening_range WHERE practitioner_id = ?", w.drA);
        given().queryParam("motiveId", w.online).get("/api/practices/" + w.practice + "/earliest").then()
                .statusCode(404);
    }

    String earliest() {
        return given().queryParam("motiveId", w.online).get("/api/practices/" + w.practice + "/earliest")
                .then().statusCode(200).extract().path("start");
    }

    // ---------------------------------------------------------------- time moves, the agenda does not

    /** The cache must judge "now" from the application's clock, not from when it computed. */
    MovableClock clockAt(LocalDate date, String localTime) {
        return MovableClock.install(ScheduleWorld.at(date, localTime));
    }

    @Test
    void slotsInsideTheMinimumNoticeAreNotServedFromTheCache() {
        MovableClock clock = clockAt(w.day.minusDays(1), "07:00");
        assertThat(starts()).hasSize(4);
        clock.set(w.at("08:30"));
        assertThat(starts()).containsExactly(at("09:30"), at("10:00"), at("10:30"));
        clock.set(w.at("09:05"));
        assertThat(starts()).containsExactly(at("10:30"));
        // A clock set back before the cached computation does not get that computation either
        clock.set(ScheduleWorld.at(w.day.minusDays(1), "07:00"));
        assertThat(starts()).hasSize(4);
    }

    @Test
    void anUrgencyReserveReleasedByTimeAppearsAtItsTime() {
        fx.weeklyRange(w.drB, w.site, w.day.getDayOfWeek().getValue(), "14:00", "15:00", true, 120, w.online);
        MovableClock clock = clockAt(w.day, "08:00");
        assertThat(starts(w.drB, given())).isEmpty();
        clock.set(w.at("12:10"));
        assertThat(starts(w.drB, given())).containsExactly(at("14:00"));
        clock.set(w.at("12:30"));
        assertThat(starts(w.drB, given())).containsExactly(at("14:00"), at("14:30"));
    }

    @Test
    void aDateEntersTheHorizonAtItsMidnight() {
        fx.practiceRules(w.practice, 24, 60, 5);
        MovableClock clock = clockAt(w.day.minusDays(6), "23:50");
        assertThat(starts()).isEmpty();
        clock.set(ScheduleWorld.at(w.day.minusDays(5), "00:00"));
        assertThat(starts()).hasSize(4);
    }
}
