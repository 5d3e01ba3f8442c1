package fr.creneau.backend.platform;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database that is down or restarting answers 503 problem+json with Retry-After, not a 500: the failures the
 * reactive client raises then (seen in bench/faults: connection refused while PostgreSQL is stopped, 57P01 on the
 * connections it terminates), wrapped the way Hibernate Reactive and Mutiny wrap them. A plain unit test: the
 * database cannot be stopped under the shared test instance; bench/faults/run.sh does it for real.
 */
class DatabaseUnavailableMappingTest {
    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void refusedConnectionIs503() {
        assertUnavailable(new IllegalStateException(new RuntimeException(new ConnectException("Connection refused"))));
    }

    @Test
    void closedConnectionIs503() {
        assertUnavailable(new RuntimeException(ClosedConnectionException.INSTANCE));
    }

    @Test
    void adminShutdownIs503() {
        assertUnavailable(new RuntimeException(new PgException("terminating connection due to administrator command",
                "FATAL", "57P01", null)));
    }

    @Test
    void connectionExceptionClassIs503() {
        assertUnavailable(new PgException("connection failure", "FATAL", "08006", null));
    }

    @Test
    void otherFailuresStay500AndClashesStay409() {
        assertThat(mappers.unexpected(new IllegalStateException("bug")).getStatus()).isEqualTo(500);
        assertThat(mappers.unexpected(new RuntimeException(new PgException("conflict", "ERROR", "23P01", null)))
                .getStatus()).isEqualTo(409);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDeadlockVictimOrSerializationFailureIs503ToRetry() {
        for (String state : new String[]{"40P01", "40001", "55P03"}) {
            Response r = mappers.unexpected(new RuntimeException(new PgException("deadlock detected", "ERROR", state, null)));
            assertThat(r.getStatus()).as(state).isEqualTo(503);
            assertThat(r.getMediaType().toString()).isEqualTo(Problems.MEDIA_TYPE);
            assertThat(r.getHeaderString("Retry-After")).isEqualTo("1");
            assertThat(((Map<String, Object>) r.getEntity()).get("code")).isEqualTo("busy_retry");
        }
    }

    @SuppressWarnings("unchecked")
    private void assertUnavailable(Throwable e) {
        Response r = mappers.unexpected(e);
        assertThat(r.getStatus()).isEqualTo(503);
        assertThat(r.getMediaType().toString()).isEqualTo(Problems.MEDIA_TYPE);
        assertThat(r.getHeaderString("Retry-After")).isEqualTo("2");
        assertThat(((Map<String, Object>) r.getEntity()).get("code")).isEqualTo("database_unavailable");
    }
}
