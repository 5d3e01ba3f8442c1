package fr.creneau.backend.notification;

import fr.creneau.backend.support.Fixtures;
import fr.creneau.backend.support.MovableClock;
import fr.creneau.model.rules.Role;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/** A practice with one patient who has an account, a device, a mobile number and an email, straight in SQL. */
final class NotificationWorld {
    final Fixtures fx;
    final long practiceId;
    final long siteId;
    final long practitionerId;
    final long motiveId;
    final long patientId;
    final Fixtures.Actor account;
    final String deviceToken;

    NotificationWorld(Fixtures fx) {
        this.fx = fx;
        practiceId = fx.practice("Maison de santé", "Europe/Paris");
        siteId = fx.site(practiceId);
        practitionerId = fx.practitioner(practiceId, "Médecine générale");
        motiveId = fx.motive(practiceId, 30, true, false);
        patientId = fx.patient(Fixtures.unique("Martin"), "Camille", LocalDate.of(1980, 1, 2), "06 12 34 56 78", null);
        fx.knownTo(practiceId, patientId);
        account = fx.account(Role.PATIENT, null, null, patientId);
        deviceToken = Fixtures.unique("tok");
        device("cn1-fcm-" + deviceToken);
    }

    String email() {
        return fx.queryString("SELECT email FROM patient WHERE id = ?", patientId);
    }

    void device(String pushKey) {
        fx.update("INSERT INTO device_token (account_id, push_key) VALUES (?, ?)", account.accountId(), pushKey);
    }

    long appointment(Instant start) {
        return fx.queryLong("INSERT INTO appointment (practice_id, practitioner_id, site_id, patient_id, motive_id, starts_at,"
                        + " ends_at, status, channel, booked_by, booked_by_role) VALUES (?, ?, ?, ?, ?, ?, ?, 'BOOKED', 'ONLINE', ?, 'PATIENT')"
                        + " RETURNING id", practiceId, practitionerId, siteId, patientId, motiveId, Timestamp.from(start),
                Timestamp.from(start.plus(Duration.ofMinutes(30))), account.accountId());
    }

    long outbox(long appointmentId, DeliveryChannel channel, NotificationKind kind, Instant due) {
        Instant start = fx.queryString("SELECT to_char(starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
                + " FROM appointment WHERE id = ?", appointmentId) == null ? null
                : Instant.parse(fx.queryString("SELECT to_char(starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
                + " FROM appointment WHERE id = ?", appointmentId));
        return fx.queryLong("INSERT INTO notification_outbox (appointment_id, patient_id, account_id, practice_id, channel, kind,"
                        + " due_at, payload) VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb)) RETURNING id",
                appointmentId, patientId, account.accountId(), practiceId, channel.name(), kind.name(), Timestamp.from(due),
                "{\"appointments\":[{\"id\":" + appointmentId + ",\"startsAt\":\"" + start + "\"}]}");
    }

    String status(long outboxId) {
        return fx.queryString("SELECT status FROM notification_outbox WHERE id = ?", outboxId);
    }

    /** Rows other tests left due would be claimed by this test's dispatchers: retire them first. */
    static void retireOpenRows(Fixtures fx) {
        fx.update("UPDATE notification_outbox SET status = 'SKIPPED', last_error = 'retired by a test'"
                + " WHERE status IN ('PENDING', 'SENDING')");
    }

    /** When a row falls due (quiet hours may have deferred it). */
    static Instant dueAt(Fixtures fx, long outboxId) {
        return Instant.ofEpochSecond(fx.queryLong("SELECT CAST(EXTRACT(EPOCH FROM due_at) AS bigint) FROM notification_outbox"
                + " WHERE id = ?", outboxId));
    }

    /** Runs a push-only dispatcher, with the real Firebase SDK towards {@code fcm}, at {@code at} until nothing is due. */
    static void drainPushes(io.agroal.api.AgroalDataSource dataSource, FakeProviders.FakeFcm fcm, Instant at, String worker)
            throws Exception {
        new Dispatcher(dataSource, java.util.List.of(new FcmPushChannel(fcm.messaging())), new MessageRenderer(),
                new LinkTokens("0123456789abcdef0123456789abcdef".getBytes()), "https://creneau.fr/r/",
                Dispatcher.Settings.DEFAULTS, new MovableClock(at), worker).drain();
    }
}
