package fr.creneau.app.uitest;

import com.codename1.ui.CN;
import fr.creneau.app.I18n;

/**
 * secretariat@demo takes three calls from Jean Lefèvre: identity checked (name, birth date, phone), triage from the
 * shared grid, then a memo (prescription renewal, ROUTINE), an urgent transfer (severe symptoms, URGENT) and
 * advice given (a question about an appointment), and the earliest slot of a motive booked.
 */
public class SecretaryCallTest extends CreneauUiTest {
    @Override
    public boolean runTest() throws Exception {
        if (!backendUp()) {
            return true;
        }
        restart("fr");
        login("secretariat@demo.creneau.fr");
        waitForFormName("Agenda");
        go("callButton", "Call");

        openAndIdentify();
        screenshot("fr-27-call-identity");
        clickButtonByName("type-PRESCRIPTION_RENEWAL");
        settle();
        setField("callReason", "Renouvellement");
        setField("f-medication", "Amlodipine 5 mg");
        setField("f-since", "01/03/2023"); // day first, as the field's hint (JJ/MM/AAAA) asks
        triage("ROUTINE");
        end("outcomeMemo", "MEMO");
        screenshot("fr-28-call-memo");

        go("callNext", "Call");
        openAndIdentify();
        clickButtonByName("type-NEW_SYMPTOMS");
        settle();
        setField("callReason", "Essoufflement à l'effort, fatigue");
        setField("f-symptoms", "Fatigue intense, vertiges");
        setField("f-since", fr.creneau.app.logic.Instants.localDate(System.currentTimeMillis(), "Europe/Paris"));
        clickButtonByName("sev-SEVERE");
        triage("URGENT");
        screenshot("fr-29-call-triage-urgent");
        end("outcomeTransfer", "URGENT_TRANSFER");
        screenshot("fr-30-call-transfer");

        go("callNext", "Call");
        openAndIdentify();
        clickButtonByName("type-APPOINTMENT_QUESTION");
        settle();
        setField("callReason", "Question");
        setField("f-question", "Faut-il être à jeun pour la prise de sang ?");
        triage("ROUTINE");
        end("outcomeAdvice", "ADVICE_GIVEN");
        screenshot("fr-31-call-advice");

        go("callNext", "Call");
        openAndIdentify();
        clickButtonByName("type-APPOINTMENT_QUESTION");
        settle();
        setField("callReason", "Prendre rendez-vous");
        setField("f-question", "Un rendez-vous de suivi, au plus tôt");
        triage("ROUTINE");
        waitUntil(() -> findPrefix("callMotive-") != null, 20000, "motives");
        clickButtonByName(findPrefix("callMotive-").getName());
        end("outcomeBook", "BOOKED");
        screenshot("fr-33-call-booked");
        logout();
        return true;
    }

    private void openAndIdentify() throws Exception {
        openCallFromJeanLefevre();
        setField("idLastName", "Lefèvre");
        setField("idBirth", "02/11/1954"); // typed day first, as French callers say it
        setField("idPhone", "+33611223344");
        clickButtonByName("callIdentityCheck");
        waitUntil(() -> find("identityState") != null, 20000, "identity checked: " + text("identityMessage"));
        assertEqual(I18n.tr("call.identityOk"), text("identityState"));
    }

    private void triage(String priority) throws Exception {
        clickButtonByName("callTriage");
        waitUntil(() -> CN.getCurrentForm().getClientProperty("priority") != null, 20000,
                "triage: " + text("triageMessage"));
        assertEqual(I18n.tr("priority." + priority), text("callPriority"), "priority " + text("triageMessage"));
    }

    private void end(String button, String outcome) throws Exception {
        clickButtonByName(button);
        waitUntil(() -> CN.getCurrentForm().getClientProperty("outcome") != null, 20000,
                "outcome: " + text("outcomeMessage"));
        assertEqual(outcome, CN.getCurrentForm().getClientProperty("outcome"));
    }
}
