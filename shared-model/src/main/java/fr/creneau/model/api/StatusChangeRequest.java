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
    /** With NO_SHOW only: whether the patient excused themselves (excused no-shows do not count against them). */
    public Boolean excused;

    public List<FieldError> validate() {
        Validator v = new Validator();
        v.required("status", status);
        if (status != null && AppointmentStatus.needsReason(status)) {
            v.required("reason", reason);
        }
        v.maxLength("reason", reason, 500);
        if (excused != null && status != AppointmentStatus.NO_SHOW) {
            v.error("excused", "only_for_no_show", "is only given with NO_SHOW");
        }
        return v.errors();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = Json.object();
        Json.put(m, "status", Json.name(status));
        Json.put(m, "reason", reason);
        Json.put(m, "excused", excused);
        return m;
    }

    public static StatusChangeRequest fromMap(Map<String, Object> m) {
        StatusChangeRequest r = new StatusChangeRequest();
        r.status = Json.enumValue(m, "status", AppointmentStatus.class, AppointmentStatus.values());
        r.reason = Json.str(m, "reason");
        r.excused = Json.bool(m, "excused");
        return r;
    }
}
