package fr.creneau.app.uitest;

import com.codename1.ui.CN;
import fr.creneau.app.Config;
import fr.creneau.app.I18n;
import fr.creneau.app.ui.AgendaForm;

/**
 * The secretariat's agenda when the practice's practitioners cannot be listed (the server out of reach): it says
 * why, rather than "choose a practitioner" with nothing to choose; the next day tap, with the server back, lists
 * them and loads the first one's agenda.
 */
public class SecretaryAgendaRetryTest extends CreneauUiTest {
    @Override
    public boolean runTest() throws Exception {
        if (!backendUp()) {
            return true;
        }
        restart("fr");
        login("secretariat@demo.creneau.fr");
        waitForFormName("Agenda");
        waitUntil(() -> findPrefix("agendaOf-") != null, 20000, "the practitioners: " + text("agendaMessage"));
        try {
            // nothing listens on port 9
            CN.callSeriallyAndWait(() -> {
                Config.setApiBase("http://127.0.0.1:9");
                new AgendaForm(null).show();
            });
            waitForFormName("Agenda");
            String offline = I18n.tr("error.network");
            waitUntil(() -> offline.equals(text("agendaMessage")), 30000,
                    "the network error instead of \"choose a practitioner\"");
            assertNull(findPrefix("agendaOf-"), "no practitioner to choose");
        } finally {
            Config.setApiBase(api());
        }
        clickButtonByName("agendaNext");
        waitUntil(() -> findPrefix("agendaOf-") != null && find("agendaMessage").isHidden(), 30000,
                "practitioners listed and agenda loaded on the next tap: " + text("agendaMessage"));
        logout();
        return true;
    }
}
