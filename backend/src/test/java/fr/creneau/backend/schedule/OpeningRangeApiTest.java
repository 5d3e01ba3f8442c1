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

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
@WithTestResource(value = PostgresAndKeysResource.class, scope = TestResourceScope.GLOBAL)
class OpeningRangeApiTest {
    @Inject
    Fixtures fx;

    ScheduleWorld w;
    long rangeA;

    @BeforeEach
    void world() {
        w = new ScheduleWorld(fx);
        rangeA = fx.weeklyRange(w.drA, w.site, 1, "08:00", "12:00", false, 0, w.online);
    }

    Map<String, Object> body(Object siteId, List<?> motiveIds) {
        Map<String, Object> m = new HashMap<>();
        m.put("siteId", siteId);
        m.put("date", w.day.toString());
        m.put("start", "17:00");
        m.put("end", "18:00");
        m.put("motiveIds", motiveIds);
        return m;
    }

    ValidatableResponse post(Actor actor, long practitionerId, Object body) {
        return given().header("Authorization", actor.bearer()).contentType(ContentType.JSON).body(body)
                .post("/api/practitioners/" + practitionerId + "/opening-ranges").then();
    }

    long rangesOf(long practitionerId) {
        return fx.queryLong("SELECT count(*) FROM opening_range WHERE practitioner_id = ?", practitionerId);
    }

    @Test
    void staffOfThePracticeListRangesOthersCannot() {
        for (Actor staff : List.of(w.practitionerA, w.practitionerB, w.secretary, w.admin)) {
            given().header("Authorization", staff.bearer()).get("/api/practitioners/" + w.drA + "/opening-ranges")
                    .then().statusCode(200).body("id", contains((int) rangeA))
                    .body("[0].dayOfWeek", equalTo(1)).body("[0].start", equalTo("08:00"))
                    .body("[0].end", equalTo("12:00")).body("[0].motiveIds", contains((int) w.online));
        }
        given().get("/api/practitioners/" + w.drA + "/opening-ranges").then().statusCode(401)
                .contentType("application/problem+json");
        given().header("Authorization", w.patient.bearer()).get("/api/practitioners/" + w.drA + "/opening-ranges")
                .then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", w.foreignSecretary.bearer()).get("/api/practitioners/" + w.drA + "/opening-ranges")
                .then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", w.secretary.bearer()).get("/api/practitioners/99999999/opening-ranges")
                .then().statusCode(404);
    }

    @Test
    void aPractitionerOpensAnExtraRangeOnTheirOwnAgendaAndItIsOffered() {
        int id = post(w.practitionerA, w.drA, body(w.site, List.of(w.online))).statusCode(201)
                .body("practitionerId", equalTo((int) w.drA)).body("date", equalTo(w.day.toString()))
                .body("releaseMinutesBefore", equalTo(120)).extract().path("id");
        assertThat(fx.queryString("SELECT on_date::text FROM opening_range WHERE id = ?", (long) id)).isEqualTo(w.day.toString());
        given().queryParam("motiveId", w.online).queryParam("from", w.day.toString()).queryParam("to", w.day.toString())
                .get("/api/practitioners/" + w.drA + "/availability").then().statusCode(200)
                .body("start", hasItems(w.at("17:00").toString(), w.at("17:30").toString()));
    }

    @Test
    void secretaryAndAdminManageAnyAgendaOfTheirPractice() {
        long before = rangesOf(w.drB);
        post(w.secretary, w.drB, body(w.site, List.of(w.online))).statusCode(201);
        post(w.admin, w.drB, body(w.site, List.of(w.online, w.offline))).statusCode(201);
        assertThat(rangesOf(w.drB)).isEqualTo(before + 2);
    }

