package fr.creneau.backend.appointment;

import fr.creneau.backend.support.Fixtures;
import fr.creneau.backend.support.Fixtures.Actor;
import fr.creneau.backend.support.PostgresAndKeysResource;
import fr.creneau.model.rules.AppointmentStatus;
import fr.creneau.model.rules.Role;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@WithTestResource(value = PostgresAndKeysResource.class, scope = TestResourceScope.GLOBAL)
class AppointmentLifecycleTest {
    static final String PROBLEM = "application/problem+json";
    /** The moves the product lets patients make themselves; every other move is the practice's. */
    static final Set<AppointmentStatus> PATIENT_MOVES = Set.of(AppointmentStatus.CONFIRMED,
            AppointmentStatus.CANCELLED_BY_PATIENT);

    @Inject
    Fixtures fx;

    /** One practice for the whole matrix, to keep its 196 cases quick. */
    static BookingWorld matrixWorld;

    static ValidatableResponse move(Actor actor, long id, AppointmentStatus target, String reason) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("status", target.name());
        if (reason != null) {
            body.put("reason", reason);
        }
        return given().header("Authorization", actor.bearer()).contentType(ContentType.JSON).body(body)
                .post("/api/appointments/" + id + "/status").then();
    }

    static Stream<Arguments> everyMoveByEveryRole() {
        List<Arguments> all = new ArrayList<>();
        for (AppointmentStatus from : AppointmentStatus.values()) {
            for (AppointmentStatus to : AppointmentStatus.values()) {
                for (Role role : Role.values()) {
                    all.add(Arguments.of(from, to, role));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{2}: {0} -> {1}")
    @MethodSource("everyMoveByEveryRole")
    void everyTransitionIsAllowedOrRefusedAsTheRulesSay(AppointmentStatus from, AppointmentStatus to, Role role) {
        if (matrixWorld == null) {
            matrixWorld = new BookingWorld(fx);
        }
        BookingWorld w = matrixWorld;
        Actor patient = w.knownPatient();
        // A practitioner of their own per case: under-way appointments of different cases overlap in time
        long practitionerId = fx.practitioner(w.practiceId, "Médecin généraliste");
        // Arrival and no-show need the appointment under way; the rest is days ahead, before any cutoff
        Instant start = to == AppointmentStatus.ARRIVED || to == AppointmentStatus.NO_SHOW
                ? Instant.now().minusSeconds(1)
                : Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MINUTES);
        long id = w.appointment(patient.patientId(), practitionerId, start, 15, from);
        Actor actor = switch (role) {
            case PATIENT -> patient;
            case PRACTITIONER -> fx.staff(Role.PRACTITIONER, w.practiceId, practitionerId);
            case SECRETARY -> w.secretary;
            case PRACTICE_ADMIN -> w.admin;
        };

        ValidatableResponse answer = move(actor, id, to, "Un empêchement");

        if (role == Role.PATIENT && !PATIENT_MOVES.contains(to)) {
            answer.statusCode(403).contentType(PROBLEM);
        } else if (from.canMoveTo(to, role)) {
            answer.statusCode(200).body("status", equalTo(to.name()));
            assertThat(fx.queryString("SELECT status FROM appointment WHERE id = ?", id)).isEqualTo(to.name());
            return;
        } else {
            answer.statusCode(422).contentType(PROBLEM).body("code", equalTo("invalid_transition"));
        }
        assertThat(fx.queryString("SELECT status FROM appointment WHERE id = ?", id)).isEqualTo(from.name());
    }

    @Test
    void aFewMovesSpelledOut() {
        BookingWorld w = new BookingWorld(fx);
        Actor patient = w.knownPatient();
        long id = w.appointment(patient.patientId(), w.practitionerId, w.at("09:00"), 15, AppointmentStatus.BOOKED);
        move(patient, id, AppointmentStatus.CONFIRMED, null).statusCode(200).body("status", equalTo("CONFIRMED"));
        move(patient, id, AppointmentStatus.SEEN, null).statusCode(403);
        move(w.secretary, id, AppointmentStatus.SEEN, null).statusCode(422).body("code", equalTo("invalid_transition"));
        move(w.secretary, id, AppointmentStatus.CANCELLED_BY_PRACTICE, "Médecin malade").statusCode(200)
                .body("cancelReason", equalTo("Médecin malade"));
        move(w.secretary, id, AppointmentStatus.BOOKED, null).statusCode(422);
    }

    @Test
    void aPatientCancelsWithAReasonBeforeTheCutoffOnly() {
        BookingWorld w = new BookingWorld(fx);
        Actor patient = w.knownPatient();
        long early = w.appointment(patient.patientId(), w.practitionerId, w.at("09:00"), 15, AppointmentStatus.BOOKED);
        move(patient, early, AppointmentStatus.CANCELLED_BY_PATIENT, null).statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("reason"));
        move(patient, early, AppointmentStatus.CANCELLED_BY_PATIENT, "Je vais mieux").statusCode(200)
                .body("status", equalTo("CANCELLED_BY_PATIENT")).body("cancelReason", equalTo("Je vais mieux"));

        // Two hours ahead with a 24-hour cutoff: too late online, the practice's phone is in the answer
        long late = w.appointment(patient.patientId(), w.practitionerId,
                Instant.now().plus(Duration.ofHours(2)), 15, AppointmentStatus.CONFIRMED);
        move(patient, late, AppointmentStatus.CANCELLED_BY_PATIENT, "Empêchement").statusCode(422)
                .contentType(PROBLEM).body("code", equalTo("cancel_cutoff_passed"))
                .body("detail", containsString("+33140000000"));
        assertThat(fx.queryString("SELECT status FROM appointment WHERE id = ?", late)).isEqualTo("CONFIRMED");
        // The secretariat cancels at any time, also on the patient's behalf
        move(w.secretary, late, AppointmentStatus.CANCELLED_BY_PATIENT, "Appel du patient").statusCode(200);

        long other = w.appointment(patient.patientId(), w.practitionerId,
                Instant.now().plus(Duration.ofHours(3)), 15, AppointmentStatus.BOOKED);
        move(w.admin, other, AppointmentStatus.CANCELLED_BY_PRACTICE, "Fermeture").statusCode(200);
    }

    @Test
    void theCutoffIsThePracticesOwn() {
        BookingWorld w = new BookingWorld(fx);
        fx.practiceRules(w.practiceId, 720, 60, 90);
        Actor patient = w.knownPatient();
        long id = w.appointment(patient.patientId(), w.practitionerId, w.at("09:00"), 15, AppointmentStatus.BOOKED);
        move(patient, id, AppointmentStatus.CANCELLED_BY_PATIENT, "Empêchement").statusCode(422)
                .body("code", equalTo("cancel_cutoff_passed"));
        fx.practiceRules(w.practiceId, 0, 60, 90);
        move(patient, id, AppointmentStatus.CANCELLED_BY_PATIENT, "Empêchement").statusCode(200);
    }

    @Test
    void noShowOnlyOnceTheTimeHasPassedAndArrivalOnlyOnTheDay() {
        BookingWorld w = new BookingWorld(fx);
        Actor patient = w.knownPatient();
        long future = w.appointment(patient.patientId(), w.practitionerId, w.at("09:00"), 15, AppointmentStatus.BOOKED);
        move(w.secretary, future, AppointmentStatus.NO_SHOW, null).statusCode(422).body("code", equalTo("too_early"));
        move(w.secretary, future, AppointmentStatus.ARRIVED, null).statusCode(422).body("code", equalTo("not_today"));

        long yesterday = w.appointment(patient.patientId(), w.practitionerId,
                Instant.now().minus(Duration.ofDays(1)), 15, AppointmentStatus.BOOKED);
        move(w.secretary, yesterday, AppointmentStatus.ARRIVED, null).statusCode(422).body("code", equalTo("not_today"));
        move(w.practitioner, yesterday, AppointmentStatus.NO_SHOW, null).statusCode(200);
    }

    @Test
    void aPractitionerActsOnTheirOwnAgendaOnly() {
        BookingWorld w = new BookingWorld(fx);
        Actor patient = w.knownPatient();
        long mine = w.appointment(patient.patientId(), w.practitionerId, w.at("09:00"), 15, AppointmentStatus.BOOKED);
        long theirs = w.appointment(patient.patientId(), w.colleagueId, w.at("10:00"), 15, AppointmentStatus.BOOKED);
        move(w.practitioner, theirs, AppointmentStatus.CONFIRMED, null).statusCode(403)
                .body("code", equalTo("not_your_agenda"));
        move(w.practitioner, mine, AppointmentStatus.CONFIRMED, null).statusCode(200);
        move(w.secretary, theirs, AppointmentStatus.CONFIRMED, null).statusCode(200);
    }

    @Test
    void foreignAndUnrelatedCallersSeeNothing() {
        BookingWorld w = new BookingWorld(fx);
        BookingWorld other = new BookingWorld(fx);
        Actor patient = w.knownPatient();
        long id = w.appointment(patient.patientId(), w.practitionerId, w.at("09:00"), 15, AppointmentStatus.BOOKED);
        move(other.secretary, id, AppointmentStatus.CONFIRMED, null).statusCode(404).contentType(PROBLEM);
        move(other.admin, id, AppointmentStatus.CONFIRMED, null).statusCode(404);
        move(other.practitioner, id, AppointmentStatus.CONFIRMED, null).statusCode(404);
        move(fx.patientAccount(), id, AppointmentStatus.CONFIRMED, null).statusCode(404);
        move(w.secretary, 999_999_999L, AppointmentStatus.CONFIRMED, null).statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("status", "CONFIRMED"))
                .post("/api/appointments/" + id + "/status").then().statusCode(401).contentType(PROBLEM);
        assertThat(fx.queryString("SELECT status FROM appointment WHERE id = ?", id)).isEqualTo("BOOKED");
    }

    @Test
    void theHolderMovesTheirChildsAppointment() {
        BookingWorld w = new BookingWorld(fx);
        Actor holder = fx.patientAccount();
        long child = w.relativeOf(holder);
        long id = w.appointment(child, w.practitionerId, w.at("09:00"), 15, AppointmentStatus.BOOKED);
        move(holder, id, AppointmentStatus.CONFIRMED, null).statusCode(200);
    }

    @Test
    void badStatusBodiesNameTheField() {
        BookingWorld w = new BookingWorld(fx);
        Actor patient = w.knownPatient();
        long id = w.appointment(patient.patientId(), w.practitionerId, w.at("09:00"), 15, AppointmentStatus.BOOKED);
        given().header("Authorization", w.secretary.bearer()).contentType(ContentType.JSON)
                .body(Map.of("status", "GONE")).post("/api/appointments/" + id + "/status")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("status"));
        given().header("Authorization", w.secretary.bearer()).contentType(ContentType.JSON)
                .body(Map.of("reason", "x")).post("/api/appointments/" + id + "/status")
                .then().statusCode(400).body("errors[0].field", equalTo("status"));
        given().header("Authorization", w.secretary.bearer()).contentType(ContentType.JSON)
                .body("{").post("/api/appointments/" + id + "/status")
                .then().statusCode(400).contentType(PROBLEM);
    }
}
