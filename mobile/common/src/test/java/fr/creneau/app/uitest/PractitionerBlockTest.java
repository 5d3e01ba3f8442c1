package fr.creneau.app.uitest;

import com.codename1.ui.CN;
import fr.creneau.app.I18n;
import fr.creneau.app.ui.Nav;

/** Dr Martin blocks a morning that holds appointments: the app lists them and saves only once told to keep them. */
public class PractitionerBlockTest extends CreneauUiTest {
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

        go("blockButton", "Block");
        clickButtonByName("blockMorning");
        settle();
        clickButtonByName("blockCheck");
        waitUntil(() -> find("blockKeep") != null, 20000, "conflicts listed: " + text("blockMessage"));
        assertNotNull(findPrefix("appt-"), "the hit appointments are listed");
        screenshot("fr-14-block-conflicts");
        clickButtonByName("blockKeep");
        String saved = I18n.tr("block.saved");
        waitUntil(() -> saved.equals(text("blockMessage")), 20000, "block saved: " + text("blockMessage"));
        screenshot("fr-15-block-saved");

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
