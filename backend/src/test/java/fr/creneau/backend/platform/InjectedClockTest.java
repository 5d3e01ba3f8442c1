package fr.creneau.backend.platform;

import fr.creneau.backend.messaging.PracticeWorld;
import fr.creneau.backend.support.Fixtures;
import fr.creneau.backend.support.MovableClock;
import fr.creneau.backend.support.PostgresAndKeysResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static fr.creneau.backend.messaging.PracticeWorld.as;
import static fr.creneau.backend.messaging.PracticeWorld.renewal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Requests, replies, calls and journal entries are stamped by the application's Clock, the one every time rule
 * reads, not by the machine's: under a test's fixed clock (here tomorrow, so never the real now) they carry its
 * instant to the microsecond, and the journal's chain still verifies.
 */
@QuarkusTest
@WithTestResource(value = PostgresAndKeysResource.class, scope = TestResourceScope.GLOBAL)
class InjectedClockTest {
    @Inject
    Fixtures fx;

    @Test
    void messagesCallsAndJournalEntriesCarryTheClocksInstant() {
        PracticeWorld w = new PracticeWorld(fx);
        ZoneId paris = ZoneId.of("Europe/Paris");
        Instant t0 = LocalDate.now(paris).plusDays(1).atTime(LocalTime.of(10, 0, 0, 123_456_000)).atZone(paris).toInstant();
        MovableClock clock = MovableClock.install(t0);

        long request = w.request(w.patient.patientId(), renewal());
        assertThat(instant(as(w.patient).get("/api/requests/" + request).then().statusCode(200)
                .extract().path("createdAt"))).isEqualTo(t0);

        clock.advance(Duration.ofMinutes(5));
        as(w.practitioner).body(Map.of("body", "Ordonnance prête à l'accueil.")).post("/api/requests/" + request + "/replies")
                .then().statusCode(201);
        List<String> replies = as(w.patient).get("/api/requests/" + request + "/replies").then().statusCode(200)
                .extract().path("createdAt");
        assertThat(replies).hasSize(1);
        assertThat(instant(replies.get(0))).isEqualTo(t0.plus(Duration.ofMinutes(5)));
        assertThat(instant(as(w.patient).get("/api/requests/" + request).then().statusCode(200)
                .extract().path("firstAnsweredAt"))).isEqualTo(t0.plus(Duration.ofMinutes(5)));

        clock.advance(Duration.ofMinutes(5));
        Instant t10 = t0.plus(Duration.ofMinutes(10));
        long call = ((Number) as(w.secretary).body(Map.of("callerName", "M. Roux"))
                .post("/api/practices/" + w.practiceId + "/calls").then().statusCode(201).extract().path("id")).longValue();
        assertThat(instant(as(w.secretary).get("/api/calls/" + call).then().statusCode(200).extract().path("startedAt")))
                .isEqualTo(t10);
        // the default window, the last 24 hours, ends at the clock's now and holds the call just opened
        List<Integer> listed = as(w.secretary).get("/api/practices/" + w.practiceId + "/calls").then().statusCode(200)
                .extract().path("id");
        assertThat(listed).contains((int) call);

        // the journal: every entry of the practice, this reading of it last, at the clock's instants
        as(w.admin).get("/api/practices/" + w.practiceId + "/journal").then().statusCode(200);
        assertThat(fx.queryLong("SELECT count(*) FROM access_journal WHERE practice_id = ? AND at < ?",
                w.practiceId, java.time.OffsetDateTime.ofInstant(t0, java.time.ZoneOffset.UTC))).isZero();
        assertThat(micros("SELECT max(at) FROM access_journal WHERE practice_id = ?", w.practiceId))
                .isEqualTo(micros(t10));
        as(w.admin).get("/api/practices/" + w.practiceId + "/journal/verify").then().statusCode(200)
                .body("valid", equalTo(true));
    }

    private static Instant instant(Object text) {
        assertThat(text).isNotNull();
        return Instant.parse((String) text);
    }

    private long micros(String sql, Object... args) {
        return fx.queryLong("SELECT CAST(EXTRACT(EPOCH FROM (" + sql + ")) * 1000000 AS bigint)", args);
    }

    private static long micros(Instant i) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, i);
    }
}
