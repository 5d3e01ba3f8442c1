package fr.creneau.app.uitest;

import com.codename1.ui.CN;
import fr.creneau.app.I18n;
import fr.creneau.app.Session;
import fr.creneau.app.api.Api;
import fr.creneau.app.api.ApiResult;
import fr.creneau.model.api.MotiveDto;

import java.util.List;

/**
 * Per-motive call scripts: on the call screen, secretariat@demo chooses "Renouvellement d'ordonnance" and sees the
 * questions to ask and the answers to give (demo data); a motive without a script says so; the same in English.
 */
public class CallScriptTest extends CreneauUiTest {
    @Override
    public boolean runTest() throws Exception {
        if (!backendUp()) {
            return true;
        }
        restart("fr");
        login("secretariat@demo.creneau.fr");
        waitForFormName("Agenda");
        Long renewal = motiveId("Renouvellement d'ordonnance");
        Long followUp = motiveId("Consultation de suivi");
        go("callButton", "Call");
        waitUntil(() -> find("callMotive-" + renewal) != null, 20000, "motives on the call screen");

        clickButtonByName("callMotive-" + followUp);
        waitUntil(() -> followUp.equals(CN.getCurrentForm().getClientProperty("script")), 10000, "follow-up script");
        assertNull(find("scriptQ-0"), "no script for the follow-up consultation");

        clickButtonByName("callMotive-" + renewal);
        waitUntil(() -> renewal.equals(CN.getCurrentForm().getClientProperty("script")), 10000, "renewal script");
        assertEqual("? Quel médicament ?", text("scriptQ-0"));
        assertEqual("? Depuis quand le prenez-vous ?", text("scriptQ-1"));
        assertEqual("→ Apportez votre dernière ordonnance.", text("scriptA-0"));
        scrollTo("callScript");
        screenshot("fr-35-call-script");
        logout();

        restart("en");
        login("secretariat@demo.creneau.fr");
        waitForFormName("Agenda");
        go("callButton", "Call");
        waitUntil(() -> find("callMotive-" + renewal) != null, 20000, "motives on the call screen (EN)");
        clickButtonByName("callMotive-" + renewal);
        waitUntil(() -> renewal.equals(CN.getCurrentForm().getClientProperty("script")), 10000, "renewal script (EN)");
        assertEqual("? Which medication?", text("scriptQ-0"));
        assertEqual("→ Bring your last prescription.", text("scriptA-0"));
        assertEqual(I18n.tr("call.scriptQuestions"), "Questions to ask:");
        scrollTo("callScript");
        screenshot("en-35-call-script");
        logout();
        return true;
    }

    private Long motiveId(String labelFr) {
        ApiResult<List<MotiveDto>> ms = Api.practiceMotives(Session.get().account().practiceId);
        assertTrue(ms.ok(), "motives: " + ms.status);
        for (int i = 0; i < ms.value.size(); i++) {
            if (labelFr.equals(ms.value.get(i).labelFr)) {
                return ms.value.get(i).id;
            }
        }
        fail("no demo motive " + labelFr);
        return null;
    }
}
