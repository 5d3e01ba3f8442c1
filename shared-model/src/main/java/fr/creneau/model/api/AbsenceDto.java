package fr.creneau.model.api;

import fr.creneau.model.json.Json;
import fr.creneau.model.json.JsonMappable;
import fr.creneau.model.rules.FieldError;
import fr.creneau.model.rules.Validator;

import java.util.List;
import java.util.Map;

/**
 * Time a practitioner is away: a day, a half-day or any range, as instants. Saving an absence that holds
 * appointments needs {@code confirmConflicts}: it never cancels them by itself.
 */
public class AbsenceDto implements JsonMappable {
    public static final Json.Reader<AbsenceDto> READER = new Json.Reader<AbsenceDto>() {
        public AbsenceDto read(Map<String, Object> m) {
            return fromMap(m);
        }
    };

    public Long id;
    public Long practitionerId;
    public String start;
    public String end;
    public String note;
    public boolean confirmConflicts;

    public List<FieldError> validate() {
        Validator v = new Validator();
        v.instant("start", start, true);
        v.instant("end", end, true);
        v.maxLength("note", note, 500);
        return v.errors();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = Json.object();
        Json.put(m, "id", id);
        Json.put(m, "practitionerId", practitionerId);
        Json.put(m, "start", start);
        Json.put(m, "end", end);
        Json.put(m, "note", note);
        if (confirmConflicts) {
            m.put("confirmConflicts", Boolean.TRUE);
        }
        return m;
    }

    public static AbsenceDto fromMap(Map<String, Object> m) {
        AbsenceDto a = new AbsenceDto();
        a.id = Json.lng(m, "id");
        a.practitionerId = Json.lng(m, "practitionerId");
        a.start = Json.str(m, "start");
        a.end = Json.str(m, "end");
        a.note = Json.str(m, "note");
        a.confirmConflicts = Json.bool(m, "confirmConflicts", false);
        return a;
    }
}