    @Test
    void nobodyElseChangesAnAgenda() {
        long before = rangesOf(w.drA);
        post(w.practitionerB, w.drA, body(w.site, List.of(w.online))).statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("not_your_agenda"));
        post(w.foreignAdmin, w.drA, body(w.site, List.of(w.online))).statusCode(404);
        post(w.patient, w.drA, body(w.site, List.of(w.online))).statusCode(403);
        given().contentType(ContentType.JSON).body(body(w.site, List.of(w.online)))
                .post("/api/practitioners/" + w.drA + "/opening-ranges").then().statusCode(401);
        assertThat(rangesOf(w.drA)).isEqualTo(before);
    }

    @Test
    void badRangesAreProblemsNamingTheField() {
        post(w.secretary, w.drA, Map.of("dayOfWeek", 9, "start", "25:00", "end", "08:00")).statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("siteId", "dayOfWeek", "start", "motiveIds"));
        Map<String, Object> backwards = body(w.site, List.of(w.online));
        backwards.put("end", "16:00");
        post(w.secretary, w.drA, backwards).statusCode(400).body("errors.field", hasItem("end"));
        post(w.secretary, w.drA, body(w.foreignSite, List.of(w.online))).statusCode(400)
                .body("errors[0].field", equalTo("siteId")).body("errors[0].code", equalTo("unknown_site"));
        post(w.secretary, w.drA, body(w.site, List.of(w.online, w.foreignMotive))).statusCode(400)
                .body("errors[0].field", equalTo("motiveIds")).body("errors[0].code", equalTo("unknown_motive"));
        post(w.secretary, w.drA, body("abc", List.of(w.online))).statusCode(400).body("errors.field", hasItem("siteId"));
    }

    @Test
    void deletingIsForThePractitionerAndTheAdmin() {
        String path = "/api/opening-ranges/" + rangeA;
        given().header("Authorization", w.secretary.bearer()).delete(path).then().statusCode(403);
        given().header("Authorization", w.practitionerB.bearer()).delete(path).then().statusCode(403)
                .body("code", equalTo("not_your_agenda"));
        given().header("Authorization", w.foreignAdmin.bearer()).delete(path).then().statusCode(404);
        assertThat(fx.queryLong("SELECT count(*) FROM opening_range WHERE id = ?", rangeA)).isEqualTo(1);
        given().header("Authorization", w.practitionerA.bearer()).delete(path).then().statusCode(204);
        assertThat(fx.queryLong("SELECT count(*) FROM opening_range WHERE id = ?", rangeA)).isZero();
        given().header("Authorization", w.admin.bearer()).delete(path).then().statusCode(404);
        long other = fx.weeklyRange(w.drB, w.site, 2, "08:00", "12:00", false, 0, w.online);
        given().header("Authorization", w.admin.bearer()).delete("/api/opening-ranges/" + other).then().statusCode(204);
    }

    @Test
    void releasingChecksTheRangeAndTheDate() {
        long urgent = fx.weeklyRange(w.drA, w.site, w.day.getDayOfWeek().getValue(), "18:00", "19:00", true, 30, w.online);
        String path = "/api/opening-ranges/" + urgent + "/release";
        given().header("Authorization", w.secretary.bearer()).post(path).then().statusCode(400)
                .body("errors.field", hasItem("date"));
        given().header("Authorization", w.secretary.bearer()).post(path + "?date=tomorrow").then().statusCode(400)
                .body("errors.field", hasItem("date"));
        given().header("Authorization", w.secretary.bearer()).post(path + "?date=" + w.day.plusDays(1)).then().statusCode(400)
                .body("errors[0].code", equalTo("range_not_on_date"));
        given().header("Authorization", w.secretary.bearer()).post("/api/opening-ranges/" + rangeA + "/release?date=" + w.day)
                .then().statusCode(422).body("code", equalTo("not_urgency_reserve"));
        given().header("Authorization", w.practitionerB.bearer()).post(path + "?date=" + w.day).then().statusCode(403)
                .body("code", equalTo("not_your_agenda"));
        given().header("Authorization", w.foreignAdmin.bearer()).post(path + "?date=" + w.day).then().statusCode(404);
        given().header("Authorization", w.patient.bearer()).post(path + "?date=" + w.day).then().statusCode(403);
        given().header("Authorization", w.secretary.bearer()).post(path + "?date=" + w.day).then().statusCode(204);
        given().header("Authorization", w.admin.bearer()).post(path + "?date=" + w.day).then().statusCode(204);
        assertThat(fx.queryLong("SELECT count(*) FROM urgency_release WHERE range_id = ?", urgent)).isEqualTo(1);
        assertThat(fx.queryLong("SELECT released_by FROM urgency_release WHERE range_id = ?", urgent))
                .isEqualTo(w.secretary.accountId());
    }
}
