package fr.creneau.model.api;

import fr.creneau.model.json.Json;
import fr.creneau.model.json.JsonMappable;
import fr.creneau.model.rules.Role;

import java.util.Map;

/** One entry of a practice's access journal: who did what to which object, when and from where. */
public class JournalEntryDto implements JsonMappable {
    public Long id;
    public Long practiceId;
    public String at;
    public Long accountId;
    public Role role;
    public String action;
    public String objectType;
    public Long objectId;
    public String detail;
    public String clientIp;
    public String prevHash;
    public String hash;

    public Map<String, Object> toMap() {
        Map<String, Object> m = Json.object();
        Json.put(m, "id", id);
        Json.put(m, "practiceId", practiceId);
        Json.put(m, "at", at);
        Json.put(m, "accountId", accountId);
        Json.put(m, "role", Json.name(role));
        Json.put(m, "action", action);
        Json.put(m, "objectType", objectType);
        Json.put(m, "objectId", objectId);
        Json.put(m, "detail", detail);
        Json.put(m, "clientIp", clientIp);
        Json.put(m, "prevHash", prevHash);
        Json.put(m, "hash", hash);
        return m;
    }

    public static JournalEntryDto fromMap(Map<String, Object> m) {
        JournalEntryDto d = new JournalEntryDto();
        d.id = Json.lng(m, "id");
        d.practiceId = Json.lng(m, "practiceId");
        d.at = Json.str(m, "at");
        d.accountId = Json.lng(m, "accountId");
        d.role = Json.enumValue(m, "role", Role.class, Role.values());
        d.action = Json.str(m, "action");
        d.objectType = Json.str(m, "objectType");
        d.objectId = Json.lng(m, "objectId");
        d.detail = Json.str(m, "detail");
        d.clientIp = Json.str(m, "clientIp");
        d.prevHash = Json.str(m, "prevHash");
        d.hash = Json.str(m, "hash");
        return d;
    }
}
