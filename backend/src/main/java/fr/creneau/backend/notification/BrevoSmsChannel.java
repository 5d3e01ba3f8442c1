package fr.creneau.backend.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * SMS through Brevo's transactional SMS API ({@code POST /v3/transactionalSMS/sms}): a French provider, hosted in
 * the EU, that many French businesses and practices already use for email.
 *
 * <p>Brevo has no idempotency field. The outbox key goes in {@code tag} (with a fixed "creneau" tag), which Brevo
 * stores with the message and returns in its reports and webhooks: a duplicate sent after a crash can be found,
 * and the local fake dedupes on it. Numbers go out as E.164 digits without the "+", as Brevo's examples show.
 */
public final class BrevoSmsChannel implements NotificationChannel {
    public static final String PATH = "/v3/transactionalSMS/sms";

    private final HttpClient http;
    private final URI endpoint;
    private final String apiKey;
    private final String sender;
    private final int concurrency;
    private final ObjectMapper json = new ObjectMapper();

    public BrevoSmsChannel(HttpClient http, String baseUrl, String apiKey, String sender) {
        this(http, baseUrl, apiKey, sender, 8);
    }

    public BrevoSmsChannel(HttpClient http, String baseUrl, String apiKey, String sender, int concurrency) {
        this.concurrency = Math.max(1, concurrency);
        this.http = http;
        this.endpoint = URI.create(baseUrl.replaceAll("/+$", "") + PATH);
        this.apiKey = apiKey;
        this.sender = sender;
    }

    @Override
    public DeliveryChannel channel() {
        return DeliveryChannel.SMS;
    }

    @Override
    public List<SendResult> send(List<Outgoing> messages) {
        // Brevo takes one SMS per request: up to `concurrency` requests in flight, so that a slow provider
        // (seconds per call) does not make a chunk take chunk x seconds and overrun the dispatcher's lease
        SendResult[] results = new SendResult[messages.size()];
        for (int from = 0; from < messages.size(); from += concurrency) {
            List<CompletableFuture<SendResult>> wave = new ArrayList<>();
            int to = Math.min(messages.size(), from + concurrency);
            for (int i = from; i < to; i++) {
                wave.add(sendOne(messages.get(i)));
            }
            for (int i = from; i < to; i++) {
                try {
                    results[i] = wave.get(i - from).get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    results[i] = SendResult.retry("interrupted");
                } catch (ExecutionException e) {
                    results[i] = SendResult.retry(e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage());
                }
            }
        }
        return Arrays.asList(results);
    }

    private CompletableFuture<SendResult> sendOne(Outgoing o) {
        String e164 = SmsNumbers.mobileE164(o.target());
        if (e164 == null) {
            return CompletableFuture.completedFuture(SendResult.failed("not_a_mobile_number"));
        }
        String text = o.message().shortText();
        if (GsmText.segments(text) > MessageRenderer.MAX_SMS_SEGMENTS) {
            return CompletableFuture.completedFuture(SendResult.failed("too_long"));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "transactional");
        body.put("sender", sender);
        body.put("recipient", e164.substring(1));
        body.put("content", text);
        body.put("tag", List.of("creneau", o.idempotencyKey()));
        body.put("unicodeEnabled", !GsmText.isGsm(text));
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(endpoint)
                    .timeout(Duration.ofSeconds(15))
                    .header("api-key", apiKey)
                    .header("accept", "application/json")
                    .header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                    .build();
        } catch (IOException e) {
            return CompletableFuture.completedFuture(SendResult.failed("unencodable: " + e.getMessage()));
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                return SendResult.retry(cause.getClass().getSimpleName() + ": " + cause.getMessage());
            }
            int status = response.statusCode();
            if (status == 200 || status == 201) {
                return SendResult.sent(reference(response.body()));
            }
            String error = "HTTP " + status + ": " + abbreviate(response.body());
            // 400: the provider refuses this message (a bad number); everything else may pass later
            return status == 400 ? SendResult.failed(error) : SendResult.retry(error);
        });
    }

    private String reference(String body) {
        try {
            JsonNode n = json.readTree(body);
            if (n.hasNonNull("reference")) {
                return n.get("reference").asText();
            }
            return n.hasNonNull("messageId") ? n.get("messageId").asText() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) : s;
    }
}
