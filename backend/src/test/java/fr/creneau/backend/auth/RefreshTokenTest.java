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

import static fr.creneau.backend.auth.AuthApi.login;
import static fr.creneau.backend.auth.AuthApi.logout;
import static fr.creneau.backend.auth.AuthApi.me;
import static fr.creneau.backend.auth.AuthApi.refresh;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@WithTestResource(value = PostgresAndKeysResource.class, scope = TestResourceScope.GLOBAL)
class RefreshTokenTest {
    private static final String PROBLEM = "application/problem+json";

    @Inject
    Fixtures fx;

    private JsonPath signIn(Fixtures.Actor actor) {
        return login(actor.email(), Fixtures.PASSWORD).statusCode(200).extract().jsonPath();
    }

    @Test
    void refreshTokenIsRandomAndStoredOnlyAsItsHash() {
        Fixtures.Actor patient = fx.patientAccount();
        String token = signIn(patient).getString("refreshToken");
        // 256 bits in base64url without padding
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(fx.queryLong("SELECT count(*) FROM refresh_token WHERE token_hash = ?", token)).isZero();
        assertThat(fx.queryLong("SELECT count(*) FROM refresh_token WHERE token_hash = ?", TokenService.sha256(token)))
                .isEqualTo(1);
        String expires = fx.queryString("SELECT (expires_at - created_at) > interval '29 days'"
                + " AND (expires_at - created_at) <= interval '30 days 1 minute' FROM refresh_token WHERE token_hash = ?",
                TokenService.sha256(token));
        assertThat(expires).isEqualTo("t");
    }

    @Test
    void refreshRotatesWithinTheFamily() {
        Fixtures.Actor patient = fx.patientAccount();
        String first = signIn(patient).getString("refreshToken");
        JsonPath rotated = refresh(first).statusCode(200)
                .body("account.id", equalTo((int) patient.accountId()))
                .extract().jsonPath();
        String second = rotated.getString("refreshToken");
        assertThat(second).isNotEqualTo(first);
        me(rotated.getString("accessToken")).statusCode(200).body("id", equalTo((int) patient.accountId()));

        assertThat(fx.queryString("SELECT family FROM refresh_token WHERE token_hash = ?", TokenService.sha256(second)))
                .isEqualTo(fx.queryString("SELECT family FROM refresh_token WHERE token_hash = ?", TokenService.sha256(first)));
        assertThat(fx.queryString("SELECT used_at FROM refresh_token WHERE token_hash = ?", TokenService.sha256(first)))
                .isNotNull();

        String third = refresh(second).statusCode(200).extract().path("refreshToken");
        refresh(third).statusCode(200);
    }

    @Test
    void reusingAUsedTokenRevokesTheWholeFamily() {
        Fixtures.Actor patient = fx.patientAccount();
        String stolen = signIn(patient).getString("refreshToken");
        String second = refresh(stolen).statusCode(200).extract().path("refreshToken");
        String newest = refresh(second).statusCode(200).extract().path("refreshToken");
        // Another device of the same account: another family, untouched
        String otherDevice = signIn(patient).getString("refreshToken");

        refresh(stolen).statusCode(401).contentType(PROBLEM).body("code", equalTo("refresh_token_reused"));

        refresh(newest).statusCode(401).contentType(PROBLEM);
        refresh(second).statusCode(401).contentType(PROBLEM);
        String family = fx.queryString("SELECT family FROM refresh_token WHERE token_hash = ?", TokenService.sha256(newest));
        assertThat(fx.queryLong("SELECT count(*) FROM refresh_token WHERE family = ? AND revoked_at IS NULL", family)).isZero();

        refresh(otherDevice).statusCode(200);
    }

    @Test
    void unknownExpiredAndMalformedRefreshTokensAre401() {
        refresh("this-token-was-never-issued-by-the-server-0000").statusCode(401)
                .contentType(PROBLEM).body("code", equalTo("invalid_refresh_token"));

        Fixtures.Actor patient = fx.patientAccount();
        String token = signIn(patient).getString("refreshToken");
        fx.update("UPDATE refresh_token SET expires_at = now() - interval '1 second' WHERE token_hash = ?",
                TokenService.sha256(token));
        refresh(token).statusCode(401).contentType(PROBLEM).body("code", equalTo("invalid_refresh_token"));

        given().contentType(ContentType.JSON).body("{}").post("/api/auth/refresh").then()
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("refreshToken"));
    }

    @Test
    void logoutRevokesTheFamily() {
        Fixtures.Actor patient = fx.patientAccount();
        String first = signIn(patient).getString("refreshToken");
        String current = refresh(first).statusCode(200).extract().path("refreshToken");

        logout(current).statusCode(204);
        refresh(current).statusCode(401).contentType(PROBLEM).body("code", equalTo("invalid_refresh_token"));
        // Logging out twice, or with an unknown token, changes nothing
        logout(current).statusCode(204);
        logout("never-issued").statusCode(204);
    }

    @Test
    void anExpiredAccessTokenSentAlongDoesNotBlockTheRefresh() {
        Fixtures.Actor patient = fx.patientAccount();
        String token = signIn(patient).getString("refreshToken");
        given().header("Authorization", "Bearer " + TestTokens.expired(patient))
                .contentType(ContentType.JSON).body(java.util.Map.of("refreshToken", token))
                .post("/api/auth/refresh").then().statusCode(200);
    }
}
