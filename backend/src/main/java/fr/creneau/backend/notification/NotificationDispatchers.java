package fr.creneau.backend.notification;

import com.google.firebase.messaging.FirebaseMessaging;
import io.agroal.api.AgroalDataSource;
import io.quarkus.mailer.Mailer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The dispatchers of this instance, built from configuration and run by the scheduler. Other instances run
 * theirs on the same table; the claims keep them apart (see {@link Dispatcher}).
 */
@ApplicationScoped
public class NotificationDispatchers {
    private static final Logger LOG = Logger.getLogger(NotificationDispatchers.class);

    @Inject
    NotificationConfig config;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Mailer mailer;

    @Inject
    Clock clock;

    private final List<Dispatcher> dispatchers = new ArrayList<>();
    private ExecutorService pool;
    private LinkTokens links;

    void start(@Observes StartupEvent ignored) {
        NotificationConfig.DispatcherConfig d = config.dispatcher();
        Dispatcher.Settings settings = new Dispatcher.Settings(d.batchSize(), d.sendChunk(), d.lease(), d.maxAttempts(),
                d.backoffBase(), d.backoffMax());
        List<NotificationChannel> channels = channels();
        String instance = ManagementFactory.getRuntimeMXBean().getName();
        for (int i = 0; i < d.workers(); i++) {
            dispatchers.add(new Dispatcher(dataSource, channels, new MessageRenderer(), links(), config.link().baseUrl(),
                    settings, clock, instance + "#" + i));
        }
        pool = Executors.newFixedThreadPool(Math.max(1, d.workers()), r -> {
            Thread t = new Thread(r, "notification-dispatcher");
            t.setDaemon(true);
            return t;
        });
    }

    void stop(@Observes ShutdownEvent ignored) {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    /** The link tokens of this instance: every instance must share the secret so a retry elsewhere signs the same link. */
    public synchronized LinkTokens links() {
        if (links == null) {
            byte[] secret;
            if (config.link().secret().isPresent()) {
                secret = Base64.getDecoder().decode(config.link().secret().get());
            } else {
                LOG.warn("creneau.notification.link.secret is not set: confirm/cancel links use a random secret for this run");
                secret = new byte[32];
                new SecureRandom().nextBytes(secret);
            }
            links = new LinkTokens(secret);
        }
        return links;
    }

    @Scheduled(every = "${creneau.notification.dispatcher.every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "notification-dispatch")
    void tick() {
        if (!config.dispatcher().enabled()) {
            return;
        }
        List<Future<Integer>> runs = new ArrayList<>();
        for (Dispatcher dispatcher : dispatchers) {
            runs.add(pool.submit(dispatcher::drain));
        }
        for (Future<Integer> run : runs) {
            try {
                run.get(10, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                // The rows stay leased and come back after the lease; the next tick goes on
                LOG.warn("A notification dispatcher failed", e);
            }
        }
    }

    private List<NotificationChannel> channels() {
        List<NotificationChannel> channels = new ArrayList<>();
        channels.add(new MailerEmailChannel(mailer, config.email().messageIdDomain()));
        config.sms().brevoApiKey().ifPresent(key -> channels.add(new BrevoSmsChannel(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(),
                config.sms().brevoBaseUrl(), key, config.sms().sender())));
        config.fcm().credentialsFile().ifPresent(file -> channels.add(new FcmPushChannel(firebase(Path.of(file)))));
        return channels;
    }

    private FirebaseMessaging firebase(Path credentialsFile) {
        NotificationConfig.Fcm fcm = config.fcm();
        try (InputStream in = Files.newInputStream(credentialsFile)) {
            return FcmClient.create(in, fcm.projectId().orElse(null), new FcmClient.Settings(fcm.concurrency(),
                    fcm.connectTimeout(), fcm.readTimeout(), fcm.endpoint().orElse(null)), "creneau-notifications");
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the Firebase service account " + credentialsFile, e);
        }
    }
}
