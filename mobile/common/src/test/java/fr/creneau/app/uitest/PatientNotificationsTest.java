package fr.creneau.app.uitest;

import com.codename1.ui.CN;
import fr.creneau.app.CreneauApp;
import fr.creneau.app.I18n;
import fr.creneau.app.Session;
import fr.creneau.app.api.Api;
import fr.creneau.app.api.ApiResult;
import fr.creneau.app.logic.Instants;
import fr.creneau.model.api.AppointmentDto;
import fr.creneau.model.api.NotificationInboxDto;
import fr.creneau.model.api.NotificationItemDto;
import fr.creneau.model.rules.AppointmentStatus;

import java.util.List;
import java.util.Map;

/**
 * Issue #4, the patient's notifications. patient@demo books (through the API) Dr Martin's first free slot at least
 * three days ahead (outside the 24 h cutoff): the booking's confirmation is in the inbox, unread, with Confirm and
 * Cancel; the bell on the home screen counts it. Confirm from the inbox makes it CONFIRMED; Cancel asks for the
 * reason and cancels. A push is then handed to the app's push entry point (CreneauApp.push, as the device would
 * after the Confirm button; never registerPush): the appointment opens, CONFIRMED. The same inbox in English.
 * Every appointment booked here is cancelled again, so the suite can run again on the same backend.
 */
public class PatientNotificationsTest extends CreneauUiTest {
    private static final String TZ = "Europe/Paris";

    @Override
    public boolean runTest() throws Exception {
        if (!backendUp()) {
            return true;
        }
        restart("fr");
        login("patient@demo.creneau.fr");
        waitForFormName("PatientHome");
        String token = tokenOf("patient@demo.creneau.fr");
        Long patientId = Session.get().account().patients.get(0).id;

        // a booking through the API: its confirmation is in the inbox, whatever channel carried it (or none yet)
        final Long first = book(token, patientId);
        final Long item = itemOf(first);
        restart("fr");
        login("patient@demo.creneau.fr");
        waitForFormName("PatientHome");
        waitUntil(() -> CN.getCurrentForm().getClientProperty("unread") instanceof Integer
                && ((Integer) CN.getCurrentForm().getClientProperty("unread")).intValue() > 0, 20000, "unread count");
        assertTrue(text("notificationsButton").startsWith("Notifications ("), "the bell counts: " + text("notificationsButton"));
        screenshot("fr-50-home-notifications");
        go("notificationsButton", "Notifications");
        waitUntil(() -> find("notif-" + item) != null, 20000, "notification " + item + ": " + text("notificationsMessage"));
        assertNotNull(find("unread-" + item), "unread marked");
        assertNotNull(find("notif-confirm-" + item), "confirm offered");
        assertNotNull(find("notif-cancel-" + item), "cancel offered");
        scrollTo("notif-" + item);
        screenshot("fr-51-notifications");

        clickButtonByName("notif-confirm-" + item);
        waitUntil(() -> "CONFIRMED".equals(CN.getCurrentForm().getClientProperty("done")), 20000,
                "confirmed: " + text("notificationsMessage"));
        assertEqual(I18n.tr("notifications.confirmed"), text("notificationsMessage"));
        assertEqual(AppointmentStatus.CONFIRMED, Api.appointment(first).value.status);
        waitUntil(() -> find("notif-" + item) != null && find("notif-confirm-" + item) == null, 20000,
                "confirm no longer offered");
        assertNull(find("unread-" + item), "read once acted on");
        assertNotNull(find("notif-cancel-" + item), "a confirmed appointment can still be cancelled");
        scrollTo("notif-" + item);
        screenshot("fr-52-notification-confirmed");

        // cancel asks for the reason first, as the appointment screen does
        clickButtonByName("notif-cancel-" + item);
        waitUntil(() -> find("notif-cancelSend-" + item) != null, 10000, "reason asked");
        clickButtonByName("notif-cancelSend-" + item);
        waitUntil(() -> text("notificationsMessage") != null && text("notificationsMessage").length() > 0, 10000,
                "reason required");
        assertEqual(AppointmentStatus.CONFIRMED, Api.appointment(first).value.status);
        setField("notif-reason-" + item, "Empêchement professionnel");
        scrollTo("notif-cancelSend-" + item);
        screenshot("fr-53-notification-cancel");
        clickButtonByName("notif-cancelSend-" + item);
        waitUntil(() -> "CANCELLED_BY_PATIENT".equals(CN.getCurrentForm().getClientProperty("done")), 20000,
                "cancelled: " + text("notificationsMessage"));
        assertEqual(AppointmentStatus.CANCELLED_BY_PATIENT, Api.appointment(first).value.status);

        // a push's Confirm action, through the app's push entry point with the server's data fields
        final Long second = book(token, patientId);
        final String payload = "{\"appointmentId\":\"" + second + "\",\"kind\":\"REMINDER_48H_CONFIRM\","
                + "\"category\":\"creneau_confirm_cancel\",\"actionId\":\"confirm\",\"idempotencyKey\":\"creneau-uitest-"
                + second + "\"}";
        CN.callSerially(() -> new CreneauApp().push(payload));
        waitForFormName("Appointment");
        waitUntil(() -> I18n.tr("status.CONFIRMED").equals(text("status-" + second)), 20000,
                "confirmed from the push: " + text("appointmentMessage"));
        assertEqual(AppointmentStatus.CONFIRMED, Api.appointment(second).value.status);
        screenshot("fr-54-push-confirmed");
        cancel(token, second);
        logout();

        // English: the app's language goes to the server at login, and the inbox speaks it
        restart("en");
        login("patient@demo.creneau.fr");
        waitForFormName("PatientHome");
        final Long third = book(token, patientId);
        final Long en = itemOf(third);
        restart("en");
        login("patient@demo.creneau.fr");
        waitForFormName("PatientHome");
        waitUntil(() -> CN.getCurrentForm().getClientProperty("unread") instanceof Integer
                && ((Integer) CN.getCurrentForm().getClientProperty("unread")).intValue() > 0, 20000, "unread count");
        assertTrue(text("notificationsButton").endsWith("unread)"), "the bell in English: " + text("notificationsButton"));
        screenshot("en-50-home-notifications");
        go("notificationsButton", "Notifications");
        waitUntil(() -> find("notif-" + en) != null, 20000, "notification " + en);
        ApiResult<NotificationInboxDto> page = Api.notifications(20, 0);
        assertEqual("Appointment confirmed", item(page.value.items, en).title);
        scrollTo("notif-" + en);
        screenshot("en-51-notifications");
        cancel(token, third);
        logout();
        return true;
    }

