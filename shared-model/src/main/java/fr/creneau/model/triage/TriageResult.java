package fr.creneau.model.triage;

import fr.creneau.model.json.Json;
import fr.creneau.model.json.JsonMappable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The grid's decision: the priority, why (stable reason codes the app translates as {@code triage.<code>}), the
 * red flags that were raised and, for an emergency, the numbers to call.
 */
public class TriageResult implements JsonMappable {
    public static final String REASON_RED_FLAG = "red_flag";
    public static final String REASON_HIGH_TEMPERATURE = "high_temperature";
    public static final String REASON_SEVERE = "severe";
    public static final String REASON_CHILD_SAME_DAY = "child_same_day";
    public static final String REASON_YOUNG_INFANT_FEVER = "young_infant_fever";
    public static final String REASON_RESULTS_MARKED_URGENT = "results_marked_urgent";

    public Priority priority;
    public List<String> reasons = new ArrayList<String>();
    public List<RedFlag> raisedFlags = new ArrayList<RedFlag>();
    public List<String> emergencyNumbers = new ArrayList<String>();

    public boolean isEmergency() {
        return priority == Priority.EMERGENCY;
    }

    public boolean hasReason(String code) {
        return reasons.contains(code);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = Json.object();
        Json.put(m, "priority", Json.name(priority));
        Json.put(m, "reasons", TriageJson.list(reasons));
        Json.put(m, "raisedFlags", Json.maps(raisedFlags));
        Json.put(m, "emergencyNumbers", TriageJson.list(emergencyNumbers));
        return m;
    }

    public static TriageResult fromMap(Map<String, Object> m) {
        TriageResult r = new TriageResult();
        r.priority = Json.enumValue(m, "priority", Priority.class, Priority.values());
        List<String> reasons = TriageJson.strings(m, "reasons");
        r.reasons = reasons == null ? new ArrayList<String>() : reasons;
        List<RedFlag> flags = Json.objects(m, "raisedFlags", RedFlag.READER);
        r.raisedFlags = flags == null ? new ArrayList<RedFlag>() : flags;
        List<String> numbers = TriageJson.strings(m, "emergencyNumbers");
        r.emergencyNumbers = numbers == null ? new ArrayList<String>() : numbers;
        return r;
    }
}
