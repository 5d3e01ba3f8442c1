package fr.creneau.model.api;

import fr.creneau.model.json.Json;
import fr.creneau.model.json.JsonMappable;

import java.util.List;
import java.util.Map;

/** A page of the patient's notification inbox, newest first, with the unread count for the home screen's bell. */
public class NotificationInboxDto implements JsonMappable {
    public List<NotificationItemDto> items;
    /** Unread notifications in the whole inbox, not only this page. */
    public Integer unread;
    /** The offset of the next page, or null on the last page. */
    public Integer nextOffset;

    public Map<String, Object> toMap() {
        Map<String, Object> m = Json.object();
        Json.put(m, "items", Json.maps(items));
        Json.put(m, "unread", unread);
        Json.put(m, "nextOffset", nextOffset);
        return m;
    }

    public static NotificationInboxDto fromMap(Map<String, Object> m) {
        NotificationInboxDto d = new NotificationInboxDto();
        d.items = Json.objects(m, "items", NotificationItemDto.READER);
        d.unread = Json.integer(m, "unread");
        d.nextOffset = Json.integer(m, "nextOffset");
        return d;
    }
}
