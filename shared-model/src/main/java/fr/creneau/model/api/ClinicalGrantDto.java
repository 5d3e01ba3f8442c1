package fr.creneau.model.api;

import fr.creneau.model.json.Json;
import fr.creneau.model.json.JsonMappable;

import java.util.Map;

/** A secretary whom the practice allows to read the clinical content of patient requests. */
public class ClinicalGrantDto implements JsonMappable {
    public Long accountId;
    public String displayName;
    public String email;
    public Long grantedBy;
    public String grantedAt;

    public Map<String, Object> toMap() {
        Map<String, Object> m = Json.object();
        Json.put(m, "accountId", accountId);
        Json.put(m, "displayName", displayName);
        Json.put(m, "email", email);
        Json.put(m, "grantedBy", grantedBy);
        Json.put(m, "grantedAt", grantedAt);
        return m;
    }

    public static ClinicalGrantDto fromMap(Map<String, Object> m) {
        ClinicalGrantDto d = new ClinicalGrantDto();
        d.accountId = Json.lng(m, "accountId");
        d.displayName = Json.str(m, "displayName");
        d.email = Json.str(m, "email");
        d.grantedBy = Json.lng(m, "grantedBy");
        d.grantedAt = Json.str(m, "grantedAt");
        return d;
    }
}
