package fr.creneau.backend.auth;

import fr.creneau.backend.support.Fixtures;
import fr.creneau.backend.support.PostgresAndKeysResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static fr.creneau.backend.auth.AuthApi.login;
import static fr.creneau.backend.auth.AuthApi.refresh;
import static org.assertj.core.api.Assertions.assertThat;

/** Parallel requests cannot get around the login limit or use one refresh token twice. */
@QuarkusTest
@WithTestResource(value = PostgresAndKeysResource.class, scope = TestResourceScope.GLOBAL)
class ConcurrentAuthTest {

    @Inject
    Fixtures fx;

    @Test
    void parallelGuessesGetNoMoreThanTheAllowedAttempts() throws Exception {
        Fixtures.Actor patient = fx.patientAccount();
        List<Integer> statuses = inParallel(20, () -> login(patient.email(), "guess-" + Thread.currentThread().getId())
                .extract().statusCode());
        // Four plain refusals, then the fifth locks and every later one is throttled
        assertThat(statuses).filteredOn(s -> s == 401).hasSize(4);
        assertThat(statuses).filteredOn(s -> s == 429).hasSize(16);
        login(patient.email(), Fixtures.PASSWORD).statusCode(429);
    }

    @Test
    void aRefreshTokenUsedTwiceAtOnceWinsOnceAndKillsTheFamily() throws Exception {
        Fixtures.Actor patient = fx.patientAccount();
        String token = login(patient.email(), Fixtures.PASSWORD).statusCode(200).extract().path("refreshToken");
        List<String> answers = new ArrayList<>();
        for (var response : inParallel(2, () -> refresh(token).extract())) {
            answers.add(response.statusCode() + " " + (response.statusCode() == 200
                    ? response.path("refreshToken") : response.path("code")));
        }
        assertThat(answers).filteredOn(a -> a.startsWith("200 ")).hasSize(1);
        assertThat(answers).filteredOn(a -> a.equals("401 refresh_token_reused")).hasSize(1);
        String winner = answers.stream().filter(a -> a.startsWith("200 ")).findFirst().orElseThrow().substring(4);
        refresh(winner).statusCode(401);
    }

    /** Starts the calls together, so that they overlap inside the server. */
    private static <T> List<T> inParallel(int n, Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
