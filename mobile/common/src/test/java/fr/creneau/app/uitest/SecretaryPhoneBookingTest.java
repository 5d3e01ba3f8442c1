package fr.creneau.app.uitest;

import com.codename1.ui.CN;
import fr.creneau.app.I18n;

/** The secretariat finds Jean Lefèvre and books him by phone with Dr Martin. */
public class SecretaryPhoneBookingTest extends CreneauUiTest {
    @Override
    public boolean runTest() throws Exception {
        if (!backendUp()) {
            return true;
        }
        restart("fr");
        login("secretariat@demo.creneau.fr");
        waitForFormName("Agenda");
        waitUntil(() -> find("agendaMessage").isHidden() || find("agendaMessage") != null, 20000, "agenda");
        screenshot("fr-16-secretary-agenda");
        go("findPatientButton", "PatientSearch");
        setField("patientQuery", "Lefèvre");
        clickButtonByName("patientSearchButton");
        waitUntil(() -> "Lefèvre".equals(CN.getCurrentForm().getClientProperty("searchedFor"))
                && findPrefix("patient-") != null, 20000, "patient found: " + text("patientSearchMessage"));
        screenshot("fr-17-patient-search");
        go(findPrefix("patient-").getName(), "Search");
        openPractitioner("Martin");
        go(findPrefix("pract-").getName(), "Practitioner");
        waitUntil(() -> findPrefix("motive-") != null, 20000, "motives");
        go(findPrefix("motive-").getName(), "Slots");
        waitUntil(() -> find("slot0") != null, 60000, "a free slot: " + text("slotsMessage"));
        go("slot0", "Confirm");
        assertNotNull(find("channelPhone"), "the secretariat chooses phone or desk");
        screenshot("fr-18-secretary-confirm");
        go("confirmButton", "Booked");
        assertNotNull(findPrefix("status-"), "booked");
        assertEqual(I18n.tr("status.BOOKED"), text(findPrefix("status-").getName()));
        screenshot("fr-19-secretary-booked");
        logout();
        return true;
    }
}
