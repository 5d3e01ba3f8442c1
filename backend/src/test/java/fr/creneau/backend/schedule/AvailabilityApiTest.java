package fr.creneau.backend.schedule;

import fr.creneau.backend.support.Fixtures;
import fr.creneau.backend.support.PostgresAndKeysResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@WithTestResource(value = PostgresAndKeysResource.class, scope = TestResourceScope.GLOBAL)
class AvailabilityApiTest {
    @Inject
    Fixtures fx;

    ScheduleWorld w;

    @BeforeEach
    void world() {
        w = new ScheduleWorld(fx);
        fx.oneOffRange(w.drA, w.site, w.day, "09:00", "11:00", w.online, w.offline);
    }

    List<String> starts(RequestSpecification request, long practitionerId, long motiveId) {
        return request.queryParam("motiveId", motiveId).queryParam("from", w.day.toString()).queryParam("to", w.day.toString())
                .get("/api/practitioners/" + practitionerId + "/availability")
                .then().statusCode(200).contentType("application/json").extract().path("start");
    }

    @Test
    void anyoneSeesTheFreeSlotsInUtc() {
        given().queryParam("motiveId", w.online).queryParam("from", w.day.toString()).queryParam("to", w.day.plusDays(1).toString())
                .get("/api/practitioners/" + w.drA + "/availability").then().statusCode(200)
                .body("$", hasSize(4))
                .body("[0].start", equalTo(w.at("09:00").toString()))
                .body("[0].end", equalTo(w.at("09:30").toString()))
                .body("[0].siteId", equalTo((int) w.site))
                .body("[0].practitionerId", equalTo((int) w.drA))
                .body("[0].motiveId", equalTo((int) w.online))
                .body("urgencyReserve", everyItem(equalTo(false)));
    }

    @Test
    void daysWithAndWithoutSlotsMakeOneArrayTheSameFromTheCache() {
        // slots on the first and third days, none on the days between and after: the cached days' JSON is joined
        fx.oneOffRange(w.drA, w.site, w.day.plusDays(2), "14:00", "15:00", w.online);
        RequestSpecification request = given().queryParam("motiveId", w.online).queryParam("from", w.day.toString())
                .queryParam("to", w.day.plusDays(4).toString());
        String first = request.get("/api/practitioners/" + w.drA + "/availability").then().statusCode(200)
                .contentType("application/json").extract().asString();
        String again = request.get("/api/practitioners/" + w.drA + "/availability").then().statusCode(200)
                .contentType("application/json").extract().asString();
        assertThat(again).isEqualTo(first);
        List<String> starts = io.restassured.path.json.JsonPath.from(first).getList("start");
        assertThat(starts).containsExactly(w.at("09:00").toString(), w.at("09:30").toString(), w.at("10:00").toString(),
                w.at("10:30").toString(), w.at(w.day.plusDays(2), "14:00").toString(), w.at(w.day.plusDays(2), "14:30").toString());
        // nothing at all: an empty array, not an empty body
        given().queryParam("motiveId", w.online).queryParam("from", w.day.plusDays(3).toString())
                .queryParam("to", w.day.plusDays(4).toString()).get("/api/practitioners/" + w.drA + "/availability")
                .then().statusCode(200).contentType("application/json").body(equalTo("[]"));
    }

    @Test
    void liveAppointmentsAndAbsencesTakeSlotsCancelledOnesDoNot() {
        w.appointment(w.drA, w.at("09:30"), 30, "BOOKED");
        w.appointment(w.drA, w.at("10:00"), 30, "CANCELLED_BY_PATIENT");
        w.absence(w.drA, w.at("10:30"), w.at("12:00"));
        assertThat(starts(given(), w.drA, w.online)).containsExactly(w.at("09:00").toString(), w.at("10:00").toString());
    }

    @Test
    void motivesNotBookableOnlineAreForStaffOfThePracticeOnly() {
        assertThat(starts(given(), w.drA, w.offline)).isEmpty();
        assertThat(starts(given().header("Authorization", w.patient.bearer()), w.drA, w.offline)).isEmpty();
        assertThat(starts(given().header("Authorization", w.foreignSecretary.bearer()), w.drA, w.offline)).isEmpty();
        assertThat(starts(given().header("Authorization", w.secretary.bearer()), w.drA, w.offline)).hasSize(4);
    }

