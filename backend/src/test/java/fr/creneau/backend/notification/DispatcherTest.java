package fr.creneau.backend.notification;

import com.fasterxml.jackson.databind.JsonNode;
import fr.creneau.backend.support.Fixtures;
import fr.creneau.backend.support.MovableClock;
import fr.creneau.backend.support.PostgresAndKeysResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.mailer.Mailer;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@WithTestResource(value = PostgresAndKeysResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = GreenMailResource.class, scope = TestResourceScope.GLOBAL)
class DispatcherTest {
    static final Instant NOW = Instant.parse("2030-01-10T10:00:00Z");
    static final Instant START = Instant.parse("2030-01-15T09:00:00Z");
    static FakeProviders.FakeFcm fcm;
    static FakeProviders.FakeBrevo brevo;
    static com.google.firebase.messaging.FirebaseMessaging messaging;

    @Inject
    Fixtures fx;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Mailer mailer;

    NotificationWorld world;
    MovableClock clock;
    final LinkTokens links = new LinkTokens("0123456789abcdef0123456789abcdef".getBytes());

    @BeforeAll
    static void fakes() throws Exception {
        fcm = new FakeProviders.FakeFcm();
        brevo = new FakeProviders.FakeBrevo();
        messaging = fcm.messaging();
    }

    @AfterAll
    static void stopFakes() {
        fcm.close();
        brevo.close();
    }

    @BeforeEach
    void setUp() throws Exception {
        NotificationWorld.retireOpenRows(fx);
        fcm.reset();
        brevo.reset();
        GreenMailResource.greenMail.purgeEmailFromAllMailboxes();
        world = new NotificationWorld(fx);
        clock = new MovableClock(NOW);
    }

    Dispatcher dispatcher(String worker, Dispatcher.Settings settings) {
        return new Dispatcher(dataSource, List.of(new FcmPushChannel(messaging), brevo.channel(),
                new MailerEmailChannel(mailer, "creneau.fr")), new MessageRenderer(), links, "https://creneau.fr/r/",
                settings, clock, worker);
    }

    Dispatcher dispatcher() {
        return dispatcher("w1", Dispatcher.Settings.DEFAULTS);
    }

    @Test
    void eachChannelSendsWithItsIdempotencyKeyAndTheRowIsMarkedSent() throws Exception {
        long appointment = world.appointment(START);
        long push = world.outbox(appointment, DeliveryChannel.PUSH, NotificationKind.REMINDER_2H, NOW);
        long sms = world.outbox(appointment, DeliveryChannel.SMS, NotificationKind.REMINDER_48H_CONFIRM, NOW);
        long email = world.outbox(appointment, DeliveryChannel.EMAIL, NotificationKind.REMINDER_WEEK, NOW);

        assertThat(dispatcher().runOnce()).isEqualTo(3);

        assertThat(List.of(world.status(push), world.status(sms), world.status(email))).containsOnly("SENT");
        String pushKey = Dispatcher.idempotencyKey(push) + "|" + world.deviceToken;
        assertThat(fcm.delivered.get(pushKey)).hasValue(1);
        JsonNode pushBody = fcm.bodies.get(pushKey).path("message");
        assertThat(pushBody.path("android").path("collapse_key").asText()).isEqualTo(Dispatcher.idempotencyKey(push));
        assertThat(pushBody.path("notification").path("body").asText()).contains("10:00").contains("12 rue des Tilleuls");

        JsonNode smsBody = brevo.bodies.get(Dispatcher.idempotencyKey(sms));
        assertThat(smsBody.path("recipient").asText()).isEqualTo("33612345678");
        assertThat(smsBody.path("sender").asText()).isEqualTo("Creneau");
        assertThat(smsBody.path("content").asText()).contains("https://creneau.fr/r/" + links.token(sms));
        assertThat(fx.queryLong("SELECT count(*) FROM notification_link WHERE outbox_id = ? AND token_hash = ?",
                sms, LinkTokens.hash(links.token(sms)))).isEqualTo(1);

        MimeMessage[] mails = GreenMailResource.greenMail.getReceivedMessagesForDomain(world.email().split("@")[1]);
        List<MimeMessage> mine = new ArrayList<>();
        for (MimeMessage m : mails) {
            if (m.getAllRecipients()[0].toString().equals(world.email())) {
                mine.add(m);
            }
        }
        assertThat(mine).hasSize(1);
        MimeMessage mail = mine.get(0);
        assertThat(mail.getMessageID()).isEqualTo("<" + Dispatcher.idempotencyKey(email) + "@creneau.fr>");
        List<String> types = new ArrayList<>();
        collectTypes(mail.getContent(), types);
        assertThat(String.join(",", types)).contains("text/plain").contains("text/html").contains("text/calendar");
        assertThat(calendar(mail.getContent())).contains("BEGIN:VCALENDAR").contains("UID:appointment-" + appointment + "@creneau.fr");

        assertThat(fx.queryLong("SELECT count(*) FROM notification_attempt WHERE outbox_id IN (?, ?, ?) AND outcome = 'SENT'",
                push, sms, email)).isEqualTo(3);
    }

