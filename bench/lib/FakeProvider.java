import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;

import java.io.BufferedWriter;
import java.io.FileWriter;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * FCM HTTP v1, Google's OAuth token endpoint and Brevo's SMS API, faked in a process of its own (Vert.x, one event
 * loop), so that a benchmark or a fault test can kill and restart the backend while the fake keeps counting.
 *
 * <p>Every accepted message is recorded under its idempotency key (FCM {@code data.idempotencyKey}, Brevo's tag
 * after "creneau"), appended to the keys file as {@code channel key}, and counted: {@code GET /stats} answers
 * {@code requests=.. distinct=.. duplicates=..}. The body is searched for the key, not parsed: the fake must cost
 * far less than the sender it measures.
 *
 * <p>Usage: {@code java -cp "backend/target/quarkus-app/lib/main/*" bench/lib/FakeProvider.java PORT DELAY_MS KEYS_FILE}
 * (DELAY_MS: every answer comes that late, a slow provider; 0: at once).
 */
public class FakeProvider {
    static final String FCM_OK_PREFIX = "{\"name\":\"projects/creneau-bench/messages/";
    static final String TOKEN = "{\"access_token\":\"fake-access-token\",\"expires_in\":3600,\"token_type\":\"Bearer\"}";

    // One event loop: plain maps are safe
    static final Map<String, Integer> counts = new HashMap<>();
    static long requests;
    static long duplicates;
    static long tokenRequests;
    static BufferedWriter keys;

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        long delay = Long.parseLong(args[1]);
        keys = new BufferedWriter(new FileWriter(args[2], true), 1 << 16);
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
        vertx.setPeriodic(200, id -> flush());
        vertx.createHttpServer(new HttpServerOptions().setPort(port).setHost("127.0.0.1").setTcpNoDelay(true)
                        .setIdleTimeout(0))
                .requestHandler(req -> req.body().onSuccess(body -> {
                    if (delay > 0) {
                        vertx.setTimer(delay, id -> handle(req, body));
                    } else {
                        handle(req, body);
                    }
                }))
                .listen()
                .onSuccess(s -> System.out.println("fake provider listening on " + port + ", delay " + delay + " ms"))
                .onFailure(e -> {
                    e.printStackTrace();
                    System.exit(1);
                });
    }

    static void handle(HttpServerRequest req, Buffer body) {
        String path = req.path();
        if (path.endsWith("/messages:send")) {
            String text = body.toString();
            String key = field(text, "\"idempotencyKey\":\"");
            String token = field(text, "\"token\":\"");
            if (key == null || token == null) {
                req.response().setStatusCode(400).putHeader("content-type", "application/json")
                        .end("{\"error\":{\"code\":400,\"status\":\"INVALID_ARGUMENT\",\"message\":\"no key or token\"}}");
                return;
            }
            long n = record("fcm", key + "|" + token);
            req.response().putHeader("content-type", "application/json; charset=UTF-8").end(FCM_OK_PREFIX + n + "\"}");
        } else if (path.equals("/v3/transactionalSMS/sms")) {
            String text = body.toString();
            String key = field(text, "\"creneau\",\"");
            if (key == null) {
                req.response().setStatusCode(400).end("{\"code\":\"invalid_parameter\"}");
                return;
            }
            long n = record("sms", key);
            req.response().setStatusCode(201).putHeader("content-type", "application/json")
                    .end("{\"reference\":\"ref-" + n + "\",\"messageId\":" + n + "}");
        } else if (path.endsWith("/token")) {
            tokenRequests++;
            req.response().putHeader("content-type", "application/json").end(TOKEN);
        } else if (path.equals("/stats")) {
            flush();
            req.response().end("requests=" + requests + " distinct=" + counts.size() + " duplicates=" + duplicates
                    + " token_requests=" + tokenRequests + "\n");
        } else {
            req.response().setStatusCode(404).end();
        }
    }

    static long record(String channel, String key) {
        requests++;
        Integer before = counts.put(key, counts.getOrDefault(key, 0) + 1);
        if (before != null) {
            duplicates++;
        }
        try {
            keys.write(channel);
            keys.write(' ');
            keys.write(key);
            keys.write('\n');
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return requests;
    }

    static void flush() {
        try {
            keys.flush();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JSON string value after a marker, without parsing (our own ids and tokens hold no escapes). */
    static String field(String text, String marker) {
        int from = text.indexOf(marker);
        if (from < 0) {
            return null;
        }
        from += marker.length();
        int to = text.indexOf('"', from);
        return to < 0 ? null : text.substring(from, to);
    }
}
