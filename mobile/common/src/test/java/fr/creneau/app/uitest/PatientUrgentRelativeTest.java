package fr.creneau.app.uitest;

import com.codename1.ui.CN;
import com.codename1.ui.RadioButton;
import fr.creneau.app.I18n;
import fr.creneau.app.Session;
import fr.creneau.app.api.Api;
import fr.creneau.app.api.ApiResult;
import fr.creneau.app.ui.RequestSentForm;
import fr.creneau.model.api.AppointmentDto;
import fr.creneau.model.api.MotiveDto;
import fr.creneau.model.api.PatientDto;
import fr.creneau.model.api.PatientRequestDto;
import fr.creneau.model.api.SlotDto;

import java.util.List;

/**
 * patient@demo sends an URGENT request about her son Léo; the slot the request screen then suggests opens the
 * confirmation with "for whom" on Léo, not on the account holder. When no same-day slot is left (evening, night,
 * weekend: the urgency reserve is released two hours ahead), the request screen's booking is opened with the
 * practice's earliest slot of a bookable motive instead: the same path from that button on. Nothing is booked.
 */
public class PatientUrgentRelativeTest extends CreneauUiTest {
    @Override
    public boolean runTest() throws Exception {
        if (!backendUp()) {
            return true;
        }
        restart("fr");
        login("patient@demo.creneau.fr");
        waitForFormName("PatientHome");
        final List<PatientDto> patients = Session.get().account().patients;
        int child = -1;
        for (int i = 0; i < patients.size(); i++) {
            if ("Léo".equals(patients.get(i).firstName)) {
                child = i;
            }
        }
        assertTrue(child > 0, "the demo account has a child after the holder");
        final PatientDto leo = patients.get(child);

        go("writeButton", "RequestCompose");
        waitUntil(() -> CN.getCurrentForm().getClientProperty("ready") != null, 30000,
                "composer ready: " + text("requestMessage"));
        clickButtonByName("who-" + leo.id);
        settle();
        clickButtonByName("type-NEW_SYMPTOMS");
        settle();
        setField("f-symptoms", "Otite : forte douleur à l'oreille, pleure la nuit");
        setField("f-since", yesterdayDayFirst());
        clickButtonByName("sev-SEVERE");
        setField("f-temperature", "38,2");
        clickButtonByName("requestSend");
        waitUntil(() -> "RequestSent".equals(formName()), 30000, "urgent sent: " + text("requestMessage"));
        assertEqual(I18n.tr("priority.URGENT"), text("sentPriority"));
        waitUntil(() -> CN.getCurrentForm().getClientProperty("suggested") != null, 30000, "same-day suggestion");

        if (!"none".equals(CN.getCurrentForm().getClientProperty("suggested"))) {
            go("bookUrgentSlot", "Confirm");
        } else {
            log("no same-day slot left: the request screen's booking is opened with the earliest slot of another motive");
            final PatientRequestDto sent = latest();
            assertNotNull(sent, "the request just sent");
            assertEqual(leo.id, sent.patientId, "the request is about Léo");
            ApiResult<List<MotiveDto>> motives = Api.practiceMotives(sent.practiceId);
            assertTrue(motives.ok(), "practice motives");
            SlotDto slot = null;
            MotiveDto motive = null;
            for (int i = 0; slot == null && i < motives.value.size(); i++) {
                MotiveDto m = motives.value.get(i);
                if (m.bookableOnline && !m.urgencyReserve) {
                    ApiResult<SlotDto> s = Api.earliest(sent.practiceId, m.id);
                    if (s.ok()) {
                        slot = s.value;
                        motive = m;
                    }
                }
            }
            assertNotNull(slot, "a free slot of the practice");
            final SlotDto s = slot;
            final MotiveDto m = motive;
            final AppointmentDto target = new AppointmentDto();
            target.practiceId = sent.practiceId;
            CN.callSeriallyAndWait(() -> new RequestSentForm(sent, null, target, "Europe/Paris", CN.getCurrentForm())
                    .book(s, m));
            waitForFormName("Confirm");
            settle();
        }
        final String choice = "patient" + child;
        waitUntil(() -> find(choice) != null, 20000, "the choice of patients");
        assertTrue(((RadioButton) find(choice)).isSelected(), "the confirmation is for Léo");
        assertTrue(!((RadioButton) find("patient0")).isSelected(), "not for the account holder");
        logout();
        return true;
    }

    private static String yesterdayDayFirst() {
        String iso = fr.creneau.app.logic.Instants.addDays(
                fr.creneau.app.logic.Instants.localDate(System.currentTimeMillis(), "Europe/Paris"), -1);
        return fr.creneau.app.logic.DateInput.display(iso);
    }

    /** The patient's latest request (the highest id). */
    private static PatientRequestDto latest() {
        ApiResult<List<PatientRequestDto>> r = Api.myRequests();
        PatientRequestDto last = null;
        for (int i = 0; r.ok() && i < r.value.size(); i++) {
            if (last == null || r.value.get(i).id.longValue() > last.id.longValue()) {
                last = r.value.get(i);
            }
        }
        return last;
    }
}
