package fr.creneau.app.uitest;

import com.codename1.ui.CN;
import fr.creneau.app.I18n;
import fr.creneau.app.logic.DateInput;
import fr.creneau.app.logic.Instants;
import fr.creneau.app.logic.PracticeZones;

import java.util.Map;

/**
 * The agenda works in the practice's zone from the start, not in Europe/Paris until an appointment tells it
 * otherwise. The demo practice is in Paris, so the test has the app hold America/Martinique as its zone (the
 * cache the screens share, filled from GET /practices/{id}): Dr Martin's agenda opens on today in Martinique,
 * keeps that zone once appointments (which say Paris) are loaded, and hands it to the block screen.
 */
public class AgendaZoneTest extends CreneauUiTest {
    private static final String ZONE = "America/Martinique";

    @Override
    public boolean runTest() throws Exception {
        if (!backendUp()) {
            return true;
        }
        Map<String, Object> me = http("GET", "/api/me", null, tokenOf("dr.martin@demo.creneau.fr"));
        final Long practiceId = id(me.get("practiceId"));
        assertNotNull(practiceId, "Dr Martin's practice");
        PracticeZones.remember(practiceId, ZONE);
        try {
            restart("fr");
            login("dr.martin@demo.creneau.fr");
            waitForFormName("Agenda");
            waitUntil(() -> CN.getCurrentForm().getClientProperty("timezone") != null, 20000, "agenda loaded");
            assertEqual(ZONE, CN.getCurrentForm().getClientProperty("timezone"), "the practice's zone");
            String today = Instants.localDate(System.currentTimeMillis(), ZONE);
            assertEqual(today, CN.getCurrentForm().getClientProperty("day"), "today in the practice's zone");
            // a day with appointments: their zone (Paris, from the server) does not replace the practice's
            for (int i = 0; i < 8 && findPrefix("appt-") == null; i++) {
                clickButtonByName("agendaNext");
                settle();
                waitUntil(() -> find("agendaMessage").isHidden()
                        || !text("agendaMessage").equals(I18n.tr("common.loading")), 20000, "agenda loaded");
            }
            assertNotNull(findPrefix("appt-"), "a day with appointments");
            assertEqual(ZONE, CN.getCurrentForm().getClientProperty("timezone"), "still the practice's zone");
            final String day = (String) CN.getCurrentForm().getClientProperty("day");
            go("blockButton", "Block");
            assertEqual(ZONE, CN.getCurrentForm().getClientProperty("timezone"), "the block screen's zone");
            assertEqual(DateInput.display(day), text("blockDate"));
            logout();
        } finally {
            PracticeZones.forget(practiceId);
        }
        return true;
    }
}