    /** The inbox item announcing this appointment's booking. */
    private Long itemOf(Long appointmentId) throws Exception {
        final Long[] found = {null};
        waitUntil(() -> {
            ApiResult<NotificationInboxDto> page = Api.notifications(50, 0);
            if (page.ok() && page.value != null) {
                for (int i = 0; i < page.value.items.size(); i++) {
                    NotificationItemDto n = page.value.items.get(i);
                    if (appointmentId.equals(n.appointmentId) && "BOOKED_CONFIRMATION".equals(n.kind)) {
                        found[0] = n.id;
                    }
                }
            }
            return found[0] != null;
        }, 20000, "the confirmation of " + appointmentId + " in the inbox");
        return found[0];
    }

    private NotificationItemDto item(List<NotificationItemDto> items, Long id) {
        for (int i = 0; i < items.size(); i++) {
            if (id.equals(items.get(i).id)) {
                return items.get(i);
            }
        }
        fail("item " + id);
        return null;
    }

    private void cancel(String token, Long id) throws Exception {
        http("POST", "/api/appointments/" + id + "/status",
                "{\"status\":\"CANCELLED_BY_PATIENT\",\"reason\":\"Test terminé\"}", token);
    }

    /** Books Dr Martin's first free slot from three days ahead, as the patient, over plain HTTP. */
    @SuppressWarnings("unchecked")
    private Long book(String token, Long patientId) throws Exception {
        List<Object> ps = (List<Object>) http("GET", "/api/practitioners?q=Martin", null, token).get("root");
        Long martin = null;
        for (int i = 0; ps != null && i < ps.size(); i++) {
            Map<String, Object> p = (Map<String, Object>) ps.get(i);
            if ("Martin".equals(p.get("lastName"))) {
                martin = id(p.get("id"));
            }
        }
        assertNotNull(martin, "Dr Martin");
        long now = System.currentTimeMillis();
        String from = Instants.localDate(now + 3 * 24 * 60 * Instants.MINUTE, TZ);
        String to = Instants.localDate(now + 25 * 24 * 60 * Instants.MINUTE, TZ);
        List<Object> ms = (List<Object>) http("GET", "/api/practitioners/" + martin + "/motives", null, token).get("root");
        for (int m = 0; ms != null && m < ms.size(); m++) {
            Long motive = id(((Map<String, Object>) ms.get(m)).get("id"));
            List<Object> slots = (List<Object>) http("GET", "/api/practitioners/" + martin + "/availability?motiveId="
                    + motive + "&from=" + from + "&to=" + to, null, token).get("root");
            for (int i = 0; slots != null && i < slots.size() && i < 3; i++) {
                Map<String, Object> s = (Map<String, Object>) slots.get(i);
                try {
                    Map<String, Object> booked = http("POST", "/api/appointments", "{\"practitionerId\":" + martin
                            + ",\"motiveId\":" + motive + ",\"patientId\":" + patientId + ",\"siteId\":" + id(s.get("siteId"))
                            + ",\"start\":\"" + s.get("start") + "\"}", token);
                    log("booked " + booked.get("id") + " at " + s.get("start"));
                    return id(booked.get("id"));
                } catch (AssertionError e) {
                    log("slot refused, next: " + e.getMessage());
                }
            }
        }
        fail("no bookable slot with Dr Martin from " + from);
        return null;
    }
}
