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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every documented operation × every role × own, foreign and missing object, from the OpenAPI document the
 * backend serves. An operation without a reviewed row in {@link Matrix} fails the build, and so does a row whose
 * operation is gone.
 */
@QuarkusTest
@WithTestResource(value = PostgresAndKeysResource.class, scope = TestResourceScope.GLOBAL)
class AuthorizationMatrixTest {

    @Inject
    Fixtures fx;

    @Test
    void everyDocumentedOperationHasAReviewedRowAndEveryRowAnOperation() {
        Set<String> documented = OpenApi.keys(OpenApi.operations());
        Set<String> reviewed = new TreeSet<>(Matrix.rows().keySet());

        Set<String> unreviewed = new TreeSet<>(documented);
        unreviewed.removeAll(reviewed);
        Set<String> stale = new TreeSet<>(reviewed);
        stale.removeAll(documented);

        assertThat(unreviewed).as("operations in /q/openapi without a row in contract.Matrix: add one with the"
                + " expected answer of each caller").isEmpty();
        assertThat(stale).as("rows in contract.Matrix whose operation /q/openapi no longer documents").isEmpty();
    }

    @Test
    void everyCallerGetsTheReviewedAnswerOnOwnForeignAndMissingObjects() {
        World w = new World(fx);
        Set<String> documented = OpenApi.keys(OpenApi.operations());
        List<String> failures = new ArrayList<>();
        int calls = 0;
        for (Map.Entry<String, Matrix.Row> e : Matrix.rows().entrySet()) {
            if (!documented.contains(e.getKey())) {
                continue; // reported by the test above
            }
            Matrix.Row row = e.getValue();
            for (Caller caller : Caller.values()) {
                for (Target target : Target.values()) {
                    Ctx ctx = new Ctx(w, caller, target);
                    String expected = row.expected(caller, target);
                    Response r;
                    try {
                        r = row.call().apply(ctx);
                    } catch (RuntimeException ex) {
                        failures.add(row.key() + " as " + ctx + ": the call itself failed: " + ex);
                        continue;
                    }
                    calls++;
                    String problem = Answers.check(r);
                    if (!Matrix.matches(expected, r.statusCode())) {
                        failures.add(row.key() + " as " + ctx + ": expected " + expected + ", got " + r.statusCode()
                                + " " + Answers.excerpt(r));
                    } else if (problem != null) {
                        failures.add(row.key() + " as " + ctx + ": " + problem);
                    }
                }
            }
        }
        assertThat(calls).isGreaterThan(0);
        assertThat(failures).as("authorization matrix (%d calls)", calls).isEmpty();
    }
}
