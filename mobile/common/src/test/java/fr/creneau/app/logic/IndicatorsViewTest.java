package fr.creneau.app.logic;

import fr.creneau.model.api.IndicatorsDto;
import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IndicatorsViewTest {
    private static final String NBSP = "\u00a0";

    @Test
    void periodsEndTodayAndStayWithinTheServersLimit() {
        // Monday 7 December 2026
        assertArrayEquals(new String[]{"2026-12-07", "2026-12-07"}, IndicatorsView.range(IndicatorsView.WEEK, "2026-12-07"));
        assertArrayEquals(new String[]{"2026-12-07", "2026-12-13"}, IndicatorsView.range(IndicatorsView.WEEK, "2026-12-13"));
        assertArrayEquals(new String[]{"2026-11-08", "2026-12-07"}, IndicatorsView.range(IndicatorsView.DAYS_30, "2026-12-07"));
        assertArrayEquals(new String[]{"2026-09-08", "2026-12-07"}, IndicatorsView.range(IndicatorsView.MONTHS_3, "2026-12-07"));
        assertArrayEquals(new String[]{"2025-12-08", "2026-12-07"}, IndicatorsView.range(IndicatorsView.MONTHS_12, "2026-12-07"));
        // across a year, and the 31st of a shorter month
        assertArrayEquals(new String[]{"2025-11-01", "2026-01-31"}, IndicatorsView.range(IndicatorsView.MONTHS_3, "2026-01-31"));
        assertArrayEquals(new String[]{"2024-03-01", "2024-05-31"}, IndicatorsView.range(IndicatorsView.MONTHS_3, "2024-05-31"));
        assertArrayEquals(new String[]{"2023-03-01", "2024-02-29"}, IndicatorsView.range(IndicatorsView.MONTHS_12, "2024-02-29"));
        // an unknown key falls back to the default period
        assertArrayEquals(IndicatorsView.range(IndicatorsView.DEFAULT_PERIOD, "2026-12-07"), IndicatorsView.range("?", "2026-12-07"));
        // the server refuses 366 days between from and to or more
        for (String p : IndicatorsView.PERIODS) {
            for (String today : new String[]{"2024-02-29", "2024-12-31", "2025-03-01", "2026-12-07"}) {
                String[] r = IndicatorsView.range(p, today);
                long days = Instants.daysFromCivil(year(r[1]), month(r[1]), day(r[1]))
                        - Instants.daysFromCivil(year(r[0]), month(r[0]), day(r[0]));
                assertTrue(days >= 0 && days < 366, p + " " + today + ": " + days);
            }
        }
    }

    @Test
    void frenchFigures() throws Exception {
        IndicatorsView fr = new IndicatorsView(Bundles.texts("fr"), "fr");
        assertEquals("50" + NBSP + "%", fr.percent(0.5));
        assertEquals("12,5" + NBSP + "%", fr.percent(0.125));
        assertEquals("33,3" + NBSP + "%", fr.percent(0.3333));
        assertEquals("0" + NBSP + "%", fr.percent(0.0));
        assertEquals("100" + NBSP + "%", fr.percent(1.0));
        assertNull(fr.percent(null));
        assertEquals("0", fr.count(0));
        assertEquals("999", fr.count(999));
        assertEquals("1" + NBSP + "234", fr.count(1234));
        assertEquals("1" + NBSP + "234" + NBSP + "567", fr.count(1234567));
        assertEquals("0", fr.count(null));
        assertEquals("<" + NBSP + "1" + NBSP + "min", fr.minutes(0.4));
        assertEquals("1" + NBSP + "min", fr.minutes(1.0));
        assertEquals("45" + NBSP + "min", fr.minutes(44.6));
        assertEquals("1" + NBSP + "h", fr.minutes(59.7));
        assertEquals("2" + NBSP + "h" + NBSP + "05", fr.minutes(125.0));
        assertEquals("1" + NBSP + "j " + "3" + NBSP + "h", fr.minutes(27 * 60.0 + 10));
        assertEquals("2" + NBSP + "j", fr.minutes(48 * 60.0 + 20));
        assertNull(fr.minutes(null));
        assertEquals("45" + NBSP + "s", fr.seconds(45.2));
        assertEquals("3" + NBSP + "min 5" + NBSP + "s", fr.seconds(185.0));
        assertEquals("3" + NBSP + "min", fr.seconds(180.4));
        assertEquals("1" + NBSP + "h" + NBSP + "02", fr.seconds(3720.0));
        assertNull(fr.seconds(null));
        assertEquals("Du 8 sept. 2026 au 7 déc. 2026",
                fr.period("2026-09-08", "2026-12-07", new DateText(Bundles.texts("fr"), "fr")));
        assertEquals("Le 7 déc. 2026",
                fr.period("2026-12-07", "2026-12-07", new DateText(Bundles.texts("fr"), "fr")));
    }

    @Test
    void englishFigures() throws Exception {
        IndicatorsView en = new IndicatorsView(Bundles.texts("en"), "en");
        assertEquals("50%", en.percent(0.5));
        assertEquals("12.5%", en.percent(0.125));
        assertEquals("1,234", en.count(1234));
        assertEquals("<" + NBSP + "1" + NBSP + "min", en.minutes(0.0));
        assertEquals("45" + NBSP + "min", en.minutes(45.0));
        assertEquals("2" + NBSP + "h 5" + NBSP + "min", en.minutes(125.0));
        assertEquals("1" + NBSP + "d 3" + NBSP + "h", en.minutes(27 * 60.0));
        assertEquals("3" + NBSP + "min 20" + NBSP + "s", en.seconds(200.0));
        assertEquals("From Sep 8, 2026 to Dec 7, 2026",
                en.period("2026-09-08", "2026-12-07", new DateText(Bundles.texts("en"), "en")));
    }

    @Test
    void aPeriodIsEmptyOnlyWithoutAppointmentsRequestsAndCalls() {
        IndicatorsDto d = new IndicatorsDto();
        assertTrue(IndicatorsView.empty(d));
        assertTrue(IndicatorsView.empty(null));
        d.appointmentsDue = 0;
        d.requestsReceived = 0;
        d.callsAnswered = 0;
        assertTrue(IndicatorsView.empty(d));
        d.callsAnswered = 1;
        assertFalse(IndicatorsView.empty(d));
        d.callsAnswered = 0;
        d.appointmentsDue = 2;
        assertFalse(IndicatorsView.empty(d));
    }

    @Test
    void everyKeyItUsesExistsInBothLanguages() throws Exception {
        String[] keys = {"indicators.percent", "indicators.range", "indicators.oneDay", "duration.underMinute",
                "duration.s", "duration.m", "duration.ms", "duration.h", "duration.hm", "duration.d", "duration.dh"};
        for (String lang : new String[]{"fr", "en"}) {
            Properties p = Bundles.load(lang);
            for (String k : keys) {
                assertTrue(p.containsKey(k), lang + " " + k);
            }
            for (String period : IndicatorsView.PERIODS) {
                assertTrue(p.containsKey("indicators.period." + period), lang + " period " + period);
            }
        }
    }

    private static int year(String d) {
        return Integer.parseInt(d.substring(0, 4));
    }

    private static int month(String d) {
        return Integer.parseInt(d.substring(5, 7));
    }

    private static int day(String d) {
        return Integer.parseInt(d.substring(8, 10));
    }
}
