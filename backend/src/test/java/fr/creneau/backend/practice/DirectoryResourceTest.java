package fr.creneau.backend.practice;

import fr.creneau.backend.support.Fixtures;
import fr.creneau.backend.support.PostgresAndKeysResource;
import fr.creneau.model.rules.Role;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@WithTestResource(value = PostgresAndKeysResource.class, scope = TestResourceScope.GLOBAL)
class DirectoryResourceTest {
    @Inject
    Fixtures fx;

    long practice;
    long foreignPractice;
    long site;
    long drA;
    long drB;
    long online;
    long offline;
    long unused;
    String practiceName;

    @BeforeEach
    void world() {
        practice = fx.practice("Maison de santé Directory", "Europe/Paris");
        practiceName = fx.queryString("SELECT name FROM practice WHERE id = ?", practice);
        foreignPractice = fx.practice("Cabinet Ailleurs", "Europe/Paris");
        site = fx.site(practice);
        drA = fx.practitioner(practice, "Médecine générale");
        drB = fx.practitioner(practice, "Pédiatrie");
        online = fx.motive(practice, 20, true, false);
        offline = fx.motive(practice, 30, false, false);
        unused = fx.motive(practice, 15, true, false);
        fx.weeklyRange(drA, site, 1, "08:00", "12:00", false, 0, online, offline);
        fx.update("INSERT INTO absence (practitioner_id, starts_at, ends_at) VALUES (?, ?, ?)", drB,
                java.sql.Timestamp.from(Instant.now().minus(1, ChronoUnit.HOURS)),
                java.sql.Timestamp.from(Instant.now().plus(1, ChronoUnit.HOURS)));
    }

