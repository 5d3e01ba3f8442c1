package fr.creneau.model.api;

import fr.creneau.model.json.Json;
import fr.creneau.model.json.JsonMappable;
import fr.creneau.model.rules.FieldError;
import fr.creneau.model.rules.Validator;

import java.util.List;
import java.util.Map;

/** Moves an appointment to a new start, and optionally to another practitioner of the same practice. */
public class RescheduleRequest implements JsonMappable {
    public String start;
    public Long practitionerId;

    public List<FieldError> validate() {
        Validator v = new Validator();
        v.instant("start", start, true);
        return v.errors();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = Json.object();
        Json.put(m, "start", start);
        Json.put(m, "practitionerId", practitionerId);
        return m;
    }

    public static RescheduleRequest fromMap(Map<String, Object> m) {
        RescheduleRequest r = new RescheduleRequest();
        r.start = Json.str(m, "start");
        r.practitionerId = Json.lng(m, "practitionerId");
        return r;
    }
}
