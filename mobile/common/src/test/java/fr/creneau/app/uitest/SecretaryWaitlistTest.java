package fr.creneau.app.uitest;

import com.codename1.ui.CN;
import fr.creneau.app.I18n;
import fr.creneau.app.logic.Instants;

import java.util.List;
import java.util.Map;

/**
 * The waitlist on the phone. The secretariat books (plain HTTP) Dr Martin's first free slot two days ahead or more
 * for Camille Durand. Jean Lefèvre (no app: offers reach him by SMS) calls: identity checked, no slot suits, the
 * secretary puts him on the waitlist for that day from the call screen and ends the call as "put on the waitlist"
 * (the server records the entry with the call). Camille's booking is cancelled: the slot is offered to Jean; he
 * calls back to accept, and the secretary books it from the practice's waitlist screen (offer pending, with its
 * expiry). A second wish of Jean's is removed after the confirmation, then
 * a third in English. The test cancels the booked appointment and removes Jean's entries at the start and the end,
 * so it runs again on the same backend (it takes the next free slot); nothing depends on the weekday.
 */
public class SecretaryWaitlistTest extends CreneauUiTest {
    private static final String TZ = "Europe/Paris";

    @Override
    @SuppressWarnings("unchecked")
    public boolean runTest() throws Exception {
        if (!backendUp()) {
            return true;
        }
        String secretary = tokenOf("secretariat@demo.creneau.fr");
        Long practiceId = id(http("GET", "/api/me", null, secretary).get("practiceId"));
        Long jean = patientId(practiceId, "Lef", "Jean", secretary);
        Long camille = patientId(practiceId, "Durand", "Camille", secretary);
        removeEntriesOf(practiceId, jean, secretary);

        // the slot to free later: Dr Martin's first free one two days ahead or more, for an online motive
        Map<String, Object> martin = practitionerNamed("Martin", secretary);
        assertNotNull(martin, "Dr Martin");
        Long martinId = id(martin.get("id"));
        Long motive = onlineMotive(martinId, secretary);
        assertNotNull(motive, "an online motive of Dr Martin");
        Map<String, Object> slot = firstFreeSlot(martinId, motive, TZ, secretary);
        assertNotNull(slot, "a free slot with Dr Martin");
        String start = (String) slot.get("start");
        String day = Instants.localDate(Instants.parse(start), TZ);
        Long camilleBooking = id(http("POST", "/api/appointments", "{\"practitionerId\":" + martinId + ",\"motiveId\":"
                + motive + ",\"patientId\":" + camille + ",\"start\":\"" + start + "\",\"channel\":\"PHONE\"}",
                secretary).get("id"));
        log("slot " + start + " booked for Camille: " + camilleBooking);

        // Jean calls: no slot suits him, he goes on the waitlist for that day
        restart("fr");
        login("secretariat@demo.creneau.fr");
        waitForFormName("Agenda");
        go("callButton", "Call");
        openAndIdentify();
        clickButtonByName("type-APPOINTMENT_QUESTION");
        settle();
        setField("callReason", "Rendez-vous plus tôt");
        setField("f-question", "Un créneau plus tôt avec le Dr Martin, si un patient annule");
        clickButtonByName("callTriage");
        waitUntil(() -> CN.getCurrentForm().getClientProperty("priority") != null, 20000,
                "triage: " + text("triageMessage"));
        final Long motiveId = motive;
        waitUntil(() -> find("callMotive-" + motiveId) != null && find("callTo-" + martinId) != null, 20000,
                "motives and practitioners on the call screen");
        clickButtonByName("callTo-" + martinId);
        clickButtonByName("callMotive-" + motiveId);
        settle();
        go("outcomeWaitlist", "WaitlistJoin");
        setField("fromDate", day);
        setField("toDate", day);
        assertEqual(I18n.tr("waitlist.joinStaff"), text("joinWaitlistButton"));
        scrollTo("joinWaitlistButton");
        screenshot("fr-60-call-waitlist-join");
        clickButtonByName("joinWaitlistButton");
        waitForFormName("Call");
        waitUntil(() -> CN.getCurrentForm().getClientProperty("waitlisted") != null, 20000,
                "back on the call, waitlisted: " + text("outcomeMessage"));
        Long entry = (Long) CN.getCurrentForm().getClientProperty("waitlisted");
        assertEqual(I18n.tr("call.waitlisted", "Jean Lefèvre"), text("outcomeMessage"));
        scrollTo("outcomeWaitlisted");
        screenshot("fr-61-call-waitlisted");
        Long callId = (Long) CN.getCurrentForm().getClientProperty("callId");
        assertEqual(I18n.tr("outcome.WAITLISTED"), text("outcomeWaitlisted"));
        clickButtonByName("outcomeWaitlisted");
        waitUntil(() -> CN.getCurrentForm().getClientProperty("outcome") != null, 20000,
                "call ended: " + text("outcomeMessage"));
        assertEqual("WAITLISTED", CN.getCurrentForm().getClientProperty("outcome"));
        Map<String, Object> ended = http("GET", "/api/calls/" + callId, null, secretary);
        assertEqual("WAITLISTED", ended.get("outcome"));
        assertEqual(entry, id(ended.get("waitlistEntryId")));

        // Camille cancels: the slot is offered to Jean (by SMS); he calls back and accepts it
        http("POST", "/api/appointments/" + camilleBooking + "/status",
                "{\"status\":\"CANCELLED_BY_PRACTICE\",\"reason\":\"La patiente a rappelé pour annuler\"}", secretary);
        restart("fr");
        login("secretariat@demo.creneau.fr");
        waitForFormName("Agenda");
        go("practiceWaitlistButton", "PracticeWaitlist");
        waitUntil(() -> find("accept-" + entry) != null, 20000,
                "the offer pending on Jean's entry: " + text("staffWaitlistMessage"));
        assertFalse(I18n.tr("staffWaitlist.waiting").equals(text("state-" + entry)), "offer pending: " + text("state-" + entry));
        scrollTo("entry-" + entry);
        screenshot("fr-62-practice-waitlist");
        // Usually the slot Camille freed; a slot of that day freed earlier (by another test) and still looking for a
        // taker may reach Jean's new entry first, which is as right: he waits for any slot that day with Dr Martin
        String offered = offerStartOf(practiceId, entry, secretary);
        assertNotNull(offered, "Jean's entry has an open offer");
        assertEqual(day, Instants.localDate(Instants.parse(offered), TZ));
        if (!start.equals(offered)) {
            log("offer for " + offered + " (a slot freed before " + start + ")");
        }
        clickButtonByName("accept-" + entry);
        waitUntil(() -> CN.getCurrentForm().getClientProperty("outcome") != null, 20000,
                "accepted: " + text("entryMessage-" + entry));
        assertEqual("booked", CN.getCurrentForm().getClientProperty("outcome"), text("entryMessage-" + entry));
        Long booked = (Long) CN.getCurrentForm().getClientProperty("booked");
        assertNull(find("entry-" + entry), "booked: off the list");
        screenshot("fr-63-waitlist-accepted");
        Map<String, Object> appt = http("GET", "/api/appointments/" + booked, null, secretary);
        assertEqual(offered, appt.get("start"));
        assertEqual(martinId, id(appt.get("practitionerId")));
        assertEqual(jean, id(appt.get("patientId")));
        assertEqual("PHONE", appt.get("channel"));

        // another wish of Jean's: he calls to say he no longer needs it; the removal asks first
        Long second = join(practiceId, jean, motive, Instants.addDays(day, 7), secretary);
        restart("fr");
        login("secretariat@demo.creneau.fr");
        waitForFormName("Agenda");
        go("practiceWaitlistButton", "PracticeWaitlist");
        waitUntil(() -> find("remove-" + second) != null, 20000, "the second wish: " + text("staffWaitlistMessage"));
        assertEqual(I18n.tr("staffWaitlist.waiting"), text("state-" + second));
        clickButtonByName("remove-" + second);
        waitUntil(() -> find("confirmRemove-" + second) != null, 10000, "the confirmation");
        clickButtonByName("keep-" + second);
        settle();
        assertNull(find("confirmRemove-" + second), "kept");
        assertNotNull(find("entry-" + second), "still listed");
        clickButtonByName("remove-" + second);
        waitUntil(() -> find("confirmRemove-" + second) != null, 10000, "the confirmation again");
        screenshot("fr-64-waitlist-remove-confirm");
        clickButtonByName("confirmRemove-" + second);
        waitUntil(() -> "removed".equals(CN.getCurrentForm().getClientProperty("outcome")), 20000,
                "removed: " + text("entryMessage-" + second));
        assertNull(find("entry-" + second), "removed from the screen");
        assertFalse(listed(practiceId, second, secretary), "removed on the server");
        logout();

        // the same screens in English
        Long third = join(practiceId, jean, motive, Instants.addDays(day, 14), secretary);
        restart("en");
        login("secretariat@demo.creneau.fr");
        waitForFormName("Agenda");
        go("practiceWaitlistButton", "PracticeWaitlist");
        waitUntil(() -> find("remove-" + third) != null, 20000, "the third wish: " + text("staffWaitlistMessage"));
        assertEqual("Waiting for a slot", text("state-" + third));
        scrollTo("entry-" + third);
        screenshot("en-62-practice-waitlist");
        clickButtonByName("remove-" + third);
        waitUntil(() -> find("confirmRemove-" + third) != null, 10000, "the confirmation (EN)");
        assertEqual("Yes, remove", text("confirmRemove-" + third));
        screenshot("en-64-waitlist-remove-confirm");
        clickButtonByName("confirmRemove-" + third);
        waitUntil(() -> "removed".equals(CN.getCurrentForm().getClientProperty("outcome")), 20000,
                "removed (EN): " + text("entryMessage-" + third));
        assertFalse(listed(practiceId, third, secretary), "removed on the server (EN)");
        logout();

        // leave things as they were: the slot free again, Jean off the waitlist
        http("POST", "/api/appointments/" + booked + "/status",
                "{\"status\":\"CANCELLED_BY_PRACTICE\",\"reason\":\"Test de liste d'attente\"}", secretary);
        removeEntriesOf(practiceId, jean, secretary);
        return true;
    }

