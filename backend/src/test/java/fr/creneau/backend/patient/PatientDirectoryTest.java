package fr.creneau.backend.patient;

import fr.creneau.backend.appointment.BookingWorld;
import fr.creneau.backend.support.Fixtures;
import fr.creneau.backend.support.Fixtures.Actor;
import fr.creneau.backend.support.PostgresAndKeysResource;
import fr.creneau.backend.support.Race;
import fr.creneau.model.rules.AppointmentStatus;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** The secretariat's patient lookup and registration. */
@QuarkusTest
@WithTestResource(value = PostgresAndKeysResource.class, scope = TestResourceScope.GLOBAL)
class PatientDirectoryTest {
    static final String PROBLEM = "application/problem+json";

    @Inject
    Fixtures fx;

    BookingWorld w;
    String path;

    @BeforeEach
    void world() {
        w = new BookingWorld(fx);
        path = "/api/practices/" + w.practiceId + "/patients";
    }

    static RequestSpecification as(Actor actor) {
        return given().header("Authorization", actor.bearer()).contentType(ContentType.JSON);
    }

    long known(String last, String first, LocalDate birth, String phone) {
        long id = fx.patient(last, first, birth, phone, null);
        fx.knownTo(w.practiceId, id);
        return id;
    }

    List<Long> search(Actor actor, Map<String, String> params) {
        return as(actor).queryParams(params).get(path).then().statusCode(200).extract().jsonPath().getList("id", Long.class);
    }

    @Test
    void searchFindsKnownPatientsByNamePrefixBirthDateOrPhone() {
        String family = Fixtures.unique("Lefebvre");
        long camille = known(family, "Camille", LocalDate.of(1985, 4, 12), "+33612345678");
        long jules = known(family, "Jules", LocalDate.of(1990, 1, 5), "+33698765432");
        // Not known to this practice: never listed
        fx.patient(family, "Inconnu", LocalDate.of(1985, 4, 12), "+33612345678", null);

        String prefix = family.substring(0, 6).toUpperCase();
        assertThat(search(w.secretary, Map.of("q", family))).containsExactly(camille, jules);
        assertThat(search(w.secretary, Map.of("q", family.toLowerCase()))).containsExactly(camille, jules);
        assertThat(search(w.secretary, Map.of("q", family + " cam"))).containsExactly(camille);
        assertThat(search(w.secretary, Map.of("q", "jul " + family))).containsExactly(jules);
        assertThat(search(w.practitioner, Map.of("q", family, "birthDate", "1990-01-05"))).containsExactly(jules);
        // National format, spaces and dots: normalised to E.164 before comparing
        assertThat(search(w.admin, Map.of("q", family, "phone", "06 12 34 56 78"))).containsExactly(camille);
        assertThat(search(w.admin, Map.of("phone", "06.98.76.54.32"))).contains(jules).doesNotContain(camille);
        assertThat(search(w.secretary, Map.of("q", prefix))).contains(camille, jules);
        // A LIKE wildcard is a character, not a pattern
        assertThat(search(w.secretary, Map.of("q", "%" + family))).isEmpty();
        assertThat(search(w.secretary, Map.of("q", "amille"))).doesNotContain(camille);
    }

