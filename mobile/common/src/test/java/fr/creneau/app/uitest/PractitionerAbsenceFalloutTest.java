package fr.creneau.app.uitest;

import com.codename1.ui.CN;
import fr.creneau.app.I18n;
import fr.creneau.app.logic.Instants;
import fr.creneau.app.ui.BlockForm;
import fr.creneau.model.api.AbsenceFalloutRequest;

import java.util.List;
import java.util.Map;

/**
 * Dr Martin blocks a morning that holds Camille Durand's appointment (booked through the API by the test, on the
 * first free morning slot two to four weeks ahead, so nothing depends on the weekday or on earlier runs) and
 * chooses "propose" for it, keeping the others. Her first try names a substitute longer than the server takes:
 * the block is saved, the choices refused, kept on screen and sent again once the substitute is shortened. Camille then sees "proposals waiting" on her home screen and
 * books one of the proposed slots. The test cleans up (block removed, new appointment cancelled) so the suite can
 * run again on the same backend.
 */
public class PractitionerAbsenceFalloutTest extends CreneauUiTest {
    private static final String TZ = "Europe/Paris";

    @SuppressWarnings("unchecked")
    @Override
    public boolean runTest() throws Exception {
        if (!backendUp()) {
            return true;
        }
        String patient = tokenOf("patient@demo.creneau.fr");
        String doctor = tokenOf("dr.martin@demo.creneau.fr");
        Map<String, Object> me = http("GET", "/api/me", null, patient);
        Long camille = id(((Map<String, Object>) ((List<Object>) me.get("patients")).get(0)).get("id"));
        Map<String, Object> martin = (Map<String, Object>) ((List<Object>) http("GET", "/api/practitioners?q=Martin",
                null, patient).get("root")).get(0);
        Long martinId = id(martin.get("id"));
        List<Object> motives = (List<Object>) http("GET", "/api/practitioners/" + martinId + "/motives", null, patient)
                .get("root");
        Long motive = id(((Map<String, Object>) motives.get(0)).get("id"));

        // the first free morning slot of Dr Martin between two and four weeks ahead
        String today = Instants.localDate(System.currentTimeMillis(), TZ);
        List<Object> slots = (List<Object>) http("GET", "/api/practitioners/" + martinId + "/availability?motiveId="
                + motive + "&from=" + Instants.addDays(today, 14) + "&to=" + Instants.addDays(today, 28), null, patient)
                .get("root");
        String start = null;
        for (int i = 0; i < slots.size() && start == null; i++) {
            String s = (String) ((Map<String, Object>) slots.get(i)).get("start");
            if (Instants.local(Instants.parse(s), TZ)[3] < 12) {
                start = s;
            }
        }
        assertNotNull(start, "a free morning slot of Dr Martin");
        String day = Instants.localDate(Instants.parse(start), TZ);
        Map<String, Object> booked = http("POST", "/api/appointments", "{\"patientId\":" + camille + ",\"practitionerId\":"
                + martinId + ",\"motiveId\":" + motive + ",\"start\":\"" + start + "\"}", patient);
        final Long appointmentId = id(booked.get("id"));

        try {
            // Dr Martin blocks that morning and chooses to propose other slots to Camille
            restart("fr");
            login("dr.martin@demo.creneau.fr");
            waitForFormName("Agenda");
            final String name = "Dr " + martin.get("firstName") + " " + martin.get("lastName");
            CN.callSeriallyAndWait(() -> new BlockForm(martinId, name, TZ, day, CN.getCurrentForm()).show());
            waitForFormName("Block");
            clickButtonByName("blockMorning");
            settle();
            clickButtonByName("blockCheck");
            waitUntil(() -> find("fallout-propose-" + appointmentId) != null, 20000, "preview: " + text("blockMessage"));
            clickButtonByName("fallout-propose-" + appointmentId);
            settle();
            setField("blockSubstitute", "Dr Claire Moreau, 01 43 00 00 99");
            scrollTo("blockApply");
            screenshot("fr-40-block-fallout-choices");
            // a substitute longer than the server takes: the block is saved but the choices are refused; they stay
            // on screen, with a button that sends them again for the saved block
            StringBuilder tooLong = new StringBuilder();
            while (tooLong.length() <= AbsenceFalloutRequest.SUBSTITUTE_MAX) {
                tooLong.append("Dr Claire Moreau, 3 place Voltaire, 75011 Paris. ");
            }
            setField("blockSubstitute", tooLong.toString());
            clickButtonByName("blockApply");
            waitUntil(() -> find("blockRetryDecisions") != null, 20000, "a retry: " + text("blockMessage"));
            assertTrue(text("blockMessage").startsWith(I18n.tr("block.savedDecisionFailed")), text("blockMessage"));
            assertEqual("ChipSelected", find("fallout-propose-" + appointmentId).getUIID(), "the choice is kept");
            assertNull(find("blockApply"), "the block is not saved twice");
            assertNull(find("blockGiveUp"), "nor given up once saved");
            // checking again would start a second block over the same morning: refused until the choices are sent
            clickButtonByName("blockCheck");
            settle();
            assertEqual(I18n.tr("block.choicesFirst"), text("blockMessage"));
            assertNotNull(find("blockRetryDecisions"), "the retry is still there");
            setField("blockSubstitute", "Dr Claire Moreau, 01 43 00 00 99");
            clickButtonByName("blockRetryDecisions");
            String applied = I18n.tr("block.applied");
            waitUntil(() -> applied.equals(text("blockMessage")), 20000, "choices applied: " + text("blockMessage"));
            assertNotNull(find("fallout-" + appointmentId), "the outcome for Camille's appointment");
            screenshot("fr-41-block-fallout-applied");
            logout();

            // Camille sees that slots are proposed, from her home screen, and books one
            login("patient@demo.creneau.fr");
            waitForFormName("PatientHome");
            waitUntil(() -> find("proposalsBanner") != null && find("waiting-" + appointmentId) != null, 20000,
                    "proposals waiting on the home screen");
            screenshot("fr-42-home-proposals-waiting");
            go("waiting-" + appointmentId, "Proposals");
            waitUntil(() -> find("proposal-0") != null, 20000, "proposals listed: " + text("proposalsMessage"));
            assertTrue(text("proposalsHelp").indexOf("Urgence : 15") >= 0, "the emergency number: " + text("proposalsHelp"));
            assertTrue(text("proposalsHelp").indexOf("Dr Claire Moreau") >= 0, "the substitute");
            screenshot("fr-43-proposals");
            clickButtonByName("proposal-0");
            waitUntil(() -> CN.getCurrentForm().getClientProperty("accepted") != null, 20000,
                    "booked: " + text("proposalsMessage"));
            assertNull(find("proposal-0"), "nothing left to choose once booked");
            screenshot("fr-44-proposal-booked");

            logout();

            // the proposed slot was booked for Camille
            List<Object> mine = (List<Object>) http("GET", "/api/appointments/mine?scope=upcoming", null, patient).get("root");
            boolean rebooked = false;
            for (int i = 0; i < mine.size(); i++) {
                Map<String, Object> a = (Map<String, Object>) mine.get(i);
                rebooked |= "BOOKED".equals(a.get("status")) && id(a.get("id")).longValue() > appointmentId.longValue();
            }
            assertTrue(rebooked, "the proposed slot was booked for Camille");
        } finally {
            cleanUp(patient, doctor, martinId, day, appointmentId);
        }
        return true;
    }

