package fr.creneau.backend.notification;

import com.fasterxml.jackson.databind.JsonNode;
import fr.creneau.backend.appointment.BookingWorld;
import fr.creneau.backend.support.Fixtures;
import fr.creneau.backend.support.PostgresAndKeysResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * From the staff's decision to the patient's phone and back: the absence notice goes out as a push naming the
 * practice, date, time, address, emergency number and substitute (no motive, no practitioner), and its link,
 * stored single-use by the dispatcher, lets the patient pick a slot without signing in.
 */
@QuarkusTest
@WithTestResource(value = PostgresAndKeysResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = GreenMailResource.class, scope = TestResourceScope.GLOBAL)
class AbsenceNoticeDispatchTest {
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
    void theNoticeReachesThePhoneAndItsLinkBooksTheChosenSlotOnce() throws Exception {
        NotificationWorld.retireOpenRows(fx);
        fcm.reset();
        BookingWorld w = new BookingWorld(fx);
        fx.update("UPDATE motive SET label_fr = 'Dépistage VIH' WHERE id = ?", w.motive15);
        fx.update("UPDATE practice SET substitute = 'Dr Claire Moreau, 01 43 00 00 99' WHERE id = ?", w.practiceId);
        // the practice's quiet hours cover this moment, whatever the hour the suite runs at: the push must wait
        fx.update("INSERT INTO notification_policy (practice_id, quiet_start, quiet_end) VALUES (?,"
                + " CAST((now() AT TIME ZONE 'Europe/Paris') - interval '1 hour' AS time),"
                + " CAST((now() AT TIME ZONE 'Europe/Paris') + interval '2 hours' AS time))", w.practiceId);
        Fixtures.Actor patient = w.knownPatient();
        String deviceToken = Fixtures.unique("tok");
        fx.update("INSERT INTO device_token (account_id, push_key) VALUES (?, ?)", patient.accountId(), "cn1-fcm-" + deviceToken);
        long appointment = given().header("Authorization", patient.bearer()).contentType(ContentType.JSON)
                .body(w.booking(patient.patientId(), w.at("09:00"))).post("/api/appointments").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        long absence = given().header("Authorization", w.secretary.bearer()).contentType(ContentType.JSON)
                .body(Map.of("start", w.at("08:00").toString(), "end", w.at("12:00").toString(), "confirmConflicts", true))
                .post("/api/practitioners/{id}/absences", w.practitionerId).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        List<Long> proposals = given().header("Authorization", w.secretary.bearer()).contentType(ContentType.JSON)
                .body(Map.of("all", "PROPOSE")).post("/api/absences/{id}/decisions", absence).then().statusCode(200)
                .extract().jsonPath().getList("[0].proposals.id", Long.class);
        long outboxId = fx.queryLong("SELECT id FROM notification_outbox WHERE appointment_id = ? AND kind = 'ABSENCE_PROPOSAL'"
                + " AND channel = 'PUSH'", appointment);
        assertThat(fx.queryLong("SELECT count(*) FROM notification_outbox WHERE id = ? AND due_at > now() + interval '1 hour'",
                outboxId)).as("deferred to the end of the quiet hours").isEqualTo(1);
        // other test classes' rows must not be claimed by this dispatcher; ours stay
        fx.update("UPDATE notification_outbox SET status = 'SKIPPED' WHERE status = 'PENDING' AND NOT (appointment_id = ?"
                + " AND kind LIKE 'ABSENCE_%')", appointment);

        // in the quiet hours the push waits for their end: the dispatcher runs once the row is due
        NotificationWorld.drainPushes(dataSource, fcm, NotificationWorld.dueAt(fx, outboxId).plusSeconds(60), "absence-w1");

        assertThat(fx.queryString("SELECT status FROM notification_outbox WHERE id = ?", outboxId)).isEqualTo("SENT");
        JsonNode message = fcm.bodies.get(Dispatcher.idempotencyKey(outboxId) + "|" + deviceToken).path("message");
        String body = message.path("notification").path("body").asText();
        String practiceName = fx.queryString("SELECT name FROM practice WHERE id = ?", w.practiceId);
        assertThat(body).contains(GsmText.toGsm(practiceName)).contains("09:00").contains("12 rue des Tilleuls")
                .contains("Urgence : 15").contains("Remplacant : Dr Claire Moreau, 01 43 00 00 99")
                .contains("https://creneau.fr/r/p/");
        String lower = message.toString().toLowerCase();
        assertThat(lower).doesNotContain("vih").doesNotContain("pistage").doesNotContain("dr test");
        assertThat(message.path("data").path("absenceDecisionId").asText()).isNotEmpty();

        String token = body.substring(body.indexOf("/r/p/") + 5, body.indexOf("/r/p/") + 5 + 32);
        assertThat(fx.queryString("SELECT purpose FROM notification_link WHERE token_hash = ?", LinkTokens.hash(token)))
                .isEqualTo("ABSENCE_PROPOSAL");
        given().get("/api/absence-links/{t}", token).then().statusCode(200).body("proposals.size()", equalTo(3));
        given().post("/api/absence-links/{t}/proposals/{id}/accept", token, proposals.get(0)).then().statusCode(200)
                .body("status", equalTo("ACCEPTED"));
        given().post("/api/absence-links/{t}/proposals/{id}/accept", token, proposals.get(1)).then().statusCode(404);
    }
}
