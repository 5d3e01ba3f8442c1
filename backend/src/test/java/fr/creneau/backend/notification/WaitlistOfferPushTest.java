package fr.creneau.backend.notification;

import com.fasterxml.jackson.databind.JsonNode;
import fr.creneau.backend.appointment.BookingWorld;
import fr.creneau.backend.support.Fixtures;
import fr.creneau.backend.support.MovableClock;
import fr.creneau.backend.support.PostgresAndKeysResource;
import fr.creneau.model.rules.AppointmentStatus;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue #4: a waitlist offer reaches the patient's app with the practice, date and time, and nothing clinical. */
@QuarkusTest
@WithTestResource(value = PostgresAndKeysResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = GreenMailResource.class, scope = TestResourceScope.GLOBAL)
class WaitlistOfferPushTest {
    static FakeProviders.FakeFcm fcm;

    @Inject
    Fixtures fx;

    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    static void fakes() throws Exception {
        fcm = new FakeProviders.FakeFcm();
    }

    @AfterAll
    static void stopFakes() {
        fcm.close();
    }

    @Test
    void theOfferPushNamesThePracticeDateAndTimeOnly() throws Exception {
        NotificationWorld.retireOpenRows(fx);
        fcm.reset();
        // in the day, so that the offer goes at once (at night it waits for the morning: WaitlistQuietHoursTest)
        MovableClock clock = MovableClock.installTodayAt(LocalTime.of(14, 0));
        BookingWorld w = new BookingWorld(fx);
        fx.update("UPDATE motive SET label_fr = 'Dépistage VIH', show_in_reminders = true WHERE id = ?", w.motive15);
        Fixtures.Actor patient = w.knownPatient();
        String deviceToken = Fixtures.unique("tok");
        fx.update("INSERT INTO device_token (account_id, push_key) VALUES (?, ?)", patient.accountId(),
                "cn1-fcm-" + deviceToken);
        long appointment = w.appointment(w.phoneCaller(), w.practitionerId, w.at("09:45"), 15, AppointmentStatus.BOOKED);
        Map<String, Object> entry = new HashMap<>();
        entry.put("patientId", patient.patientId());
        entry.put("motiveId", w.motive15);
        entry.put("fromDate", w.monday.toString());
        entry.put("toDate", w.monday.toString());
        given().header("Authorization", patient.bearer()).contentType(ContentType.JSON).body(entry)
                .post("/api/practices/{id}/waitlist", w.practiceId).then().statusCode(201);
        given().header("Authorization", w.secretary.bearer()).contentType(ContentType.JSON)
                .body(Map.of("status", "CANCELLED_BY_PRACTICE", "reason", "Empêchement"))
                .post("/api/appointments/{id}/status", appointment).then().statusCode(200);
        long outboxId = fx.queryLong("SELECT id FROM notification_outbox WHERE kind = 'WAITLIST_OFFER' AND patient_id = ?",
                patient.patientId());
        long offerId = fx.queryLong("SELECT o.id FROM waitlist_offer o JOIN waitlist_entry e ON e.id = o.entry_id"
                + " WHERE e.patient_id = ?", patient.patientId());

        assertThat(NotificationWorld.dueAt(fx, outboxId)).isEqualTo(clock.instant());
        NotificationWorld.drainPushes(dataSource, fcm, clock.instant().plus(Duration.ofMinutes(1)), "wl-w1");

        assertThat(fx.queryString("SELECT status FROM notification_outbox WHERE id = ?", outboxId)).isEqualTo("SENT");
        String key = Dispatcher.idempotencyKey(outboxId) + "|" + deviceToken;
        assertThat(fcm.delivered.get(key)).hasValue(1);
        JsonNode message = fcm.bodies.get(key).path("message");
        String practiceName = fx.queryString("SELECT name FROM practice WHERE id = ?", w.practiceId);
        assertThat(message.path("notification").path("body").asText())
                .contains(GsmText.toGsm(practiceName)).contains("09:45");
        assertThat(message.path("data").path("offerId").asText()).isEqualTo(Long.toString(offerId));
        String whole = message.toString().toLowerCase();
        assertThat(whole).doesNotContain("vih").doesNotContain("dépistage").doesNotContain("depistage");
    }
}
