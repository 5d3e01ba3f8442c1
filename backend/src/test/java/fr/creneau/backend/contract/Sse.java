package fr.creneau.backend.contract;

import io.restassured.RestAssured;
import io.restassured.builder.ResponseBuilder;
import io.restassured.response.Response;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Opens a server-sent-events stream and keeps only its status and headers (and the body of a refusal, which
 * ends): rest-assured would wait for the end of a stream that never ends.
 */
final class Sse {
    private Sse() {
    }

    static Response open(Ctx c, String path) {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + path))
                .timeout(Duration.ofSeconds(10)).header("Accept", "text/event-stream").GET();
        String auth = c.authorization != null ? c.authorization : c.actor() == null ? null : c.actor().bearer();
        if (auth != null) {
            req.header("Authorization", auth);
        }
        try {
            HttpResponse<InputStream> r = HttpClient.newHttpClient().send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
            String type = r.headers().firstValue("Content-Type").orElse(null);
            String body = "";
            try (InputStream in = r.body()) {
                if (r.statusCode() >= 300) {
                    body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            ResponseBuilder b = new ResponseBuilder().setStatusCode(r.statusCode()).setBody(body);
            if (type != null) {
                b.setContentType(type);
            }
            return b.build();
        } catch (Exception e) {
            throw new IllegalStateException("GET " + path, e);
        }
    }
}
