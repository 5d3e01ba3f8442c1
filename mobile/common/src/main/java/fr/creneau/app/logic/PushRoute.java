package fr.creneau.app.logic;

import com.codename1.io.JSONParser;

import com.codename1.io.CharArrayReader;
import java.util.Map;

/**
 * Where a push takes the patient, read from what Codename One hands the push callback: the message's data (the
 * FCM data fields the server sends: appointmentId, requestId, offerId, kind, category, idempotencyKey) as a JSON
 * object, and the id of the action button the patient pressed, if any ({@code PushContent.getActionId()}).
 * Anything else (a plain text body) opens the inbox. Pure, so that it is tested without a device.
 */
public final class PushRoute {
    /** The category the server puts on reminders that ask to confirm (Dispatcher.CONFIRM_CANCEL_CATEGORY). */
    public static final String CONFIRM_CANCEL_CATEGORY = "creneau_confirm_cancel";
    /** Action ids of the category's buttons. */
    public static final String ACTION_CONFIRM = "confirm";
    public static final String ACTION_CANCEL = "cancel";

    /** What to do. */
    public static final int OPEN_INBOX = 0;
    public static final int OPEN_APPOINTMENT = 1;
    /** Confirm at once (the same call as the appointment screen's button), then show the appointment. */
    public static final int CONFIRM = 2;
    /** Open the appointment at its cancel section: a cancellation needs the patient's reason. */
    public static final int CANCEL = 3;
    public static final int OPEN_REQUESTS = 4;

    public final int what;
    public final Long appointmentId;
    public final Long requestId;
    /** The outbox id: the app shows each push once even if it arrives twice (see docs/notifications.md). */
    public final String idempotencyKey;

    private PushRoute(int what, Long appointmentId, Long requestId, String idempotencyKey) {
        this.what = what;
        this.appointmentId = appointmentId;
        this.requestId = requestId;
        this.idempotencyKey = idempotencyKey;
    }

    /**
     * @param value    the push callback's string: the data fields as a JSON object, or a plain text body
     * @param actionId the pressed action's id, or null for a tap on the notification itself
     */
    public static PushRoute of(String value, String actionId) {
        Map<String, Object> data = parse(value);
        if (data == null) {
            return new PushRoute(OPEN_INBOX, null, null, null);
        }
        Long appointment = number(data.get("appointmentId"));
        Long request = number(data.get("requestId"));
        String key = data.get("idempotencyKey") == null ? null : String.valueOf(data.get("idempotencyKey"));
        String action = actionId != null ? actionId : (data.get("actionId") == null ? null : String.valueOf(data.get("actionId")));
        if (appointment != null) {
            boolean asks = CONFIRM_CANCEL_CATEGORY.equals(data.get("category"));
            if (asks && ACTION_CONFIRM.equals(action)) {
                return new PushRoute(CONFIRM, appointment, null, key);
            }
            if (asks && ACTION_CANCEL.equals(action)) {
                return new PushRoute(CANCEL, appointment, null, key);
            }
            return new PushRoute(OPEN_APPOINTMENT, appointment, null, key);
        }
        if (request != null) {
            return new PushRoute(OPEN_REQUESTS, null, request, key);
        }
        return new PushRoute(OPEN_INBOX, null, null, key);
    }

    private static Map<String, Object> parse(String value) {
        if (value == null || !value.trim().startsWith("{")) {
            return null;
        }
        try {
            return new JSONParser().parseJSON(new CharArrayReader(value.trim().toCharArray()));
        } catch (Exception e) {
            return null; // not JSON: a text body, which opens the inbox
        }
    }

    /** FCM data values are strings; a JSON number is accepted too. */
    private static Long number(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Number) {
            return Long.valueOf(((Number) v).longValue());
        }
        try {
            return Long.valueOf(Long.parseLong(String.valueOf(v).trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
