package fr.creneau.backend.notification;

import fr.creneau.backend.appointment.Appointment;
import fr.creneau.backend.support.Fixtures;
import fr.creneau.backend.support.MovableClock;
import fr.creneau.backend.support.PostgresAndKeysResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The outbox rows are written in the caller's reactive transaction: they commit and roll back with it. */
@QuarkusTest
@WithTestResource(value = PostgresAndKeysResource.class, scope = TestResourceScope.GLOBAL)
class NotificationOutboxTest {
    @Inject
    Fixtures fx;

    @Inject
    AppointmentNotifications notifications;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Clock clock;

    NotificationWorld world;

    @BeforeEach
    void setUp() {
        NotificationWorld.retireOpenRows(fx);
        world = new NotificationWorld(fx);
    }

    /** A slot at 10:00, Paris time, three weeks from the real now (the policy reads the application clock). */
    Instant inThreeWeeksAt(int hour) {
        ZoneId paris = ZoneId.of("Europe/Paris");
        return LocalDate.now(clock.withZone(paris)).plusDays(21).atTime(LocalTime.of(hour, 0)).atZone(paris).toInstant();
    }

    <T> T inTransaction(java.util.function.Supplier<Uni<T>> work) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(work));
    }

    @Test
    void bookingWritesItsPlanInTheSameTransaction() throws Throwable {
        long id = world.appointment(inThreeWeeksAt(10));
        inTransaction(() -> Appointment.<Appointment>findById(id).chain(a -> notifications.booked(a)));

        assertThat(rows(id)).containsExactlyInAnyOrder("BOOKED_CONFIRMATION/EMAIL", "BOOKED_CONFIRMATION/PUSH",
                "REMINDER_WEEK/EMAIL", "REMINDER_48H_CONFIRM/PUSH", "ESCALATION_SMS/SMS", "REMINDER_2H/PUSH");
        assertThat(fx.queryString("SELECT payload::text FROM notification_outbox WHERE appointment_id = ? LIMIT 1", id))
                .contains("\"id\": " + id + ",").doesNotContain("label").doesNotContain("Consultation");
    }

    @Test
    void aChangeThatRollsBackTakesItsNotificationsWithIt() {
        long id = world.appointment(inThreeWeeksAt(10));
        assertThatThrownBy(() -> inTransaction(() -> Appointment.<Appointment>findById(id)
                .chain(a -> notifications.booked(a))
                .chain(() -> Uni.createFrom().failure(new IllegalStateException("the booking failed after all")))))
                .hasMessageContaining("failed after all");
        assertThat(rows(id)).isEmpty();
    }

    @Test
    void twoAppointmentsOnOneDayShareOneReminderDueForTheFirst() throws Throwable {
        long afternoon = world.appointment(inThreeWeeksAt(15));
        long morning = world.appointment(inThreeWeeksAt(11));
        inTransaction(() -> Appointment.<Appointment>findById(afternoon).chain(a -> notifications.booked(a)));
        inTransaction(() -> Appointment.<Appointment>findById(morning).chain(a -> notifications.booked(a)));

        assertThat(fx.queryLong("SELECT count(*) FROM notification_outbox WHERE patient_id = ? AND kind = 'REMINDER_2H'",
                world.patientId)).isEqualTo(1);
        assertThat(fx.queryLong("SELECT count(*) FROM notification_outbox WHERE patient_id = ? AND kind = 'BOOKED_CONFIRMATION'",
                world.patientId)).isEqualTo(4);
        long reminder = fx.queryLong("SELECT id FROM notification_outbox WHERE patient_id = ? AND kind = 'REMINDER_2H'", world.patientId);
        assertThat(fx.queryString("SELECT to_char(due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM notification_outbox WHERE id = ?", reminder))
                .isEqualTo(inThreeWeeksAt(11).minus(Duration.ofHours(2)).toString());

        // Dispatched, it is one push that lists both times
        try (FakeProviders.FakeFcm fcm = new FakeProviders.FakeFcm()) {
            MovableClock at = new MovableClock(inThreeWeeksAt(9).plus(1, ChronoUnit.SECONDS));
            fx.update("UPDATE notification_outbox SET status = 'SKIPPED' WHERE patient_id = ? AND kind <> 'REMINDER_2H'", world.patientId);
            new Dispatcher(dataSource, List.of(new FcmPushChannel(fcm.messaging())), new MessageRenderer(),
                    new LinkTokens(new byte[32]), "https://x/r/", Dispatcher.Settings.DEFAULTS, at, "t").runOnce();
            assertThat(fcm.delivered).hasSize(1);
            String body = fcm.bodies.values().iterator().next().path("message").path("notification").path("body").asText();
            assertThat(body).contains("11:00").contains("15:00");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aPatientsOwnCancellationSendsAnEmailReceiptOnly() throws Throwable {
        long id = world.appointment(inThreeWeeksAt(10));
        fx.update("UPDATE appointment SET status = 'CANCELLED_BY_PATIENT', cancel_reason = 'x' WHERE id = ?", id);
        inTransaction(() -> Appointment.<Appointment>findById(id).chain(a -> notifications.statusChanged(a)));
        assertThat(rows(id)).containsExactly("CANCELLED/EMAIL");
    }

    private List<String> rows(long appointmentId) {
        List<String> out = new java.util.ArrayList<>();
        try (var c = dataSource.getConnection(); var ps = c.prepareStatement(
                "SELECT kind || '/' || channel FROM notification_outbox WHERE appointment_id = ?")) {
            ps.setLong(1, appointmentId);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
