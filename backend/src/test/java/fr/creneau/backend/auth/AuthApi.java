package fr.creneau.backend.auth;

import fr.creneau.backend.support.Fixtures;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Calls of the auth API shared by the auth tests. */
final class AuthApi {
    static final String PASSWORD = "un-mot-de-passe-solide";

    private AuthApi() {
    }

    static Map<String, Object> registration(String email) {
        Map<String, Object> body = new HashMap<>();
        body.put("email", email);
        body.put("password", PASSWORD);
        body.put("lastName", "Martin");
        body.put("firstName", "Léa");
        body.put("birthDate", "1990-06-15");
        body.put("phone", "+33612345678");
        return body;
    }

    static String newEmail() {
        return Fixtures.unique("lea") + "@example.org";
    }

    static ValidatableResponse register(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/auth/register").then();
    }

    static ValidatableResponse login(String email, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("email", email, "password", password))
                .post("/api/auth/login").then();
    }

    static ValidatableResponse refresh(String refreshToken) {
        return given().contentType(ContentType.JSON).body(Map.of("refreshToken", refreshToken))
                .post("/api/auth/refresh").then();
    }

    static ValidatableResponse logout(String refreshToken) {
        return given().contentType(ContentType.JSON).body(Map.of("refreshToken", refreshToken))
                .post("/api/auth/logout").then();
    }

    static ValidatableResponse me(String accessToken) {
        return given().header("Authorization", "Bearer " + accessToken).get("/api/me").then();
    }
}
