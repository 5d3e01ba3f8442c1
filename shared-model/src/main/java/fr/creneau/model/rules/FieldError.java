package fr.creneau.model.rules;

import fr.creneau.model.json.Json;
import fr.creneau.model.json.JsonMappable;

import java.util.Map;

/**
 * One rejected field. {@code code} is stable and translated by the app (resource key {@code error.<code>});
 * {@code message} is the English text the API sends for people reading raw responses.
 */
public class FieldError implements JsonMappable {
    public String field;
    public String code;
    public String message;

    public FieldError() {
    }

    public FieldError(String field, String code, String message) {
        this.field = field;
        this.code = code;
        this.message = message;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = Json.object();
        Json.put(m, "field", field);
        Json.put(m, "code", code);
        Json.put(m, "message", message);
        return m;
    }

    public static FieldError fromMap(Map<String, Object> m) {
        return new FieldError(Json.str(m, "field"), Json.str(m, "code"), Json.str(m, "message"));
    }

    public String toString() {
        return field + " " + code;
    }
}
