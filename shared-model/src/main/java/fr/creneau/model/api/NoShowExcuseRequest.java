package fr.creneau.model.api;

import fr.creneau.model.json.Json;
import fr.creneau.model.json.JsonMappable;
import fr.creneau.model.rules.FieldError;
import fr.creneau.model.rules.Validator;

import java.util.List;
import java.util.Map;

/** Sets or clears "excused" on a NO_SHOW appointment (the patient called afterwards with a reason, say). */
public class NoShowExcuseRequest implements JsonMappable {
    public Boolean excused;

    public List<FieldError> validate() {
        Validator v = new Validator();
        v.required("excused", excused);
        return v.errors();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = Json.object();
        Json.put(m, "excused", excused);
        return m;
    }

    public static NoShowExcuseRequest fromMap(Map<String, Object> m) {
        NoShowExcuseRequest r = new NoShowExcuseRequest();
        r.excused = Json.bool(m, "excused");
        return r;
    }
}