    private void openAndIdentify() throws Exception {
        openCallFromJeanLefevre();
        // before the identity is checked, the waitlist is refused inline
        clickButtonByName("outcomeWaitlist");
        waitUntil(() -> I18n.tr("call.identityFirst").equals(text("outcomeMessage")), 10000,
                "identity first: " + text("outcomeMessage"));
        setField("idLastName", "Lefèvre");
        setField("idBirth", "1954-11-02");
        setField("idPhone", "+33611223344");
        clickButtonByName("callIdentityCheck");
        waitUntil(() -> find("identityState") != null, 20000, "identity checked: " + text("identityMessage"));
        assertEqual(I18n.tr("call.identityOk"), text("identityState"));
    }

    @SuppressWarnings("unchecked")
    private static Long patientId(Long practiceId, String q, String firstName, String token) throws Exception {
        List<Object> found = (List<Object>) http("GET", "/api/practices/" + practiceId + "/patients?q=" + q, null, token)
                .get("root");
        for (int i = 0; found != null && i < found.size(); i++) {
            Map<String, Object> p = (Map<String, Object>) found.get(i);
            if (firstName.equals(p.get("firstName"))) {
                return id(p.get("id"));
            }
        }
        throw new AssertionError("patient " + firstName + " " + q);
    }

