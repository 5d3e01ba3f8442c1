package fr.creneau.backend.notification;

import fr.creneau.backend.support.Fixtures;
import fr.creneau.backend.support.PostgresAndKeysResource;
import fr.creneau.model.rules.Role;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** GET/PUT /api/me/notification-preferences and the confirm/cancel links. */
@QuarkusTest
@WithTestResource(value = PostgresAndKeysResource.class, scope = TestResourceScope.GLOBAL)
class NotificationApiTest {
    @Inject
    Fixtures fx;

    NotificationWorld world;

    @BeforeEach
    void setUp() {
        world = new NotificationWorld(fx);
    }

    // ---------------------------------------------------------------- preferences

    @Test
    void aPatientReadsTheDefaultsThenRecordsChoicesAndConsentDates() {
        String bearer = world.account.bearer();
        given().header("Authorization", bearer).get("/api/me/notification-preferences").then().statusCode(200)
                .body("push", equalTo(true)).body("sms", equalTo(true)).body("email", equalTo(true))
                .body("smsConsentAt", nullValue());

        String firstConsent = given().header("Authorization", bearer).contentType(ContentType.JSON)
                .body("{\"push\":false,\"sms\":true,\"email\":true}")
                .put("/api/me/notification-preferences").then().statusCode(200)
                .body("push", equalTo(false)).body("smsConsentAt", notNullValue()).body("emailConsentAt", notNullValue())
                .extract().path("smsConsentAt");

        // Saying yes again keeps the original date; withdrawing clears it
        given().header("Authorization", bearer).contentType(ContentType.JSON)
                .body("{\"push\":true,\"sms\":true,\"email\":false}")
                .put("/api/me/notification-preferences").then().statusCode(200)
                .body("smsConsentAt", equalTo(firstConsent)).body("emailConsentAt", nullValue()).body("email", equalTo(false));
        assertThat(fx.queryString("SELECT email_enabled::text FROM notification_preference WHERE patient_id = ?", world.patientId))
                .isEqualTo("false");
    }

    @Test
    void preferencesAreForPatientsOnly() {
        long practice = fx.practice("Cabinet", "Europe/Paris");
        long practitioner = fx.practitioner(practice, "Pédiatre");
        for (Fixtures.Actor staff : new Fixtures.Actor[]{fx.staff(Role.SECRETARY, practice, null),
                fx.staff(Role.PRACTICE_ADMIN, practice, null), fx.staff(Role.PRACTITIONER, practice, practitioner)}) {
            given().header("Authorization", staff.bearer())
                    .get("/api/me/notification-preferences").then().statusCode(403).contentType("application/problem+json");
            given().header("Authorization", staff.bearer()).contentType(ContentType.JSON)
                    .body("{\"push\":true,\"sms\":true,\"email\":true}")
                    .put("/api/me/notification-preferences").then().statusCode(403).contentType("application/problem+json");
        }
        given().get("/api/me/notification-preferences").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void badPreferencesAnswerAProblemNamingTheField() {
        given().header("Authorization", world.account.bearer()).contentType(ContentType.JSON)
                .body("{\"push\":true,\"sms\":\"yes\",\"email\":true}")
                .put("/api/me/notification-preferences").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("sms"));
        given().header("Authorization", world.account.bearer()).contentType(ContentType.JSON)
                .body("{\"push\":true}")
                .put("/api/me/notification-preferences").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItems("sms", "email"));
    }

    // ---------------------------------------------------------------- links

    String link(Instant expires, long... appointmentIds) {
        byte[] raw = new byte[24];
        new SecureRandom().nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        long outbox = world.outbox(appointmentIds[0], DeliveryChannel.SMS, NotificationKind.REMINDER_48H_CONFIRM, Instant.now());
        fx.update("UPDATE notification_outbox SET status = 'SENT' WHERE id = ?", outbox);
        Long[] ids = new Long[appointmentIds.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = appointmentIds[i];
        }
        fx.update("INSERT INTO notification_link (token_hash, outbox_id, patient_id, account_id, appointment_ids, expires_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)", LinkTokens.hash(token), outbox, world.patientId, world.account.accountId(),
                ids, Timestamp.from(expires));
        return token;
    }

    Instant inDays(int days) {
        return Instant.now().plus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
    }

    String status(long appointment) {
        return fx.queryString("SELECT status FROM appointment WHERE id = ?", appointment);
    }

    @Test
    void aLinkShowsPracticeDateAndTimeOnlyAndConfirmsOnce() {
        Instant start = inDays(3);
        long a = world.appointment(start);
        String token = link(start, a);

        given().get("/api/links/" + token).then().statusCode(200)
                .body("appointments", hasSize(1))
                .body("appointments[0].practiceName", notNullValue())
                .body("appointments[0].start", equalTo(start.toString()))
                .body("appointments[0].patientId", nullValue())
                .body("appointments[0].motive", nullValue());

        given().post("/api/links/" + token + "/confirm").then().statusCode(200).body("done", equalTo("CONFIRMED"));
        assertThat(status(a)).isEqualTo("CONFIRMED");

        // Single use: spent, it no longer exists for anyone
        given().post("/api/links/" + token + "/cancel").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/links/" + token).then().statusCode(404);
        assertThat(status(a)).isEqualTo("CONFIRMED");
    }

    @Test
    void cancellingFromALinkGoesThroughTheAppointmentRulesAndFreesTheSlot() {
        Instant start = inDays(4);
        long morning = world.appointment(start);
        long afternoon = world.appointment(start.plus(Duration.ofHours(5)));
        String token = link(start, morning, afternoon);

        given().post("/api/links/" + token + "/cancel").then().statusCode(200).body("done", equalTo("CANCELLED"))
                .body("appointments", hasSize(2));
        assertThat(status(morning)).isEqualTo("CANCELLED_BY_PATIENT");
        assertThat(status(afternoon)).isEqualTo("CANCELLED_BY_PATIENT");
        assertThat(fx.queryString("SELECT cancel_reason FROM appointment WHERE id = ?", morning)).isEqualTo(LinkService.CANCEL_REASON);
        // The slot is free again: another appointment can take it
        world.appointment(start);
    }

    @Test
    void pastTheCancellationCutoffTheLinkRefusesToCancelAndStaysUsable() {
        Instant start = Instant.now().plus(Duration.ofHours(5)).truncatedTo(ChronoUnit.MINUTES);
        long a = world.appointment(start);
        String token = link(start, a);
        given().post("/api/links/" + token + "/cancel").then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("cancel_cutoff_passed"));
        assertThat(status(a)).isEqualTo("BOOKED");
        given().post("/api/links/" + token + "/confirm").then().statusCode(200);
        assertThat(status(a)).isEqualTo("CONFIRMED");
    }

    @Test
    void guessedMalformedOrExpiredLinksRevealNothing() {
        long a = world.appointment(inDays(5));
        String expired = link(Instant.now().minusSeconds(1), a);
        for (String token : new String[]{"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "nope", expired, "../../etc"}) {
            given().get("/api/links/" + token).then().statusCode(404).contentType("application/problem+json")
                    .body("code", equalTo("not_found")).body("appointments", nullValue());
            given().post("/api/links/" + token + "/confirm").then().statusCode(404).contentType("application/problem+json");
        }
        assertThat(status(a)).isEqualTo("BOOKED");
    }
}