    @Test
    void urgencyReserveIsForStaffUntilReleased() {
        long range = fx.weeklyRange(w.drB, w.site, w.day.getDayOfWeek().getValue(), "14:00", "15:00", true, 0, w.online);
        assertThat(starts(given().header("Authorization", w.patient.bearer()), w.drB, w.online)).isEmpty();
        given().header("Authorization", w.secretary.bearer()).queryParam("motiveId", w.online)
                .queryParam("from", w.day.toString()).queryParam("to", w.day.toString())
                .get("/api/practitioners/" + w.drB + "/availability").then().statusCode(200)
                .body("start", contains(w.at("14:00").toString(), w.at("14:30").toString()))
                .body("urgencyReserve", everyItem(equalTo(true)));
        given().header("Authorization", w.practitionerB.bearer()).post("/api/opening-ranges/" + range + "/release?date=" + w.day)
                .then().statusCode(204);
        assertThat(starts(given().header("Authorization", w.patient.bearer()), w.drB, w.online)).hasSize(2);
        // Only that date is released
        given().queryParam("motiveId", w.online).queryParam("from", w.day.plusDays(7).toString())
                .queryParam("to", w.day.plusDays(7).toString())
                .get("/api/practitioners/" + w.drB + "/availability").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void badQueriesAreProblemsNamingTheField() {
        String path = "/api/practitioners/" + w.drA + "/availability";
        given().queryParam("from", w.day.toString()).queryParam("to", w.day.toString()).get(path)
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("motiveId"));
        given().queryParam("motiveId", "x").queryParam("from", w.day.toString()).queryParam("to", w.day.toString()).get(path)
                .then().statusCode(400).body("errors.field", hasItem("motiveId"));
        given().queryParam("motiveId", w.online).queryParam("from", "2026-02-30").queryParam("to", w.day.toString()).get(path)
                .then().statusCode(400).body("errors.field", hasItem("from"));
        given().queryParam("motiveId", w.online).queryParam("from", w.day.toString()).get(path)
                .then().statusCode(400).body("errors.field", hasItem("to"));
        given().queryParam("motiveId", w.online).queryParam("from", w.day.toString()).queryParam("to", w.day.minusDays(1).toString()).get(path)
                .then().statusCode(400).body("errors[0].field", equalTo("to")).body("errors[0].code", equalTo("before_from"));
        given().queryParam("motiveId", w.online).queryParam("from", w.day.toString()).queryParam("to", w.day.plusDays(31).toString()).get(path)
                .then().statusCode(400).body("errors[0].code", equalTo("range_too_long"));
        given().queryParam("motiveId", w.foreignMotive).queryParam("from", w.day.toString()).queryParam("to", w.day.toString()).get(path)
                .then().statusCode(404).contentType("application/problem+json");
        given().queryParam("motiveId", w.online).queryParam("from", w.day.toString()).queryParam("to", w.day.toString())
                .get("/api/practitioners/99999999/availability").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void earliestIsTheFirstSlotAcrossThePracticesPractitioners() {
        fx.oneOffRange(w.drB, w.site, w.day, "08:00", "08:30", w.online);
        given().queryParam("motiveId", w.online).get("/api/practices/" + w.practice + "/earliest").then().statusCode(200)
                .body("practitionerId", equalTo((int) w.drB)).body("start", equalTo(w.at("08:00").toString()));
        w.appointment(w.drB, w.at("08:00"), 30, "CONFIRMED");
        given().queryParam("motiveId", w.online).get("/api/practices/" + w.practice + "/earliest").then().statusCode(200)
                .body("practitionerId", equalTo((int) w.drA)).body("start", equalTo(w.at("09:00").toString()));
    }

    @Test
    void earliestAnswersNoSlotAndRejectsBadQueries() {
        long other = fx.practice("Cabinet Vide", "Europe/Paris");
        long motive = fx.motive(other, 30, true, false);
        given().queryParam("motiveId", motive).get("/api/practices/" + other + "/earliest").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("no_slot"));
        given().get("/api/practices/" + other + "/earliest").then().statusCode(400).body("errors.field", hasItem("motiveId"));
        given().queryParam("motiveId", w.online).get("/api/practices/" + other + "/earliest").then().statusCode(404)
                .body("code", equalTo("not_found"));
        given().queryParam("motiveId", w.online).get("/api/practices/99999999/earliest").then().statusCode(404);
        // Offline motives: the public finds nothing, the practice's staff find a slot
        given().queryParam("motiveId", w.offline).get("/api/practices/" + w.practice + "/earliest").then().statusCode(404)
                .body("code", equalTo("no_slot"));
        given().header("Authorization", w.secretary.bearer()).queryParam("motiveId", w.offline)
                .get("/api/practices/" + w.practice + "/earliest").then().statusCode(200);
    }
}
