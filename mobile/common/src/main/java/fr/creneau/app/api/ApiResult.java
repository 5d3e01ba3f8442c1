package fr.creneau.app.api;

import fr.creneau.app.I18n;
import fr.creneau.app.logic.ErrorText;
import fr.creneau.model.api.ProblemDetail;

/** The outcome of one call: a value, or a status (0 = no network) with the server's problem details. */
public class ApiResult<T> {
    public final int status;
    public final T value;
    public final ProblemDetail problem;

    public ApiResult(int status, T value, ProblemDetail problem) {
        this.status = status;
        this.value = value;
        this.problem = problem;
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    public boolean offline() {
        return status == 0;
    }

    public String code() {
        return problem == null ? null : problem.code;
    }

    /** A readable, translated message (never a modal dialog). */
    public String message() {
        return ErrorText.of(I18n.TEXTS, status, problem);
    }

    public <U> ApiResult<U> as(U v) {
        return new ApiResult<U>(status, v, problem);
    }
}
