package fr.creneau.backend.auth;

import fr.creneau.backend.support.Fixtures;
import fr.creneau.backend.support.PostgresAndKeysResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.Map;

import static fr.creneau.backend.auth.AuthApi.PASSWORD;
import static fr.creneau.backend.auth.AuthApi.login;
import static fr.creneau.backend.auth.AuthApi.me;
import static fr.creneau.backend.auth.AuthApi.newEmail;
import static fr.creneau.backend.auth.AuthApi.register;
import static fr.creneau.backend.auth.AuthApi.registration;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(value = PostgresAndKeysResource.class, scope = TestResourceScope.GLOBAL)
class AuthFlowTest {
    private static final String PROBLEM = "application/problem+json";

    @Inject
    Fixtures fx;

    @Test
    void registerThenLoginThenMe() {
        String email = newEmail();
        Map<String, Object> body = registration(email);
        body.put("phone", "+33 6 12 34 56 78".replace(" ", ""));
        JsonPath registered = register(body).statusCode(201)
                .body("accessToken", notNullValue())
                .body("refreshToken", notNullValue())
                .body("expiresIn", equalTo(900))
                .body("account.email", equalTo(email))
                .body("account.role", equalTo("PATIENT"))
                .body("account.displayName", equalTo("Léa Martin"))
                .body("account.patients", hasSize(1))
                .body("account.patients[0].birthDate", equalTo("1990-06-15"))
                .body("account.patients[0].phone", equalTo("+33612345678"))
                .extract().jsonPath();
        long accountId = registered.getLong("account.id");
        long patientId = registered.getLong("account.patients[0].id");

        // Stored as a bcrypt hash, never in clear
        String hash = fx.queryString("SELECT password_hash FROM account WHERE id = ?", accountId);
        assertThat(hash).startsWith("$2").doesNotContain(PASSWORD);
        assertThat(fx.queryLong("SELECT patient_id FROM account WHERE id = ?", accountId)).isEqualTo(patientId);

        // Email matching ignores case
        String token = login(email.toUpperCase(), PASSWORD).statusCode(200)
                .body("account.id", equalTo((int) accountId))
                .extract().path("accessToken");
        me(token).statusCode(200)
                .body("id", equalTo((int) accountId))
                .body("email", equalTo(email))
                .body("role", equalTo("PATIENT"))
                .body("patients[0].id", equalTo((int) patientId))
                .body("patients[0].holderId", nullValue());
    }

    @Test
    void registeringATakenEmailAnswers409WhateverItsCase() {
        String email = newEmail();
        register(registration(email)).statusCode(201);
        register(registration(email.toUpperCase())).statusCode(409)
                .contentType(PROBLEM)
                .body("code", equalTo("email_taken"));
        assertThat(fx.queryLong("SELECT count(*) FROM account WHERE lower(email) = lower(?)", email)).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource({
            "email, not-an-email, invalid_email",
            "email, '', required",
            "password, short, weak_password",
            "lastName, '', required",
            "firstName, '', required",
            "birthDate, 15/06/1990, invalid_date",
            "birthDate, 1990-02-30, invalid_date",
            "birthDate, FUTURE, future_date",
            "phone, 0612345678, invalid_phone",
            "phone, +330012345678, invalid_phone",
            "phone, +3361234, invalid_phone",
            "phone, +999123456789, invalid_phone",
    })
    void badRegistrationFieldIsNamed(String field, String value, String code) {
        Map<String, Object> body = registration(newEmail());
        body.put(field, "FUTURE".equals(value) ? LocalDate.now().plusDays(2).toString() : value);
        register(body).statusCode(400)
                .contentType(PROBLEM)
                .body("status", equalTo(400))
                .body("errors.field", hasItem(field))
                .body("errors.find { it.field == '" + field + "' }.code", equalTo(code));
    }

    @Test
    void missingFieldsAndWrongTypesAreProblems() {
        given().contentType(ContentType.JSON).body("{}").post("/api/auth/register").then()
                .statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("email"))
                .body("errors.field", hasItem("password"))
                .body("errors.field", hasItem("phone"));
        given().contentType(ContentType.JSON).body("{\"email\": 12}").post("/api/auth/register").then()
                .statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("email"));
        given().contentType(ContentType.JSON).body("{\"email\": \"a@b.fr\"}").post("/api/auth/login").then()
                .statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("password"));
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSameAnswer() {
        String email = newEmail();
        register(registration(email)).statusCode(201);
        String wrongPassword = login(email, "not-the-password").statusCode(401)
                .contentType(PROBLEM).body("code", equalTo("bad_credentials"))
                .extract().body().asString();
        String unknownEmail = login(newEmail(), PASSWORD).statusCode(401)
                .contentType(PROBLEM).body("code", equalTo("bad_credentials"))
                .extract().body().asString();
        assertThat(unknownEmail).isEqualTo(wrongPassword);
    }

    @Test
    void failedLoginsLockTheAccountUntilTheLockExpires() {
        Fixtures.Actor patient = fx.patientAccount();
        for (int i = 1; i <= 4; i++) {
            login(patient.email(), "wrong-password-" + i).statusCode(401).body("code", equalTo("bad_credentials"));
        }
        // The fifth failure locks
        login(patient.email(), "wrong-password-5").statusCode(429)
                .contentType(PROBLEM)
                .body("code", equalTo("too_many_attempts"))
                .header("Retry-After", notNullValue());
        // Locked: even the right password is refused, with the time to wait
        String retryAfter = login(patient.email(), Fixtures.PASSWORD).statusCode(429)
                .body("code", equalTo("too_many_attempts"))
                .extract().header("Retry-After");
        assertThat(Long.parseLong(retryAfter)).isBetween(1L, 15L * 60);
        // Another account is not affected
        Fixtures.Actor other = fx.patientAccount();
        login(other.email(), Fixtures.PASSWORD).statusCode(200);

        // The lock expires
        fx.update("UPDATE account SET locked_until = now() - interval '1 second' WHERE id = ?", patient.accountId());
        login(patient.email(), Fixtures.PASSWORD).statusCode(200);
        assertThat(fx.queryString("SELECT locked_until FROM account WHERE id = ?", patient.accountId())).isNull();
    }

    @Test
    void aSuccessfulLoginResetsTheFailureCount() {
        Fixtures.Actor patient = fx.patientAccount();
        for (int i = 0; i < 4; i++) {
            login(patient.email(), "wrong-password").statusCode(401);
        }
        login(patient.email(), Fixtures.PASSWORD).statusCode(200);
        assertThat(fx.queryLong("SELECT failed_logins FROM account WHERE id = ?", patient.accountId())).isZero();
        // Four more failures are allowed again before the lock
        for (int i = 0; i < 4; i++) {
            login(patient.email(), "wrong-password").statusCode(401);
        }
        login(patient.email(), Fixtures.PASSWORD).statusCode(200);
    }
}
