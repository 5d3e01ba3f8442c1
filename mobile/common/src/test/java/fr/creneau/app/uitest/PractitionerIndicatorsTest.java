package fr.creneau.app.uitest;

import com.codename1.ui.CN;
import fr.creneau.app.I18n;
import fr.creneau.app.logic.IndicatorsView;
import fr.creneau.app.logic.Instants;
import fr.creneau.model.api.IndicatorsDto;

import java.util.Map;

/**
 * The practice's indicators. The secretariat has no way to them (the server refuses its role); the practice admin
 * and dr.martin@demo have "Indicateurs du cabinet" on their agenda. Dr Martin opens it: the last 30 days are
 * chosen, and every figure on screen is the one the API answers (plain HTTP, her token) for the same dates: counts
 * and the no-show rate are read back as numbers, the averages as the screen words them. She switches to this week,
 * the last 3 months (which hold the demo data's seen appointment and its no-show: at least 2 due, 1 missed) and 12
 * months, the same checks each time; then the 3 months in English. A section the API has nothing for shows its
 * "nothing in this period" line instead of figures; a period with nothing at all, one line. Reads only.
 */
public class PractitionerIndicatorsTest extends CreneauUiTest {
    private static final String TZ = "Europe/Paris";

    @Override
    public boolean runTest() throws Exception {
        if (!backendUp()) {
            return true;
        }
        restart("fr");
        login("secretariat@demo.creneau.fr");
        waitForFormName("Agenda");
        waitUntil(() -> find("inboxButton") != null, 10000, "the secretariat's agenda");
        assertNull(find("indicatorsButton"), "no indicators for the secretariat (the server refuses them)");
        logout();

        restart("fr");
        login("admin@demo.creneau.fr");
        waitForFormName("Agenda");
        waitUntil(() -> find("indicatorsButton") != null, 10000, "the admin's indicators button");
        logout();

        String token = tokenOf("dr.martin@demo.creneau.fr");
        Long practiceId = id(http("GET", "/api/me", null, token).get("practiceId"));
        restart("fr");
        login("dr.martin@demo.creneau.fr");
        waitForFormName("Agenda");
        assertEqual("Indicateurs du cabinet", text("indicatorsButton"));
        go("indicatorsButton", "Indicators");
        IndicatorsDto d30 = check(IndicatorsView.DAYS_30, false, practiceId, token);
        assertTrue(text("indicatorsRange").startsWith("Du "), text("indicatorsRange"));

        IndicatorsDto week = check(IndicatorsView.WEEK, true, practiceId, token);
        IndicatorsDto m3 = check(IndicatorsView.MONTHS_3, true, practiceId, token);
        // the demo data (relative to the day it was loaded): a seen appointment two weeks back, a no-show last week
        assertTrue(m3.appointmentsDue.intValue() >= 2 && m3.noShows.intValue() >= 1,
                "the demo's seen appointment and no-show in the last 3 months: " + m3.appointmentsDue + "/" + m3.noShows);
        assertTrue(m3.appointmentsDue.intValue() >= d30.appointmentsDue.intValue()
                && d30.appointmentsDue.intValue() >= week.appointmentsDue.intValue(), "longer periods hold more");
        scrollTo("indicatorsRange");
        screenshot("fr-75-indicators");
        check(IndicatorsView.MONTHS_12, true, practiceId, token);
        logout();

        restart("en");
        login("dr.martin@demo.creneau.fr");
        waitForFormName("Agenda");
        assertEqual("Practice indicators", text("indicatorsButton"));
        go("indicatorsButton", "Indicators");
        check(IndicatorsView.DAYS_30, false, practiceId, token);
        check(IndicatorsView.MONTHS_3, true, practiceId, token);
        assertTrue(text("indicatorsRange").startsWith("From "), text("indicatorsRange"));
        assertEqual("No-show rate", text("label-noShowRate"));
        scrollTo("indicatorsRange");
        screenshot("en-75-indicators");
        logout();
        return true;
    }

