package fr.creneau.app.logic;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class InstantsTest {
    @Test
    void parsesUtcAndOffsetsToTheSameInstant() {
        long utc = Instants.parse("2026-03-29T07:00:00Z");
        assertEquals(java.time.Instant.parse("2026-03-29T07:00:00Z").toEpochMilli(), utc);
        assertEquals(utc, Instants.parse("2026-03-29T09:00:00+02:00"));
        assertEquals(utc, Instants.parse("2026-03-29T07:00Z"));
        assertEquals(utc + 123, Instants.parse("2026-03-29T07:00:00.123Z"));
        assertEquals(utc, Instants.parse("2026-03-29T02:00:00-05:00"));
    }

    @Test
    void rejectsTextsThatAreNotInstants() {
        assertThrows(IllegalArgumentException.class, () -> Instants.parse("2026-03-29"));
        assertThrows(IllegalArgumentException.class, () -> Instants.parse("2026-03-29T07:00:00"));
    }

    @Test
    void writesUtcIsoAndRoundTrips() {
        assertEquals("2026-03-29T07:00:00Z", Instants.toIso(Instants.parse("2026-03-29T09:00:00+02:00")));
        assertEquals("1969-12-31T23:59:59Z", Instants.toIso(-1000));
        for (long t = -86400000L * 400; t < 86400000L * 30000; t += 86400000L * 37 + 12345000L) {
            assertEquals(java.time.Instant.ofEpochMilli(t - t % 1000).toString(), Instants.toIso(t));
        }
    }

    @Test
    void localFieldsFollowTheParisDaylightSavingChange() {
        // 29 March 2026: clocks go from 02:00 to 03:00 in Paris
        assertArrayEquals(new int[]{2026, 3, 29, 1, 30, 7}, Instants.local(Instants.parse("2026-03-29T00:30:00Z"), "Europe/Paris"));
        assertArrayEquals(new int[]{2026, 3, 29, 3, 30, 7}, Instants.local(Instants.parse("2026-03-29T01:30:00Z"), "Europe/Paris"));
        assertEquals("2026-03-29T07:00:00Z", Instants.toIso(Instants.atLocal("2026-03-29", 9 * 60, "Europe/Paris")));
        assertEquals("2026-03-28T08:00:00Z", Instants.toIso(Instants.atLocal("2026-03-28", 9 * 60, "Europe/Paris")));
    }

    @Test
    void localDateDependsOnThePracticeZone() {
        long t = Instants.parse("2026-01-10T23:30:00Z");
        assertEquals("2026-01-11", Instants.localDate(t, "Europe/Paris"));
        assertEquals("2026-01-10", Instants.localDate(t, "America/Martinique"));
    }

    @Test
    void calendarArithmetic() {
        assertEquals("2026-03-01", Instants.addDays("2026-02-28", 1));
        assertEquals("2028-02-29", Instants.addDays("2028-02-28", 1));
        assertEquals("2025-12-31", Instants.addDays("2026-01-01", -1));
        assertEquals(1, Instants.dayOfWeek("2026-03-30"));
        assertEquals(7, Instants.dayOfWeek("2026-03-29"));
        assertEquals("2026-03-23", Instants.mondayOf("2026-03-29"));
        assertEquals("2026-03-30", Instants.mondayOf("2026-03-30"));
    }
}
