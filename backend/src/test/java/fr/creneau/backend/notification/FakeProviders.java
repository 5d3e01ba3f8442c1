package fr.creneau.backend.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.firebase.FirebaseApp;
import com.google.firebase.FirebaseOptions;
import com.google.firebase.messaging.FirebaseMessaging;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Local stand-ins for FCM and Brevo: real HTTP servers on 127.0.0.1 that speak the providers' wire formats. They
 * count every request, and accept each idempotency key once: {@link Fake#delivered} is what a patient would see.
 */
final class FakeProviders {
    private FakeProviders() {
    }

    static class Fake implements AutoCloseable {
        final HttpServer server;
        final ExecutorService pool = Executors.newFixedThreadPool(16);
        /** Requests per key (duplicates included). */
        final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
        /** Deliveries per key: the first request of a key delivers, a repeat is recognised and dropped. */
        final Map<String, AtomicInteger> delivered = new ConcurrentHashMap<>();
        /** The last body seen per key. */
        final Map<String, JsonNode> bodies = new ConcurrentHashMap<>();
        /** Answer this many next requests with a 503. */
        final AtomicInteger failNext = new AtomicInteger();
        final AtomicInteger total = new AtomicInteger();
        final ObjectMapper json = new ObjectMapper();
        /** The benchmark turns this off: 100,000 bodies are not worth keeping. */
        volatile boolean keepBodies = true;

        Fake() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
            server.setExecutor(pool);
        }

        int port() {
            return server.getAddress().getPort();
        }

        /** Counts a request under its key; answers true when it is the key's first delivery. */
        boolean record(String key, JsonNode body) {
            total.incrementAndGet();
            requests.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            if (keepBodies) {
                bodies.put(key, body);
            }
            AtomicInteger d = delivered.computeIfAbsent(key, k -> new AtomicInteger());
            return d.compareAndSet(0, 1);
        }

        void reset() {
            requests.clear();
            delivered.clear();
            bodies.clear();
            total.set(0);
            failNext.set(0);
        }

        static void answer(HttpExchange ex, int status, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
            ex.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }

        @Override
        public void close() {
            server.stop(0);
            pool.shutdownNow();
        }
    }

    /** FCM HTTP v1: {@code POST /v1/projects/{project}/messages:send}. Keys are {@code idempotencyKey|token}. */
    static final class FakeFcm extends Fake {
        /** Tokens FCM no longer knows: answered 404 UNREGISTERED. */
        final Set<String> unregistered = ConcurrentHashMap.newKeySet();
        final AtomicInteger names = new AtomicInteger();

        FakeFcm() throws IOException {
            server.createContext("/v1/projects/", ex -> {
                try {
                    JsonNode body = json.readTree(ex.getRequestBody());
                    if (!ex.getRequestURI().getPath().endsWith("/messages:send")
                            || !"Bearer fake-access-token".equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                        answer(ex, 401, "{\"error\":{\"code\":401,\"status\":\"UNAUTHENTICATED\",\"message\":\"no\"}}");
                        return;
                    }
                    if (failNext.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
                        answer(ex, 503, "{\"error\":{\"code\":503,\"status\":\"UNAVAILABLE\",\"message\":\"try later\"}}");
                        return;
                    }
                    JsonNode message = body.path("message");
                    String token = message.path("token").asText();
                    if (unregistered.contains(token)) {
                        answer(ex, 404, "{\"error\":{\"code\":404,\"message\":\"Requested entity was not found.\","
                                + "\"status\":\"NOT_FOUND\",\"details\":[{\"@type\":"
                                + "\"type.googleapis.com/google.firebase.fcm.v1.FcmError\",\"errorCode\":\"UNREGISTERED\"}]}}");
                        return;
                    }
                    record(message.path("data").path("idempotencyKey").asText() + "|" + token, body);
                    answer(ex, 200, "{\"name\":\"projects/creneau-test/messages/" + names.incrementAndGet() + "\"}");
                } catch (RuntimeException e) {
                    answer(ex, 500, "{}");
                }
            });
            server.start();
        }

        /**
         * The real Admin SDK over the production transport (FcmClient's), with its connections routed to this
         * server: the requests still name fcm.googleapis.com.
         */
        FirebaseMessaging messaging() {
            return messaging(FcmClient.transport(new FcmClient.Settings(8, java.time.Duration.ofSeconds(5),
                    java.time.Duration.ofSeconds(10), "http://127.0.0.1:" + port())));
        }

        /**
         * The same through Apache HttpClient with a connection pool (FcmTransports, benchmark tooling), routed
         * to this server: the request still names fcm.googleapis.com, only the connection goes to 127.0.0.1.
         */
        FirebaseMessaging pooledMessaging(int connections) {
            org.apache.http.HttpHost local = new org.apache.http.HttpHost("127.0.0.1", port(), "http");
            return messaging(FcmTransports.pooled(connections, (target, request, context) ->
                    new org.apache.http.conn.routing.HttpRoute(local)));
        }

        private FirebaseMessaging messaging(com.google.api.client.http.HttpTransport transport) {
            FirebaseOptions options = FirebaseOptions.builder()
                    .setCredentials(GoogleCredentials.create(new AccessToken("fake-access-token",
                            new Date(System.currentTimeMillis() + 3_600_000))))
                    .setProjectId("creneau-test")
                    .setHttpTransport(transport)
                    .build();
            return FirebaseMessaging.getInstance(FirebaseApp.initializeApp(options, "test-" + UUID.randomUUID()));
        }
    }

    /** Brevo: {@code POST /v3/transactionalSMS/sms} with the api-key header. The key is the tag after "creneau". */
    static final class FakeBrevo extends Fake {
        static final String API_KEY = "xkeysib-test";

        FakeBrevo() throws IOException {
            server.createContext(BrevoSmsChannel.PATH, ex -> {
                try {
                    if (!API_KEY.equals(ex.getRequestHeaders().getFirst("api-key"))) {
                        answer(ex, 401, "{\"code\":\"unauthorized\",\"message\":\"Key not found\"}");
                        return;
                    }
                    if (failNext.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
                        answer(ex, 503, "{\"code\":\"internal_error\"}");
                        return;
                    }
                    JsonNode body = json.readTree(ex.getRequestBody());
                    if (!body.path("recipient").asText().matches("[1-9][0-9]{6,14}")) {
                        answer(ex, 400, "{\"code\":\"invalid_parameter\",\"message\":\"recipient\"}");
                        return;
                    }
                    record(body.path("tag").path(1).asText(), body);
                    answer(ex, 201, "{\"reference\":\"ref-" + UUID.randomUUID() + "\",\"messageId\":" + total.get() + "}");
                } catch (RuntimeException e) {
                    answer(ex, 500, "{}");
                }
            });
            server.start();
        }

        BrevoSmsChannel channel() {
            return new BrevoSmsChannel(java.net.http.HttpClient.newHttpClient(), "http://127.0.0.1:" + port(), API_KEY, "Creneau");
        }
    }
}
