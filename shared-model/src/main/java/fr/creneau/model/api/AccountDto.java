package fr.creneau.model.api;

import fr.creneau.model.json.Json;
import fr.creneau.model.json.JsonMappable;
import fr.creneau.model.rules.Role;

import java.util.List;
import java.util.Map;

/**
 * The signed-in account. A patient account lists the patients it may book for: the holder and their
 * relatives. A staff account names its practice, and its practitioner for a practitioner.
 */
public class AccountDto implements JsonMappable {
    public Long id;
    public String email;
    public Role role;
    public String displayName;
    public Long practiceId;
    public Long practitionerId;
    public List<PatientDto> patients;

    public Map<String, Object> toMap() {
        Map<String, Object> m = Json.object();
        Json.put(m, "id", id);
        Json.put(m, "email", email);
        Json.put(m, "role", Json.name(role));
        Json.put(m, "displayName", displayName);
        Json.put(m, "practiceId", practiceId);
        Json.put(m, "practitionerId", practitionerId);
        Json.put(m, "patients", Json.maps(patients));
        return m;
    }

    public static AccountDto fromMap(Map<String, Object> m) {
        AccountDto a = new AccountDto();
        a.id = Json.lng(m, "id");
        a.email = Json.str(m, "email");
        a.role = Json.enumValue(m, "role", Role.class, Role.values());
        a.displayName = Json.str(m, "displayName");
        a.practiceId = Json.lng(m, "practiceId");
        a.practitionerId = Json.lng(m, "practitionerId");
        a.patients = Json.objects(m, "patients", PatientDto.READER);
        return a;
    }
}
