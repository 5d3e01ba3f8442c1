package fr.creneau.model.api;

import fr.creneau.model.json.Json;
import fr.creneau.model.json.JsonMappable;
import fr.creneau.model.rules.FieldError;
import fr.creneau.model.rules.Validator;

import java.util.List;
import java.util.Map;

/** The push key a device got from Codename One ({@code cn1-fcm-...} or {@code cn1-ios-...}). */
public class DeviceTokenRequest implements JsonMappable {
    public String pushKey;

    public List<FieldError> validate() {
        Validator v = new Validator();
        if (v.required("pushKey", pushKey)) {
            v.maxLength("pushKey", pushKey, 4096);
        }
        return v.errors();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = Json.object();
        Json.put(m, "pushKey", pushKey);
        return m;
    }

    public static DeviceTokenRequest fromMap(Map<String, Object> m) {
        DeviceTokenRequest r = new DeviceTokenRequest();
        r.pushKey = Json.str(m, "pushKey");
        return r;
    }
}
