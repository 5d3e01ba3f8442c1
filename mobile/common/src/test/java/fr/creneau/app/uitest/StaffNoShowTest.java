package fr.creneau.app.uitest;

import com.codename1.ui.CN;
import fr.creneau.app.I18n;
import fr.creneau.app.api.Api;
import fr.creneau.app.api.ApiResult;
import fr.creneau.app.logic.Instants;
import fr.creneau.app.ui.AppointmentForm;
import fr.creneau.model.api.AppointmentDto;
import fr.creneau.model.rules.AppointmentStatus;

import java.util.List;

/**
 * No-shows on the staff appointment screen. dr.martin@demo opens the no-show of the demo data (last week, in her
 * agenda): it reads "unexcused"; she marks it excused (the server records it), then unexcused again, so the next
 * run finds it as it was. The agenda list is read through the API to find it whatever the weekday.
 */
public class StaffNoShowTest extends CreneauUiTest {
    private static final String TZ = "Europe/Paris";

    @Override
    public boolean runTest() throws Exception {
        if (!backendUp()) {
            return true;
        }
        restart("fr");
        login("dr.martin@demo.creneau.fr");
        waitForFormName("Agenda");
        Long me = fr.creneau.app.Session.get().account().practitionerId;
        String today = Instants.localDate(System.currentTimeMillis(), TZ);
        ApiResult<List<AppointmentDto>> week = Api.agenda(me, Instants.addDays(today, -20), Instants.addDays(today, -1));
        assertTrue(week.ok(), "agenda: " + week.status);
        AppointmentDto noShow = null;
        for (int i = 0; i < week.value.size(); i++) {
            if (week.value.get(i).status == AppointmentStatus.NO_SHOW) {
                noShow = week.value.get(i);
            }
        }
        assertNotNull(noShow, "the demo no-show in Dr Martin's agenda");
        final AppointmentDto shown = noShow;
        if (Boolean.TRUE.equals(shown.noShowExcused)) {
            Api.excuseNoShow(shown.id, false); // a previous run stopped half-way
        }
        ApiResult<AppointmentDto> fresh = Api.appointment(shown.id);
        CN.callSeriallyAndWait(() -> new AppointmentForm(fresh.value, CN.getCurrentForm()).show());
        waitForFormName("Appointment");
        waitUntil(() -> find("excuseToggle") != null, 10000, "the excuse toggle");
        assertEqual(I18n.tr("noShow.excuse"), text("excuseToggle"));
        clickButtonByName("excuseToggle");
        waitUntil(() -> I18n.tr("noShow.unexcuse").equals(text("excuseToggle")), 20000,
                "excused: " + text("appointmentMessage"));
        assertTrue(Boolean.TRUE.equals(Api.appointment(shown.id).value.noShowExcused), "excused on the server");
        scrollTo("excuseToggle");
        screenshot("fr-49-staff-no-show-excused");
        clickButtonByName("excuseToggle");
        waitUntil(() -> I18n.tr("noShow.excuse").equals(text("excuseToggle")), 20000, "unexcused again");
        assertTrue(Boolean.FALSE.equals(Api.appointment(shown.id).value.noShowExcused), "unexcused on the server");
        logout();
        return true;
    }
}
