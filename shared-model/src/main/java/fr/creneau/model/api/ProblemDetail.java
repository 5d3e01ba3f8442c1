package fr.creneau.model.api;

import fr.creneau.model.json.Json;
import fr.creneau.model.json.JsonMappable;
import fr.creneau.model.rules.FieldError;

import java.util.List;
import java.util.Map;

/** RFC 9457 problem details, with the fields in error and a stable {@code code} the app translates. */
public class ProblemDetail implements JsonMappable {
    public String type;
    public String title;
    public Integer status;
    public String detail;
    public String instance;
    public String code;
    public List<FieldError> errors;

    public Map<String, Object> toMap() {
        Map<String, Object> m = Json.object();
        Json.put(m, "type", type);
        Json.put(m, "title", title);
        Json.put(m, "status", status);
        Json.put(m, "detail", detail);
        Json.put(m, "instance", instance);
        Json.put(m, "code", code);
        Json.put(m, "errors", Json.maps(errors));
        return m;
    }

    public static ProblemDetail fromMap(Map<String, Object> m) {
        ProblemDetail p = new ProblemDetail();
        p.type = Json.str(m, "type");
        p.title = Json.str(m, "title");
        p.status = Json.integer(m, "status");
        p.detail = Json.str(m, "detail");
        p.instance = Json.str(m, "instance");
        p.code = Json.str(m, "code");
        p.errors = Json.objects(m, "errors", new Json.Reader<FieldError>() {
            public FieldError read(Map<String, Object> e) {
                return FieldError.fromMap(e);
            }
        });
        return p;
    }
}
