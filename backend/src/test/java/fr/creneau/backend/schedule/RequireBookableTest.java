package fr.creneau.backend.schedule;

import fr.creneau.backend.support.Fixtures;
import fr.creneau.backend.support.PostgresAndKeysResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** ScheduleService.requireBookable against the real database: the rule booking and rescheduling rely on. */
@QuarkusTest
@WithTestResource(value = PostgresAndKeysResource.class, scope = TestResourceScope.GLOBAL)
class RequireBookableTest {
    @Inject
    Fixtures fx;

    ScheduleWorld w;

    @BeforeEach
    void world() {
        w = new ScheduleWorld(fx);
        fx.oneOffRange(w.drA, w.site, w.day, "09:00", "10:00", w.online, w.offline);
        fx.weeklyRange(w.drA, w.site, w.day.getDayOfWeek().getValue(), "14:00", "15:00", true, 0, w.online);
        fx.oneOffRange(w.drA, w.site, w.day, "16:00", "17:00", w.offline);
        fx.oneOffRange(w.drA, w.site, w.day.minusDays(5), "09:00", "10:00", w.online);
        fx.oneOffRange(w.drA, w.site, w.day.plusDays(120), "09:00", "10:00", w.online);
        w.absence(w.drA, w.at("09:30"), w.at("10:00"));
    }

    ValidatableResponse check(long practitionerId, long motiveId, Instant start, boolean staff) {
        return given().queryParam("practitionerId", practitionerId).queryParam("motiveId", motiveId)
                .queryParam("start", start.toString()).queryParam("staff", staff)
                .get("/test-only/schedule/bookable").then();
    }

    void refused(long motiveId, Instant start, boolean staff, String code) {
        check(w.drA, motiveId, start, staff).statusCode(422).contentType("application/problem+json").body("code", equalTo(code));
    }

    @Test
    void anOfferedStartGivesTheSlotEvenWhenAnAppointmentHoldsIt() {
        w.appointment(w.drA, w.at("09:00"), 30, "BOOKED");
        check(w.drA, w.online, w.at("09:00"), false).statusCode(200)
                .body("siteId", equalTo((int) w.site)).body("end", equalTo(w.at("09:30").toString()))
                .body("urgencyReserve", equalTo(false));
    }

    @Test
    void eachRefusalHasItsCode() {
        refused(w.online, ScheduleWorld.at(w.day.minusDays(5), "09:00"), true, "in_past");
        refused(w.online, ScheduleWorld.at(w.day.plusDays(120), "09:00"), true, "beyond_horizon");
        refused(w.online, w.at("09:30"), false, "in_absence");
        refused(w.online, w.at("12:00"), false, "outside_opening_hours");
        refused(w.online, w.at("09:10"), false, "outside_opening_hours");
        refused(w.online, w.at("16:00"), false, "motive_not_accepted");
        refused(w.online, w.at("14:00"), false, "urgency_reserve_not_released");
        refused(w.offline, w.at("09:00"), false, "not_bookable_online");
    }

    @Test
    void staffRulesAreWider() {
        check(w.drA, w.online, w.at("14:00"), true).statusCode(200).body("urgencyReserve", equalTo(true));
        check(w.drA, w.offline, w.at("16:00"), true).statusCode(200);
    }

    @Test
    void minNoticeAppliesToPatientsOnly() {
        fx.practiceRules(w.practice, 24, 7 * 24 * 60, 90);
        refused(w.online, w.at("09:00"), false, "too_soon");
        check(w.drA, w.online, w.at("09:00"), true).statusCode(200);
    }

    @Test
    void unknownPractitionerOrForeignMotiveIsNotFound() {
        check(99999999L, w.online, w.at("09:00"), true).statusCode(404);
        check(w.drA, w.foreignMotive, w.at("09:00"), true).statusCode(404);
    }
}
