package fr.creneau.app.logic;

import fr.creneau.model.api.ProblemDetail;
import fr.creneau.model.rules.FieldError;

import java.util.List;

/**
 * A readable message for a failed call: the wrong fields one per line when the problem lists them, else the
 * problem's stable {@code code} translated (key {@code error.<code>}), else a message per HTTP status, else the
 * network failure. Never a raw stack trace or English server text alone.
 */
public final class ErrorText {
    private ErrorText() {
    }

    /** @param status 0 when the network failed (no answer, timeout) */
    public static String of(Texts t, int status, ProblemDetail problem) {
        if (status == 0) {
            return t.get("error.network");
        }
        // the fields first: they say what to correct, where the code (invalid_request) only says that something is
        if (problem != null && problem.errors != null && !problem.errors.isEmpty()) {
            return fields(t, problem.errors);
        }
        if (problem != null && problem.code != null) {
            String s = t.get("error." + problem.code);
            if (s != null && !s.equals("error." + problem.code)) {
                return s;
            }
        }
        switch (status) {
            case 400:
                return t.get("error.http400");
            case 401:
                return t.get("error.http401");
            case 403:
                return t.get("error.http403");
            case 404:
                return t.get("error.http404");
            case 409:
                return t.get("error.http409");
            case 422:
                return t.get("error.http422");
            case 429:
                return t.get("error.http429");
            default:
                return status >= 500 ? t.get("error.http500") : t.get("error.unexpected");
        }
    }

    /**
     * One line per wrong field: "Birth date: must be a date". A nested field is named by its last part
     * ({@code answers.since} is {@code since}, {@code decisions[0].action} is {@code action}).
     */
    public static String fields(Texts t, List<FieldError> errors) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < errors.size(); i++) {
            FieldError e = errors.get(i);
            if (sb.length() > 0) {
                sb.append('\n');
            }
            String name = fieldName(e.field);
            String field = t.get("field." + name);
            if (field == null || field.equals("field." + name)) {
                field = e.field;
            }
            String msg = t.get("error." + e.code);
            if (msg == null || msg.equals("error." + e.code)) {
                msg = e.message != null ? e.message : e.code;
            }
            sb.append(field).append(" : ").append(msg);
        }
        return sb.toString();
    }

    /**
     * The field a path ends with: {@code since} for {@code answers.since}, {@code action} for
     * {@code decisions[0].action}.
     */
    public static String fieldName(String path) {
        if (path == null) {
            return "";
        }
        String s = path.substring(path.lastIndexOf('.') + 1);
        int bracket = s.indexOf('[');
        return bracket > 0 ? s.substring(0, bracket) : s;
    }
}
