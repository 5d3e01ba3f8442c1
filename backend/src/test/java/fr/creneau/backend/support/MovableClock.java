package fr.creneau.backend.support;

import io.quarkus.test.junit.QuarkusMock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * A clock the test moves by hand. {@link #install} makes it the application's "now" for the current test (QuarkusMock
 * resets it after each test), so that a test does not depend on the hour it runs at: CI may run in the quiet hours.
 */
public final class MovableClock extends Clock {
    private volatile Instant now;

    public MovableClock(Instant now) {
        this.now = now;
    }

    /** This clock, at {@code now}, as the application's Clock for the current test. */
    public static MovableClock install(Instant now) {
        MovableClock clock = new MovableClock(now);
        QuarkusMock.installMockForType(clock, Clock.class);
        return clock;
    }

    /** Today in Paris at {@code time}: a date near the real one, so that data chosen from the real date stays valid. */
    public static MovableClock installTodayAt(LocalTime time) {
        ZoneId paris = ZoneId.of("Europe/Paris");
        return install(ZonedDateTime.of(LocalDate.now(paris), time, paris).toInstant());
    }

    public void advance(Duration d) {
        now = now.plus(d);
    }

    public void set(Instant instant) {
        now = instant;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