    @Test
    void searchMatchesNamesAndPracticeNameWithoutToken() {
        String lastName = fx.queryString("SELECT last_name FROM practitioner WHERE id = ?", drA);
        given().queryParam("q", lastName.toUpperCase()).get("/api/practitioners").then().statusCode(200)
                .body("id", contains((int) drA))
                .body("[0].practiceName", equalTo(practiceName))
                .body("[0].absentNow", equalTo(false))
                .body("[0].siteIds", contains((int) site));
        given().queryParam("q", practiceName.toLowerCase()).get("/api/practitioners").then().statusCode(200)
                .body("id", containsInAnyOrder((int) drA, (int) drB));
        given().queryParam("practiceId", practice).queryParam("specialty", "pédiatrie").get("/api/practitioners")
                .then().statusCode(200).body("id", contains((int) drB)).body("[0].absentNow", equalTo(true));
        given().queryParam("q", "%").queryParam("practiceId", practice).get("/api/practitioners")
                .then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void practitionerByIdAndUnknownIdIsProblem() {
        given().get("/api/practitioners/" + drB).then().statusCode(200)
                .body("id", equalTo((int) drB)).body("practiceId", equalTo((int) practice))
                .body("absentNow", equalTo(true));
        given().get("/api/practitioners/99999999").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("not_found"));
        given().get("/api/practitioners/abc").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void practiceShowsSitesAndWhenClosedInfo() {
        given().get("/api/practices/" + practice).then().statusCode(200)
                .body("name", equalTo(practiceName))
                .body("timezone", equalTo("Europe/Paris"))
                .body("emergencyNumber", equalTo("15"))
                .body("reachableHours", equalTo("Mon-Fri 08:00-19:00"))
                .body("substitute", equalTo("Dr Remplaçant"))
                .body("cancellationCutoffHours", equalTo(24))
                .body("sites.id", contains((int) site));
        given().get("/api/practices/99999999").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void patientsAndAnonymousSeeOnlineMotivesStaffOfThePracticeSeeAll() {
        given().get("/api/practices/" + practice + "/motives").then().statusCode(200)
                .body("id", containsInAnyOrder((int) online, (int) unused));
        given().header("Authorization", fx.patientAccount().bearer()).get("/api/practices/" + practice + "/motives")
                .then().statusCode(200).body("id", containsInAnyOrder((int) online, (int) unused));
        given().header("Authorization", fx.staff(Role.SECRETARY, practice, null).bearer())
                .get("/api/practices/" + practice + "/motives")
                .then().statusCode(200).body("id", containsInAnyOrder((int) online, (int) offline, (int) unused));
        // Staff of another practice are like the public here
        given().header("Authorization", fx.staff(Role.SECRETARY, foreignPractice, null).bearer())
                .get("/api/practices/" + practice + "/motives")
                .then().statusCode(200).body("id", containsInAnyOrder((int) online, (int) unused));
        given().get("/api/practices/99999999/motives").then().statusCode(404);
    }

    @Test
    void practitionerMotivesAreThoseTheirRangesAccept() {
        given().get("/api/practitioners/" + drA + "/motives").then().statusCode(200).body("id", contains((int) online));
        given().header("Authorization", fx.staff(Role.PRACTITIONER, practice, drA).bearer())
                .get("/api/practitioners/" + drA + "/motives").then().statusCode(200)
                .body("id", containsInAnyOrder((int) online, (int) offline));
        given().get("/api/practitioners/" + drB + "/motives").then().statusCode(200).body("$", hasSize(0));
        given().get("/api/practitioners/99999999/motives").then().statusCode(404);
    }

    static Map<String, Object> motiveBody(String label, Object duration) {
        return Map.of("labelFr", label, "labelEn", label, "durationMinutes", duration, "bookableOnline", false);
    }

    @Test
    void practiceAdminCreatesAndUpdatesMotives() {
        String admin = fx.staff(Role.PRACTICE_ADMIN, practice, null).bearer();
        int id = given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(motiveBody("Vaccination", 15)).post("/api/practices/" + practice + "/motives")
                .then().statusCode(201).body("practiceId", equalTo((int) practice))
                .body("durationMinutes", equalTo(15)).body("bookableOnline", equalTo(false))
                .extract().path("id");
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(motiveBody("Vaccin", 20)).put("/api/motives/" + id)
                .then().statusCode(200).body("labelFr", equalTo("Vaccin")).body("durationMinutes", equalTo(20));
        assertThat(fx.queryLong("SELECT duration_minutes FROM motive WHERE id = ?", (long) id)).isEqualTo(20);
    }

    @Test
    void motiveEditingIsForTheAdminOfThePracticeOnly() {
        String path = "/api/practices/" + practice + "/motives";
        given().contentType(ContentType.JSON).body(motiveBody("X", 15)).post(path)
                .then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", fx.patientAccount().bearer()).contentType(ContentType.JSON)
                .body(motiveBody("X", 15)).post(path).then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", fx.staff(Role.SECRETARY, practice, null).bearer()).contentType(ContentType.JSON)
                .body(motiveBody("X", 15)).post(path).then().statusCode(403);
        given().header("Authorization", fx.staff(Role.PRACTITIONER, practice, drA).bearer()).contentType(ContentType.JSON)
                .body(motiveBody("X", 15)).post(path).then().statusCode(403);
        String foreignAdmin = fx.staff(Role.PRACTICE_ADMIN, foreignPractice, null).bearer();
        given().header("Authorization", foreignAdmin).contentType(ContentType.JSON)
                .body(motiveBody("X", 15)).post(path).then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", foreignAdmin).contentType(ContentType.JSON)
                .body(motiveBody("X", 15)).put("/api/motives/" + online).then().statusCode(404);
        assertThat(fx.queryString("SELECT label_fr FROM motive WHERE id = ?", online)).isNotEqualTo("X");
    }

    @Test
    void badMotiveIsProblemWithTheField() {
        String admin = fx.staff(Role.PRACTICE_ADMIN, practice, null).bearer();
        List<String> fields = given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(Map.of("labelFr", "", "durationMinutes", 3)).post("/api/practices/" + practice + "/motives")
                .then().statusCode(400).contentType("application/problem+json")
                .extract().path("errors.field");
        assertThat(fields).contains("labelFr", "labelEn", "durationMinutes");
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(Map.of("labelFr", "A", "labelEn", "A", "durationMinutes", "long")).put("/api/motives/" + online)
                .then().statusCode(400).body("errors.field", hasItem("durationMinutes"));
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(motiveBody("A", 15)).put("/api/motives/99999999").then().statusCode(404);
    }
}
