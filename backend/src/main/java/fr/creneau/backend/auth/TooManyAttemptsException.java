package fr.creneau.backend.auth;

import fr.creneau.backend.platform.ProblemException;
import fr.creneau.backend.platform.Problems;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** 429 with Retry-After: the account is locked after too many failed logins. */
public class TooManyAttemptsException extends ProblemException {
    private final long retryAfterSeconds;

    public TooManyAttemptsException(long retryAfterSeconds) {
        super(429, "too_many_attempts", "Too many failed sign-in attempts: try again in "
                + Math.max(1, (retryAfterSeconds + 59) / 60) + " minute(s)");
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** More specific than the platform's ProblemException mapper, so it wins for this type. */
    public static class Mapper {
        @ServerExceptionMapper
        public Response tooManyAttempts(TooManyAttemptsException e) {
            return Response.fromResponse(Problems.response(e))
                    .header("Retry-After", Long.toString(e.retryAfterSeconds()))
                    .build();
        }
    }
}
