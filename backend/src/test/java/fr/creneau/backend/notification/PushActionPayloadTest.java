package fr.creneau.backend.notification;

import com.fasterxml.jackson.databind.JsonNode;
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

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #4, push actions: the reminder asking to confirm carries the appointment id and the confirm/cancel action
 * category (Android click_action, APNs category, data), and still nothing clinical; other appointment pushes carry
 * the id without a category. The text is in the patient's language.
 */
@QuarkusTest
@WithTestResource(value = PostgresAndKeysResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = GreenMailResource.class, scope = TestResourceScope.GLOBAL)
class PushActionPayloadTest {
    static FakeProviders.FakeFcm fcm;

    @Inject
    Fixtures fx;

    @Inject
    AgroalDataSource dataSource;

    NotificationWorld w;

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
        w = new NotificationWorld(fx);
        // A clinical label the practice did not opt in: it must stay off the lock screen
        fx.update("UPDATE motive SET label_fr = 'Dépistage IST', label_en = 'STI screening', show_in_reminders = FALSE WHERE id = ?",
                w.motiveId);
    }

    private JsonNode dispatch(long outboxId) throws Exception {
        NotificationWorld.drainPushes(dataSource, fcm, Instant.now().plusSeconds(60), "act-w1");
        assertThat(w.status(outboxId)).isEqualTo("SENT");
        String key = Dispatcher.idempotencyKey(outboxId) + "|" + w.deviceToken;
        assertThat(fcm.delivered.get(key)).hasValue(1);
        return fcm.bodies.get(key).path("message");
    }

    @Test
    void theConfirmReminderCarriesTheAppointmentIdAndTheActionCategoryButNothingClinical() throws Exception {
        long appointment = w.appointment(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plus(Duration.ofDays(2)));
        long row = w.outbox(appointment, DeliveryChannel.PUSH, NotificationKind.REMINDER_48H_CONFIRM, Instant.now());
        JsonNode message = dispatch(row);

        assertThat(message.path("data").path("appointmentId").asText()).isEqualTo(Long.toString(appointment));
        assertThat(message.path("data").path("category").asText()).isEqualTo(Dispatcher.CONFIRM_CANCEL_CATEGORY);
        assertThat(message.path("data").path("kind").asText()).isEqualTo("REMINDER_48H_CONFIRM");
        assertThat(message.path("android").path("notification").path("click_action").asText())
                .isEqualTo("creneau_confirm_cancel");
        assertThat(message.path("apns").path("payload").path("aps").path("category").asText())
                .isEqualTo("creneau_confirm_cancel");
        assertThat(message.path("notification").path("title").asText()).isEqualTo("Confirmez votre rendez-vous");
        String whole = message.toString().toLowerCase();
        assertThat(whole).doesNotContain("dépistage").doesNotContain("depistage").doesNotContain("ist")
                .doesNotContain("camille").doesNotContain("martin");
    }

    @Test
    void otherAppointmentPushesCarryTheIdWithoutCategoryAndEnglishPatientsReadEnglish() throws Exception {
        fx.update("INSERT INTO notification_preference (patient_id, language) VALUES (?, 'en')", w.patientId);
        long appointment = w.appointment(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plus(Duration.ofDays(3)));
        long row = w.outbox(appointment, DeliveryChannel.PUSH, NotificationKind.BOOKED_CONFIRMATION, Instant.now());
        JsonNode message = dispatch(row);

        assertThat(message.path("data").path("appointmentId").asText()).isEqualTo(Long.toString(appointment));
        assertThat(message.path("data").has("category")).isFalse();
        assertThat(message.path("android").path("notification").has("click_action")).isFalse();
        assertThat(message.path("apns").path("payload").path("aps").has("category")).isFalse();
        assertThat(message.path("notification").path("title").asText()).isEqualTo("Appointment confirmed");
        assertThat(message.path("notification").path("body").asText()).startsWith("Appointment confirmed: Maison de sant")
                .contains(" at ");
        assertThat(message.toString().toLowerCase()).doesNotContain("sti screening");
    }
}
