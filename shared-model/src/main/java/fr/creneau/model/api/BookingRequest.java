package fr.creneau.model.api;

import fr.creneau.model.json.Json;
import fr.creneau.model.json.JsonMappable;
import fr.creneau.model.rules.Channel;
import fr.creneau.model.rules.FieldError;
import fr.creneau.model.rules.Validator;

import java.util.List;
import java.util.Map;

/** Books a slot. Patients book ONLINE for themselves or a relative; the secretariat books PHONE or DESK. */
public class BookingRequest implements JsonMappable {
    public Long practitionerId;
    public Long motiveId;
    public Long patientId;
    public Long siteId;
    public String start;
    public Channel channel;

    public List<FieldError> validate() {
        Validator v = new Validator();
        v.required("practitionerId", practitionerId);
        v.required("motiveId", motiveId);
        v.required("patientId", patientId);
        v.instant("start", start, true);
        return v.errors();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = Json.object();
        Json.put(m, "practitionerId", practitionerId);
        Json.put(m, "motiveId", motiveId);
        Json.put(m, "patientId", patientId);
        Json.put(m, "siteId", siteId);
        Json.put(m, "start", start);
        Json.put(m, "channel", Json.name(channel));
        return m;
    }

    public static BookingRequest fromMap(Map<String, Object> m) {
        BookingRequest r = new BookingRequest();
        r.practitionerId = Json.lng(m, "practitionerId");
        r.motiveId = Json.lng(m, "motiveId");
        r.patientId = Json.lng(m, "patientId");
        r.siteId = Json.lng(m, "siteId");
        r.start = Json.str(m, "start");
        r.channel = Json.enumValue(m, "channel", Channel.class, Channel.values());
        return r;
    }
}
