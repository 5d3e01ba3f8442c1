package fr.creneau.app.uitest;

import com.codename1.ui.CN;
import fr.creneau.app.I18n;
import fr.creneau.app.ui.Nav;

/** Dr Martin blocks a morning that holds appointments: the app lists them and saves only once told to keep them. */
public class PractitionerBlockTest extends CreneauUiTest {
    private static int previews() {
        Object n = CN.getCurrentForm().getClientProperty("previews");
        return n == null ? 0 : ((Integer) n).intValue();
    }

    /** Chooses the half-day, asks the server what it would hit; true when it lists appointments. */
    private boolean previewHits(String half) throws Exception {
        clickButtonByName(half);
        settle();
        final int before = previews();
        clickButtonByName("blockCheck");
        waitUntil(() -> previews() > before, 20000, "preview of " + half + ": " + text("blockMessage"));
        settle();
        return find("blockKeep") != null;
    }

    @Override
    public boolean runTest() throws Exception {
        if (!backendUp()) {
            return true;
        }
        restart("fr");
        login("dr.martin@demo.creneau.fr");
        waitForFormName("Agenda");
        // the demo gives her three appointments on her next working morning
        for (int i = 0; i < 8; i++) {
            waitUntil(() -> find("agendaMessage").isHidden() || !text("agendaMessage").equals(I18n.tr("common.loading")),
                    20000, "agenda loaded");
            if (findPrefix("appt-") != null) {
                break;
            }
            clickButtonByName("agendaNext");
            settle();
        }
        assertNotNull(findPrefix("appt-"), "an agenda day with appointments");
        screenshot("fr-11-agenda-day");
        clickButtonByName("weekTab");
        settle();
        waitUntil(() -> find("agendaMessage").isHidden(), 20000, "week loaded");
        screenshot("fr-12-agenda-week");
        clickButtonByName("dayTab");
        settle();
        waitUntil(() -> findPrefix("appt-") != null, 20000, "day again");

        go(findPrefix("appt-").getName(), "Appointment");
        screenshot("fr-13-staff-appointment");
        goBack();
        waitForFormName("Agenda");
        settle();

        // the first half-day (from this day on) that holds a live appointment: earlier runs of the suite may
        // have booked or cancelled some, so the test looks rather than assumes
        boolean hit = false;
        for (int i = 0; i < 8 && !hit; i++) {
            if (findPrefix("appt-") != null) {
                go("blockButton", "Block");
                hit = previewHits("blockMorning") || previewHits("blockAfternoon");
                if (!hit) {
                    goBack();
                    waitForFormName("Agenda");
                    settle();
                }
            }
            if (!hit) {
                clickButtonByName("agendaNext");
                settle();
                waitUntil(() -> find("agendaMessage").isHidden()
                        || !text("agendaMessage").equals(I18n.tr("common.loading")), 20000, "agenda loaded");
            }
        }
        assertTrue(hit, "a half-day holding an appointment");
        assertNotNull(findPrefix("appt-"), "the hit appointments are listed");
        screenshot("fr-14-block-conflicts");
        clickButtonByName("blockKeep");
        String saved = I18n.tr("block.saved");
        waitUntil(() -> saved.equals(text("blockMessage")), 20000, "block saved: " + text("blockMessage"));
        screenshot("fr-15-block-saved");
        // leave the agenda as found, so that the suite can run again on the same backend
        clickButtonByName("blockUndo");
        String undone = I18n.tr("block.undone");
        waitUntil(() -> undone.equals(text("blockMessage")), 20000, "block removed: " + text("blockMessage"));

        CN.callSeriallyAndWait(() -> {
            I18n.setLanguage("en");
            Nav.home();
        });
        waitForFormName("Agenda");
        waitUntil(() -> find("agendaMessage").isHidden(), 20000, "agenda loaded");
        screenshot("en-11-agenda-day");
        CN.callSeriallyAndWait(() -> I18n.setLanguage("fr"));
        logout();
        return true;
    }
}
