package fr.creneau.app.logic;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** What a push payload (the server's FCM data fields) and a pressed action button make the app do. */
class PushRouteTest {
    static final String REMINDER = "{\"appointmentId\":\"42\",\"kind\":\"REMINDER_48H_CONFIRM\","
            + "\"category\":\"creneau_confirm_cancel\",\"idempotencyKey\":\"creneau-7\",\"outboxId\":\"7\"}";

    @Test
    void theConfirmAndCancelButtonsOfAReminderConfirmOrAskForTheReason() {
        PushRoute confirm = PushRoute.of(REMINDER, "confirm");
        assertEquals(PushRoute.CONFIRM, confirm.what);
        assertEquals(Long.valueOf(42), confirm.appointmentId);
        assertEquals("creneau-7", confirm.idempotencyKey);
        assertEquals(PushRoute.CANCEL, PushRoute.of(REMINDER, "cancel").what);
        // a tap on the notification itself opens the appointment
        assertEquals(PushRoute.OPEN_APPOINTMENT, PushRoute.of(REMINDER, null).what);
        // the action id may also travel in the data
        assertEquals(PushRoute.CONFIRM, PushRoute.of(REMINDER.replace("}", ",\"actionId\":\"confirm\"}"), null).what);
    }

    @Test
    void anActionOnAPushOutsideTheCategoryOnlyOpensTheAppointment() {
        String booked = "{\"appointmentId\":\"9\",\"kind\":\"BOOKED_CONFIRMATION\"}";
        PushRoute r = PushRoute.of(booked, "confirm");
        assertEquals(PushRoute.OPEN_APPOINTMENT, r.what);
        assertEquals(Long.valueOf(9), r.appointmentId);
        assertEquals(Long.valueOf(9), PushRoute.of("{\"appointmentId\":9}", null).appointmentId);
    }

    @Test
    void requestsAndAnythingElseOpenTheirLists() {
        PushRoute request = PushRoute.of("{\"requestId\":\"5\",\"kind\":\"REQUEST_ANSWERED\"}", null);
        assertEquals(PushRoute.OPEN_REQUESTS, request.what);
        assertEquals(Long.valueOf(5), request.requestId);
        assertEquals(PushRoute.OPEN_INBOX, PushRoute.of("{\"offerId\":\"3\"}", null).what);
        assertEquals(PushRoute.OPEN_INBOX, PushRoute.of("Rappel RDV : Cabinet, lun. 07/12 à 09:00.", "confirm").what);
        assertEquals(PushRoute.OPEN_INBOX, PushRoute.of(null, null).what);
        assertEquals(PushRoute.OPEN_INBOX, PushRoute.of("{broken", null).what);
        assertNull(PushRoute.of("{\"appointmentId\":\"x\"}", "confirm").appointmentId);
    }
}
