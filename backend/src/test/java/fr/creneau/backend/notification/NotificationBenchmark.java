package fr.creneau.backend.notification;

import com.google.firebase.messaging.FirebaseMessaging;
import fr.creneau.backend.support.Fixtures;
import fr.creneau.backend.support.MovableClock;
import fr.creneau.backend.support.PostgresAndKeysResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 100,000 due reminders dispatched through the real Firebase Admin SDK to the local fake FCM, end to end (claim,
 * render, send, mark). Run by bench/notification/run.sh (-Dcreneau.bench=true); skipped in the normal build.
 */
@QuarkusTest
@WithTestResource(value = PostgresAndKeysResource.class, scope = TestResourceScope.GLOBAL)
@EnabledIfSystemProperty(named = "creneau.bench", matches = "true")
class NotificationBenchmark {
    static final Instant NOW = Instant.parse("2031-01-10T10:00:00Z");

    @Inject
    Fixtures fx;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void dispatch() throws Exception {
        int messages = Integer.getInteger("bench.messages", 100_000);
        int workers = Integer.getInteger("bench.workers", 4);
        int batch = Integer.getInteger("bench.batch", 500);
        int chunk = Integer.getInteger("bench.chunk", 500);
        NotificationWorld.retireOpenRows(fx);
        NotificationWorld world = new NotificationWorld(fx);
        long appointment = world.appointment(NOW.plus(Duration.ofDays(3)));
        StringBuilder report = new StringBuilder();

        try (FakeProviders.FakeFcm fcm = new FakeProviders.FakeFcm()) {
            fcm.keepBodies = false;
            int connections = Integer.getInteger("bench.connections", 0);
            FirebaseMessaging messaging = connections > 0 ? fcm.pooledMessaging(connections) : fcm.messaging();
            report.append("transport=").append(connections > 0 ? "apache-pooled(" + connections + ")" : "default(HttpURLConnection)")
                    .append(System.lineSeparator());
            FcmPushChannel channel = new FcmPushChannel(messaging);

            // 1. The SDK alone: sendEach chunks from several threads, no database
            int sdkMessages = Math.min(messages, 20_000);
            RenderedMessage m = new MessageRenderer().render(NotificationKind.REMINDER_2H, DeliveryChannel.PUSH,
                    List.of(new AppointmentView(1, fr.creneau.model.rules.AppointmentStatus.BOOKED, NOW, NOW.plusSeconds(900),
                            "Cabinet", "+33140000000", java.time.ZoneId.of("Europe/Paris"), "1 rue A, Paris", null)), null);
            long t0 = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(workers);
            List<Future<?>> runs = new ArrayList<>();
            int per = sdkMessages / workers;
            for (int w = 0; w < workers; w++) {
                int base = w * per;
                runs.add(pool.submit(() -> {
                    for (int from = 0; from < per; from += chunk) {
                        List<NotificationChannel.Outgoing> list = new ArrayList<>();
                        for (int i = from; i < Math.min(per, from + chunk); i++) {
                            list.add(new NotificationChannel.Outgoing(-(base + i) - 1, "sdk-" + (base + i),
                                    "cn1-fcm-" + world.deviceToken, m));
                        }
                        channel.send(list);
                    }
                    return null;
                }));
            }
            for (Future<?> r : runs) {
                r.get();
            }
            double sdkSeconds = (System.nanoTime() - t0) / 1e9;
            report.append(String.format("sdk_only messages=%d workers=%d chunk=%d seconds=%.2f rate=%.0f/s%n",
                    per * workers, workers, chunk, sdkSeconds, per * workers / sdkSeconds));
            fcm.reset();

            // 2. End to end: outbox rows due now, dispatchers claim, render, send through the SDK, mark
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO notification_outbox (appointment_id, patient_id, account_id, practice_id, channel, kind, due_at, payload)"
                            + " SELECT ?, ?, ?, ?, 'PUSH', 'REMINDER_2H', ?, CAST(? AS jsonb) FROM generate_series(1, ?)")) {
                ps.setLong(1, appointment);
                ps.setLong(2, world.patientId);
                ps.setLong(3, world.account.accountId());
                ps.setLong(4, world.practiceId);
                ps.setTimestamp(5, Timestamp.from(NOW));
                ps.setString(6, "{\"appointments\":[{\"id\":" + appointment + "}]}");
                ps.setInt(7, messages);
                ps.executeUpdate();
            }
            Dispatcher.Settings settings = new Dispatcher.Settings(batch, chunk, Duration.ofMinutes(10), 5,
                    Duration.ofSeconds(30), Duration.ofHours(1));
            MovableClock clock = new MovableClock(NOW);
            long t1 = System.nanoTime();
            runs.clear();
            for (int w = 0; w < workers; w++) {
                Dispatcher d = new Dispatcher(dataSource, List.of(channel), new MessageRenderer(), new LinkTokens(new byte[32]),
                        "https://creneau.fr/r/", settings, clock, "bench-" + w);
                runs.add(pool.submit(d::drain));
            }
            for (Future<?> r : runs) {
                r.get();
            }
            double seconds = (System.nanoTime() - t1) / 1e9;
            pool.shutdown();
            assertThat(fcm.delivered).hasSize(messages);
            report.append(String.format("end_to_end messages=%d workers=%d batch=%d chunk=%d seconds=%.2f rate=%.0f/s"
                            + " (FCM default quota 600000/min = 10000/s) provider_requests=%d%n",
                    messages, workers, batch, chunk, seconds, messages / seconds, fcm.total.get()));
        }
        System.out.print(report);
        Path out = Path.of(System.getProperty("bench.out", "target/notification-bench.txt"));
        Files.writeString(out, report.toString());
    }
}
