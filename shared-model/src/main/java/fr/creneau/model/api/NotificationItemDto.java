package fr.creneau.model.api;

import fr.creneau.model.json.Json;
import fr.creneau.model.json.JsonMappable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One notification in the patient's in-app inbox: what the push said (title and body, in the patient's language,
 * with no more detail than the push), what it is about (an appointment, a request or a waitlist offer) and what the
 * patient may do about it now.
 */
public class NotificationItemDto implements JsonMappable {
    public static final Json.Reader<NotificationItemDto> READER = new Json.Reader<NotificationItemDto>() {
        public NotificationItemDto read(Map<String, Object> m) {
            return fromMap(m);
        }
    };

    /** The patient may confirm the appointment now. */
    public static final String CONFIRM = "CONFIRM";
    /** The patient may cancel the appointment online now (before the practice's cutoff). */
    public static final String CANCEL = "CANCEL";

    public Long id;
    /** The notification kind (BOOKED_CONFIRMATION, REMINDER_48H_CONFIRM, REQUEST_ANSWERED...). */
    public String kind;
    /** When it was sent, or was due: ISO-8601 instant in UTC. */
    public String at;
    public Long appointmentId;
    public Long requestId;
    public Long offerId;
    public String title;
    public String body;
    /** CONFIRM and/or CANCEL, as the appointment's status and the cutoff allow now; empty otherwise. */
    public List<String> actions;
    public Boolean read;

    public boolean can(String action) {
        return actions != null && actions.contains(action);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = Json.object();
        Json.put(m, "id", id);
        Json.put(m, "kind", kind);
        Json.put(m, "at", at);
        Json.put(m, "appointmentId", appointmentId);
        Json.put(m, "requestId", requestId);
        Json.put(m, "offerId", offerId);
        Json.put(m, "title", title);
        Json.put(m, "body", body);
        List<Object> a = new ArrayList<Object>();
        if (actions != null) {
            a.addAll(actions);
        }
        Json.put(m, "actions", a);
        Json.put(m, "read", read);
        return m;
    }

    public static NotificationItemDto fromMap(Map<String, Object> m) {
        NotificationItemDto n = new NotificationItemDto();
        n.id = Json.lng(m, "id");
        n.kind = Json.str(m, "kind");
        n.at = Json.str(m, "at");
        n.appointmentId = Json.lng(m, "appointmentId");
        n.requestId = Json.lng(m, "requestId");
        n.offerId = Json.lng(m, "offerId");
        n.title = Json.str(m, "title");
        n.body = Json.str(m, "body");
        n.actions = new ArrayList<String>();
        List<Object> raw = Json.list(m, "actions");
        if (raw != null) {
            for (int i = 0; i < raw.size(); i++) {
                n.actions.add(String.valueOf(raw.get(i)));
            }
        }
        n.read = Json.bool(m, "read");
        return n;
    }
}