    @Test
    void searchCountsNoShowsAtThisPracticeOnly() {
        Actor patient = w.knownPatient();
        String last = fx.queryString("SELECT last_name FROM patient WHERE id = ?", patient.patientId());
        w.appointment(patient.patientId(), w.practitionerId, Instant.now().minus(Duration.ofDays(10)), 15, AppointmentStatus.NO_SHOW);
        w.appointment(patient.patientId(), w.practitionerId, Instant.now().minus(Duration.ofDays(5)), 15, AppointmentStatus.NO_SHOW);
        w.appointment(patient.patientId(), w.practitionerId, Instant.now().minus(Duration.ofDays(3)), 15, AppointmentStatus.SEEN);
        BookingWorld other = new BookingWorld(fx);
        fx.knownTo(other.practiceId, patient.patientId());
        other.appointment(patient.patientId(), other.practitionerId, Instant.now().minus(Duration.ofDays(1)), 15,
                AppointmentStatus.NO_SHOW);

        as(w.secretary).queryParam("q", last).get(path).then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].noShowCount", equalTo(2))
                .body("[0].firstName", equalTo("Camille")).body("[0].birthDate", equalTo("1985-04-12"));
        as(other.secretary).queryParam("q", last).get("/api/practices/" + other.practiceId + "/patients")
                .then().statusCode(200).body("[0].noShowCount", equalTo(1));
        long fresh = known(Fixtures.unique("Sans"), "Faute", LocalDate.of(2000, 2, 2), "+33600000001");
        as(w.secretary).queryParam("q", fx.queryString("SELECT last_name FROM patient WHERE id = ?", fresh))
                .get(path).then().body("[0].noShowCount", equalTo(0));
    }

    @Test
    void searchIsForTheStaffOfThatPractice() {
        BookingWorld other = new BookingWorld(fx);
        as(other.secretary).get(path).then().statusCode(404).contentType(PROBLEM);
        as(other.admin).get(path).then().statusCode(404);
        as(other.practitioner).get(path).then().statusCode(404);
        as(fx.patientAccount()).get(path).then().statusCode(403).contentType(PROBLEM);
        given().get(path).then().statusCode(401).contentType(PROBLEM);
        as(w.secretary).get("/api/practices/999999999/patients").then().statusCode(404);
        as(w.secretary).queryParam("birthDate", "12/04/1985").get(path).then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("birthDate"));
        as(w.secretary).queryParam("phone", "12").get(path).then().statusCode(400)
                .body("errors[0].field", equalTo("phone"));
    }

    Map<String, Object> person(String last, String first, String birth, String phone) {
        Map<String, Object> m = new HashMap<>();
        m.put("lastName", last);
        m.put("firstName", first);
        m.put("birthDate", birth);
        m.put("phone", phone);
        return m;
    }

    @Test
    void registeringCreatesOnceAndThenLinksTheSamePerson() {
        String last = Fixtures.unique("Moreau");
        long id = as(w.secretary).body(person(last, "Inès", "1992-07-14", "+33611112222")).post(path)
                .then().statusCode(201).body("lastName", equalTo(last)).body("phone", equalTo("+33611112222"))
                .body("noShowCount", equalTo(0)).extract().jsonPath().getLong("id");
        assertThat(fx.queryLong("SELECT count(*) FROM practice_patient WHERE practice_id = ? AND patient_id = ?",
                w.practiceId, id)).isEqualTo(1);

        // Same person registered again, even with other case: the existing record, not a twin
        as(w.admin).body(person(last.toUpperCase(), "inès", "1992-07-14", "+33611112222")).post(path)
                .then().statusCode(200).body("id", equalTo((int) id));
        // Another practice registering them links them there too
        BookingWorld other = new BookingWorld(fx);
        as(other.secretary).body(person(last, "Inès", "1992-07-14", "+33611112222"))
                .post("/api/practices/" + other.practiceId + "/patients").then().statusCode(200)
                .body("id", equalTo((int) id));
        assertThat(fx.queryLong("SELECT count(*) FROM practice_patient WHERE patient_id = ?", id)).isEqualTo(2);
        assertThat(fx.queryLong("SELECT count(*) FROM patient WHERE last_name = ?", last)).isEqualTo(1);

        // A different birth date is a different person
        as(w.secretary).body(person(last, "Inès", "1993-07-14", "+33611112222")).post(path).then().statusCode(201);
        // Now found by the secretariat's search
        assertThat(search(w.secretary, Map.of("q", last))).hasSize(2).contains(id);
    }

    @Test
    void registeringIsForTheSecretariatOfThatPractice() {
        Map<String, Object> body = person(Fixtures.unique("Petit"), "Marc", "1980-03-03", "+33622223333");
        as(w.practitioner).body(body).post(path).then().statusCode(403).contentType(PROBLEM);
        as(fx.patientAccount()).body(body).post(path).then().statusCode(403);
        BookingWorld other = new BookingWorld(fx);
        as(other.secretary).body(body).post(path).then().statusCode(404).contentType(PROBLEM);
        as(other.admin).body(body).post(path).then().statusCode(404);
        given().contentType(ContentType.JSON).body(body).post(path).then().statusCode(401);
    }

    @Test
    void badPatientsNameTheirFields() {
        as(w.secretary).body(person("", "Marc", "1980-02-30", "0622223333")).post(path).then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", hasItem("lastName"))
                .body("errors.field", hasItem("birthDate")).body("errors.field", hasItem("phone"));
        // E.164 in form but not a number in any plan
        as(w.secretary).body(person("Petit", "Marc", "1980-02-03", "+33000000000")).post(path).then().statusCode(400)
                .body("errors[0].field", equalTo("phone"));
        as(w.secretary).body("{\"lastName\": 3}").post(path).then().statusCode(400)
                .body("errors[0].field", equalTo("lastName"));
        as(w.secretary).body("{").post(path).then().statusCode(400).contentType(PROBLEM);
        // the same birth date rule as a patient's own registration: 2062 typed for 1962 would make the triage grid
        // see a newborn
        as(w.secretary).body(person("Petit", "Marc", "2062-05-01", "+33622223333")).post(path).then().statusCode(400)
                .body("errors[0].field", equalTo("birthDate")).body("errors[0].code", equalTo("future_date"));
    }

    @Test
    void twoSecretariesRegisteringTheSameCallerAtOnceMakeOneRecord() throws Exception {
        BookingWorld other = new BookingWorld(fx);
        String otherPath = "/api/practices/" + other.practiceId + "/patients";
        Map<String, Object> body = person(Fixtures.unique("Simultané"), "Léa", "1991-05-06", "+33633334444");
        List<Callable<io.restassured.response.Response>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            boolean here = i % 2 == 0;
            calls.add(() -> as(here ? w.secretary : other.secretary).body(body).post(here ? path : otherPath));
        }
        List<io.restassured.response.Response> answers = Race.race(calls);
        assertThat(answers).extracting(io.restassured.response.Response::statusCode).containsOnly(200, 201)
                .containsOnlyOnce(201);
        assertThat(answers).extracting(a -> a.jsonPath().getLong("id")).containsOnly(answers.get(0).jsonPath().getLong("id"));
    }
}
