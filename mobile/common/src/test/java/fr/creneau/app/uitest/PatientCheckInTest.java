package fr.creneau.app.uitest;

import com.codename1.ui.CN;
import fr.creneau.app.I18n;
import fr.creneau.app.Session;
import fr.creneau.app.api.Api;
import fr.creneau.app.api.ApiResult;
import fr.creneau.app.logic.Instants;
import fr.creneau.model.api.AppointmentDto;
import fr.creneau.model.rules.AppointmentStatus;
import fr.creneau.model.rules.TimeText;

import java.util.List;
import java.util.Map;

/**
 * Patient check-in. patient@demo's appointments on other days offer no "I have arrived" button. Then the
 * secretariat books (over plain HTTP) a slot later today with Dr Martin for Camille Durand, and the patient checks
 * in from the appointment screen: the status becomes ARRIVED. When no slot is left today (evening, Sunday, full
 * day) that second part is skipped with a logged reason: nothing depends on the weekday or the hour.
 */
public class PatientCheckInTest extends CreneauUiTest {
    private static final String TZ = "Europe/Paris";

    @Override
    public boolean runTest() throws Exception {
        if (!backendUp()) {
            return true;
        }
        restart("fr");
        login("patient@demo.creneau.fr");
        waitForFormName("PatientHome");
        Long patientId = Session.get().account().patients.get(0).id;
        String today = Instants.localDate(System.currentTimeMillis(), TZ);

        // not today: no check-in offered
        ApiResult<List<AppointmentDto>> mine = Api.mine("upcoming");
        assertTrue(mine.ok(), "upcoming: " + mine.status);
        AppointmentDto later = null;
        for (int i = 0; i < mine.value.size(); i++) {
            AppointmentDto a = mine.value.get(i);
            if (a.status != null && a.status.isPending() && !today.equals(Instants.localDate(Instants.parse(a.start), TZ))) {
                later = a;
                break;
            }
        }
        assertNotNull(later, "the demo patient has an appointment on a later day");
        final Long laterId = later.id;
        waitUntil(() -> find("appt-" + laterId) != null, 20000, "appointment " + laterId + " on the home screen");
        go("appt-" + laterId, "Appointment");
        assertNull(find("checkInButton"), "no check-in before the day");
        logout();

        // today: a slot later today, booked by the secretariat for the patient
        String secretary = tokenOf("secretariat@demo.creneau.fr");
        Map<String, Object> slot = slotLaterToday(secretary, today);
        if (slot == null && openExtraRangeToday(secretary, today)) {
            slot = slotLaterToday(secretary, today);
        }
        if (slot == null) {
            log("SKIPPED check-in of the day: too late today (" + today + ") to open a slot with Dr Martin");
            return true;
        }
        Map<String, Object> booked = http("POST", "/api/appointments",
                "{\"practitionerId\":" + id(slot.get("practitionerId")) + ",\"motiveId\":" + slot.get("__motive")
                        + ",\"patientId\":" + patientId + ",\"siteId\":" + id(slot.get("siteId")) + ",\"start\":\""
                        + slot.get("start") + "\",\"channel\":\"PHONE\"}", secretary);
        final Long id = id(booked.get("id"));
        log("booked " + id + " at " + slot.get("start") + " for the check-in");

        restart("fr");
        login("patient@demo.creneau.fr");
        waitForFormName("PatientHome");
        waitUntil(() -> find("appt-" + id) != null, 20000, "today's appointment " + id + " on the home screen");
        go("appt-" + id, "Appointment");
        waitUntil(() -> find("checkInButton") != null, 10000, "check-in offered on the day");
        assertEqual("Je suis arrivé(e)", text("checkInButton"));
        screenshot("fr-37-check-in");
        clickButtonByName("checkInButton");
        waitUntil(() -> find("checkInButton") == null, 20000, "checked in: " + text("appointmentMessage"));
        assertEqual(I18n.tr("appointment.checkedIn"), text("appointmentMessage"));
        assertEqual(I18n.tr("status.ARRIVED"), text("status-" + id));
        ApiResult<AppointmentDto> after = Api.appointment(id);
        assertTrue(after.ok() && after.value.status == AppointmentStatus.ARRIVED, "ARRIVED on the server");
        screenshot("fr-38-checked-in");
        logout();
        return true;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> martin(String token) throws Exception {
        List<Object> ps = (List<Object>) http("GET", "/api/practitioners?q=Martin", null, token).get("root");
        for (int i = 0; ps != null && i < ps.size(); i++) {
            Map<String, Object> p = (Map<String, Object>) ps.get(i);
            if ("Martin".equals(p.get("lastName"))) {
                return p;
            }
        }
        fail("Dr Martin not found");
        return null;
    }

    /**
     * When Dr Martin's hours of the day are over or full, the secretariat frees a slot as a practice would: a
     * one-off opening from the next quarter hour, so that the test does not depend on the hour it runs at.
     * False when it is too late in the day for that.
     */
    @SuppressWarnings("unchecked")
    private boolean openExtraRangeToday(String token, String today) throws Exception {
        int[] now = Instants.local(System.currentTimeMillis(), TZ);
        int start = ((now[3] * 60 + now[4]) / 15 + 2) * 15;
        int end = 23 * 60 + 45;
        if (start + 30 > end) {
            return false;
        }
        Map<String, Object> martin = martin(token);
        Long site = id(((List<Object>) martin.get("siteIds")).get(0));
        List<Object> ms = (List<Object>) http("GET", "/api/practitioners/" + id(martin.get("id")) + "/motives", null, token).get("root");
        Long motive = id(((Map<String, Object>) ms.get(0)).get("id"));
        http("POST", "/api/practitioners/" + id(martin.get("id")) + "/opening-ranges", "{\"siteId\":" + site
                + ",\"date\":\"" + today + "\",\"start\":\"" + TimeText.hhmm(start) + "\",\"end\":\""
                + TimeText.hhmm(end) + "\",\"motiveIds\":[" + motive + "]}", token);
        log("opened " + TimeText.hhmm(start) + "-" + TimeText.hhmm(end) + " today for the check-in");
        return true;
    }

    /** Dr Martin's first free slot today that starts at least two minutes from now, for any of her motives; or null. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> slotLaterToday(String token, String today) throws Exception {
        Long martin = id(martin(token).get("id"));
        List<Object> ms = (List<Object>) http("GET", "/api/practitioners/" + martin + "/motives", null, token).get("root");
        long soon = System.currentTimeMillis() + 2 * Instants.MINUTE;
        for (int m = 0; ms != null && m < ms.size(); m++) {
            Long motive = id(((Map<String, Object>) ms.get(m)).get("id"));
            List<Object> slots = (List<Object>) http("GET", "/api/practitioners/" + martin + "/availability?motiveId="
                    + motive + "&from=" + today + "&to=" + today, null, token).get("root");
            for (int i = 0; slots != null && i < slots.size(); i++) {
                Map<String, Object> s = (Map<String, Object>) slots.get(i);
                if (Instants.parse((String) s.get("start")) >= soon) {
                    s.put("__motive", motive);
                    return s;
                }
            }
        }
        return null;
    }
}
