package fr.creneau.backend.demo;

import fr.creneau.backend.support.Fixtures;
import fr.creneau.backend.support.PostgresAndKeysResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@WithTestResource(value = PostgresAndKeysResource.class, scope = TestResourceScope.GLOBAL)
class DemoDataTest {
    @Inject
    DemoData demo;

    @Inject
    Fixtures fx;

    @Test
    void loadsTheDemoCentreOnceWithItsPeopleAndAgenda() throws Exception {
        // A Sunday, so that "today" rolls over to Monday for the agenda; the coming one, since the absence's
        // proposals are computed from the real now (FalloutService's clock) and must be ahead of it
        Instant sunday = LocalDate.now(ZoneId.of("Europe/Paris")).with(TemporalAdjusters.next(DayOfWeek.SUNDAY))
                .atTime(10, 0).toInstant(ZoneOffset.UTC);
        demo.load(Clock.fixed(sunday, ZoneOffset.UTC));
        demo.load(Clock.fixed(sunday, ZoneOffset.UTC));

        long practice = fx.queryLong("SELECT id FROM practice WHERE name = ?", DemoData.PRACTICE_NAME);
        assertThat(fx.queryLong("SELECT count(*) FROM practice WHERE name = ?", DemoData.PRACTICE_NAME)).isEqualTo(1);
        assertThat(fx.queryLong("SELECT count(*) FROM practitioner WHERE practice_id = ?", practice)).isEqualTo(3);
        assertThat(fx.queryLong("SELECT count(DISTINCT duration_minutes) FROM motive WHERE practice_id = ?", practice)).isGreaterThanOrEqualTo(5);
        assertThat(fx.queryLong("SELECT count(*) FROM opening_range r JOIN practitioner p ON p.id = r.practitioner_id"
                + " WHERE p.practice_id = ? AND r.urgency_reserve", practice)).isEqualTo(5);
        assertThat(fx.queryLong("SELECT count(*) FROM absence a JOIN practitioner p ON p.id = a.practitioner_id"
                + " WHERE p.practice_id = ?", practice)).isEqualTo(1);
        assertThat(fx.queryLong("SELECT count(*) FROM appointment WHERE practice_id = ? AND starts_at > ?",
                practice, java.sql.Timestamp.from(sunday))).isGreaterThanOrEqualTo(6);
        assertThat(fx.queryLong("SELECT count(*) FROM patient WHERE holder_id = (SELECT patient_id FROM account"
                + " WHERE email = 'patient@demo.creneau.fr')")).isEqualTo(1);
        assertThat(fx.queryLong("SELECT count(*) FROM motive WHERE practice_id = ? AND script_questions_fr IS NOT NULL"
                + " AND script_questions_en IS NOT NULL AND script_answers_fr IS NOT NULL AND script_answers_en IS NOT NULL",
                practice)).isEqualTo(4);
        assertThat(fx.queryString("SELECT script_questions_fr FROM motive WHERE practice_id = ? AND label_fr = ?",
                practice, "Renouvellement d'ordonnance")).startsWith("Quel médicament ?\n");
        assertThat(fx.queryString("SELECT string_agg(role, ',' ORDER BY role) FROM account WHERE email LIKE '%@demo.creneau.fr'"))
                .isEqualTo("PATIENT,PRACTICE_ADMIN,PRACTITIONER,PRACTITIONER,PRACTITIONER,SECRETARY");

        // Dr Bernard's congress holds three appointments, cancelled with other slots proposed: the secretariat's
        // "patients to call back" list is not empty on a fresh demo
        String token = given().contentType("application/json")
                .body(Map.of("email", "secretariat@demo.creneau.fr", "password", DemoData.PASSWORD))
                .post("/api/auth/login").then().statusCode(200).extract().path("accessToken");
        List<Map<String, Object>> callBacks = given().header("Authorization", "Bearer " + token)
                .get("/api/practices/{id}/absence-decisions", practice).then().statusCode(200).extract().jsonPath()
                .getList("$");
        assertThat(callBacks).hasSize(3);
        assertThat(callBacks).extracting(r -> r.get("state")).containsOnly("PENDING");
        assertThat(callBacks).extracting(r -> r.get("patientName"))
                .containsExactlyInAnyOrder("Jean Lefèvre", "Amina Benali", "Hugo Roux");
        assertThat(callBacks).extracting(r -> r.get("patientPhone")).doesNotContainNull();
        assertThat(callBacks).allSatisfy(r -> assertThat((List<?>) r.get("proposals")).hasSize(3));
        assertThat(fx.queryLong("SELECT count(*) FROM appointment a JOIN absence b ON b.practitioner_id = a.practitioner_id"
                + " AND a.starts_at < b.ends_at AND a.ends_at > b.starts_at WHERE a.practice_id = ?"
                + " AND a.status = 'CANCELLED_BY_PRACTICE'", practice)).isEqualTo(3);
    }
}
