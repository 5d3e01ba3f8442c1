package fr.creneau.model.api;

import fr.creneau.model.json.Json;
import fr.creneau.model.json.JsonMappable;
import fr.creneau.model.rules.AppointmentStatus;
import fr.creneau.model.rules.FieldError;
import fr.creneau.model.rules.Validator;

import java.util.List;
import java.util.Map;

/** Moves an appointment along its life: confirm, arrived, seen, no-show, or a cancellation with its reason. */
public class StatusChangeRequest implements JsonMappable {
    public AppointmentStatus status;
    public String reason;

    public List<FieldError> validate() {
        Validator v = new Validator();
        v.required("status", status);
        if (status != null && AppointmentStatus.needsReason(status)) {
            v.required("reason", reason);
        }
        v.maxLength("reason", reason, 500);
        return v.errors();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = Json.object();
        Json.put(m, "status", Json.name(status));
        Json.put(m, "reason", reason);
        return m;
    }

    public static StatusChangeRequest fromMap(Map<String, Object> m) {
        StatusChangeRequest r = new StatusChangeRequest();
        r.status = Json.enumValue(m, "status", AppointmentStatus.class, AppointmentStatus.values());
        r.reason = Json.str(m, "reason");
        return r;
    }
}
