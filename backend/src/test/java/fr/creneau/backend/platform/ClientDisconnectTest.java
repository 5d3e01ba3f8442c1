package fr.creneau.backend.platform;

import fr.creneau.backend.appointment.BookingWorld;
import fr.creneau.backend.support.Fixtures;
import fr.creneau.backend.support.Fixtures.Actor;
import fr.creneau.backend.support.PostgresAndKeysResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.lang.reflect.Method;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request runs to its end when its client goes away (a phone losing its network mid-booking): its transaction
 * commits or rolls back by its own rules, as it would have if the answer had been lost on the way back. Quarkus REST
 * otherwise cancels the request's Uni on disconnect, which closed Hibernate Reactive's session in the middle of
 * the transaction (rolled back, with an ERROR log for each) at whatever step it had reached.
 */
@QuarkusTest
@WithTestResource(value = PostgresAndKeysResource.class, scope = TestResourceScope.GLOBAL)
class ClientDisconnectTest {
    @Inject
    Fixtures fx;

    @Test
    void aBookingWhoseClientHangsUpMidWayStillCommitsWhole() throws Exception {
        BookingWorld w = new BookingWorld(fx);
        Actor patient = fx.patientAccount();
        Instant start = w.at("10:00");
        // the INSERT takes a second for this practitioner, so that the client is gone while the transaction is open
        String fn = "slow_insert_" + w.practitionerId;
        fx.update("CREATE FUNCTION " + fn + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                + " PERFORM pg_sleep(1); RETURN NEW; END $$");
        fx.update("CREATE TRIGGER " + fn + " BEFORE INSERT ON appointment FOR EACH ROW"
                + " WHEN (NEW.practitioner_id = " + w.practitionerId + ") EXECUTE FUNCTION " + fn + "()");
        try {
            String body = "{\"patientId\":" + patient.patientId() + ",\"practitionerId\":" + w.practitionerId
                    + ",\"motiveId\":" + w.motive15 + ",\"start\":\"" + start + "\"}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            try (Socket socket = new Socket("localhost", RestAssured.port)) {
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/appointments HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + patient.bearer()
                        + "\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(bytes);
                out.flush();
                waitUntil(() -> fx.queryLong("SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'insert into appointment%'"
                        + " AND state = 'active'") > 0);
            } // the client hangs up while the INSERT runs
            waitUntil(() -> fx.queryLong("SELECT count(*) FROM appointment WHERE patient_id = ?", patient.patientId()) > 0);
        } finally {
            fx.update("DROP TRIGGER " + fn + " ON appointment");
            fx.update("DROP FUNCTION " + fn + "()");
        }
        long appointment = fx.queryLong("SELECT id FROM appointment WHERE patient_id = ?", patient.patientId());
        assertThat(fx.queryString("SELECT status FROM appointment WHERE id = ?", appointment)).isEqualTo("BOOKED");
        // the rest of its transaction with it: the patient's confirmation and the journal entry
        assertThat(fx.queryLong("SELECT count(*) FROM notification_outbox WHERE appointment_id = ?", appointment)).isPositive();
        assertThat(fx.queryLong("SELECT count(*) FROM access_journal WHERE action = 'APPOINTMENT_BOOK' AND object_id = ?",
                appointment)).isEqualTo(1);
    }

    /** Every resource's single-result methods run to their end: a new resource cannot forget it. */
    @Test
    void everyResourceRunsToItsEndWhenTheClientLeaves() throws Exception {
        java.nio.file.Path classes = Paths.get(ClientDisconnectTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolveSibling("classes");
        List<String> cancellable = new ArrayList<>();
        int resources = 0;
        try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
            for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, getClass().getClassLoader());
                if (!type.isAnnotationPresent(Path.class)) {
                    continue;
                }
                resources++;
                Cancellable onClass = type.getAnnotation(Cancellable.class);
                for (Method m : type.getDeclaredMethods()) {
                    Cancellable onMethod = m.getAnnotation(Cancellable.class);
                    Cancellable effective = onMethod != null ? onMethod : onClass;
                    if (m.getReturnType() == Uni.class && (effective == null || effective.value())) {
                        cancellable.add(type.getSimpleName() + "." + m.getName());
                    }
                }
            }
        }
        assertThat(resources).isGreaterThan(25);
        assertThat(cancellable).as("resource methods cancelled when their client disconnects").isEmpty();
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not reached in 10 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
