package fr.creneau.model.api;

import fr.creneau.model.json.Json;
import fr.creneau.model.json.JsonMappable;
import fr.creneau.model.rules.FieldError;
import fr.creneau.model.rules.Validator;

import java.util.List;
import java.util.Map;

/** A reason for a visit in the practice's shared catalogue, with its duration and booking rules. */
public class MotiveDto implements JsonMappable {
    public static final Json.Reader<MotiveDto> READER = new Json.Reader<MotiveDto>() {
        public MotiveDto read(Map<String, Object> m) {
            return fromMap(m);
        }
    };

    public Long id;
    public Long practiceId;
    public String labelFr;
    public String labelEn;
    public Integer durationMinutes;
    public boolean bookableOnline = true;
    public boolean openToNewPatients = true;
    public boolean urgencyReserve;
    public String preparationFr;
    public String preparationEn;

    public String label(String language) {
        return "en".equals(language) && labelEn != null ? labelEn : labelFr;
    }

    public String preparation(String language) {
        return "en".equals(language) && preparationEn != null ? preparationEn : preparationFr;
    }

    public List<FieldError> validate() {
        Validator v = new Validator();
        v.name("labelFr", labelFr);
        v.name("labelEn", labelEn);
        v.positive("durationMinutes", durationMinutes);
        v.range("durationMinutes", durationMinutes, 5, 480);
        v.maxLength("preparationFr", preparationFr, Validator.TEXT_MAX);
        v.maxLength("preparationEn", preparationEn, Validator.TEXT_MAX);
        return v.errors();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = Json.object();
        Json.put(m, "id", id);
        Json.put(m, "practiceId", practiceId);
        Json.put(m, "labelFr", labelFr);
        Json.put(m, "labelEn", labelEn);
        Json.put(m, "durationMinutes", durationMinutes);
        Json.put(m, "bookableOnline", Boolean.valueOf(bookableOnline));
        Json.put(m, "openToNewPatients", Boolean.valueOf(openToNewPatients));
        Json.put(m, "urgencyReserve", Boolean.valueOf(urgencyReserve));
        Json.put(m, "preparationFr", preparationFr);
        Json.put(m, "preparationEn", preparationEn);
        return m;
    }

    public static MotiveDto fromMap(Map<String, Object> m) {
        MotiveDto d = new MotiveDto();
        d.id = Json.lng(m, "id");
        d.practiceId = Json.lng(m, "practiceId");
        d.labelFr = Json.str(m, "labelFr");
        d.labelEn = Json.str(m, "labelEn");
        d.durationMinutes = Json.integer(m, "durationMinutes");
        d.bookableOnline = Json.bool(m, "bookableOnline", true);
        d.openToNewPatients = Json.bool(m, "openToNewPatients", true);
        d.urgencyReserve = Json.bool(m, "urgencyReserve", false);
        d.preparationFr = Json.str(m, "preparationFr");
        d.preparationEn = Json.str(m, "preparationEn");
        return d;
    }
}
