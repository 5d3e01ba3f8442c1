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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every documented operation outside /api/auth (whose endpoints do not read the access token) refuses an expired
 * token, a wrong issuer or audience, alg none, a tampered or foreign signature, with 401 problem+json, while the
 * same claims correctly signed here pass: so each refusal comes from the one defect.
 */
@QuarkusTest
@WithTestResource(value = PostgresAndKeysResource.class, scope = TestResourceScope.GLOBAL)
class ForgedTokenTest {

    @Inject
    Fixtures fx;

    @Test
    void everyOperationRefusesEveryForgedToken() {
        World w = new World(fx);
        Set<String> documented = OpenApi.keys(OpenApi.operations());
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Matrix.Row row : Matrix.rows().values()) {
            if (!documented.contains(row.key()) || row.key().contains(" /api/auth/")) {
                continue;
            }
            Caller caller = callerWithAccess(row);
            Fixtures.Actor actor = w.actor(caller == Caller.ANONYMOUS ? Caller.PATIENT : caller);
            for (Map.Entry<String, String> forged : TokenForge.forgedHeaders(actor).entrySet()) {
                Ctx ctx = new Ctx(w, caller == Caller.ANONYMOUS ? Caller.PATIENT : caller, Target.OWN, forged.getValue());
                Response r = row.call().apply(ctx);
                checked++;
                String what = row.key() + " with " + forged.getKey() + " (" + actor.role() + ")";
                if (forged.getKey().equals(TokenForge.CONTROL)) {
                    if (!Matrix.matches(row.expected(caller, Target.OWN), r.statusCode())) {
                        failures.add(what + ": the control token should pass, got " + r.statusCode() + " "
                                + Answers.excerpt(r));
                    }
                    continue;
                }
                if (r.statusCode() != 401) {
                    failures.add(what + ": expected 401, got " + r.statusCode() + " " + Answers.excerpt(r));
                }
                String problem = Answers.check(r);
                if (problem != null) {
                    failures.add(what + ": " + problem);
                }
            }
        }
        assertThat(checked).isGreaterThan(0);
        assertThat(failures).as("forged tokens (%d calls)", checked).isEmpty();
    }

    /**
     * The first caller the matrix lets through authorization on their own object (2xx, or a business answer such
     * as 422), so only the token can explain a 401.
     */
    private static Caller callerWithAccess(Matrix.Row row) {
        for (Caller c : new Caller[]{Caller.PATIENT, Caller.PRACTITIONER, Caller.SECRETARY, Caller.PRACTICE_ADMIN,
                Caller.ANONYMOUS}) {
            String own = row.expected(c, Target.OWN);
            if (!own.equals("401") && !own.equals("403") && !own.equals("404") && !own.equals("4xx")) {
                return c;
            }
        }
        return Caller.PATIENT;
    }
}