    /**
     * Leaves the backend as found, whatever happened: the block of that day removed, and Camille's appointments
     * booked by this run (the one it booked, if still live, and the one taken from the proposals) cancelled.
     */
    @SuppressWarnings("unchecked")
    private static void cleanUp(String patient, String doctor, Long martinId, String day, Long appointmentId)
            throws Exception {
        List<Object> absences = (List<Object>) http("GET", "/api/practitioners/" + martinId + "/absences?from=" + day
                + "&to=" + day, null, doctor).get("root");
        for (int i = 0; i < absences.size(); i++) {
            http("DELETE", "/api/absences/" + id(((Map<String, Object>) absences.get(i)).get("id")), null, doctor);
        }
        List<Object> mine = (List<Object>) http("GET", "/api/appointments/mine?scope=upcoming", null, patient).get("root");
        for (int i = 0; i < mine.size(); i++) {
            Map<String, Object> a = (Map<String, Object>) mine.get(i);
            if ("BOOKED".equals(a.get("status")) && id(a.get("id")).longValue() >= appointmentId.longValue()) {
                http("POST", "/api/appointments/" + id(a.get("id")) + "/status",
                        "{\"status\":\"CANCELLED_BY_PATIENT\",\"reason\":\"Test UI : nettoyage\"}", patient);
            }
        }
    }
}
