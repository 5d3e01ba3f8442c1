package fr.creneau.backend.notification;

import fr.creneau.backend.messaging.PracticeWorld;
import fr.creneau.backend.support.Fixtures;
import fr.creneau.backend.support.MovableClock;
import fr.creneau.backend.support.PostgresAndKeysResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;

import static fr.creneau.backend.messaging.PracticeWorld.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #4: quiet hours apply to every push, including REQUEST_ANSWERED, which is tied to no appointment: a reply
 * written at night is pushed at the end of the practice's quiet hours (08:00 Paris by default), never at once.
 * Time comes from the injected Clock, replaced for each test.
 */
@QuarkusTest
@WithTestResource(value = PostgresAndKeysResource.class, scope = TestResourceScope.GLOBAL)
class RequestAnsweredQuietHoursTest {
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Inject
    Fixtures fx;

    PracticeWorld w;
    LocalDate day;

    @BeforeEach
    void setUp() {
        w = new PracticeWorld(fx);
        day = LocalDate.now(PARIS);
    }

    private long dueAtOfReplyAt(LocalDate date, LocalTime localTime) {
        long id = w.request(w.patient.patientId(), PracticeWorld.renewal());
        QuarkusMock.installMockForType(new MovableClock(ZonedDateTime.of(date, localTime, PARIS).toInstant()),
                Clock.class);
        as(w.practitioner).body(Map.of("body", "C'est prêt.")).post("/api/requests/" + id + "/replies").then().statusCode(201);
        return fx.queryLong("SELECT CAST(EXTRACT(EPOCH FROM due_at) AS bigint) FROM notification_outbox"
                + " WHERE kind = 'REQUEST_ANSWERED' AND payload ->> 'requestId' = CAST(? AS text)", id);
    }

    private static long epoch(LocalDate date, LocalTime t) {
        return ZonedDateTime.of(date, t, PARIS).toEpochSecond();
    }

    @Test
    void aReplyInTheEveningIsPushedAtEightTheNextMorning() {
        assertThat(dueAtOfReplyAt(day, LocalTime.of(22, 30))).isEqualTo(epoch(day.plusDays(1), LocalTime.of(8, 0)));
    }

    @Test
    void aReplyAfterMidnightIsPushedAtEightTheSameMorning() {
        assertThat(dueAtOfReplyAt(day, LocalTime.of(5, 15))).isEqualTo(epoch(day, LocalTime.of(8, 0)));
    }

    @Test
    void aReplyInTheDayIsPushedAtOnce() {
        assertThat(dueAtOfReplyAt(day, LocalTime.of(14, 0))).isEqualTo(epoch(day, LocalTime.of(14, 0)));
        assertThat(dueAtOfReplyAt(day, LocalTime.of(8, 0))).isEqualTo(epoch(day, LocalTime.of(8, 0)));
    }

    @Test
    void thePracticesOwnQuietHoursApply() {
        fx.update("INSERT INTO notification_policy (practice_id, quiet_start, quiet_end) VALUES (?, '19:00', '09:30')",
                w.practiceId);
        assertThat(dueAtOfReplyAt(day, LocalTime.of(19, 30))).isEqualTo(epoch(day.plusDays(1), LocalTime.of(9, 30)));
        assertThat(dueAtOfReplyAt(day, LocalTime.of(18, 59))).isEqualTo(epoch(day, LocalTime.of(18, 59)));
    }

    @Test
    void quietHoursDeferAMessageTiedToNoAppointmentToTheirEnd() {
        ZonedDateTime night = ZonedDateTime.of(day, LocalTime.of(23, 0), PARIS);
        assertThat(QuietHours.defer(night.toInstant(), PARIS, LocalTime.of(21, 0), LocalTime.of(8, 0)))
                .isEqualTo(ZonedDateTime.of(day.plusDays(1), LocalTime.of(8, 0), PARIS).toInstant());
        Instant noon = ZonedDateTime.of(day, LocalTime.NOON, PARIS).toInstant();
        assertThat(QuietHours.defer(noon, PARIS, LocalTime.of(21, 0), LocalTime.of(8, 0))).isEqualTo(noon);
    }
}
