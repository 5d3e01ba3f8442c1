package fr.creneau.model.api;

import fr.creneau.model.json.Json;
import fr.creneau.model.json.JsonMappable;
import fr.creneau.model.rules.FieldError;
import fr.creneau.model.rules.Validator;

import java.util.List;
import java.util.Map;

/**
 * A practice's no-show rule: after {@code maxUnexcusedNoShows} unexcused no-shows at this practice, a patient books
 * through the secretariat (phone or desk) instead of online. Null: no rule.
 */
public class NoShowPolicyDto implements JsonMappable {
    public static final int MAX = 100;

    public Integer maxUnexcusedNoShows;

    public List<FieldError> validate() {
        Validator v = new Validator();
        v.range("maxUnexcusedNoShows", maxUnexcusedNoShows, 1, MAX);
        return v.errors();
    }

    /** Whether a patient with this many unexcused no-shows is held to booking through the secretariat. */
    public static boolean secretaryBookingRequired(Integer maxUnexcusedNoShows, int unexcused) {
        return maxUnexcusedNoShows != null && unexcused >= maxUnexcusedNoShows.intValue();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = Json.object();
        // null is an answer here (no rule), so it is written out rather than left absent
        m.put("maxUnexcusedNoShows", maxUnexcusedNoShows);
        return m;
    }

    public static NoShowPolicyDto fromMap(Map<String, Object> m) {
        NoShowPolicyDto d = new NoShowPolicyDto();
        d.maxUnexcusedNoShows = Json.integer(m, "maxUnexcusedNoShows");
        return d;
    }
}
