package fr.creneau.backend.platform;

import fr.creneau.model.api.ProblemDetail;
import fr.creneau.model.json.JsonMappable;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;

/** Builds problem+json responses. */
public final class Problems {
    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    public static String title(int status) {
        Response.Status s = Response.Status.fromStatusCode(status);
        if (status == 422) {
            return "Unprocessable Content";
        }
        return s == null ? "Error" : s.getReasonPhrase();
    }

    public static Response response(ProblemException e) {
        ProblemDetail p = e.toProblem();
        Map<String, Object> body = p.toMap();
        Object extension = e.extension();
        if (extension instanceof List<?> items) {
            body.put("items", items.stream().map(i -> i instanceof JsonMappable jm ? jm.toMap() : i).toList());
        } else if (extension instanceof Map<?, ?> members) {
            // RFC 9457 extension members, such as the emergency numbers of an `emergency_call_now` refusal
            members.forEach((k, v) -> body.putIfAbsent(String.valueOf(k), v instanceof JsonMappable jm ? jm.toMap() : v));
        }
        return Response.status(e.status()).type(MEDIA_TYPE).entity(body).build();
    }

    public static Response response(int status, String code, String detail) {
        return response(new ProblemException(status, code, detail));
    }
}
