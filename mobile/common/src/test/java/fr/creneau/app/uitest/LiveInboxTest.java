package fr.creneau.app.uitest;

import com.codename1.ui.CN;
import fr.creneau.app.Session;

import java.util.List;
import java.util.Map;

/**
 * Live inbox: dr.martin@demo has the inbox open; the patient (another client, over plain HTTP) sends a prescription
 * renewal; the inbox reloads on the NEW_REQUEST event and lists it, with no action in the app.
 */
public class LiveInboxTest extends CreneauUiTest {
    @Override
    public boolean runTest() throws Exception {
        if (!backendUp()) {
            return true;
        }
        restart("fr");
        login("dr.martin@demo.creneau.fr");
        waitForFormName("Agenda");
        waitUntil(() -> CN.getCurrentForm().getClientProperty("live") != null, 20000, "SSE stream READY");
        Long practiceId = Session.get().account().practiceId;
        Long practitionerId = Session.get().account().practitionerId;
        go("inboxButton", "Inbox");
        waitUntil(() -> CN.getCurrentForm().getClientProperty("loaded") != null, 20000, "inbox loaded");

        String patient = tokenOf("patient@demo.creneau.fr");
        @SuppressWarnings("unchecked")
        List<Object> patients = (List<Object>) http("GET", "/api/me", null, patient).get("patients");
        Long patientId = id(((Map<?, ?>) patients.get(0)).get("id"));
        long sent = System.currentTimeMillis();
        Map<String, Object> req = http("POST", "/api/practices/" + practiceId + "/requests",
                "{\"patientId\":" + patientId + ",\"practitionerId\":" + practitionerId + ",\"answers\":{"
                        + "\"type\":\"PRESCRIPTION_RENEWAL\",\"medication\":\"Lévothyrox 75 µg\",\"since\":\"2021-06-01\"}}",
                patient);
        final Long id = id(req.get("id"));
        waitUntil(() -> find("inbox-" + id) != null, 10000, "request " + id + " listed live");
        log("new request listed live after " + (System.currentTimeMillis() - sent) + " ms");
        assertEqual("Inbox", formName());
        assertTrue(CN.getCurrentForm().getClientProperty("liveReloads") != null, "reloaded by the event");
        screenshot("fr-36-inbox-live");
        logout();
        return true;
    }
}
