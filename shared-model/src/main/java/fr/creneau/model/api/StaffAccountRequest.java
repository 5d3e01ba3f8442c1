package fr.creneau.model.api;

import fr.creneau.model.json.Json;
import fr.creneau.model.json.JsonMappable;
import fr.creneau.model.rules.FieldError;
import fr.creneau.model.rules.Role;
import fr.creneau.model.rules.Validator;

import java.util.List;
import java.util.Map;

/** The practice admin creates a staff account; a practitioner account is tied to its practitioner. */
public class StaffAccountRequest implements JsonMappable {
    public String email;
    public String password;
    public Role role;
    public String displayName;
    public Long practitionerId;

    public List<FieldError> validate() {
        Validator v = new Validator();
        v.email("email", email, true);
        v.password("password", password);
        v.name("displayName", displayName);
        if (v.required("role", role) && role == Role.PATIENT) {
            v.error("role", "invalid_role", "must be a staff role");
        }
        if (role == Role.PRACTITIONER) {
            v.required("practitionerId", practitionerId);
        }
        return v.errors();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = Json.object();
        Json.put(m, "email", email);
        Json.put(m, "password", password);
        Json.put(m, "role", Json.name(role));
        Json.put(m, "displayName", displayName);
        Json.put(m, "practitionerId", practitionerId);
        return m;
    }

    public static StaffAccountRequest fromMap(Map<String, Object> m) {
        StaffAccountRequest r = new StaffAccountRequest();
        r.email = Json.str(m, "email");
        r.password = Json.str(m, "password");
        r.role = Json.enumValue(m, "role", Role.class, Role.values());
        r.displayName = Json.str(m, "displayName");
        r.practitionerId = Json.lng(m, "practitionerId");
        return r;
    }
}
