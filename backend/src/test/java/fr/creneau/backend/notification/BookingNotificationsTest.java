package fr.creneau.backend.notification;

import fr.creneau.backend.appointment.BookingWorld;
import fr.creneau.backend.support.Fixtures;
import fr.creneau.backend.support.PostgresAndKeysResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Through the real appointment API: each change and its notifications commit together, or not at all. */
@QuarkusTest
@WithTestResource(value = PostgresAndKeysResource.class, scope = TestResourceScope.GLOBAL)
class BookingNotificationsTest {
    @Inject
    Fixtures fx;

    long count(long appointmentId, String kind) {
        return fx.queryLong("SELECT count(*) FROM notification_outbox WHERE appointment_id = ? AND kind = ?", appointmentId, kind);
    }

    @Test
    void bookingMovingAndCancellingEachWriteTheirNotifications() {
        BookingWorld w = new BookingWorld(fx);
        Fixtures.Actor patient = w.knownPatient();
        long id = ((Number) given().header("Authorization", patient.bearer()).contentType(ContentType.JSON)
                .body(w.booking(patient.patientId(), w.at("10:00"))).post("/api/appointments")
                .then().statusCode(201).extract().path("id")).longValue();
        assertThat(count(id, "BOOKED_CONFIRMATION")).isEqualTo(1); // email only: the patient has no device
        assertThat(count(id, "REMINDER_48H_CONFIRM")).isEqualTo(1);

        given().header("Authorization", w.secretary.bearer()).contentType(ContentType.JSON)
                .body(Map.of("start", w.at("11:00").toString())).post("/api/appointments/" + id + "/reschedule")
                .then().statusCode(200);
        assertThat(count(id, "MOVED")).isEqualTo(1);

        given().header("Authorization", w.secretary.bearer()).contentType(ContentType.JSON)
                .body(Map.of("status", "CANCELLED_BY_PRACTICE", "reason", "Fermeture")).post("/api/appointments/" + id + "/status")
                .then().statusCode(200);
        assertThat(count(id, "CANCELLED")).isEqualTo(1);
    }

    @Test
    void aRefusedBookingLeavesNoNotification() {
        BookingWorld w = new BookingWorld(fx);
        Fixtures.Actor first = w.knownPatient();
        Fixtures.Actor second = w.knownPatient();
        given().header("Authorization", first.bearer()).contentType(ContentType.JSON)
                .body(w.booking(first.patientId(), w.at("14:00"))).post("/api/appointments").then().statusCode(201);
        given().header("Authorization", second.bearer()).contentType(ContentType.JSON)
                .body(w.booking(second.patientId(), w.at("14:00"))).post("/api/appointments").then().statusCode(409);
        assertThat(fx.queryLong("SELECT count(*) FROM notification_outbox WHERE patient_id = ?", second.patientId())).isZero();
        assertThat(fx.queryLong("SELECT count(*) FROM notification_outbox WHERE patient_id = ?", first.patientId())).isPositive();
    }
}
