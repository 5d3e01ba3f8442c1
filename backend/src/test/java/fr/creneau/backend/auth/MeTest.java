package fr.creneau.backend.auth;

import fr.creneau.backend.support.Fixtures;
import fr.creneau.backend.support.PostgresAndKeysResource;
import fr.creneau.model.rules.Role;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static fr.creneau.backend.auth.AuthApi.me;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(value = PostgresAndKeysResource.class, scope = TestResourceScope.GLOBAL)
class MeTest {
    private static final String PROBLEM = "application/problem+json";

    @Inject
    Fixtures fx;

    private static Map<String, Object> child() {
        Map<String, Object> body = new HashMap<>();
        body.put("lastName", "Durand");
        body.put("firstName", "Jules");
        body.put("birthDate", "2019-09-01");
        return body;
    }

    private static ValidatableResponse addRelative(Fixtures.Actor actor, Map<String, Object> body) {
        return given().header("Authorization", actor.bearer()).contentType(ContentType.JSON).body(body)
                .post("/api/me/relatives").then();
    }

    private static ValidatableResponse addDevice(Fixtures.Actor actor, String pushKey) {
        return given().header("Authorization", actor.bearer()).contentType(ContentType.JSON)
                .body(Map.of("pushKey", pushKey)).post("/api/me/devices").then();
    }

    @Test
    void staffSeeTheirPracticeAndNoPatients() {
        long practiceId = fx.practice("Cabinet", "Europe/Paris");
        long practitionerId = fx.practitioner(practiceId, "Médecin généraliste");
        Fixtures.Actor doctor = fx.staff(Role.PRACTITIONER, practiceId, practitionerId);
        me(doctor.token()).statusCode(200)
                .body("role", equalTo("PRACTITIONER"))
                .body("practiceId", equalTo((int) practiceId))
                .body("practitionerId", equalTo((int) practitionerId))
                .body("patients", nullValue());
    }

    @Test
    void aPatientAddsARelativeAndSeesItOnTheAccount() {
        Fixtures.Actor holder = fx.patientAccount();
        int childId = addRelative(holder, child()).statusCode(201)
                .body("holderId", equalTo(holder.patientId().intValue()))
                .body("firstName", equalTo("Jules"))
                .body("birthDate", equalTo("2019-09-01"))
                .extract().path("id");
        assertThat(fx.queryLong("SELECT holder_id FROM patient WHERE id = ?", (long) childId)).isEqualTo(holder.patientId());

        me(holder.token()).statusCode(200)
                .body("patients", hasSize(2))
                .body("patients[0].id", equalTo(holder.patientId().intValue()))
                .body("patients[1].id", equalTo(childId));

        // Nobody else sees that child
        Fixtures.Actor stranger = fx.patientAccount();
        me(stranger.token()).statusCode(200).body("patients", hasSize(1));
    }

    @Test
    void aRelativeMayHaveAPhoneStoredInE164() {
        Fixtures.Actor holder = fx.patientAccount();
        Map<String, Object> body = child();
        body.put("phone", "+447911123456");
        addRelative(holder, body).statusCode(201).body("phone", equalTo("+447911123456"));
    }

    @ParameterizedTest
    @CsvSource({
            "lastName, '', required",
            "firstName, '', required",
            "birthDate, 2019-13-01, invalid_date",
            "birthDate, FUTURE, future_date",
            "phone, +330012345678, invalid_phone",
            "email, nope, invalid_email",
    })
    void badRelativeFieldIsNamed(String field, String value, String code) {
        Map<String, Object> body = child();
        body.put(field, "FUTURE".equals(value) ? LocalDate.now().plusDays(2).toString() : value);
        addRelative(fx.patientAccount(), body).statusCode(400).contentType(PROBLEM)
                .body("errors.find { it.field == '" + field + "' }.code", equalTo(code));
    }

    @Test
    void onlyPatientsHaveRelatives() {
        long practiceId = fx.practice("Cabinet", "Europe/Paris");
        addRelative(fx.staff(Role.SECRETARY, practiceId, null), child()).statusCode(403).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body(child()).post("/api/me/relatives").then()
                .statusCode(401).contentType(PROBLEM);
    }

    @Test
    void aDeviceKeyIsStoredOnceAndMovesWithTheAccountThatRegistersIt() {
        Fixtures.Actor first = fx.patientAccount();
        String key = Fixtures.unique("cn1-fcm-token");
        addDevice(first, key).statusCode(204);
        addDevice(first, key).statusCode(204);
        assertThat(fx.queryLong("SELECT count(*) FROM device_token WHERE push_key = ?", key)).isEqualTo(1);
        assertThat(fx.queryLong("SELECT account_id FROM device_token WHERE push_key = ?", key)).isEqualTo(first.accountId());

        long practiceId = fx.practice("Cabinet", "Europe/Paris");
        Fixtures.Actor secretary = fx.staff(Role.SECRETARY, practiceId, null);
        addDevice(secretary, key).statusCode(204);
        assertThat(fx.queryLong("SELECT count(*) FROM device_token WHERE push_key = ?", key)).isEqualTo(1);
        assertThat(fx.queryLong("SELECT account_id FROM device_token WHERE push_key = ?", key)).isEqualTo(secretary.accountId());

        // A second device of the same account is a second row
        addDevice(secretary, Fixtures.unique("cn1-ios-token")).statusCode(204);
        assertThat(fx.queryLong("SELECT count(*) FROM device_token WHERE account_id = ?", secretary.accountId())).isEqualTo(2);
    }

    @Test
    void badOrAnonymousDeviceRegistration() {
        Fixtures.Actor patient = fx.patientAccount();
        given().header("Authorization", patient.bearer()).contentType(ContentType.JSON).body("{}")
                .post("/api/me/devices").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("pushKey"));
        given().header("Authorization", patient.bearer()).contentType(ContentType.JSON).body("{\"pushKey\": 5}")
                .post("/api/me/devices").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("pushKey"));
        given().contentType(ContentType.JSON).body(Map.of("pushKey", "cn1-fcm-x")).post("/api/me/devices").then()
                .statusCode(401).contentType(PROBLEM);
    }
}
