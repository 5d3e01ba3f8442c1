package fr.creneau.app.logic;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DateTextTest {
    private final long nineThirtyParis = Instants.parse("2026-03-30T07:30:00Z");

    @Test
    void frenchDatesAndTimesInThePracticeZone() throws Exception {
        DateText fr = new DateText(Bundles.texts("fr"), "fr");
        assertEquals("lundi 30 mars 2026 à 09:30", fr.dateTime(nineThirtyParis, "Europe/Paris"));
        assertEquals("09:30", fr.time(nineThirtyParis, "Europe/Paris"));
        assertEquals("mercredi 1er avril 2026", fr.date("2026-04-01"));
        assertEquals("lun. 30 mars", fr.shortDate("2026-03-30"));
        assertEquals("30 mars 2026", fr.shortDateWithYear("2026-03-30"));
        assertEquals("1er sept. 2026", fr.shortDateWithYear("2026-09-01"));
    }

    @Test
    void englishDatesAndTimes() throws Exception {
        DateText en = new DateText(Bundles.texts("en"), "en");
        assertEquals("Monday, March 30, 2026 at 9:30 AM", en.dateTime(nineThirtyParis, "Europe/Paris"));
        assertEquals("12:05 PM", en.time(12, 5));
        assertEquals("12:00 AM", en.time(0, 0));
        assertEquals("Mon, Mar 30", en.shortDate("2026-03-30"));
        assertEquals("Sep 1, 2026", en.shortDateWithYear("2026-09-01"));
    }

    @Test
    void theZoneIsThePracticesNotTheDevices() throws Exception {
        DateText fr = new DateText(Bundles.texts("fr"), "fr");
        assertEquals("03:30", fr.time(nineThirtyParis, "America/Martinique"));
    }
}
