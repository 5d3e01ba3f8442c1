package fr.creneau.backend.appointment;

import static fr.creneau.backend.support.Race.race;
import fr.creneau.backend.support.Fixtures;
import fr.creneau.backend.support.Fixtures.Actor;
import fr.creneau.backend.support.PostgresAndKeysResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many clients racing for one slot: the database's exclusion constraints, not a check-then-insert in Java, make
 * exactly one of them win.
 */
@QuarkusTest
@WithTestResource(value = PostgresAndKeysResource.class, scope = TestResourceScope.GLOBAL)
class BookingConcurrencyTest {
    static final int CLIENTS = 50;

    @Inject
    Fixtures fx;


    static Callable<Response> post(Actor actor, Map<String, Object> body, String key) {
        return () -> {
            var spec = given().header("Authorization", actor.bearer()).contentType(ContentType.JSON).body(body);
            if (key != null) {
                spec.header("Idempotency-Key", key);
            }
            Response r = spec.post("/api/appointments");
            r.then().extract();
            return r;
        };
    }

    static long count(List<Response> answers, int status) {
        return answers.stream().filter(r -> r.statusCode() == status).count();
    }

    @Test
    void fiftyPatientsForOneSlotMakeOneAppointment() throws Exception {
        BookingWorld w = new BookingWorld(fx);
        List<Callable<Response>> requests = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            Actor patient = fx.patientAccount();
            requests.add(post(patient, w.booking(patient.patientId(), w.at("09:00")), null));
        }
        List<Response> answers = race(requests);

        assertThat(count(answers, 201)).isEqualTo(1);
        assertThat(count(answers, 409)).isEqualTo(CLIENTS - 1);
        answers.stream().filter(r -> r.statusCode() == 409)
                .forEach(r -> assertThat(r.jsonPath().getString("code")).isEqualTo("slot_taken"));
        assertThat(w.liveAppointments(w.practitionerId, w.at("09:00"), w.at("09:15"))).isEqualTo(1);
    }

    @Test
    void overlappingSlotsOfDifferentLengthsMakeOneAppointment() throws Exception {
        BookingWorld w = new BookingWorld(fx);
        List<Callable<Response>> requests = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            Actor patient = fx.patientAccount();
            // 09:00-09:30 against 09:15-09:30: every pair overlaps
            Map<String, Object> body = i % 2 == 0
                    ? w.booking(patient.patientId(), w.practitionerId, w.motive30, w.at("09:00"))
                    : w.booking(patient.patientId(), w.practitionerId, w.motive15, w.at("09:15"));
            requests.add(post(patient, body, null));
        }
        List<Response> answers = race(requests);

        assertThat(count(answers, 201)).isEqualTo(1);
        assertThat(count(answers, 409)).isEqualTo(CLIENTS - 1);
        assertThat(w.liveAppointments(w.practitionerId, w.at("09:00"), w.at("09:30"))).isEqualTo(1);
    }

    @Test
    void concurrentRetriesWithOneKeyBookOnceAndAllGetTheSameAnswer() throws Exception {
        BookingWorld w = new BookingWorld(fx);
        Actor patient = fx.patientAccount();
        Map<String, Object> body = w.booking(patient.patientId(), w.at("10:00"));
        List<Callable<Response>> requests = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            requests.add(post(patient, body, "retry-key"));
        }
        List<Response> answers = race(requests);

        assertThat(count(answers, 201)).isEqualTo(20);
        assertThat(answers.stream().map(Response::asString).distinct()).hasSize(1);
        assertThat(answers.stream().filter(r -> r.getHeader("Idempotent-Replayed") == null)).hasSize(1);
        assertThat(fx.queryLong("SELECT count(*) FROM appointment WHERE patient_id = ?", patient.patientId())).isEqualTo(1);
    }

    @Test
    void concurrentRequestsReusingAKeyWithDifferentBodiesBookOnce() throws Exception {
        BookingWorld w = new BookingWorld(fx);
        Actor patient = fx.patientAccount();
        List<Callable<Response>> requests = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            requests.add(post(patient, w.booking(patient.patientId(), w.at(i % 5, "11:00")), "one-key"));
        }
        List<Response> answers = race(requests);

        assertThat(fx.queryLong("SELECT count(*) FROM appointment WHERE patient_id = ?", patient.patientId())).isEqualTo(1);
        assertThat(count(answers, 201) + count(answers, 422)).isEqualTo(10);
        answers.stream().filter(r -> r.statusCode() == 422)
                .forEach(r -> assertThat(r.jsonPath().getString("code")).isEqualTo("idempotency_key_reused"));
    }

    @Test
    void racingStatusChangesApplyOnceAndNeverFail500() throws Exception {
        BookingWorld w = new BookingWorld(fx);
        Actor patient = w.knownPatient();
        long id = w.appointment(patient.patientId(), w.practitionerId, w.at("09:00"), 15,
                fr.creneau.model.rules.AppointmentStatus.BOOKED);
        List<Callable<Response>> requests = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Actor actor = i % 2 == 0 ? w.secretary : w.admin;
            requests.add(() -> {
                Response r = given().header("Authorization", actor.bearer()).contentType(ContentType.JSON)
                        .body(Map.of("status", "CANCELLED_BY_PRACTICE", "reason", "Fermeture"))
                        .post("/api/appointments/" + id + "/status");
                r.then().extract();
                return r;
            });
        }
        List<Response> answers = race(requests);

        assertThat(count(answers, 200)).isEqualTo(1);
        // The losers either lost the optimistic lock (409) or saw the cancellation already made (422)
        assertThat(count(answers, 409) + count(answers, 422)).isEqualTo(9);
        assertThat(fx.queryLong("SELECT version FROM appointment WHERE id = ?", id)).isEqualTo(1);
    }
}
