package fr.creneau.app.uitest;

import fr.creneau.app.I18n;
import fr.creneau.app.logic.Instants;

import java.util.List;
import java.util.Map;

/**
 * A practitioner reads who waits for their slots. The secretariat (plain HTTP) puts three patients on the waitlist
 * about ten weeks ahead, clear of the other tests' days: Jean Lefèvre for Dr Martin on the day of her first free
 * slot then, Amina Benali for any practitioner a few days later, and Léo Durand for Dr Petit. A booking of Hugo
 * Roux on that slot is cancelled, so the slot is offered to Jean. Dr Martin opens "Liste d'attente" from her
 * agenda: Jean (offer pending) and Amina (waiting) are listed, Léo (a colleague's patient) is not, and no card has
 * the secretariat's "accepted by phone" or "remove" buttons. Then the same in English. The entries are removed at
 * the end, whatever happened, so the suite runs again on the same backend.
 */
public class PractitionerWaitlistTest extends CreneauUiTest {
    private static final String TZ = "Europe/Paris";

    @SuppressWarnings("unchecked")
    @Override
    public boolean runTest() throws Exception {
        if (!backendUp()) {
            return true;
        }
        String secretary = tokenOf("secretariat@demo.creneau.fr");
        Long practiceId = id(http("GET", "/api/me", null, secretary).get("practiceId"));
        Map<String, Object> martin = practitionerNamed("Martin", secretary);
        Map<String, Object> petit = practitionerNamed("Petit", secretary);
        assertNotNull(martin, "Dr Martin");
        assertNotNull(petit, "Dr Petit");
        Long martinId = id(martin.get("id"));
        Long motive = onlineMotive(martinId, secretary);
        assertNotNull(motive, "an online motive of Dr Martin");
        Long jean = patientId(practiceId, "Lef", "Jean", secretary);
        Long amina = patientId(practiceId, "Benali", "Amina", secretary);
        Long leo = patientId(practiceId, "Durand", "Léo", secretary);
        Long hugo = patientId(practiceId, "Roux", "Hugo", secretary);

        // Dr Martin's first free slot ten weeks ahead (within the 90-day horizon, after every other test's days)
        String today = Instants.localDate(System.currentTimeMillis(), TZ);
        List<Object> slots = (List<Object>) http("GET", "/api/practitioners/" + martinId + "/availability?motiveId="
                + motive + "&from=" + Instants.addDays(today, 70) + "&to=" + Instants.addDays(today, 76), null,
                secretary).get("root");
        assertTrue(slots != null && !slots.isEmpty(), "a free slot of Dr Martin ten weeks ahead");
        String start = (String) ((Map<String, Object>) slots.get(0)).get("start");
        String day = Instants.localDate(Instants.parse(start), TZ);

        Long forMartin = null;
        Long forAnyone = null;
        Long forPetit = null;
        try {
            forMartin = join(practiceId, jean, martinId, motive, day, day, secretary);
            forAnyone = join(practiceId, amina, null, motive, Instants.addDays(day, 8), Instants.addDays(day, 12),
                    secretary);
            forPetit = join(practiceId, leo, id(petit.get("id")), motive, day, day, secretary);
            // a cancellation frees the slot: offered to Jean, the only entry for that day and practitioner
            Long booked = id(http("POST", "/api/appointments", "{\"practitionerId\":" + martinId + ",\"motiveId\":"
                    + motive + ",\"patientId\":" + hugo + ",\"start\":\"" + start + "\",\"channel\":\"PHONE\"}",
                    secretary).get("id"));
            http("POST", "/api/appointments/" + booked + "/status",
                    "{\"status\":\"CANCELLED_BY_PRACTICE\",\"reason\":\"Le patient a rappelé pour annuler\"}", secretary);

            final Long mine = forMartin;
            final Long anyone = forAnyone;
            final Long colleague = forPetit;
            restart("fr");
            login("dr.martin@demo.creneau.fr");
            waitForFormName("Agenda");
            assertNull(find("practiceWaitlistButton"), "not the secretariat's entry");
            assertEqual("Liste d'attente", text("practitionerWaitlistButton"));
            go("practitionerWaitlistButton", "PracticeWaitlist");
            waitUntil(() -> find("entry-" + mine) != null && find("entry-" + anyone) != null, 20000,
                    "Jean's and Amina's entries: " + text("staffWaitlistMessage"));
            assertNull(find("entry-" + colleague), "Léo waits for Dr Petit: not listed");
            assertFalse(I18n.tr("staffWaitlist.waiting").equals(text("state-" + mine)),
                    "the offer pending on Jean's entry: " + text("state-" + mine));
            assertTrue(text("state-" + mine).startsWith("Offre en attente"), text("state-" + mine));
            assertEqual(I18n.tr("staffWaitlist.waiting"), text("state-" + anyone));
            // Jean waits for one day, Amina for several
            assertTrue(text("window-" + mine).startsWith("Le "), text("window-" + mine));
            assertTrue(text("window-" + anyone).startsWith("Du "), text("window-" + anyone));
            assertReadOnly(mine, anyone);
            scrollTo("entry-" + mine);
            screenshot("fr-74-practitioner-waitlist");
            logout();

            restart("en");
            login("dr.martin@demo.creneau.fr");
            waitForFormName("Agenda");
            assertEqual("Waitlist", text("practitionerWaitlistButton"));
            go("practitionerWaitlistButton", "PracticeWaitlist");
            waitUntil(() -> find("entry-" + mine) != null && find("entry-" + anyone) != null, 20000,
                    "Jean's and Amina's entries (EN): " + text("staffWaitlistMessage"));
            assertNull(find("entry-" + colleague), "Léo not listed (EN)");
            assertTrue(text("state-" + mine).startsWith("Offer awaiting an answer"), text("state-" + mine));
            assertEqual("Waiting for a slot", text("state-" + anyone));
            assertTrue(text("window-" + mine).startsWith("On "), text("window-" + mine));
            assertReadOnly(mine, anyone);
            scrollTo("entry-" + mine);
            screenshot("en-74-practitioner-waitlist");
            logout();
        } finally {
            // the offer Jean's entry holds goes with it (no later entry matches that day)
            for (Long entry : new Long[]{forMartin, forAnyone, forPetit}) {
                if (entry != null) {
                    http("DELETE", "/api/waitlist/" + entry, null, secretary);
                }
            }
        }
        return true;
    }

