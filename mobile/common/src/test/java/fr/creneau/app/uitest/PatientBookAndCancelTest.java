package fr.creneau.app.uitest;

import com.codename1.ui.CN;
import com.codename1.ui.Component;
import fr.creneau.app.I18n;
import fr.creneau.app.logic.Instants;
import fr.creneau.app.ui.Nav;

/** The demo patient books a follow-up with Dr Martin more than a day ahead, then cancels it with a reason. */
public class PatientBookAndCancelTest extends CreneauUiTest {
    @Override
    public boolean runTest() throws Exception {
        if (!backendUp()) {
            return true;
        }
        restart("fr");
        login("patient@demo.creneau.fr");
        waitForFormName("PatientHome");
        waitUntil(() -> find("homeMessage") != null && find("homeMessage").isHidden(), 20000, "appointments loaded: "
                + text("homeMessage"));
        screenshot("fr-03-patient-home");

        go("bookButton", "Search");
        openPractitioner("Martin");
        screenshot("fr-04-search");
        go(findPrefix("pract-").getName(), "Practitioner");
        waitUntil(() -> findPrefix("motive-") != null, 20000, "motives: " + text("practitionerMessage"));
        screenshot("fr-05-practitioner-motives");
        // the practice's "when we are closed" card (emergency number, hours, substitute)
        clickButtonByName("closedInfoButton");
        waitUntil(() -> find("closedInfo") != null, 10000, "closed info");
        screenshot("fr-20-closed-info");
        go(findPrefix("motive-").getName(), "Slots");
        waitUntil(() -> find("slot0") != null, 60000, "a free slot: " + text("slotsMessage"));
        // more than the 24 h cancellation cutoff ahead, so that the patient may cancel online
        String minDay = Instants.addDays(Instants.localDate(System.currentTimeMillis(), "Europe/Paris"), 2);
        freeDayFrom(minDay);
        screenshot("fr-06-slots");
        go("slot0", "Confirm");
        screenshot("fr-07-confirm");
        go("confirmButton", "Booked");
        Component badge = findPrefix("status-");
        assertNotNull(badge, "booked appointment shows its state");
        String id = badge.getName().substring("status-".length());
        screenshot("fr-08-booked");

        go("doneButton", "PatientHome");
        waitUntil(() -> find("appt-" + id) != null, 20000, "new appointment listed");
        go("appt-" + id, "Appointment");
        screenshot("fr-09-appointment");
        // moved to another free slot of the same practitioner and motive (still past the cutoff), then cancelled
        String bookedStart = text("apptWhen");
        go("rescheduleButton", "Slots");
        waitUntil(() -> find("slot0") != null || !find("slotsMessage").isHidden(), 60000, "slots to move to");
        freeDayFrom(minDay);
        go("slot0", "Confirm");
        go("confirmButton", "Booked");
        assertNotNull(find("status-" + id), "the move keeps the appointment");
        go("doneButton", "PatientHome");
        waitUntil(() -> find("appt-" + id) != null, 20000, "moved appointment listed");
        go("appt-" + id, "Appointment");
        assertTrue(!bookedStart.equals(text("apptWhen")), "moved from " + bookedStart);
        setField("cancelReason", "Empêchement professionnel");
        clickButtonByName("cancelButton");
        String cancelled = I18n.tr("status.CANCELLED_BY_PATIENT");
        waitUntil(() -> cancelled.equals(text("status-" + id)), 20000,
                "cancelled state: " + text("appointmentMessage"));
        screenshot("fr-10-cancelled");

        // the same home in English
        CN.callSeriallyAndWait(() -> {
            I18n.setLanguage("en");
            Nav.home();
        });
        waitForFormName("PatientHome");
        waitUntil(() -> find("homeMessage").isHidden(), 20000, "appointments loaded");
        screenshot("en-03-patient-home");
        go("bookButton", "Search");
        openPractitioner("Martin");
        go(findPrefix("pract-").getName(), "Practitioner");
        waitUntil(() -> findPrefix("motive-") != null, 20000, "motives");
        go(findPrefix("motive-").getName(), "Slots");
        waitUntil(() -> find("slot0") != null, 60000, "a free slot: " + text("slotsMessage"));
        screenshot("en-06-slots");
        CN.callSeriallyAndWait(() -> I18n.setLanguage("fr"));
        logout();
        return true;
    }
}
