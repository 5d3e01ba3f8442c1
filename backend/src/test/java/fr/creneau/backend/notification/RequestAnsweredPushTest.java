package fr.creneau.backend.notification;

import com.fasterxml.jackson.databind.JsonNode;
import fr.creneau.backend.messaging.PracticeWorld;
import fr.creneau.backend.support.Fixtures;
import fr.creneau.backend.support.PostgresAndKeysResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static fr.creneau.backend.messaging.PracticeWorld.as;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue #5: a staff reply to a request pushes "your practice answered" to the patient's (holder's) account. */
@QuarkusTest
@WithTestResource(value = PostgresAndKeysResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = GreenMailResource.class, scope = TestResourceScope.GLOBAL)
class RequestAnsweredPushTest {
    static final String ROWS = "SELECT count(*) FROM notification_outbox WHERE kind = 'REQUEST_ANSWERED'"
            + " AND payload ->> 'requestId' = CAST(? AS text)";
    static FakeProviders.FakeFcm fcm;

    @Inject
    Fixtures fx;

    @Inject
    AgroalDataSource dataSource;

    PracticeWorld w;
    String deviceToken;

    @BeforeAll
    static void fakes() throws Exception {
        fcm = new FakeProviders.FakeFcm();
    }

    @AfterAll
    static void stopFakes() {
        fcm.close();
    }

    @BeforeEach
    void setUp() {
        NotificationWorld.retireOpenRows(fx);
        fcm.reset();
        w = new PracticeWorld(fx);
        deviceToken = Fixtures.unique("tok");
        fx.update("INSERT INTO device_token (account_id, push_key) VALUES (?, ?)", w.patient.accountId(),
                "cn1-fcm-" + deviceToken);
    }

    private static void reply(Fixtures.Actor who, long requestId, String body) {
        as(who).body(Map.of("body", body)).post("/api/requests/" + requestId + "/replies").then().statusCode(201);
    }

    @Test
    void aStaffReplyEnqueuesOnePushToTheHolderAndAPatientReplyNone() {
        long own = w.request(w.patient.patientId(), PracticeWorld.renewal());
        reply(w.patient, own, "Merci de faire vite");
        assertThat(fx.queryLong(ROWS, own)).isZero();

        reply(w.practitioner, own, "Ordonnance déposée à l'accueil.");
        assertThat(fx.queryLong(ROWS, own)).isEqualTo(1);
        assertThat(fx.queryLong(ROWS + " AND channel = 'PUSH' AND account_id = ? AND patient_id = ? AND practice_id = ?"
                + " AND appointment_id IS NULL AND status = 'PENDING'", own, w.patient.accountId(), w.patient.patientId(),
                w.practiceId)).isEqualTo(1);

        reply(w.patient, own, "Merci");
        assertThat(fx.queryLong(ROWS, own)).isEqualTo(1);

        // A child's request: the parent's account gets the push, the row names the child
        long baby = w.request(w.babyId, PracticeWorld.renewal());
        reply(w.practitioner, baby, "C'est noté.");
        assertThat(fx.queryLong(ROWS + " AND account_id = ? AND patient_id = ?", baby, w.patient.accountId(), w.babyId))
                .isEqualTo(1);
        assertThat(fx.queryLong("SELECT count(*) FROM notification_outbox WHERE kind = 'REQUEST_ANSWERED' AND account_id = ?",
                w.otherPatient.accountId())).isZero();
    }

    @Test
    void theDispatcherPushesThePracticeNameAndTheRequestIdButNoClinicalDetail() throws Exception {
        long id = w.request(w.patient.patientId(), PracticeWorld.renewal());
        reply(w.practitioner, id, "Votre ordonnance de Lévothyrox est prête.");
        long outboxId = fx.queryLong("SELECT id FROM notification_outbox WHERE kind = 'REQUEST_ANSWERED'"
                + " AND payload ->> 'requestId' = CAST(? AS text)", id);

        // quiet hours may defer the push to 08:00 (RequestAnsweredQuietHoursTest): the dispatcher runs once it is due
        NotificationWorld.drainPushes(dataSource, fcm, NotificationWorld.dueAt(fx, outboxId).plusSeconds(60), "req-w1");

        assertThat(fx.queryString("SELECT status FROM notification_outbox WHERE id = ?", outboxId)).isEqualTo("SENT");
        String key = Dispatcher.idempotencyKey(outboxId) + "|" + deviceToken;
        assertThat(fcm.delivered.get(key)).hasValue(1);
        JsonNode message = fcm.bodies.get(key).path("message");
        String practiceName = fx.queryString("SELECT name FROM practice WHERE id = ?", w.practiceId);
        assertThat(message.path("notification").path("body").asText())
                .contains(GsmText.toGsm(practiceName)).contains("a répondu à votre demande");
        assertThat(message.path("data").path("requestId").asText()).isEqualTo(Long.toString(id));
        String whole = message.toString().toLowerCase();
        assertThat(whole).doesNotContain("vothyrox").doesNotContain("50 µg").doesNotContain("ordonnance")
                .doesNotContain("renouvellement").doesNotContain("prescription").doesNotContain("camille");
    }
}
