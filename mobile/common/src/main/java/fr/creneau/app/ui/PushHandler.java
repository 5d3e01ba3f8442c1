package fr.creneau.app.ui;

import com.codename1.ui.CN;
import fr.creneau.app.Session;
import fr.creneau.app.api.Api;
import fr.creneau.app.api.ApiResult;
import fr.creneau.app.logic.PushRoute;
import fr.creneau.model.api.AppointmentDto;
import fr.creneau.model.rules.AppointmentStatus;
import fr.creneau.model.rules.Role;

import java.util.Vector;

/**
 * What the app does with a push (CreneauApp.push): a tap opens the appointment, the request list or the inbox;
 * the Confirm button confirms through the same call as the appointment screen and shows the result; the Cancel
 * button opens the appointment at its cancel section, since a cancellation needs the patient's reason. Nothing
 * happens without a patient session (the login screen stays). A push seen twice (same idempotency key) is acted
 * on once.
 */
public final class PushHandler {
    private static final Vector<String> SEEN = new Vector<String>();

    private PushHandler() {
    }

    /** Call on the EDT. Answers the route taken (for the tests). */
    public static PushRoute handle(String value, String actionId) {
        PushRoute r = PushRoute.of(value, actionId);
        if (r.idempotencyKey != null) {
            if (SEEN.contains(r.idempotencyKey)) {
                return r;
            }
            SEEN.addElement(r.idempotencyKey);
        }
        if (!Session.get().hasSession() || Session.get().role() != Role.PATIENT) {
            return r;
        }
        switch (r.what) {
            case PushRoute.CONFIRM:
            case PushRoute.CANCEL:
            case PushRoute.OPEN_APPOINTMENT:
                openAppointment(r);
                break;
            case PushRoute.OPEN_REQUESTS:
                new MyRequestsForm(CN.getCurrentForm()).show();
                break;
            default:
                new NotificationsForm(CN.getCurrentForm()).show();
        }
        return r;
    }

    private static void openAppointment(PushRoute r) {
        ApiResult<AppointmentDto> a = Api.appointment(r.appointmentId);
        if (!a.ok() || a.value == null) {
            // gone or not ours any more: the inbox says what is left
            new NotificationsForm(CN.getCurrentForm()).show();
            return;
        }
        AppointmentForm form = new AppointmentForm(a.value, CN.getCurrentForm());
        form.show();
        if (r.what == PushRoute.CONFIRM) {
            form.apply(AppointmentStatus.CONFIRMED, null);
        } else if (r.what == PushRoute.CANCEL) {
            form.focusCancel();
        }
    }
}
