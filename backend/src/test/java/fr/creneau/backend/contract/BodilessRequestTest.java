package fr.creneau.backend.contract;

import fr.creneau.backend.support.Fixtures;
import fr.creneau.backend.support.PostgresAndKeysResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operation that takes no body cannot ask for a body's content type: clients send none (curl, most HTTP
 * stacks) or a form type (the app's stack labels its bodiless POST, PUT and DELETE so). Every documented operation
 * without a request body, GET included, called by each caller on their own object without a Content-Type and with a
 * form one, must answer what the matrix reviewed for a JSON call; a 415 there is the bug this guards against.
 */
@QuarkusTest
@WithTestResource(value = PostgresAndKeysResource.class, scope = TestResourceScope.GLOBAL)
class BodilessRequestTest {
    /** null: no Content-Type header at all. */
    private static final List<String> CONTENT_TYPES = Arrays.asList(null, "application/x-www-form-urlencoded");

    @Inject
    Fixtures fx;

    @Test
    void everyOperationWithoutABodyIgnoresTheContentType() {
        World w = new World(fx);
        Map<String, Matrix.Row> rows = Matrix.rows();
        List<String> failures = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        for (OpenApi.Operation op : OpenApi.operations()) {
            Matrix.Row row = rows.get(op.key());
            if (op.hasBody() || op.streaming() || row == null) {
                continue; // a missing row is AuthorizationMatrixTest's failure
            }
            checked.add(op.key());
            for (String type : CONTENT_TYPES) {
                for (Caller caller : Caller.values()) {
                    Ctx ctx = new Ctx(w, caller, Target.OWN, null, type);
                    String expected = row.expected(caller, Target.OWN);
                    Response r = row.call().apply(ctx);
                    String problem = Answers.check(r);
                    if (r.statusCode() == 415 || !Matrix.matches(expected, r.statusCode())) {
                        failures.add(op.key() + " as " + caller + " with Content-Type " + type + ": expected "
                                + expected + ", got " + r.statusCode() + " " + Answers.excerpt(r));
                    } else if (problem != null) {
                        failures.add(op.key() + " as " + caller + " with Content-Type " + type + ": " + problem);
                    }
                }
            }
        }
        assertThat(checked).as("bodiless operations").contains(
                "DELETE /api/practices/{practiceId}/red-flags/{code}",
                "DELETE /api/practices/{practiceId}/clinical-grants/{accountId}",
                "DELETE /api/waitlist/{id}");
        assertThat(failures).as("bodiless operations called without a JSON content type").isEmpty();
    }
}
