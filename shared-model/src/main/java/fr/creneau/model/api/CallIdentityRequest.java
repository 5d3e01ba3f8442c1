package fr.creneau.model.api;

import fr.creneau.model.json.Json;
import fr.creneau.model.json.JsonMappable;
import fr.creneau.model.rules.FieldError;
import fr.creneau.model.rules.Validator;

import java.util.List;
import java.util.Map;

/**
 * What the caller says about the patient: the server compares it with the patient's record (name, birth date,
 * phone) and records each match, so the check is done by the server, not ticked by hand.
 */
public class CallIdentityRequest implements JsonMappable {
    public Long patientId;
    public String lastName;
    public String birthDate;
    public String phone;

    public List<FieldError> validate() {
        Validator v = new Validator();
        v.positive("patientId", patientId);
        v.name("lastName", lastName);
        v.date("birthDate", birthDate, true);
        v.maxLength("phone", phone, 32);
        return v.errors();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = Json.object();
        Json.put(m, "patientId", patientId);
        Json.put(m, "lastName", lastName);
        Json.put(m, "birthDate", birthDate);
        Json.put(m, "phone", phone);
        return m;
    }

    public static CallIdentityRequest fromMap(Map<String, Object> m) {
        CallIdentityRequest d = new CallIdentityRequest();
        d.patientId = Json.lng(m, "patientId");
        d.lastName = Json.str(m, "lastName");
        d.birthDate = Json.str(m, "birthDate");
        d.phone = Json.str(m, "phone");
        return d;
    }
}
