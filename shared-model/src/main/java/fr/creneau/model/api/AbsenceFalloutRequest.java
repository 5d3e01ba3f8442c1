package fr.creneau.model.api;

import fr.creneau.model.json.Json;
import fr.creneau.model.json.JsonMappable;
import fr.creneau.model.rules.FalloutAction;
import fr.creneau.model.rules.FieldError;
import fr.creneau.model.rules.Validator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The staff's decisions for the appointments an absence holds: {@code all} applies to every one of them that
 * {@code decisions} does not name. {@code substitute} ("Dr X, 01 23 ...") goes into every notice, with the
 * practice's emergency number; without it the practice's own substitute, if any.
 */
public class AbsenceFalloutRequest implements JsonMappable {
    public static final int SUBSTITUTE_MAX = 200;

    public FalloutAction all;
    public List<AbsenceDecisionDto> decisions = new ArrayList<AbsenceDecisionDto>();
    public String substitute;

    public List<FieldError> validate() {
        Validator v = new Validator();
        if (all == null && (decisions == null || decisions.isEmpty())) {
            v.error("all", "required", "give a decision for all appointments or per appointment");
        }
        if (decisions != null) {
            for (int i = 0; i < decisions.size(); i++) {
                AbsenceDecisionDto d = decisions.get(i);
                if (d == null || d.appointmentId == null) {
                    v.error("decisions[" + i + "].appointmentId", "required", "is required");
                }
                if (d == null || d.action == null) {
                    v.error("decisions[" + i + "].action", "required", "is required");
                }
            }
        }
        v.maxLength("substitute", substitute, SUBSTITUTE_MAX);
        return v.errors();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = Json.object();
        Json.put(m, "all", Json.name(all));
        Json.put(m, "decisions", Json.maps(decisions));
        Json.put(m, "substitute", substitute);
        return m;
    }

    public static AbsenceFalloutRequest fromMap(Map<String, Object> m) {
        AbsenceFalloutRequest r = new AbsenceFalloutRequest();
        r.all = Json.enumValue(m, "all", FalloutAction.class, FalloutAction.values());
        List<AbsenceDecisionDto> d = Json.objects(m, "decisions", AbsenceDecisionDto.READER);
        r.decisions = d == null ? new ArrayList<AbsenceDecisionDto>() : d;
        r.substitute = Json.str(m, "substitute");
        return r;
    }
}
