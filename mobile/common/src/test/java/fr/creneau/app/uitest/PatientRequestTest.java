package fr.creneau.app.uitest;

import com.codename1.ui.CN;
import fr.creneau.app.I18n;
import fr.creneau.app.api.Api;
import fr.creneau.app.api.ApiResult;
import fr.creneau.model.api.PatientRequestDto;

import java.util.List;

/**
 * patient@demo writes to the practice: a chest pain STOPS on the emergency screen (call 15 / 112) and nothing is
 * sent; then a prescription renewal (ROUTINE) is sent and shows in their requests.
 */
public class PatientRequestTest extends CreneauUiTest {
    @Override
    public boolean runTest() throws Exception {
        if (!backendUp()) {
            return true;
        }
        restart("fr");
        login("patient@demo.creneau.fr");
        waitForFormName("PatientHome");
        int before = count();
        go("writeButton", "RequestCompose");
        waitUntil(() -> CN.getCurrentForm().getClientProperty("ready") != null, 30000,
                "composer ready: " + text("requestMessage"));
        clickButtonByName("type-NEW_SYMPTOMS");
        settle();
        setField("f-symptoms", "Douleur dans la poitrine depuis une heure");
        clickButtonByName("flag-chest_pain");
        settle();
        scrollTo("flag-chest_pain");
        screenshot("fr-21-request-composer");
        clickButtonByName("requestSend");
        waitForFormName("Emergency");
        settle();
        assertNotNull(find("dial-15"), "a call button for 15");
        assertNotNull(find("dial-112"), "a call button for 112");
        screenshot("fr-22-emergency-stop");
        assertEqual(before, count(), "nothing was sent");

        goBack();
        waitForFormName("RequestCompose");
        settle();
        clickButtonByName("flag-chest_pain");
        clickButtonByName("type-PRESCRIPTION_RENEWAL");
        settle();
        setField("f-medication", "Lévothyrox 75 µg");
        setField("f-since", "15/01/2024"); // day first, as the field's hint (JJ/MM/AAAA) asks
        setField("f-message", "Il me reste une semaine de traitement.");
        // an impatient double tap: the second comes while the first one's request is on its way, and sends nothing
        tapTwiceAtOnce("requestSend");
        waitUntil(() -> "RequestSent".equals(formName()), 30000, "sent: " + text("requestMessage"));
        settle();
        assertEqual(I18n.tr("priority.ROUTINE"), text("sentPriority"));
        screenshot("fr-23-request-sent");
        assertEqual(before + 1, count(), "one request sent");
        ApiResult<PatientRequestDto> renewal = Api.request(latest().id);
        assertTrue(renewal.ok() && renewal.value.answers != null, "the renewal as the server keeps it");
        assertEqual("2024-01-15", renewal.value.answers.since, "the day-first date is sent as an ISO date");
        go("myRequestsButton", "MyRequests");
        waitUntil(() -> CN.getCurrentForm().getClientProperty("loaded") != null && findPrefix("req-") != null,
                20000, "my requests");
        screenshot("fr-24-my-requests");

        // URGENT (severe new symptoms): sent, with the practice's earliest same-day urgency slot if any
        go("newRequestButton", "RequestCompose");
        waitUntil(() -> CN.getCurrentForm().getClientProperty("ready") != null, 30000, "composer ready again");
        clickButtonByName("type-NEW_SYMPTOMS");
        settle();
        setField("f-symptoms", "Forte douleur à l'oreille, fièvre");
        setField("f-since", fr.creneau.app.logic.Instants.addDays(
                fr.creneau.app.logic.Instants.localDate(System.currentTimeMillis(), "Europe/Paris"), -1));
        clickButtonByName("sev-SEVERE");
        setField("f-temperature", "38,4");
        clickButtonByName("requestSend");
        waitUntil(() -> "RequestSent".equals(formName()), 30000, "urgent sent: " + text("requestMessage"));
        assertEqual(I18n.tr("priority.URGENT"), text("sentPriority"));
        waitUntil(() -> CN.getCurrentForm().getClientProperty("suggested") != null, 30000, "same-day suggestion");
        screenshot("fr-32-request-urgent-slot");
        assertEqual(before + 2, count(), "two requests sent in all");
        logout();
        return true;
    }

    /** The patient's latest request (the highest id), as the server keeps it. */
    private static PatientRequestDto latest() {
        ApiResult<List<PatientRequestDto>> r = Api.myRequests();
        PatientRequestDto last = null;
        for (int i = 0; r.ok() && i < r.value.size(); i++) {
            if (last == null || r.value.get(i).id.longValue() > last.id.longValue()) {
                last = r.value.get(i);
            }
        }
        return last;
    }

    private static int count() {
        ApiResult<List<PatientRequestDto>> r = Api.myRequests();
        return r.ok() ? r.value.size() : -1;
    }
}