    private static String calendar(Object content) throws Exception {
        if (content instanceof MimeMultipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart part = mp.getBodyPart(i);
                if (part.getContentType().toLowerCase().startsWith("text/calendar")) {
                    return new String(part.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                }
                String inner = calendar(part.getContent());
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    private static void collectTypes(Object content, List<String> types) throws Exception {
        if (content instanceof MimeMultipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart part = mp.getBodyPart(i);
                types.add(part.getContentType().toLowerCase());
                collectTypes(part.getContent(), types);
            }
        }
    }

    @Test
    void rowsNotYetDueStayPending() throws Exception {
        long appointment = world.appointment(START);
        long later = world.outbox(appointment, DeliveryChannel.PUSH, NotificationKind.REMINDER_2H, NOW.plusSeconds(60));
        assertThat(dispatcher().runOnce()).isZero();
        assertThat(world.status(later)).isEqualTo("PENDING");
        clock.advance(Duration.ofSeconds(60));
        assertThat(dispatcher().runOnce()).isEqualTo(1);
        assertThat(world.status(later)).isEqualTo("SENT");
    }

    @Test
    void failuresRetryWithExponentialBackoffThenGoToTheDeadLetter() throws Exception {
        Dispatcher.Settings settings = new Dispatcher.Settings(50, 10, Duration.ofMinutes(5), 3,
                Duration.ofSeconds(30), Duration.ofHours(1));
        long row = world.outbox(world.appointment(START), DeliveryChannel.SMS, NotificationKind.REMINDER_2H, NOW);
        brevo.failNext.set(1000);

        Dispatcher d = dispatcher("w1", settings);
        assertThat(d.runOnce()).isEqualTo(1);
        assertThat(world.status(row)).isEqualTo("PENDING");
        assertThat(dueAt(row)).isEqualTo(NOW.plusSeconds(30));
        assertThat(fx.queryString("SELECT last_error FROM notification_outbox WHERE id = ?", row)).contains("503");

        clock.advance(Duration.ofSeconds(29));
        assertThat(d.runOnce()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(d.runOnce()).isEqualTo(1);
        assertThat(dueAt(row)).isEqualTo(NOW.plusSeconds(30 + 60));

        clock.advance(Duration.ofSeconds(60));
        assertThat(d.runOnce()).isEqualTo(1);
        assertThat(world.status(row)).isEqualTo("DEAD");
        assertThat(fx.queryLong("SELECT attempts FROM notification_outbox WHERE id = ?", row)).isEqualTo(3);
        assertThat(fx.queryLong("SELECT count(*) FROM notification_attempt WHERE outbox_id = ? AND outcome = 'FAILED'", row))
                .isEqualTo(3);
        clock.advance(Duration.ofDays(1));
        assertThat(d.runOnce()).isZero();
        assertThat(brevo.delivered).isEmpty();
    }

    @Test
    void backoffDoublesUpToItsCap() {
        Dispatcher.Settings s = new Dispatcher.Settings(1, 1, Duration.ofMinutes(1), 20, Duration.ofSeconds(30), Duration.ofMinutes(10));
        assertThat(Dispatcher.backoff(s, 1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(Dispatcher.backoff(s, 2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(Dispatcher.backoff(s, 3)).isEqualTo(Duration.ofSeconds(120));
        assertThat(Dispatcher.backoff(s, 6)).isEqualTo(Duration.ofMinutes(10));
        assertThat(Dispatcher.backoff(s, 19)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void aRowLeasedByADeadWorkerIsClaimedAgainOnlyOnceTheLeaseExpires() throws Exception {
        long row = world.outbox(world.appointment(START), DeliveryChannel.PUSH, NotificationKind.REMINDER_2H, NOW);
        // What a worker killed after its claim leaves behind
        fx.update("UPDATE notification_outbox SET status = 'SENDING', attempts = 1, locked_by = 'dead',"
                + " lease_until = ? WHERE id = ?", java.sql.Timestamp.from(NOW.plus(Duration.ofMinutes(5))), row);

        assertThat(dispatcher().runOnce()).isZero();
        clock.advance(Duration.ofMinutes(5));
        assertThat(dispatcher().runOnce()).isEqualTo(1);
        assertThat(world.status(row)).isEqualTo("SENT");
        assertThat(fx.queryLong("SELECT attempts FROM notification_outbox WHERE id = ?", row)).isEqualTo(2);
        // The dead worker coming back cannot overwrite the outcome: its mark names a lock it no longer holds
        assertThat(fx.update("UPDATE notification_outbox SET status = 'PENDING' WHERE id = ? AND locked_by = 'dead'"
                + " AND status = 'SENDING'", row)).isZero();
    }

    @Test
    void aSlowProviderMakesTheWorkerLeaveTheRestOfItsBatchToTheLeaseInsteadOfSendingItLate() throws Exception {
        long appointment = world.appointment(START);
        List<Long> rows = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            rows.add(world.outbox(appointment, DeliveryChannel.SMS, NotificationKind.BOOKED_CONFIRMATION, NOW));
        }
        // Each call to the provider takes 2 minutes of the 5-minute lease; chunks of 2 rows
        NotificationChannel slowSms = new NotificationChannel() {
            @Override
            public DeliveryChannel channel() {
                return DeliveryChannel.SMS;
            }

            @Override
            public List<SendResult> send(List<Outgoing> messages) {
                clock.advance(Duration.ofMinutes(2));
                return brevo.channel().send(messages);
            }
        };
        Dispatcher.Settings settings = new Dispatcher.Settings(6, 2, Duration.ofMinutes(5), 5, Duration.ofSeconds(30), Duration.ofHours(1));
        Dispatcher slow = new Dispatcher(dataSource, List.of(slowSms), new MessageRenderer(), links, "https://creneau.fr/r/",
                settings, clock, "slow");

        assertThat(slow.runOnce()).isEqualTo(6);

        // Chunk 1 went out at once and chunk 2 once 2 minutes had gone; past half the lease (2.5 min), chunk 3 was
        // left. The two sent chunks are marked each on its own, the third waits for the lease.
        Long[] ids = rows.toArray(new Long[0]);
        assertThat(fx.queryLong("SELECT count(*) FROM notification_outbox WHERE id = ANY(?) AND status = 'SENT'", (Object) ids)).isEqualTo(4);
        assertThat(fx.queryLong("SELECT count(*) FROM notification_outbox WHERE id = ANY(?) AND status = 'SENDING'", (Object) ids)).isEqualTo(2);
        assertThat(brevo.requests).hasSize(4);
        assertThat(fx.queryLong("SELECT count(DISTINCT at) FROM notification_attempt WHERE outbox_id = ANY(?)", (Object) ids)).isEqualTo(2);

        assertThat(dispatcher().runOnce()).isZero(); // the lease still runs (claimed at NOW, now NOW + 4 min)
        clock.advance(Duration.ofMinutes(1));
        assertThat(dispatcher().runOnce()).isEqualTo(2);
        assertThat(fx.queryLong("SELECT count(*) FROM notification_outbox WHERE id = ANY(?) AND status = 'SENT'", (Object) ids)).isEqualTo(6);
        assertThat(brevo.requests).hasSize(6).allSatisfy((k, v) -> assertThat(v.get()).as(k).isEqualTo(1));
    }

    @Test
    void twoDispatchersAtOnceSendEveryMessageExactlyOnce() throws Exception {
        long appointment = world.appointment(START);
        List<Long> rows = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            rows.add(world.outbox(appointment, i % 2 == 0 ? DeliveryChannel.PUSH : DeliveryChannel.SMS,
                    NotificationKind.BOOKED_CONFIRMATION, NOW));
        }
        Dispatcher.Settings settings = new Dispatcher.Settings(15, 5, Duration.ofMinutes(5), 5, Duration.ofSeconds(30), Duration.ofHours(1));
        Dispatcher a = dispatcher("a", settings);
        Dispatcher b = dispatcher("b", settings);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> runs = new ArrayList<>();
        for (Dispatcher d : List.of(a, b)) {
            runs.add(pool.submit((Callable<Integer>) () -> {
                go.await();
                return d.drain();
            }));
        }
        go.countDown();
        int handled = 0;
        for (Future<Integer> r : runs) {
            handled += r.get();
        }
        pool.shutdown();

        assertThat(handled).isEqualTo(300);
        assertThat(fx.queryLong("SELECT count(*) FROM notification_outbox WHERE id = ANY(?) AND status = 'SENT'",
                (Object) rows.toArray(new Long[0]))).isEqualTo(300);
        assertThat(fcm.requests).hasSize(150).allSatisfy((k, v) -> assertThat(v.get()).as(k).isEqualTo(1));
        assertThat(brevo.requests).hasSize(150).allSatisfy((k, v) -> assertThat(v.get()).as(k).isEqualTo(1));
        assertThat(fx.queryLong("SELECT count(DISTINCT worker) FROM notification_attempt WHERE outbox_id = ANY(?)",
                (Object) rows.toArray(new Long[0]))).isEqualTo(2);
    }

    @Test
    void aTokenThatFcmReportsUnregisteredIsDeleted() throws Exception {
        String dead = Fixtures.unique("dead");
        world.device("cn1-fcm-" + dead);
        fcm.unregistered.add(dead);
        long row = world.outbox(world.appointment(START), DeliveryChannel.PUSH, NotificationKind.REMINDER_2H, NOW);

        dispatcher().runOnce();

        assertThat(world.status(row)).isEqualTo("SENT");
        assertThat(fx.queryLong("SELECT count(*) FROM device_token WHERE push_key = ?", "cn1-fcm-" + dead)).isZero();
        assertThat(fx.queryLong("SELECT count(*) FROM device_token WHERE push_key = ?", "cn1-fcm-" + world.deviceToken)).isEqualTo(1);
        assertThat(fx.queryLong("SELECT count(*) FROM notification_attempt WHERE outbox_id = ? AND outcome = 'TOKEN_REMOVED'", row))
                .isEqualTo(1);

        // With its only device gone, the next push has nowhere to go
        fcm.unregistered.add(world.deviceToken);
        long next = world.outbox(world.appointment(START.plus(Duration.ofDays(1))), DeliveryChannel.PUSH,
                NotificationKind.REMINDER_2H, NOW);
        dispatcher().runOnce();
        assertThat(world.status(next)).isEqualTo("SKIPPED");
        assertThat(fx.queryLong("SELECT count(*) FROM device_token WHERE account_id = ?", world.account.accountId())).isZero();
    }

    @Test
    void iosKeysAreSkippedWithTheirReasonAndFcmKeysLoseTheirPrefix() throws Exception {
        world.device("cn1-ios-" + Fixtures.unique("apns"));
        long row = world.outbox(world.appointment(START), DeliveryChannel.PUSH, NotificationKind.REMINDER_2H, NOW);
        dispatcher().runOnce();
        assertThat(world.status(row)).isEqualTo("SENT");
        assertThat(fx.queryString("SELECT error FROM notification_attempt WHERE outbox_id = ? AND outcome = 'SKIPPED'", row))
                .isEqualTo("apns_token_not_addressable_by_fcm");
        assertThat(fcm.delivered).containsOnlyKeys(Dispatcher.idempotencyKey(row) + "|" + world.deviceToken);
    }

    @Test
    void remindersOfCancelledMovedOrConfirmedAppointmentsAreDropped() throws Exception {
        long cancelled = world.appointment(START);
        long moved = world.appointment(START.plus(Duration.ofDays(1)));
        long confirmed = world.appointment(START.plus(Duration.ofDays(2)));
        long r1 = world.outbox(cancelled, DeliveryChannel.PUSH, NotificationKind.REMINDER_2H, NOW);
        long r2 = world.outbox(moved, DeliveryChannel.PUSH, NotificationKind.REMINDER_2H, NOW);
        long r3 = world.outbox(confirmed, DeliveryChannel.SMS, NotificationKind.ESCALATION_SMS, NOW);
        long r4 = world.outbox(confirmed, DeliveryChannel.PUSH, NotificationKind.REMINDER_2H, NOW);
        fx.update("UPDATE appointment SET status = 'CANCELLED_BY_PATIENT', cancel_reason = 'x' WHERE id = ?", cancelled);
        fx.update("UPDATE appointment SET starts_at = starts_at + interval '1 hour', ends_at = ends_at + interval '1 hour' WHERE id = ?", moved);
        fx.update("UPDATE appointment SET status = 'CONFIRMED' WHERE id = ?", confirmed);

        dispatcher().runOnce();

        assertThat(List.of(world.status(r1), world.status(r2), world.status(r3))).containsOnly("SKIPPED");
        assertThat(world.status(r4)).isEqualTo("SENT");
        assertThat(brevo.delivered).isEmpty();
        assertThat(fcm.delivered).hasSize(1);
    }

    @Test
    void aClinicalMotiveNeverReachesSmsPushOrEmailUnlessThePracticeOptsItIn() throws Exception {
        fx.update("UPDATE motive SET label_fr = 'Dépistage VIH' WHERE id = ?", world.motiveId);
        long appointment = world.appointment(START);
        long push = world.outbox(appointment, DeliveryChannel.PUSH, NotificationKind.REMINDER_2H, NOW);
        long sms = world.outbox(appointment, DeliveryChannel.SMS, NotificationKind.REMINDER_48H_CONFIRM, NOW);
        long email = world.outbox(appointment, DeliveryChannel.EMAIL, NotificationKind.REMINDER_WEEK, NOW);
        dispatcher().runOnce();
        assertThat(fcm.bodies.get(Dispatcher.idempotencyKey(push) + "|" + world.deviceToken).toString())
                .doesNotContain("VIH").doesNotContain("Camille").doesNotContain("Médecine");
        assertThat(brevo.bodies.get(Dispatcher.idempotencyKey(sms)).toString()).doesNotContain("VIH").doesNotContain("Camille");
        assertThat(mailTo(world.email())).doesNotContain("VIH").doesNotContain("Camille");
        assertThat(world.status(email)).isEqualTo("SENT");

        // Opted in by the practice for this motive, the label may appear
        fx.update("UPDATE motive SET label_fr = 'Vaccination grippe', show_in_reminders = TRUE WHERE id = ?", world.motiveId);
        long again = world.outbox(appointment, DeliveryChannel.PUSH, NotificationKind.REMINDER_2H, NOW);
        dispatcher().runOnce();
        assertThat(fcm.bodies.get(Dispatcher.idempotencyKey(again) + "|" + world.deviceToken).toString()).contains("Vaccination grippe");
    }

    private String mailTo(String address) throws Exception {
        StringBuilder all = new StringBuilder();
        for (MimeMessage m : GreenMailResource.greenMail.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().equals(address)) {
                all.append(m.getSubject());
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                m.writeTo(out);
                all.append(out.toString(java.nio.charset.StandardCharsets.UTF_8));
                all.append(calendar(m.getContent()));
                all.append(textParts(m.getContent()));
            }
        }
        return all.toString();
    }

    private static String textParts(Object content) throws Exception {
        StringBuilder b = new StringBuilder();
        if (content instanceof MimeMultipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                Object inner = mp.getBodyPart(i).getContent();
                b.append(inner instanceof String str ? str : textParts(inner));
            }
        }
        return b.toString();
    }

    @Test
    void aPatientWhoTurnedSmsOffGetsNoSms() throws Exception {
        fx.update("INSERT INTO notification_preference (patient_id, sms_enabled) VALUES (?, FALSE)", world.patientId);
        long row = world.outbox(world.appointment(START), DeliveryChannel.SMS, NotificationKind.REMINDER_2H, NOW);
        dispatcher().runOnce();
        assertThat(world.status(row)).isEqualTo("SKIPPED");
        assertThat(brevo.total).hasValue(0);
    }

    private Instant dueAt(long row) {
        return Instant.parse(fx.queryString("SELECT to_char(due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
                + " FROM notification_outbox WHERE id = ?", row));
    }
}