    /**
     * Picks the period (or waits for the one shown on opening), then checks the screen against the API's answer for
     * the same dates. Answers what the API said.
     */
    private IndicatorsDto check(String period, boolean tap, Long practiceId, String token) throws Exception {
        String today = Instants.localDate(System.currentTimeMillis(), TZ);
        String[] r = IndicatorsView.range(period, today);
        final String expected = r[0] + ".." + r[1];
        if (tap) {
            go("period-" + period, "Indicators");
        }
        waitUntil(() -> period.equals(CN.getCurrentForm().getClientProperty("period"))
                        && expected.equals(CN.getCurrentForm().getClientProperty("loaded")), 20000,
                "indicators of " + expected + ": " + text("indicatorsMessage"));
        assertEqual("ChipSelected", find("period-" + period).getUIID(), "the chosen period stands out");
        for (String other : IndicatorsView.PERIODS) {
            if (!other.equals(period)) {
                assertEqual("Chip", find("period-" + other).getUIID(), other + " not chosen");
            }
        }
        Map<String, Object> json = http("GET", "/api/practices/" + practiceId + "/indicators?from=" + r[0] + "&to="
                + r[1], null, token);
        assertEqual(r[0], json.get("from"));
        assertEqual(r[1], json.get("to"));
        IndicatorsDto api = IndicatorsDto.fromMap(json);
        IndicatorsView view = new IndicatorsView(I18n.TEXTS, I18n.language());
        String what = period + " " + I18n.language() + " " + json;

        if (IndicatorsView.empty(api)) {
            assertNotNull(find("indicatorsEmpty"), "the 'no data' line: " + what);
            assertNull(findPrefix("ind-"), "no figure without data: " + what);
            return api;
        }
        assertNull(find("indicatorsEmpty"), "data shown: " + what);

        if (IndicatorsView.zero(api.appointmentsDue)) {
            assertNotNull(find("indicatorsEmpty-appointments"), "no appointment due: " + what);
            assertNull(find("ind-noShowRate"), "no rate without appointments: " + what);
        } else {
            assertEqual(api.appointmentsDue.intValue(), number("ind-appointmentsDue"), "appointments due " + what);
            assertEqual(api.noShows.intValue(), number("ind-noShows"), "no-shows " + what);
            assertEqual(view.percent(api.noShowRate), text("ind-noShowRate"), "no-show rate " + what);
            // read back as a number: the rate the server computed, in percent
            double shown = Double.parseDouble(digits(text("ind-noShowRate"), true));
            assertTrue(Math.abs(shown - api.noShowRate.doubleValue() * 100) < 0.051,
                    "no-show rate " + shown + " vs " + api.noShowRate + ": " + what);
            assertTrue(Math.abs(shown - 100.0 * api.noShows / api.appointmentsDue) < 0.051,
                    "no-show rate = no-shows / due: " + what);
        }
        if (IndicatorsView.zero(api.requestsReceived)) {
            assertNotNull(find("indicatorsEmpty-requests"), "no request: " + what);
            assertNull(find("ind-requestsReceived"), "no request count: " + what);
        } else {
            assertEqual(api.requestsReceived.intValue(), number("ind-requestsReceived"), "requests " + what);
            assertEqual(api.requestsAnswered.intValue(), number("ind-requestsAnswered"), "answered " + what);
            average("averageFirstAnswerMinutes", view.minutes(api.averageFirstAnswerMinutes), "indicators.noAnswerYet",
                    "first answer " + what);
        }
        if (IndicatorsView.zero(api.callsAnswered)) {
            assertNotNull(find("indicatorsEmpty-calls"), "no call: " + what);
            assertNull(find("ind-callsAnswered"), "no call count: " + what);
        } else {
            assertEqual(api.callsAnswered.intValue(), number("ind-callsAnswered"), "calls " + what);
            average("averageCallSeconds", view.seconds(api.averageCallSeconds), "indicators.noCallEnded",
                    "call length " + what);
        }
        return api;
    }

    /** A count on screen as a number (its thousands separators dropped). */
    private int number(String name) {
        String t = text(name);
        assertNotNull(t, name + " on screen");
        return Integer.parseInt(digits(t, false));
    }

    /** The digits of a shown figure, the decimal mark as '.' when {@code decimal}. */
    private static String digits(String shown, boolean decimal) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < shown.length(); i++) {
            char c = shown.charAt(i);
            if (Character.isDigit(c)) {
                sb.append(c);
            } else if (decimal && (c == ',' || c == '.')) {
                sb.append('.');
            }
        }
        return sb.toString();
    }

    /** An average as the screen words it, or a dash and the reason when the server had nothing to average. */
    private void average(String field, String expected, String missingKey, String what) {
        if (expected == null) {
            assertEqual(I18n.tr("indicators.missing"), text("ind-" + field), what);
            assertEqual(I18n.tr(missingKey), text("ind-" + field + "-note"), what);
        } else {
            assertEqual(expected, text("ind-" + field), what);
            assertNull(find("ind-" + field + "-note"), what);
        }
    }
}
