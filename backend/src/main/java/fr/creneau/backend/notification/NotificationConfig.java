package fr.creneau.backend.notification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Everything under {@code creneau.notification}. */
@ConfigMapping(prefix = "creneau.notification")
public interface NotificationConfig {
    DispatcherConfig dispatcher();

    Fcm fcm();

    Sms sms();

    Email email();

    Link link();

    interface DispatcherConfig {
        /** Off in tests, which drive dispatchers themselves. */
        @WithDefault("true")
        boolean enabled();

        /** How often the scheduler looks for due rows (a quarkus-scheduler "every" expression). */
        @WithDefault("5s")
        String every();

        /** Dispatchers run in parallel in this instance on each tick. */
        @WithDefault("2")
        int workers();

        @WithDefault("200")
        int batchSize();

        @WithDefault("100")
        int sendChunk();

        @WithDefault("PT5M")
        Duration lease();

        @WithDefault("8")
        int maxAttempts();

        @WithDefault("PT30S")
        Duration backoffBase();

        @WithDefault("PT2H")
        Duration backoffMax();
    }

    interface Fcm {
        /** The service-account JSON of the Firebase project; without it, push is not configured. */
        Optional<String> credentialsFile();

        /** Defaults to the project of the service account. */
        Optional<String> projectId();

        /**
         * Messages in flight at once (sendEach sends each message as its own HTTP request): the size of both the
         * SDK's executor and the kept-alive connection pool, so that every sender thread reuses a connection.
         */
        @WithDefault("32")
        int concurrency();

        /** A provider that does not answer must not pin the dispatcher's threads: connect and read time-outs. */
        @WithDefault("PT5S")
        Duration connectTimeout();

        @WithDefault("PT10S")
        Duration readTimeout();

        /**
         * Benchmarks and fault tests only: every FCM and OAuth request goes to this base URL (a local fake, e.g.
         * http://127.0.0.1:18191) instead of Google's hosts; the SDK code path is otherwise unchanged.
         */
        Optional<String> endpoint();
    }

    interface Sms {
        @WithDefault("https://api.brevo.com")
        String brevoBaseUrl();

        /** Brevo's API key; without it, SMS is not configured. */
        Optional<String> brevoApiKey();

        /** The alphanumeric sender shown on the phone (at most 11 letters and digits). */
        @WithDefault("Creneau")
        String sender();
    }

    interface Email {
        /** The right-hand side of Message-IDs derived from outbox ids. */
        @WithDefault("creneau.fr")
        String messageIdDomain();
    }

    interface Link {
        /** Where the confirm/cancel page lives; the token is appended. */
        @WithDefault("https://creneau.fr/r/")
        String baseUrl();

        /** The HMAC secret of link tokens, base64, at least 32 bytes. Without it a random one per start. */
        Optional<String> secret();
    }
}
