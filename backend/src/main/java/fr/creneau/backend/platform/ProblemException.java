package fr.creneau.backend.platform;

import fr.creneau.model.api.ProblemDetail;
import fr.creneau.model.rules.FieldError;

import java.util.List;

/** A refusal the API explains: it becomes an RFC 9457 problem+json answer with a stable code. */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String code;
    private final transient List<FieldError> errors;
    private final transient Object extension;

    public ProblemException(int status, String code, String detail, List<FieldError> errors, Object extension) {
        super(detail);
        this.status = status;
        this.code = code;
        this.errors = errors;
        this.extension = extension;
    }

    public ProblemException(int status, String code, String detail) {
        this(status, code, detail, null, null);
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "not_found", what + " not found");
    }

    public static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(400, "invalid_request", "The request has invalid fields", errors, null);
    }

    public static ProblemException invalid(String field, String code, String message) {
        return invalid(List.of(new FieldError(field, code, message)));
    }

    public static ProblemException conflict(String code, String detail) {
        return new ProblemException(409, code, detail);
    }

    public static ProblemException unprocessable(String code, String detail) {
        return new ProblemException(422, code, detail);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", detail);
    }

    /** Throws when a validation produced errors. */
    public static void check(List<FieldError> errors) {
        if (errors != null && !errors.isEmpty()) {
            throw invalid(errors);
        }
    }

    public int status() {
        return status;
    }

    /** Extra data some problems carry, such as the appointments an absence would hit. */
    public Object extension() {
        return extension;
    }

    public ProblemDetail toProblem() {
        ProblemDetail p = new ProblemDetail();
        p.type = "https://creneau.fr/problems/" + code.replace('_', '-');
        p.title = Problems.title(status);
        p.status = status;
        p.detail = getMessage();
        p.code = code;
        p.errors = errors;
        return p;
    }
}
