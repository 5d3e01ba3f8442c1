package fr.creneau.app.uitest;

import com.codename1.ui.CN;
import fr.creneau.app.I18n;
import fr.creneau.app.logic.DateInput;
import fr.creneau.app.logic.Instants;

import java.util.List;
import java.util.Map;

/**
 * The waitlist, end to end. The secretariat books (plain HTTP) Dr Martin's first free slot at least two days ahead
 * for another patient; patient@demo finds no slot to her liking and joins the waitlist for that day from the slots
 * screen, and sees it listed. The secretariat cancels the booking: the slot is offered to her; the patient home
 * shows the offer, she opens it and claims it. The test then cancels that appointment and leaves the waitlist, so
 * the next run starts the same way (it takes the next free slot); nothing depends on the weekday.
 */
public class PatientWaitlistTest extends CreneauUiTest {
    private static final String TZ = "Europe/Paris";

    @Override
    @SuppressWarnings("unchecked")
    public boolean runTest() throws Exception {
        if (!backendUp()) {
            return true;
        }
        String secretary = tokenOf("secretariat@demo.creneau.fr");
        String patient = tokenOf("patient@demo.creneau.fr");
        leaveAll(patient);

        // the slot to free later: Dr Martin's first free one two days ahead or more, for an online motive
        Map<String, Object> martin = practitionerNamed("Martin", secretary);
        assertNotNull(martin, "Dr Martin");
        Long martinId = id(martin.get("id"));
        Long practiceId = id(martin.get("practiceId"));
        Long motive = onlineMotive(martinId, patient);
        assertNotNull(motive, "an online motive of Dr Martin");
        Map<String, Object> slot = firstFreeSlot(martinId, motive, TZ, secretary);
        assertNotNull(slot, "a free slot with Dr Martin");
        String start = (String) slot.get("start");
        String day = Instants.localDate(Instants.parse(start), TZ);
        List<Object> callers = (List<Object>) http("GET", "/api/practices/" + practiceId + "/patients?q=Lef", null,
                secretary).get("root");
        assertTrue(callers != null && !callers.isEmpty(), "Jean Lefèvre");
        Long caller = id(((Map<String, Object>) callers.get(0)).get("id"));
        Map<String, Object> booked = http("POST", "/api/appointments", "{\"practitionerId\":" + martinId + ",\"motiveId\":"
                + motive + ",\"patientId\":" + caller + ",\"start\":\"" + start + "\",\"channel\":\"PHONE\"}", secretary);
        Long bookedId = id(booked.get("id"));
        log("slot " + start + " booked for the caller: " + bookedId);

        // the patient joins the waitlist for that day, from the slots screen
        restart("fr");
        login("patient@demo.creneau.fr");
        waitForFormName("PatientHome");
        openSlots("Martin", motive);
        go("waitlistButton", "WaitlistJoin");
        setField("fromDate", DateInput.display(day)); // the form shows and reads dates day first
        setField("toDate", DateInput.display(day));
        scrollTo("joinWaitlistButton");
        screenshot("fr-45-waitlist-join");
        go("joinWaitlistButton", "MyWaitlist");
        waitUntil(() -> CN.getCurrentForm().getClientProperty("loaded") != null
                && ((Integer) CN.getCurrentForm().getClientProperty("loaded")).intValue() >= 1, 20000,
                "my waitlist: " + text("myWaitlistMessage"));
        assertNotNull(findPrefix("entry-"), "the new wish is listed");
        assertNotNull(findPrefix("leave-"), "with a leave button");
        screenshot("fr-46-my-waitlist");

        // the secretariat cancels the caller's appointment: the slot is offered to the patient
        http("POST", "/api/appointments/" + bookedId + "/status",
                "{\"status\":\"CANCELLED_BY_PRACTICE\",\"reason\":\"Le patient a rappelé pour annuler\"}", secretary);
        restart("fr");
        login("patient@demo.creneau.fr");
        waitForFormName("PatientHome");
        waitUntil(() -> findPrefix("offer-") != null, 20000, "the offer on the patient home");
        go(findPrefix("offer-").getName(), "Offer");
        assertEqual(I18n.tr("offer.claim"), text("claimButton"));
        screenshot("fr-47-offer");
        go("claimButton", "Booked");
        String appt = findPrefix("status-").getName().substring("status-".length());
        screenshot("fr-48-offer-booked");
        Map<String, Object> mine = http("GET", "/api/appointments/" + appt, null, patient);
        assertEqual(start, mine.get("start"));
        assertEqual("BOOKED", mine.get("status"));

        // leave things as they were: cancel the claimed appointment, leave the waitlist
        http("POST", "/api/appointments/" + appt + "/status",
                "{\"status\":\"CANCELLED_BY_PATIENT\",\"reason\":\"Test de liste d'attente\"}", patient);
        leaveAll(patient);
        logout();
        return true;
    }

    @SuppressWarnings("unchecked")
    private static void leaveAll(String patient) throws Exception {
        List<Object> entries = (List<Object>) http("GET", "/api/waitlist/mine", null, patient).get("root");
        for (int i = 0; entries != null && i < entries.size(); i++) {
            http("DELETE", "/api/waitlist/" + id(((Map<String, Object>) entries.get(i)).get("id")), null, patient);
        }
    }
}
