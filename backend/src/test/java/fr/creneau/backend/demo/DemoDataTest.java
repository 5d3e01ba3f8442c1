package fr.creneau.backend.demo;

import fr.creneau.backend.support.Fixtures;
import fr.creneau.backend.support.PostgresAndKeysResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

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
        // A Sunday, so that "today" rolls over to Monday for the agenda
        demo.load(Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC));
        demo.load(Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC));

        long practice = fx.queryLong("SELECT id FROM practice WHERE name = ?", DemoData.PRACTICE_NAME);
        assertThat(fx.queryLong("SELECT count(*) FROM practice WHERE name = ?", DemoData.PRACTICE_NAME)).isEqualTo(1);
        assertThat(fx.queryLong("SELECT count(*) FROM practitioner WHERE practice_id = ?", practice)).isEqualTo(3);
        assertThat(fx.queryLong("SELECT count(DISTINCT duration_minutes) FROM motive WHERE practice_id = ?", practice)).isGreaterThanOrEqualTo(5);
        assertThat(fx.queryLong("SELECT count(*) FROM opening_range r JOIN practitioner p ON p.id = r.practitioner_id"
                + " WHERE p.practice_id = ? AND r.urgency_reserve", practice)).isEqualTo(5);
        assertThat(fx.queryLong("SELECT count(*) FROM absence a JOIN practitioner p ON p.id = a.practitioner_id"
                + " WHERE p.practice_id = ?", practice)).isEqualTo(1);
        assertThat(fx.queryLong("SELECT count(*) FROM appointment WHERE practice_id = ? AND starts_at > ?",
                practice, java.sql.Timestamp.from(Instant.parse("2026-11-22T10:00:00Z")))).isGreaterThanOrEqualTo(6);
        assertThat(fx.queryLong("SELECT count(*) FROM patient WHERE holder_id = (SELECT patient_id FROM account"
                + " WHERE email = 'patient@demo.creneau.fr')")).isEqualTo(1);
        assertThat(fx.queryLong("SELECT count(*) FROM motive WHERE practice_id = ? AND script_questions_fr IS NOT NULL"
                + " AND script_questions_en IS NOT NULL AND script_answers_fr IS NOT NULL AND script_answers_en IS NOT NULL",
                practice)).isEqualTo(4);
        assertThat(fx.queryString("SELECT script_questions_fr FROM motive WHERE practice_id = ? AND label_fr = ?",
                practice, "Renouvellement d'ordonnance")).startsWith("Quel médicament ?\n");
        assertThat(fx.queryString("SELECT string_agg(role, ',' ORDER BY role) FROM account WHERE email LIKE '%@demo.creneau.fr'"))
                .isEqualTo("PATIENT,PRACTICE_ADMIN,PRACTITIONER,PRACTITIONER,PRACTITIONER,SECRETARY");
    }
}
