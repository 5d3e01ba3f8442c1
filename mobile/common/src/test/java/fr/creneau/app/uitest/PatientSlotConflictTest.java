package fr.creneau.app.uitest;

import com.codename1.ui.CN;
import com.codename1.ui.Component;
import com.codename1.ui.Container;
import fr.creneau.app.I18n;
import fr.creneau.app.api.Api;
import fr.creneau.app.logic.Instants;
import fr.creneau.app.ui.BookingContext;
import fr.creneau.app.ui.ConfirmForm;
import fr.creneau.model.api.MotiveDto;
import fr.creneau.model.api.SlotDto;

import java.util.List;
import java.util.Map;

/**
 * The booking refusals the server answers with 409, each with its own message. (1) The slot the patient tapped is
 * taken by the secretariat meanwhile: "slot taken", and back on the slots screen the list is reloaded without it.
 * (2) Camille already has an appointment with Dr Martin overlapping a slot of Dr Petit: booking that slot for her
 * says so ("patient busy"), not "slot taken". Every appointment the test books is cancelled at the end.
 */
public class PatientSlotConflictTest extends CreneauUiTest {
    private static final String TZ = "Europe/Paris";

    @SuppressWarnings("unchecked")
    @Override
    public boolean runTest() throws Exception {
        if (!backendUp()) {
            return true;
        }
        String secretary = tokenOf("secretariat@demo.creneau.fr");
        String patient = tokenOf("patient@demo.creneau.fr");
        Map<String, Object> martin = practitionerNamed("Martin", patient);
        Map<String, Object> petit = practitionerNamed("Petit", patient);
        assertNotNull(martin, "Dr Martin");
        assertNotNull(petit, "Dr Petit");
        Long martinId = id(martin.get("id"));
        Long petitId = id(petit.get("id"));
        Long practiceId = id(martin.get("practiceId"));
        Long martinMotive = onlineMotive(martinId, patient);
        Long petitMotive = onlineMotive(petitId, patient);
        Map<String, Object> me = http("GET", "/api/me", null, patient);
        Long camille = id(((Map<String, Object>) ((List<Object>) me.get("patients")).get(0)).get("id"));
        List<Object> callers = (List<Object>) http("GET", "/api/practices/" + practiceId + "/patients?q=Lef", null,
                secretary).get("root");
        Long jean = id(((Map<String, Object>) callers.get(0)).get("id"));
        Long takenId = null;
        Long busyId = null;
        try {
            // (1) the patient has the slots on screen; the secretariat books the first one by phone meanwhile
            restart("fr");
            login("patient@demo.creneau.fr");
            waitForFormName("PatientHome");
            openSlots("Martin", martinMotive);
            waitUntil(() -> find("slot0") != null, 60000, "a free slot: " + text("slotsMessage"));
            // two days ahead or more: past the patients' minimum notice whatever the hour
            freeDayFrom(Instants.addDays(Instants.localDate(System.currentTimeMillis(), TZ), 2));
            final String taken = (String) find("slot0").getClientProperty("start");
            assertNotNull(taken, "the slot's start");
            takenId = id(http("POST", "/api/appointments", "{\"practitionerId\":" + martinId + ",\"motiveId\":"
                    + martinMotive + ",\"patientId\":" + jean + ",\"start\":\"" + taken + "\",\"channel\":\"PHONE\"}",
                    secretary).get("id"));
            go("slot0", "Confirm");
            clickButtonByName("confirmButton");
            String slotTaken = I18n.tr("error.slot_taken");
            waitUntil(() -> slotTaken.equals(text("confirmMessage")), 20000, "slot taken: " + text("confirmMessage"));
            goBack();
            waitForFormName("Slots");
            waitUntil(() -> !shows(taken), 20000, "the slots reloaded without the taken one");

            // (2) Camille holds a slot with Dr Martin; a slot of Dr Petit at the same time is refused as "busy"
            String[] pair = overlapping(petitId, petitMotive, martinId, martinMotive, patient);
            assertNotNull(pair, "a slot of Dr Petit overlapping a free slot of Dr Martin");
            busyId = id(http("POST", "/api/appointments", "{\"patientId\":" + camille + ",\"practitionerId\":"
                    + martinId + ",\"motiveId\":" + martinMotive + ",\"start\":\"" + pair[1] + "\"}", patient).get("id"));
            final BookingContext ctx = new BookingContext();
            ctx.practitioner = Api.practitioner(petitId).value;
            ctx.practice = Api.practice(practiceId).value;
            List<MotiveDto> motives = Api.practitionerMotives(petitId).value;
            for (int i = 0; i < motives.size(); i++) {
                if (motives.get(i).id.equals(petitMotive)) {
                    ctx.motive = motives.get(i);
                }
            }
            ctx.slot = new SlotDto();
            ctx.slot.practitionerId = petitId;
            ctx.slot.motiveId = petitMotive;
            ctx.slot.start = pair[0];
            ctx.slot.siteId = Long.valueOf(pair[2]);
            CN.callSeriallyAndWait(() -> new ConfirmForm(ctx, CN.getCurrentForm()).show());
            waitForFormName("Confirm");
            settle();
            clickButtonByName("confirmButton"); // for Camille, the first choice
            String busy = I18n.tr("error.patient_busy");
            waitUntil(() -> busy.equals(text("confirmMessage")), 20000, "patient busy: " + text("confirmMessage"));
            logout();
        } finally {
            if (takenId != null) {
                http("POST", "/api/appointments/" + takenId + "/status",
                        "{\"status\":\"CANCELLED_BY_PRACTICE\",\"reason\":\"Test UI : nettoyage\"}", secretary);
            }
            if (busyId != null) {
                http("POST", "/api/appointments/" + busyId + "/status",
                        "{\"status\":\"CANCELLED_BY_PATIENT\",\"reason\":\"Test UI : nettoyage\"}", patient);
            }
        }
        return true;
    }