    private void assertReadOnly(Long... entries) {
        assertEqual(Boolean.TRUE, com.codename1.ui.CN.getCurrentForm().getClientProperty("readOnly"), "read-only");
        for (Long entry : entries) {
            assertNull(find("accept-" + entry), "no 'accepted by phone' for " + entry);
            assertNull(find("remove-" + entry), "no 'remove' for " + entry);
        }
    }

    private static Long join(Long practiceId, Long patient, Long practitioner, Long motive, String from, String to,
                             String token) throws Exception {
        return id(http("POST", "/api/practices/" + practiceId + "/waitlist", "{\"patientId\":" + patient
                + (practitioner == null ? "" : ",\"practitionerId\":" + practitioner) + ",\"motiveId\":" + motive
                + ",\"fromDate\":\"" + from + "\",\"toDate\":\"" + to + "\"}", token).get("id"));
    }

    @SuppressWarnings("unchecked")
    private static Long patientId(Long practiceId, String q, String firstName, String token) throws Exception {
        List<Object> found = (List<Object>) http("GET", "/api/practices/" + practiceId + "/patients?q="
                + java.net.URLEncoder.encode(q, "UTF-8"), null, token).get("root");
        for (int i = 0; found != null && i < found.size(); i++) {
            Map<String, Object> p = (Map<String, Object>) found.get(i);
            if (firstName.equals(p.get("firstName"))) {
                return id(p.get("id"));
            }
        }
        throw new AssertionError("patient " + firstName + " " + q);
    }
}
