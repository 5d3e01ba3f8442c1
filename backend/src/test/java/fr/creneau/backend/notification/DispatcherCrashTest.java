package fr.creneau.backend.notification;

import fr.creneau.backend.support.Fixtures;
import fr.creneau.backend.support.MovableClock;
import fr.creneau.backend.support.PostgresAndKeysResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of notifications, dispatchers killed at random moments (mid-claim, mid-send, between send and
 * mark), restarted, until the outbox is empty: every notification reaches the fakes, and each exactly once per
 * idempotency key.
 */
@QuarkusTest
@WithTestResource(value = PostgresAndKeysResource.class, scope = TestResourceScope.GLOBAL)
class DispatcherCrashTest {
    static final int MESSAGES = 3000;
    static final int WORKERS = 3;
    static final Instant NOW = Instant.parse("2030-03-01T10:00:00Z");

    @Inject
    Fixtures fx;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void killedAndRestartedDispatchersDeliverEveryNotificationExactlyOnce() throws Exception {
        NotificationWorld.retireOpenRows(fx);
        NotificationWorld world = new NotificationWorld(fx);
        long appointment = world.appointment(NOW.plus(Duration.ofDays(10)));
        List<Long> ids = insertRows(world, appointment);

        long seed = System.nanoTime();
        Random random = new Random(seed);
        System.out.printf("crash test seed %d%n", seed);
        MovableClock clock = new MovableClock(NOW);
        Dispatcher.Settings settings = new Dispatcher.Settings(40, 10, Duration.ofMinutes(5), 50,
                Duration.ofSeconds(1), Duration.ofSeconds(10));
        LinkTokens links = new LinkTokens(new byte[32]);
        AtomicInteger deaths = new AtomicInteger();

        try (FakeProviders.FakeFcm fcm = new FakeProviders.FakeFcm(); FakeProviders.FakeBrevo brevo = new FakeProviders.FakeBrevo()) {
            List<NotificationChannel> channels = List.of(new FcmPushChannel(fcm.messaging()), brevo.channel());
            int kills = 0;
            for (int generation = 0; generation < 40 && open(ids) > 0; generation++) {
                ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
                for (int w = 0; w < WORKERS; w++) {
                    Dispatcher d = new Dispatcher(dataSource, channels, new MessageRenderer(), links, "https://creneau.fr/r/",
                            settings, clock, "g" + generation + "w" + w);
                    pool.submit(() -> {
                        try {
                            d.drain();
                        } catch (Exception e) {
                            deaths.incrementAndGet(); // interrupted inside JDBC: a death like any other
                        }
                        return null;
                    });
                }
                boolean kill = generation < 8;
                if (kill) {
                    Thread.sleep(20 + random.nextInt(200));
                    pool.shutdownNow(); // every worker dies at its next step, marks nothing, keeps its leases
                    kills++;
                } else {
                    pool.shutdown();
                }
                assertThat(pool.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
                // The restart comes after the dead workers' leases have run out
                clock.advance(settings.lease().plusSeconds(1));
            }

            assertThat(open(ids)).isZero();
            assertThat(statusCounts(ids)).containsExactlyEntriesOf(Map.of("SENT", (long) MESSAGES));

            // Each notification reached its provider, and under its key exactly once
            assertThat(fcm.delivered).hasSize(MESSAGES / 2).allSatisfy((k, v) -> assertThat(v.get()).as(k).isEqualTo(1));
            assertThat(brevo.delivered).hasSize(MESSAGES / 2).allSatisfy((k, v) -> assertThat(v.get()).as(k).isEqualTo(1));
            for (long id : ids) {
                String key = Dispatcher.idempotencyKey(id);
                assertThat(fcm.delivered.containsKey(key + "|" + world.deviceToken) ^ brevo.delivered.containsKey(key))
                        .as("outbox %d delivered on one channel", id).isTrue();
            }
            int requests = fcm.total.get() + brevo.total.get();
            System.out.printf("crash test: %d kills, %d deaths inside JDBC, %d provider requests for %d notifications (%d repeats recognised by key)%n",
                    kills, deaths.get(), requests, MESSAGES, requests - MESSAGES);
            assertThat(kills).isPositive(); // the first generation is always killed; later ones while work remains
            // A repeat only ever concerns a row whose first worker died: it shows as a second attempt
            for (var e : brevo.requests.entrySet()) {
                if (e.getValue().get() > 1) {
                    long id = Long.parseLong(e.getKey().substring("creneau-".length()));
                    assertThat(fx.queryLong("SELECT attempts FROM notification_outbox WHERE id = ?", id)).isGreaterThan(1);
                }
            }
        }
    }

    private List<Long> insertRows(NotificationWorld world, long appointment) throws Exception {
        List<Long> ids = new ArrayList<>();
        String payload = "{\"appointments\":[{\"id\":" + appointment + "}]}";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO notification_outbox (appointment_id, patient_id, account_id, practice_id, channel, kind, due_at, payload)"
                        + " SELECT ?, ?, ?, ?, CASE WHEN g % 2 = 0 THEN 'PUSH' ELSE 'SMS' END, 'BOOKED_CONFIRMATION', ?,"
                        + " CAST(? AS jsonb) FROM generate_series(1, ?) g RETURNING id")) {
            ps.setLong(1, appointment);
            ps.setLong(2, world.patientId);
            ps.setLong(3, world.account.accountId());
            ps.setLong(4, world.practiceId);
            ps.setTimestamp(5, Timestamp.from(NOW));
            ps.setString(6, payload);
            ps.setInt(7, MESSAGES);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    private long open(List<Long> ids) {
        return fx.queryLong("SELECT count(*) FROM notification_outbox WHERE id = ANY(?) AND status IN ('PENDING', 'SENDING')",
                (Object) ids.toArray(new Long[0]));
    }

    private Map<String, Long> statusCounts(List<Long> ids) throws Exception {
        Map<String, Long> out = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT status, count(*) FROM notification_outbox WHERE id = ANY(?) GROUP BY status")) {
            ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return out;
    }
}
