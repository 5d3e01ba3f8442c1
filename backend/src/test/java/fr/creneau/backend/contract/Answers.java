package fr.creneau.backend.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;

import java.util.regex.Pattern;

/** The rules every answer keeps, whatever was asked: no 5xx, no stack trace, refusals as RFC 9457 problem+json. */
final class Answers {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A Java frame ("at fr.creneau.X.y(X.java:12)"), an exception class name, or a Hibernate/Vert.x internal. */
    private static final Pattern STACK = Pattern.compile(
            "\\bat [a-zA-Z_$][\\w$]*(\\.[\\w$<>]+)+\\((\\w+\\.java:\\d+|Native Method|Unknown Source)\\)"
                    + "|\\b(java|jakarta|org\\.hibernate|io\\.vertx|io\\.quarkus|com\\.fasterxml)\\.[\\w.]*(Exception|Error)\\b"
                    + "|\\bCaused by:");

    private Answers() {
    }

    /** Null when the answer keeps the rules, else what is wrong with it. */
    static String check(Response r) {
        int status = r.statusCode();
        String body = r.asString();
        if (status >= 500) {
            return "server error " + status + " " + excerpt(r);
        }
        if (body != null && STACK.matcher(body).find()) {
            return "stack trace or exception name in the body: " + excerpt(r);
        }
        if (status >= 400) {
            String type = r.contentType();
            if (type == null || !type.startsWith("application/problem+json")) {
                return status + " with Content-Type " + type + " instead of application/problem+json: " + excerpt(r);
            }
            try {
                JsonNode problem = JSON.readTree(body);
                if (problem == null || !problem.path("status").isInt() || problem.path("status").asInt() != status) {
                    return status + " whose problem+json status is " + (problem == null ? null : problem.path("status"))
                            + ": " + excerpt(r);
                }
            } catch (Exception e) {
                return status + " whose problem+json body is not JSON: " + excerpt(r);
            }
        }
        return null;
    }

    static String excerpt(Response r) {
        String body = r.asString();
        if (body == null) {
            return "(no body)";
        }
        body = body.replaceAll("\\s+", " ");
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }
}
