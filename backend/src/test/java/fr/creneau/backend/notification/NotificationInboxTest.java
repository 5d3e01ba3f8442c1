package fr.creneau.backend.notification;

import fr.creneau.backend.support.Fixtures;
import fr.creneau.backend.support.PostgresAndKeysResource;
import fr.creneau.model.rules.Role;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The patient's in-app inbox (issue #4): own and relatives' notifications, one item per event, read flag, actions. */
@QuarkusTest
@WithTestResource(value = PostgresAndKeysResource.class, scope = TestResourceScope.GLOBAL)
class NotificationInboxTest {
    @Inject
    Fixtures fx;

    NotificationWorld w;
    Instant now;

    @BeforeEach
    void setUp() {
        w = new NotificationWorld(fx);
        now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    /** Rows written by one transaction share created_at: they make one event. */
    long row(long patientId, Long appointmentId, DeliveryChannel channel, NotificationKind kind, Instant due, Instant createdAt,
             String status, String lastError, String payload) {
        return fx.queryLong("INSERT INTO notification_outbox (appointment_id, patient_id, account_id, practice_id, channel, kind,"
                        + " due_at, payload, status, last_error, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?)"
                        + " RETURNING id", appointmentId, patientId, w.account.accountId(), w.practiceId, channel.name(), kind.name(),
                Timestamp.from(due), payload, status, lastError, Timestamp.from(createdAt));
    }

    long appointmentRow(long appointmentId, DeliveryChannel channel, NotificationKind kind, Instant due, Instant createdAt,
                        String status, String lastError) {
        return row(w.patientId, appointmentId, channel, kind, due, createdAt, status, lastError,
                "{\"appointments\":[{\"id\":" + appointmentId + "}]}");
    }

    long appointment(long patientId, Instant start, String status) {
        return fx.appointment(w.practiceId, w.practitionerId, w.siteId, patientId, w.motiveId, start, 30, status,
                w.account.accountId());
    }

    JsonPath inbox(Fixtures.Actor who, String query) {
        return given().header("Authorization", who.bearer()).get("/api/me/notifications" + query)
                .then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
    }

    @Test
    void listsOneItemPerEventForThePatientAndRelativesNewestFirstAndNothingElse() {
        long relative = fx.relative(w.patientId, LocalDate.of(2019, 5, 1));
        long mine = appointment(w.patientId, now.plus(Duration.ofDays(5)), "BOOKED");
        long child = appointment(relative, now.plus(Duration.ofDays(6)), "BOOKED");
        Instant booked = now.minus(Duration.ofHours(3));
        // The booking's confirmation went by email and by push: one event
        long first = appointmentRow(mine, DeliveryChannel.EMAIL, NotificationKind.BOOKED_CONFIRMATION, booked, booked, "SENT", null);
        appointmentRow(mine, DeliveryChannel.PUSH, NotificationKind.BOOKED_CONFIRMATION, booked, booked, "DEAD", "channel_not_configured");
        // The child's, by SMS only, not yet sent (no dispatcher): listed all the same
        long childRow = row(relative, child, DeliveryChannel.SMS, NotificationKind.BOOKED_CONFIRMATION,
                now.minus(Duration.ofHours(1)), now.minus(Duration.ofHours(1)), "PENDING", null,
                "{\"appointments\":[{\"id\":" + child + "}]}");
        // Not due yet, dropped at send time, another family's: never listed
        appointmentRow(mine, DeliveryChannel.PUSH, NotificationKind.REMINDER_2H, now.plus(Duration.ofDays(4)), booked, "PENDING", null);
        appointmentRow(mine, DeliveryChannel.PUSH, NotificationKind.REMINDER_WEEK, now.minus(Duration.ofMinutes(5)), booked,
                "SKIPPED", "appointment_gone");
        NotificationWorld other = new NotificationWorld(fx);
        long foreignAppointment = fx.appointment(other.practiceId, other.practitionerId, other.siteId, other.patientId,
                other.motiveId, now.plus(Duration.ofDays(5)), 30, "BOOKED", other.account.accountId());
        long foreign = other.outbox(foreignAppointment, DeliveryChannel.PUSH, NotificationKind.BOOKED_CONFIRMATION,
                now.minus(Duration.ofMinutes(1)));

        JsonPath page = inbox(w.account, "");
        assertThat(page.getList("items.id", Long.class)).containsExactly(childRow, first);
        assertThat(page.getList("items.appointmentId", Long.class)).containsExactly(child, mine);
        assertThat(page.getList("items.kind", String.class)).containsOnly("BOOKED_CONFIRMATION");
        assertThat(page.getList("items.read", Boolean.class)).containsOnly(false);
        assertThat(page.getInt("unread")).isEqualTo(2);
        assertThat(page.getString("nextOffset")).isNull();
        assertThat(page.getString("items[1].title")).isEqualTo("Rendez-vous confirmé");
        assertThat(page.getString("items[1].body")).startsWith("RDV confirmé : Maison de santé").contains(" à ")
                .doesNotContain("Camille").doesNotContain("http");
        assertThat(page.getString("items[1].at")).isEqualTo(booked.toString());
        assertThat(page.getList("items.id", Long.class)).doesNotContain(foreign);

        // Pages: one item, then the next
        JsonPath one = inbox(w.account, "?limit=1");
        assertThat(one.getList("items.id", Long.class)).containsExactly(childRow);
        assertThat(one.getInt("nextOffset")).isEqualTo(1);
        assertThat(one.getInt("unread")).isEqualTo(2);
        assertThat(inbox(w.account, "?limit=1&offset=1").getList("items.id", Long.class)).containsExactly(first);

        // The other family sees its own only
        assertThat(inbox(other.account, "").getList("items.id", Long.class)).containsExactly(foreign);
    }

    @Test
    void aNotificationWaitingForARetryStaysListedAtItsFirstAttempt() {
        long mine = appointment(w.patientId, now.plus(Duration.ofDays(5)), "BOOKED");
        Instant booked = now.minus(Duration.ofMinutes(10));
        // The email failed once: the dispatcher moved due_at to the retry, in the future
        long id = appointmentRow(mine, DeliveryChannel.EMAIL, NotificationKind.BOOKED_CONFIRMATION, now.plus(Duration.ofMinutes(1)),
                booked, "PENDING", "smtp down");
        fx.update("UPDATE notification_outbox SET attempts = 1 WHERE id = ?", id);
        fx.update("INSERT INTO notification_attempt (outbox_id, attempt, channel, worker, outcome, error, at)"
                + " VALUES (?, 1, 'EMAIL', 'w1', 'FAILED', 'smtp down', ?)", id, Timestamp.from(booked.plusSeconds(2)));
        JsonPath page = inbox(w.account, "");
        assertThat(page.getList("items.id", Long.class)).containsExactly(id);
        assertThat(page.getString("items[0].at")).isEqualTo(booked.plusSeconds(2).toString());
        given().header("Authorization", w.account.bearer()).post("/api/me/notifications/" + id + "/read").then().statusCode(204);
    }

    @Test
    void aReminderNotSentForAnAppointmentNoLongerPendingIsNotListedButASentOneStays() {
        long cancelled = appointment(w.patientId, now.plus(Duration.ofDays(3)), "CANCELLED_BY_PATIENT");
        Instant at = now.minus(Duration.ofHours(2));
        appointmentRow(cancelled, DeliveryChannel.PUSH, NotificationKind.REMINDER_WEEK, at, at, "PENDING", null);
        long sent = appointmentRow(cancelled, DeliveryChannel.EMAIL, NotificationKind.BOOKED_CONFIRMATION, at.minusSeconds(60),
                at.minusSeconds(60), "SENT", null);
        long notice = appointmentRow(cancelled, DeliveryChannel.EMAIL, NotificationKind.CANCELLED, at.plusSeconds(60),
                at.plusSeconds(60), "PENDING", null);
        JsonPath page = inbox(w.account, "");
        assertThat(page.getList("items.id", Long.class)).containsExactly(notice, sent);
        assertThat(page.getList("items[0].actions", String.class)).isEmpty();
        assertThat(page.getList("items[1].actions", String.class)).isEmpty();
        assertThat(page.getString("items[0].title")).isEqualTo("Rendez-vous annulé");
    }

    @Test
    void actionsFollowTheStatusAndTheCancellationCutoff() {
        fx.practiceRules(w.practiceId, 24, 0, 90);
        Instant at = now.minus(Duration.ofMinutes(10));
        long booked = appointment(w.patientId, now.plus(Duration.ofDays(3)), "BOOKED");
        long confirmed = appointment(w.patientId, now.plus(Duration.ofDays(3)).plus(Duration.ofHours(1)), "CONFIRMED");
        long soon = appointment(w.patientId, now.plus(Duration.ofHours(5)), "BOOKED");
        long past = appointment(w.patientId, now.minus(Duration.ofHours(5)), "BOOKED");
        long bookedRow = appointmentRow(booked, DeliveryChannel.PUSH, NotificationKind.REMINDER_48H_CONFIRM, at, at, "SENT", null);
        long confirmedRow = appointmentRow(confirmed, DeliveryChannel.PUSH, NotificationKind.BOOKED_CONFIRMATION, at.minusSeconds(1),
                at.minusSeconds(1), "SENT", null);
        long soonRow = appointmentRow(soon, DeliveryChannel.PUSH, NotificationKind.REMINDER_48H_CONFIRM, at.minusSeconds(2),
                at.minusSeconds(2), "SENT", null);
        long pastRow = appointmentRow(past, DeliveryChannel.PUSH, NotificationKind.REMINDER_2H, at.minusSeconds(3),
                at.minusSeconds(3), "SENT", null);
        JsonPath page = inbox(w.account, "");
        assertThat(page.getList("items.id", Long.class)).containsExactly(bookedRow, confirmedRow, soonRow, pastRow);
        assertThat(page.getList("items[0].actions", String.class)).containsExactly("CONFIRM", "CANCEL");
        assertThat(page.getList("items[1].actions", String.class)).containsExactly("CANCEL");
        // Within the 24 h cutoff: confirming is still possible, cancelling online is not (the server would refuse it)
        assertThat(page.getList("items[2].actions", String.class)).containsExactly("CONFIRM");
        assertThat(page.getList("items[3].actions", String.class)).isEmpty();

        // The action the inbox offers is the one the appointment service accepts, and then it is gone
        given().header("Authorization", w.account.bearer()).contentType(ContentType.JSON)
                .body(Map.of("status", "CANCELLED_BY_PATIENT", "reason", "Empêchement"))
                .post("/api/appointments/" + soon + "/status").then().statusCode(422)
                .body("code", equalTo("cancel_cutoff_passed"));
        given().header("Authorization", w.account.bearer()).contentType(ContentType.JSON)
                .body(Map.of("status", "CONFIRMED")).post("/api/appointments/" + booked + "/status").then().statusCode(200);
        assertThat(inbox(w.account, "").getList("items[0].actions", String.class)).containsExactly("CANCEL");
    }

    @Test
    void readMarksTheEventAndForeignOrUnknownIdsAre404() {
        long mine = appointment(w.patientId, now.plus(Duration.ofDays(5)), "BOOKED");
        Instant at = now.minus(Duration.ofMinutes(30));
        long id = appointmentRow(mine, DeliveryChannel.EMAIL, NotificationKind.BOOKED_CONFIRMATION, at, at, "SENT", null);
        long later = appointmentRow(mine, DeliveryChannel.PUSH, NotificationKind.MOVED, at.plusSeconds(5), at.plusSeconds(5), "SENT", null);
        long notDue = appointmentRow(mine, DeliveryChannel.PUSH, NotificationKind.REMINDER_2H, now.plus(Duration.ofDays(4)), at,
                "PENDING", null);
        assertThat(inbox(w.account, "").getInt("unread")).isEqualTo(2);

        given().header("Authorization", w.account.bearer()).post("/api/me/notifications/" + id + "/read").then().statusCode(204);
        given().header("Authorization", w.account.bearer()).post("/api/me/notifications/" + id + "/read").then().statusCode(204);
        JsonPath page = inbox(w.account, "");
        assertThat(page.getList("items.id", Long.class)).containsExactly(later, id);
        assertThat(page.getList("items.read", Boolean.class)).containsExactly(false, true);
        assertThat(page.getInt("unread")).isEqualTo(1);

        NotificationWorld other = new NotificationWorld(fx);
        for (long foreign : List.of(id, notDue, Long.MAX_VALUE)) {
            Fixtures.Actor who = foreign == id ? other.account : w.account;
            given().header("Authorization", who.bearer()).post("/api/me/notifications/" + foreign + "/read")
                    .then().statusCode(404).contentType("application/problem+json");
        }
        assertThat(fx.queryLong("SELECT count(*) FROM notification_outbox WHERE id = ? AND read_at IS NULL", notDue)).isEqualTo(1);
    }

    @Test
    void onlyPatientsHaveAnInboxAndBadPagingIsAProblemNamingTheField() {
        Fixtures.Actor staff = fx.staff(Role.SECRETARY, w.practiceId, null);
        given().header("Authorization", staff.bearer()).get("/api/me/notifications").then().statusCode(403)
                .contentType("application/problem+json");
        given().header("Authorization", staff.bearer()).post("/api/me/notifications/1/read").then().statusCode(403)
                .contentType("application/problem+json");
        given().get("/api/me/notifications").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", w.account.bearer()).get("/api/me/notifications?limit=0").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("limit"));
        given().header("Authorization", w.account.bearer()).get("/api/me/notifications?limit=51").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        given().header("Authorization", w.account.bearer()).get("/api/me/notifications?offset=x").then().statusCode(400)
                .body("errors[0].field", equalTo("offset"));
    }

    @Test
    void anEnglishPatientReadsTheInboxInEnglish() {
        long mine = appointment(w.patientId, now.plus(Duration.ofDays(5)), "BOOKED");
        Instant at = now.minus(Duration.ofMinutes(30));
        appointmentRow(mine, DeliveryChannel.PUSH, NotificationKind.REMINDER_48H_CONFIRM, at, at, "SENT", null);
        given().header("Authorization", w.account.bearer()).contentType(ContentType.JSON)
                .body(Map.of("push", true, "sms", true, "email", true, "language", "en"))
                .put("/api/me/notification-preferences").then().statusCode(200).body("language", equalTo("en"));
        JsonPath page = inbox(w.account, "");
        assertThat(page.getString("items[0].title")).isEqualTo("Please confirm your appointment");
        assertThat(page.getString("items[0].body")).startsWith("Please confirm your appointment: Maison de santé")
                .contains(" at ").doesNotContain("http");
        // Absent language: unchanged
        given().header("Authorization", w.account.bearer()).contentType(ContentType.JSON)
                .body(Map.of("push", true, "sms", false, "email", true))
                .put("/api/me/notification-preferences").then().statusCode(200).body("language", equalTo("en"));
        given().header("Authorization", w.account.bearer()).contentType(ContentType.JSON)
                .body(Map.of("push", true, "sms", true, "email", true, "language", "de"))
                .put("/api/me/notification-preferences").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("language"));
        given().header("Authorization", w.account.bearer()).contentType(ContentType.JSON)
                .body(Map.of("push", true, "sms", true, "email", true, "language", "fr"))
                .put("/api/me/notification-preferences").then().statusCode(200);
        assertThat(inbox(w.account, "").getString("items[0].title")).isEqualTo("Confirmez votre rendez-vous");
    }
}
