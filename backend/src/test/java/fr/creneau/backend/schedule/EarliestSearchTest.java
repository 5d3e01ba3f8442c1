package fr.creneau.backend.schedule;

import fr.creneau.backend.support.Fixtures;
import fr.creneau.backend.support.PostgresAndKeysResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * The earliest-slot search looks at a growing window of dates (2 days, then the next 4, 8, 16, ..., capped at the horizon)
 * instead of the whole horizon at once: what it answers must not depend on where the windows fall.
 */
@QuarkusTest
@WithTestResource(value = PostgresAndKeysResource.class, scope = TestResourceScope.GLOBAL)
class EarliestSearchTest {
    @Inject
    Fixtures fx;

    ScheduleWorld w;
    LocalDate today;

    @BeforeEach
    void world() {
        w = new ScheduleWorld(fx);
        today = LocalDate.now(ScheduleWorld.PARIS);
    }

    private void earliestIs(long practitionerId, LocalDate date, String localTime) {
        given().queryParam("motiveId", w.online).get("/api/practices/" + w.practice + "/earliest").then().statusCode(200)
                .body("practitionerId", equalTo((int) practitionerId))
                .body("start", equalTo(ScheduleWorld.at(date, localTime).toString()));
    }

    @Test
    void aSlotFarBeyondTheFirstWindowIsFound() {
        fx.oneOffRange(w.drA, w.site, today.plusDays(40), "08:00", "08:30", w.online);
        fx.oneOffRange(w.drB, w.site, today.plusDays(60), "07:00", "07:30", w.online);
        earliestIs(w.drA, today.plusDays(40), "08:00");
    }

    @Test
    void takenSlotsInTheFirstWindowSendTheSearchFurther() {
        fx.oneOffRange(w.drA, w.site, today.plusDays(3), "09:00", "09:30", w.online);
        w.appointment(w.drA, ScheduleWorld.at(today.plusDays(3), "09:00"), 30, "BOOKED");
        fx.oneOffRange(w.drB, w.site, today.plusDays(6), "17:00", "17:30", w.online);
        w.appointment(w.drB, ScheduleWorld.at(today.plusDays(6), "17:00"), 30, "CONFIRMED");
        fx.oneOffRange(w.drB, w.site, today.plusDays(20), "10:00", "10:30", w.online);
        fx.oneOffRange(w.drA, w.site, today.plusDays(21), "08:00", "08:30", w.online);
        earliestIs(w.drB, today.plusDays(20), "10:00");
        // A cancelled appointment frees its slot again, inside the first window
        fx.update("UPDATE appointment SET status = 'CANCELLED_BY_PATIENT' WHERE practitioner_id = ? AND status = 'CONFIRMED'", w.drB);
        earliestIs(w.drB, today.plusDays(6), "17:00");
    }

    @Test
    void nothingWithinTheHorizonIsNoSlot() {
        fx.practiceRules(w.practice, 24, 60, 10);
        fx.oneOffRange(w.drA, w.site, today.plusDays(20), "08:00", "08:30", w.online);
        given().queryParam("motiveId", w.online).get("/api/practices/" + w.practice + "/earliest").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("no_slot"));
    }
}
