package fr.creneau.model.api;

import fr.creneau.model.json.Json;
import fr.creneau.model.json.JsonMappable;
import fr.creneau.model.rules.FalloutAction;

import java.util.Map;

/** The staff's choice for one appointment held by an absence. */
public class AbsenceDecisionDto implements JsonMappable {
    public static final Json.Reader<AbsenceDecisionDto> READER = new Json.Reader<AbsenceDecisionDto>() {
        public AbsenceDecisionDto read(Map<String, Object> m) {
            return fromMap(m);
        }
    };

    public Long appointmentId;
    public FalloutAction action;

    public AbsenceDecisionDto() {
    }

    public AbsenceDecisionDto(Long appointmentId, FalloutAction action) {
        this.appointmentId = appointmentId;
        this.action = action;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = Json.object();
        Json.put(m, "appointmentId", appointmentId);
        Json.put(m, "action", Json.name(action));
        return m;
    }

    public static AbsenceDecisionDto fromMap(Map<String, Object> m) {
        AbsenceDecisionDto d = new AbsenceDecisionDto();
        d.appointmentId = Json.lng(m, "appointmentId");
        d.action = Json.enumValue(m, "action", FalloutAction.class, FalloutAction.values());
        return d;
    }
}
