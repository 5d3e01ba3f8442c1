package fr.creneau.model.api;

import fr.creneau.model.json.Json;
import fr.creneau.model.json.JsonMappable;

import java.util.Map;

/** The result of re-computing a practice's journal hash chain. {@code firstBrokenId} is null when it holds. */
public class JournalVerifyDto implements JsonMappable {
    public boolean valid;
    public Long checked;
    public Long firstBrokenId;

    public Map<String, Object> toMap() {
        Map<String, Object> m = Json.object();
        Json.put(m, "valid", Boolean.valueOf(valid));
        Json.put(m, "checked", checked);
        Json.put(m, "firstBrokenId", firstBrokenId);
        return m;
    }

    public static JournalVerifyDto fromMap(Map<String, Object> m) {
        JournalVerifyDto d = new JournalVerifyDto();
        d.valid = Json.bool(m, "valid", false);
        d.checked = Json.lng(m, "checked");
        d.firstBrokenId = Json.lng(m, "firstBrokenId");
        return d;
    }
}
