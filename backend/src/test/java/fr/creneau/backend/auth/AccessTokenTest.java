package fr.creneau.backend.auth;

import fr.creneau.backend.support.Fixtures;
import fr.creneau.backend.support.PostgresAndKeysResource;
import fr.creneau.model.rules.Role;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static fr.creneau.backend.auth.AuthApi.me;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Only tokens that this server signed, for this app, still valid, get in; every other one is a 401 problem. */
@QuarkusTest
@WithTestResource(value = PostgresAndKeysResource.class, scope = TestResourceScope.GLOBAL)
class AccessTokenTest {
    private static final String PROBLEM = "application/problem+json";

    @Inject
    Fixtures fx;

    @Inject
    JWTParser parser;

    @Test
    void aWellFormedTokenIsAccepted() {
        Fixtures.Actor patient = fx.patientAccount();
        me(TestTokens.valid(patient)).statusCode(200).body("id", equalTo((int) patient.accountId()));
        me(patient.token()).statusCode(200);
    }

    @Test
    void expiredTokenIsRejected() {
        rejected(TestTokens.expired(fx.patientAccount()));
    }

    @Test
    void wrongIssuerIsRejected() {
        rejected(TestTokens.wrongIssuer(fx.patientAccount()));
    }

    @Test
    void wrongOrMissingAudienceIsRejected() {
        Fixtures.Actor patient = fx.patientAccount();
        rejected(TestTokens.wrongAudience(patient));
        rejected(TestTokens.noAudience(patient));
    }

    @Test
    void unsignedTokenIsRejected() {
        rejected(TestTokens.unsigned(fx.patientAccount()));
    }

    @Test
    void tamperedOrForeignSignatureIsRejected() {
        long practiceId = fx.practice("Cabinet", "Europe/Paris");
        Fixtures.Actor secretary = fx.staff(Role.SECRETARY, practiceId, null);
        rejected(TestTokens.tampered(secretary, secretary.token()));
        rejected(TestTokens.signedByAnotherKey(secretary));
        rejected("not.a.jwt");
        rejected("garbage");
    }

    @Test
    void aTokenInUseDoesNotLetItsForgedVariantsIn() {
        // the request path's parser remembers verified tokens (VerifiedTokenCache): a forgery of a remembered
        // token, same signature and raised role, is a different text and is verified, and refused
        assertThat(parser).isInstanceOf(VerifiedTokenCache.class);
        long practiceId = fx.practice("Cabinet", "Europe/Paris");
        Fixtures.Actor secretary = fx.staff(Role.SECRETARY, practiceId, null);
        me(secretary.token()).statusCode(200);
        me(secretary.token()).statusCode(200).body("id", equalTo((int) secretary.accountId()));
        rejected(TestTokens.tampered(secretary, secretary.token()));
        rejected(secretary.token() + "x");
        me(secretary.token()).statusCode(200);
    }

    @Test
    void anInvalidTokenIsRefusedOnEveryKindOfEndpoint() {
        Fixtures.Actor patient = fx.patientAccount();
        String expired = TestTokens.expired(patient);
        given().header("Authorization", "Bearer " + expired).contentType(ContentType.JSON)
                .body(Map.of("pushKey", "cn1-fcm-abc")).post("/api/me/devices").then()
                .statusCode(401).contentType(PROBLEM).body("code", equalTo("unauthorized"));
        long practiceId = fx.practice("Cabinet", "Europe/Paris");
        given().header("Authorization", "Bearer " + expired).contentType(ContentType.JSON)
                .body(Map.of()).post("/api/practices/" + practiceId + "/staff").then()
                .statusCode(401).contentType(PROBLEM);
        // A public endpoint too: the app learns that its token needs a refresh
        given().header("Authorization", "Bearer " + expired).get("/api/nowhere").then()
                .statusCode(401).contentType(PROBLEM);
    }

    @Test
    void noTokenIs401Problem() {
        given().get("/api/me").then().statusCode(401).contentType(PROBLEM).body("code", equalTo("unauthorized"));
    }

    private static void rejected(String token) {
        me(token).statusCode(401).contentType(PROBLEM).body("status", equalTo(401)).body("code", equalTo("unauthorized"));
    }
}
