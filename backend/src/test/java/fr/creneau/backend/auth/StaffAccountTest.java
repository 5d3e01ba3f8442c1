package fr.creneau.backend.auth;

import fr.creneau.backend.support.Fixtures;
import fr.creneau.backend.support.PostgresAndKeysResource;
import fr.creneau.model.rules.Role;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static fr.creneau.backend.auth.AuthApi.login;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@WithTestResource(value = PostgresAndKeysResource.class, scope = TestResourceScope.GLOBAL)
class StaffAccountTest {
    private static final String PROBLEM = "application/problem+json";

    @Inject
    Fixtures fx;

    long practiceId;
    Fixtures.Actor admin;

    @BeforeEach
    void practice() {
        practiceId = fx.practice("Cabinet", "Europe/Paris");
        admin = fx.staff(Role.PRACTICE_ADMIN, practiceId, null);
    }

    private static Map<String, Object> secretary() {
        Map<String, Object> body = new HashMap<>();
        body.put("email", Fixtures.unique("accueil") + "@example.org");
        body.put("password", "mot-de-passe-du-secretariat");
        body.put("role", "SECRETARY");
        body.put("displayName", "Accueil Tilleuls");
        return body;
    }

    private ValidatableResponse create(RequestSpecification as, long practice, Map<String, Object> body) {
        return as.contentType(ContentType.JSON).body(body).post("/api/practices/" + practice + "/staff").then();
    }

    private static RequestSpecification as(Fixtures.Actor actor) {
        return given().header("Authorization", actor.bearer());
    }

    @Test
    void theAdminCreatesASecretaryWhoCanSignIn() {
        Map<String, Object> body = secretary();
        int id = create(as(admin), practiceId, body).statusCode(201)
                .body("role", equalTo("SECRETARY"))
                .body("practiceId", equalTo((int) practiceId))
                .body("email", equalTo(body.get("email")))
                .extract().path("id");
        login((String) body.get("email"), (String) body.get("password")).statusCode(200)
                .body("account.id", equalTo(id))
                .body("account.practiceId", equalTo((int) practiceId));
    }

    @Test
    void aPractitionerAccountNamesAPractitionerOfThatPractice() {
        long practitionerId = fx.practitioner(practiceId, "Pédiatre");
        Map<String, Object> body = secretary();
        body.put("role", "PRACTITIONER");
        body.put("practitionerId", practitionerId);
        create(as(admin), practiceId, body).statusCode(201)
                .body("role", equalTo("PRACTITIONER"))
                .body("practitionerId", equalTo((int) practitionerId));

        long foreignPractitioner = fx.practitioner(fx.practice("Ailleurs", "Europe/Paris"), "Pédiatre");
        Map<String, Object> foreign = secretary();
        foreign.put("role", "PRACTITIONER");
        foreign.put("practitionerId", foreignPractitioner);
        create(as(admin), practiceId, foreign).statusCode(400).contentType(PROBLEM)
                .body("errors.find { it.field == 'practitionerId' }.code", equalTo("unknown_practitioner"));

        Map<String, Object> missing = secretary();
        missing.put("role", "PRACTITIONER");
        create(as(admin), practiceId, missing).statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("practitionerId"));

        Map<String, Object> unknown = secretary();
        unknown.put("role", "PRACTITIONER");
        unknown.put("practitionerId", 999_999_999L);
        create(as(admin), practiceId, unknown).statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("practitionerId"));
    }

    @Test
    void badStaffRequests() {
        Map<String, Object> patientRole = secretary();
        patientRole.put("role", "PATIENT");
        create(as(admin), practiceId, patientRole).statusCode(400).contentType(PROBLEM)
                .body("errors.find { it.field == 'role' }.code", equalTo("invalid_role"));
        Map<String, Object> noSuchRole = secretary();
        noSuchRole.put("role", "GOD");
        create(as(admin), practiceId, noSuchRole).statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("role"));
        Map<String, Object> weak = secretary();
        weak.put("password", "123");
        create(as(admin), practiceId, weak).statusCode(400).contentType(PROBLEM)
                .body("errors.find { it.field == 'password' }.code", equalTo("weak_password"));
        Map<String, Object> badEmail = secretary();
        badEmail.put("email", "accueil");
        create(as(admin), practiceId, badEmail).statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("email"));
        Map<String, Object> noName = secretary();
        noName.remove("displayName");
        create(as(admin), practiceId, noName).statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("displayName"));
        Map<String, Object> strayPractitioner = secretary();
        strayPractitioner.put("practitionerId", fx.practitioner(practiceId, "Pédiatre"));
        create(as(admin), practiceId, strayPractitioner).statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("practitionerId"));

        Map<String, Object> taken = secretary();
        taken.put("email", admin.email().toUpperCase());
        create(as(admin), practiceId, taken).statusCode(409).contentType(PROBLEM).body("code", equalTo("email_taken"));
    }

    @Test
    void onlyTheAdminOfThatPracticeCreatesStaff() {
        long otherPractice = fx.practice("Ailleurs", "Europe/Paris");
        Map<String, Object> body = secretary();
        create(as(admin), otherPractice, body).statusCode(404).contentType(PROBLEM);
        create(as(admin), 999_999_999L, body).statusCode(404).contentType(PROBLEM);
        create(as(fx.staff(Role.SECRETARY, practiceId, null)), practiceId, body).statusCode(403).contentType(PROBLEM);
        long practitionerId = fx.practitioner(practiceId, "Pédiatre");
        create(as(fx.staff(Role.PRACTITIONER, practiceId, practitionerId)), practiceId, body).statusCode(403).contentType(PROBLEM);
        create(as(fx.patientAccount()), practiceId, body).statusCode(403).contentType(PROBLEM);
        create(given(), practiceId, body).statusCode(401).contentType(PROBLEM);
        assertThat(fx.queryLong("SELECT count(*) FROM account WHERE lower(email) = lower(?)", (String) body.get("email"))).isZero();
    }
}