    private static Long join(Long practiceId, Long patient, Long motive, String day, String token) throws Exception {
        return id(http("POST", "/api/practices/" + practiceId + "/waitlist", "{\"patientId\":" + patient
                + ",\"motiveId\":" + motive + ",\"fromDate\":\"" + day + "\",\"toDate\":\"" + day + "\"}", token)
                .get("id"));
    }

    /** The practice's open waitlist entries, as the secretariat reads them. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> entries(Long practiceId, String token) throws Exception {
        List<Object> raw = (List<Object>) http("GET", "/api/practices/" + practiceId + "/waitlist", null, token).get("root");
        List<Map<String, Object>> out = new java.util.ArrayList<Map<String, Object>>();
        for (int i = 0; raw != null && i < raw.size(); i++) {
            out.add((Map<String, Object>) raw.get(i));
        }
        return out;
    }

    private static Map<String, Object> entry(Long practiceId, Long entry, String token) throws Exception {
        for (Map<String, Object> e : entries(practiceId, token)) {
            if (entry.equals(id(e.get("id")))) {
                return e;
            }
        }
        return null;
    }

    private static boolean listed(Long practiceId, Long entry, String token) throws Exception {
        return entry(practiceId, entry, token) != null;
    }

    private static String offerStartOf(Long practiceId, Long entry, String token) throws Exception {
        Map<String, Object> e = entry(practiceId, entry, token);
        return e == null ? null : (String) e.get("offerStart");
    }

    private static void removeEntriesOf(Long practiceId, Long patient, String token) throws Exception {
        for (Map<String, Object> e : entries(practiceId, token)) {
            if (patient.equals(id(e.get("patientId")))) {
                http("DELETE", "/api/waitlist/" + id(e.get("id")), null, token);
            }
        }
    }
}