    /** True when a slot button of the current screen starts at this instant. */
    private static boolean shows(String start) {
        Component grid = find("slot0") == null ? null : find("slot0").getParent();
        if (grid == null) {
            return false;
        }
        for (int i = 0; i < ((Container) grid).getComponentCount(); i++) {
            if (start.equals(((Container) grid).getComponentAt(i).getClientProperty("start"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A free slot of practitioner A and a free slot of practitioner B that overlap it, two days ahead or more:
     * {A's start, B's start, A's site}, or null.
     */
    @SuppressWarnings("unchecked")
    private static String[] overlapping(Long a, Long motiveA, Long b, Long motiveB, String token) throws Exception {
        String today = Instants.localDate(System.currentTimeMillis(), TZ);
        for (int week = 0; week < 6; week++) {
            String from = Instants.addDays(today, 2 + 7 * week);
            String to = Instants.addDays(from, 6);
            List<Object> as = (List<Object>) http("GET", "/api/practitioners/" + a + "/availability?motiveId=" + motiveA
                    + "&from=" + from + "&to=" + to, null, token).get("root");
            List<Object> bs = (List<Object>) http("GET", "/api/practitioners/" + b + "/availability?motiveId=" + motiveB
                    + "&from=" + from + "&to=" + to, null, token).get("root");
            for (int i = 0; as != null && i < as.size(); i++) {
                Map<String, Object> x = (Map<String, Object>) as.get(i);
                long xs = Instants.parse((String) x.get("start"));
                long xe = Instants.parse((String) x.get("end"));
                for (int j = 0; bs != null && j < bs.size(); j++) {
                    Map<String, Object> y = (Map<String, Object>) bs.get(j);
                    long ys = Instants.parse((String) y.get("start"));
                    long ye = Instants.parse((String) y.get("end"));
                    if (ys < xe && xs < ye) {
                        return new String[]{(String) x.get("start"), (String) y.get("start"),
                                String.valueOf(id(x.get("siteId")))};
                    }
                }
            }
        }
        return null;
    }
}
