package fr.creneau.app.uitest;

import com.codename1.ui.CN;
import fr.creneau.app.I18n;
import fr.creneau.app.Session;
import fr.creneau.app.api.Api;
import fr.creneau.app.api.ApiResult;
import fr.creneau.model.api.AppointmentDto;
import fr.creneau.model.api.PatientRequestDto;
import fr.creneau.model.triage.RequestType;
import fr.creneau.model.triage.Severity;
import fr.creneau.model.triage.TriageAnswers;

import java.util.List;

/**
 * The patient sends an URGENT request (fever of 39.2 °C) through the API; dr.martin@demo finds it in the inbox,
 * reads its clinical content and replies; the patient then sees the reply in the thread.
 */
public class PractitionerInboxTest extends CreneauUiTest {
    @Override
    public boolean runTest() throws Exception {
        if (!backendUp()) {
            return true;
        }
        restart("fr");
        login("patient@demo.creneau.fr");
        ApiResult<List<AppointmentDto>> mine = Api.mine("past");
        assertTrue(mine.ok() && !mine.value.isEmpty(), "the demo patient has seen a practitioner");
        AppointmentDto seen = mine.value.get(0);
        PatientRequestDto d = new PatientRequestDto();
        d.patientId = Session.get().account().patients.get(0).id;
        d.practitionerId = seen.practitionerId;
        TriageAnswers a = new TriageAnswers();
        a.type = RequestType.NEW_SYMPTOMS;
        a.symptoms = "Fièvre et courbatures depuis hier soir";
        a.since = fr.creneau.app.logic.Instants.addDays(
                fr.creneau.app.logic.Instants.localDate(System.currentTimeMillis(), "Europe/Paris"), -1);
        a.severity = Severity.MODERATE;
        a.temperature = Double.valueOf(39.2);
        d.answers = a;
        ApiResult<PatientRequestDto> sent = Api.sendRequest(seen.practiceId, d);
        assertTrue(sent.ok(), "request sent: " + sent.status + " " + sent.code());
        final Long id = sent.value.id;
        logout();

        restart("fr");
        login("dr.martin@demo.creneau.fr");
        waitForFormName("Agenda");
        go("inboxButton", "Inbox");
        waitUntil(() -> CN.getCurrentForm().getClientProperty("loaded") != null && find("inbox-" + id) != null,
                20000, "request " + id + " in the inbox: " + text("inboxMessage"));
        assertEqual(I18n.tr("priority.URGENT"), text("prio-" + id));
        screenshot("fr-25-inbox");
        go("inbox-" + id, "RequestThread");
        waitUntil(() -> CN.getCurrentForm().getClientProperty("replies") != null, 20000, "thread");
        assertNotNull(find("answers"), "the practitioner sees the clinical content");
        setField("replyBody", "Prenez du paracétamol et venez à 17 h, je vous ai réservé un créneau.");
        clickButtonByName("replySend");
        waitUntil(() -> Integer.valueOf(1).equals(CN.getCurrentForm().getClientProperty("replies")), 20000,
                "reply shown: " + text("threadMessage"));
        screenshot("fr-26-request-reply");
        logout();

        restart("en");
        login("patient@demo.creneau.fr");
        waitForFormName("PatientHome");
        go("messagesButton", "MyRequests");
        waitUntil(() -> find("req-" + id) != null, 20000, "my request " + id);
        go("req-" + id, "RequestThread");
        waitUntil(() -> Integer.valueOf(1).equals(CN.getCurrentForm().getClientProperty("replies")), 20000,
                "the patient sees the reply");
        assertEqual("ANSWERED", CN.getCurrentForm().getClientProperty("status"));
        assertNull(findShown("requestClose"), "a patient does not close the practice's requests");
        screenshot("en-26-patient-reply");
        logout();

        // done: the practitioner closes it, and it leaves the inbox
        restart("fr");
        login("dr.martin@demo.creneau.fr");
        waitForFormName("Agenda");
        go("inboxButton", "Inbox");
        waitUntil(() -> find("inbox-" + id) != null, 20000, "request " + id + " in the inbox: " + text("inboxMessage"));
        go("inbox-" + id, "RequestThread");
        waitUntil(() -> CN.getCurrentForm().getClientProperty("replies") != null, 20000, "thread");
        clickButtonByName("requestClose");
        waitUntil(() -> "CLOSED".equals(CN.getCurrentForm().getClientProperty("status")), 20000,
                "closed: " + text("threadMessage"));
        assertEqual(I18n.tr("thread.closedDone"), text("threadMessage"));
        assertNull(findShown("requestClose"), "nothing left to close");
        assertNull(findShown("replySend"), "no reply to a closed request");
        ApiResult<PatientRequestDto> closed = Api.request(id);
        assertTrue(closed.ok() && "CLOSED".equals(closed.value.status.name()), "closed on the server");
        goBack();
        waitForFormName("Inbox");
        // the inbox reloads when shown again; its "loaded" mark is still there from the first load
        waitUntil(() -> find("inbox-" + id) == null, 20000, "the closed request " + id + " gone from the inbox");
        logout();
        return true;
    }
}
