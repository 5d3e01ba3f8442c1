package fr.creneau.backend.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import fr.creneau.model.json.JsonFieldException;
import fr.creneau.model.rules.FieldError;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.sql.SQLException;
import java.util.List;

/**
 * Every failure leaves as problem+json: refusals with their code and fields, the unexpected as a bare 500 with
 * no stack trace (it is logged here instead).
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return Problems.response(e);
    }

    @ServerExceptionMapper
    public Response jsonField(JsonFieldException e) {
        return fieldProblem(e);
    }

    @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class, InvalidFormatException.class})
    public Response malformed(Exception e) {
        JsonFieldException field = find(e, JsonFieldException.class);
        if (field != null) {
            return fieldProblem(field);
        }
        return Problems.response(400, "malformed_json", "The body is not valid JSON for this request");
    }

    @ServerExceptionMapper
    public Response beanValidation(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(leaf(v.getPropertyPath().toString()), "invalid", v.getMessage()))
                .toList();
        return Problems.response(ProblemException.invalid(errors));
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(Exception e) {
        return Problems.response(401, "unauthorized", "Sign in first: a valid access token is required");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problems.response(403, "forbidden", "Your role may not do this");
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        JsonFieldException field = find(e, JsonFieldException.class);
        if (field != null) {
            return fieldProblem(field);
        }
        if (status == 400 && find(e, JsonProcessingException.class) != null) {
            return malformed(e);
        }
        String code = switch (status) {
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 415 -> "unsupported_media_type";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            default -> status >= 500 ? "internal_error" : "bad_request";
        };
        String detail = status >= 500 ? "Something went wrong on our side" : e.getMessage();
        return Problems.response(status, code, detail);
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e) {
        ProblemException problem = find(e, ProblemException.class);
        if (problem != null) {
            return Problems.response(problem);
        }
        JsonFieldException field = find(e, JsonFieldException.class);
        if (field != null) {
            return fieldProblem(field);
        }
        String sqlState = sqlState(e);
        if ("23P01".equals(sqlState)) {
            return Problems.response(409, "slot_taken", "This time is no longer free");
        }
        if (sqlState != null && sqlState.startsWith("22")) {
            // A data exception: a value PostgreSQL cannot hold (a NUL in a query text, a number out of range)
            return Problems.response(400, "invalid_value", "A value in the request cannot be stored or searched: "
                    + "check for control characters or out-of-range numbers");
        }
        if ("23505".equals(sqlState)) {
            return Problems.response(409, "already_exists", "This already exists");
        }
        if ("40001".equals(sqlState) || "40P01".equals(sqlState) || "55P03".equals(sqlState)) {
            // PostgreSQL gave up this transaction to let a concurrent one through (deadlock victim, serialization
            // failure, lock not available): nothing was written and the same request can be sent again. Logged as a
            // warning with its cause, since a deadlock still points at two code paths taking locks in different orders.
            LOG.warnf(e, "Transaction aborted by a concurrent one (%s)", sqlState);
            return Response.fromResponse(Problems.response(503, "busy_retry",
                    "The request met a concurrent change and was not applied: send it again")).header("Retry-After", "1").build();
        }
        if (databaseUnavailable(e, sqlState)) {
            LOG.warnf("Database unavailable: %s", e);
            return Response.fromResponse(Problems.response(503, "database_unavailable",
                    "The service is temporarily unavailable")).header("Retry-After", "2").build();
        }
        LOG.error("Unexpected failure", e);
        return Problems.response(500, "internal_error", "Something went wrong on our side");
    }

    private static Response fieldProblem(JsonFieldException e) {
        return Problems.response(ProblemException.invalid(e.getField(), "wrong_type", e.getMessage()));
    }

    /**
     * The database cannot be reached or is going away (stopped, restarting, connection lost): a temporary state
     * that the client may retry, not a bug. SQLState class 08 (connection exception), 57P01-57P03 (shutdown,
     * crash, starting up), or a refused, reset or closed connection from the reactive client.
     */
    static boolean databaseUnavailable(Throwable e, String sqlState) {
        if (sqlState != null && (sqlState.startsWith("08") || sqlState.equals("57P01") || sqlState.equals("57P02")
                || sqlState.equals("57P03"))) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.nio.channels.ClosedChannelException
                    || t instanceof io.vertx.sqlclient.ClosedConnectionException
                    || (t instanceof java.io.IOException && String.valueOf(t.getMessage()).contains("Connection reset"))
                    || (t instanceof io.vertx.core.VertxException && "Connection is closed".equals(t.getMessage()))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /**
     * The constraint or unique index a failure names, from the first in a cause chain that names one (Hibernate
     * Reactive reports a flush's violation as its own exception over an SQLException that no longer does); else null.
     */
    public static String constraint(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException cv && cv.getConstraintName() != null) {
                return cv.getConstraintName();
            }
            if (t instanceof io.vertx.pgclient.PgException pg && pg.getConstraint() != null) {
                return pg.getConstraint();
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    /** The SQLState of the first SQL failure in a cause chain, from JDBC or from the reactive client. */
    public static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
            if (t instanceof io.vertx.pgclient.PgException pg && pg.getSqlState() != null) {
                return pg.getSqlState();
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static String leaf(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
