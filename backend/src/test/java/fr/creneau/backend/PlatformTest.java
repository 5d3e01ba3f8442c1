package fr.creneau.backend;

import fr.creneau.backend.support.PostgresAndKeysResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@WithTestResource(value = PostgresAndKeysResource.class, scope = TestResourceScope.GLOBAL)
class PlatformTest {
    @Test
    void healthIsUpWithTheDatabase() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void openApiIsServed() {
        given().get("/q/openapi").then().statusCode(200).body(containsString("Creneau API"));
    }

    @Test
    void unknownPathIsProblemJson() {
        given().get("/api/nowhere").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404)).body("code", equalTo("not_found"));
    }
}
