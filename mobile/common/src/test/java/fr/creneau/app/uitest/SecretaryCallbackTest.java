package fr.creneau.app.uitest;

import com.codename1.ui.CN;
import fr.creneau.app.logic.Instants;

import java.util.List;
import java.util.Map;

/**
 * The secretary calls back the patients who did not answer the slots proposed after an absence. The test books,
 * through the API, Jean Lefèvre and Hugo Roux (no app account: they only get an SMS) on two morning slots of Dr
 * Martin five to six weeks ahead (clear of the other tests' days), blocks that morning and proposes other slots to
 * both. The secretary then opens "Patients to call back" (in English, then in French), books the slot Jean
 * chooses on the phone and records that Hugo wants no new appointment. Everything is undone at the end (new
 * appointment cancelled, block removed, which drops its decisions) so the suite can run again on the same backend.
 */
public class SecretaryCallbackTest extends CreneauUiTest {
    private static final String TZ = "Europe/Paris";

    @SuppressWarnings("unchecked")
    @Override
    public boolean runTest() throws Exception {
        if (!backendUp()) {
            return true;
        }
        String secretary = tokenOf("secretariat@demo.creneau.fr");
        String doctor = tokenOf("dr.martin@demo.creneau.fr");
        Long practice = id(http("GET", "/api/me", null, secretary).get("practiceId"));
        Map<String, Object> martin = (Map<String, Object>) ((List<Object>) http("GET", "/api/practitioners?q=Martin",
                null, secretary).get("root")).get(0);
        Long martinId = id(martin.get("id"));
        List<Object> motives = (List<Object>) http("GET", "/api/practitioners/" + martinId + "/motives", null, secretary)
                .get("root");
        Long motive = id(((Map<String, Object>) motives.get(0)).get("id"));
        Long jean = patient(practice, "Lefèvre", secretary);
        Long hugo = patient(practice, "Roux", secretary);

        // the first day five to six weeks ahead with two free morning slots of Dr Martin
        String today = Instants.localDate(System.currentTimeMillis(), TZ);
        List<Object> slots = (List<Object>) http("GET", "/api/practitioners/" + martinId + "/availability?motiveId="
                + motive + "&from=" + Instants.addDays(today, 35) + "&to=" + Instants.addDays(today, 49), null, secretary)
                .get("root");
        String first = null;
        String second = null;
        for (int i = 0; i < slots.size() && second == null; i++) {
            String s = (String) ((Map<String, Object>) slots.get(i)).get("start");
            int hour = Instants.local(Instants.parse(s), TZ)[3];
            if (hour < 8 || hour >= 11) {
                continue;
            }
            if (first == null || !Instants.localDate(Instants.parse(s), TZ).equals(
                    Instants.localDate(Instants.parse(first), TZ))) {
                first = s;
            } else if (Instants.parse(s) >= Instants.parse(first) + 30 * Instants.MINUTE) {
                second = s;
            }
        }
        assertNotNull(second, "two free morning slots of Dr Martin on one day");
        String day = Instants.localDate(Instants.parse(first), TZ);
        Long jeanAppointment = book(jean, martinId, motive, first, secretary);
        Long hugoAppointment = book(hugo, martinId, motive, second, secretary);

        try {
            Map<String, Object> absence = http("POST", "/api/practitioners/" + martinId + "/absences", "{\"start\":\""
                    + first + "\",\"end\":\"" + Instants.toIso(Instants.parse(second) + Instants.HOUR)
                    + "\",\"note\":\"Formation\",\"confirmConflicts\":true}", doctor);
            List<Object> decided = (List<Object>) http("POST", "/api/absences/" + id(absence.get("id")) + "/decisions",
                    "{\"all\":\"PROPOSE\"}", doctor).get("root");
            Long jeanDecision = null;
            Long hugoDecision = null;
            for (int i = 0; i < decided.size(); i++) {
                Map<String, Object> d = (Map<String, Object>) decided.get(i);
                assertEqual("OPEN", d.get("status"), "slots proposed to both patients");
                if (jeanAppointment.equals(id(d.get("appointmentId")))) {
                    jeanDecision = id(d.get("id"));
                } else if (hugoAppointment.equals(id(d.get("appointmentId")))) {
                    hugoDecision = id(d.get("id"));
                }
            }
            assertNotNull(jeanDecision, "Jean's decision");
            assertNotNull(hugoDecision, "Hugo's decision");
            final String jeanCard = "callback-" + jeanDecision;
            final String hugoCard = "callback-" + hugoDecision;

            // in English: the list of patients to call back, from the secretary's home
            restart("en");
            login("secretariat@demo.creneau.fr");
            waitForFormName("Agenda");
            go("callbacksButton", "Callbacks");
            waitUntil(() -> find(jeanCard) != null && find(hugoCard) != null, 20000,
                    "both patients listed: " + text("callbacksMessage"));
            assertNotNull(find("callbackDial-" + jeanDecision), "a call button with Jean's phone");
            assertNotNull(find("callbackAccept-" + jeanDecision + "-0"), "Jean's proposed slots");
            screenshot("en-70-callbacks");
            logout();

            // in French: Jean chooses a slot on the phone, Hugo wants none
            restart("fr");
            login("secretariat@demo.creneau.fr");
            waitForFormName("Agenda");
            go("callbacksButton", "Callbacks");
            waitUntil(() -> find(jeanCard) != null && find(hugoCard) != null, 20000,
                    "both patients listed: " + text("callbacksMessage"));
            assertTrue(text("callbackState-" + jeanDecision).startsWith("En attente"), "pending: "
                    + text("callbackState-" + jeanDecision));
            screenshot("fr-70-callbacks");
            scrollTo("callbackDecline-" + jeanDecision);
            screenshot("fr-71-callback-answers");
            clickButtonByName("callbackAccept-" + jeanDecision + "-0");
            final Long jd = jeanDecision;
            waitUntil(() -> jd.equals(CN.getCurrentForm().getClientProperty("accepted")), 20000,
                    "booked for Jean: " + text("callbacksMessage"));
            assertNull(find("callbackAccept-" + jeanDecision + "-0"), "nothing left to choose for Jean");
            assertTrue(text("callbacksMessage").indexOf("Jean Lefèvre") >= 0, "said inline: " + text("callbacksMessage"));
            assertEqual("Créneau choisi", text("callbackState-" + jeanDecision), "Jean's state");
            screenshot("fr-72-callback-booked");
            clickButtonByName("callbackDecline-" + hugoDecision);
            final Long hd = hugoDecision;
            waitUntil(() -> hd.equals(CN.getCurrentForm().getClientProperty("declined")), 20000,
                    "Hugo's refusal recorded: " + text("callbacksMessage"));
            assertNotNull(find("callbacksMessage"), "the message area");
            assertTrue(text("callbacksMessage").indexOf("Hugo Roux") >= 0, "said inline: " + text("callbacksMessage"));
            assertNull(find("callbackDecline-" + hugoDecision), "Hugo is no longer to call");
            screenshot("fr-73-callback-declined");
            logout();

            // Jean's new appointment is booked by phone on one of the proposed slots
            Map<String, Object> follow = decision(practice, jeanDecision, secretary);
            assertEqual("ACCEPTED", follow.get("state"), "Jean's decision");
            assertEqual("PHONE", follow.get("answeredVia"), "answered by phone");
            Map<String, Object> rebooked = http("GET", "/api/appointments/" + id(follow.get("newAppointmentId")), null,
                    secretary);
            assertEqual("BOOKED", rebooked.get("status"), "Jean's new appointment");
            assertEqual("DECLINED", decision(practice, hugoDecision, secretary).get("state"), "Hugo's decision");
        } finally {
            cleanUp(practice, secretary, doctor, martinId, day, jeanAppointment, hugoAppointment);
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static Long patient(Long practice, String lastName, String secretary) throws Exception {
        List<Object> found = (List<Object>) http("GET", "/api/practices/" + practice + "/patients?q="
                + java.net.URLEncoder.encode(lastName, "UTF-8"), null, secretary).get("root");
        return id(((Map<String, Object>) found.get(0)).get("id"));
    }

    private static Long book(Long patient, Long practitioner, Long motive, String start, String secretary)
            throws Exception {
        return id(http("POST", "/api/appointments", "{\"patientId\":" + patient + ",\"practitionerId\":" + practitioner
                + ",\"motiveId\":" + motive + ",\"start\":\"" + start + "\"}", secretary).get("id"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> decision(Long practice, Long decisionId, String token) throws Exception {
        List<Object> all = (List<Object>) http("GET", "/api/practices/" + practice + "/absence-decisions", null, token)
                .get("root");
        for (int i = 0; i < all.size(); i++) {
            Map<String, Object> d = (Map<String, Object>) all.get(i);
            if (decisionId.equals(id(d.get("id")))) {
                return d;
            }
        }
        throw new AssertionError("decision " + decisionId + " not listed");
    }

    /**
     * Leaves the backend as found, whatever happened: the appointments booked from the proposals and the ones this
     * run booked (if still live) cancelled, then the block of that day removed, which drops its decisions.
     */
    @SuppressWarnings("unchecked")
    private static void cleanUp(Long practice, String secretary, String doctor, Long martinId, String day,
                                Long jeanAppointment, Long hugoAppointment) throws Exception {
        List<Object> all = (List<Object>) http("GET", "/api/practices/" + practice + "/absence-decisions", null,
                secretary).get("root");
        for (int i = 0; i < all.size(); i++) {
            Map<String, Object> d = (Map<String, Object>) all.get(i);
            Long appointment = id(d.get("appointmentId"));
            if (d.get("newAppointmentId") != null
                    && (jeanAppointment.equals(appointment) || hugoAppointment.equals(appointment))) {
                cancel(id(d.get("newAppointmentId")), secretary);
            }
        }
        cancel(jeanAppointment, secretary);
        cancel(hugoAppointment, secretary);
        List<Object> absences = (List<Object>) http("GET", "/api/practitioners/" + martinId + "/absences?from=" + day
                + "&to=" + day, null, doctor).get("root");
        for (int i = 0; i < absences.size(); i++) {
            http("DELETE", "/api/absences/" + id(((Map<String, Object>) absences.get(i)).get("id")), null, doctor);
        }
    }

    private static void cancel(Long appointment, String secretary) throws Exception {
        Map<String, Object> a = http("GET", "/api/appointments/" + appointment, null, secretary);
        if ("BOOKED".equals(a.get("status")) || "CONFIRMED".equals(a.get("status"))) {
            http("POST", "/api/appointments/" + appointment + "/status",
                    "{\"status\":\"CANCELLED_BY_PRACTICE\",\"reason\":\"Test UI : nettoyage\"}", secretary);
        }
    }
}
