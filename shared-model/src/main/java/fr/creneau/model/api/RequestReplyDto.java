package fr.creneau.model.api;

import fr.creneau.model.json.Json;
import fr.creneau.model.json.JsonMappable;
import fr.creneau.model.rules.FieldError;
import fr.creneau.model.rules.Role;
import fr.creneau.model.rules.Validator;

import java.util.List;
import java.util.Map;

/** One message in a request's thread, from the practice or from the patient. To post one, send {@code body}. */
public class RequestReplyDto implements JsonMappable {
    public static final Json.Reader<RequestReplyDto> READER = new Json.Reader<RequestReplyDto>() {
        public RequestReplyDto read(Map<String, Object> m) {
            return fromMap(m);
        }
    };

    public Long id;
    public Long requestId;
    public Role authorRole;
    public String authorName;
    public String body;
    public String createdAt;

    public List<FieldError> validate() {
        Validator v = new Validator();
        if (v.required("body", body)) {
            v.maxLength("body", body, Validator.TEXT_MAX);
        }
        return v.errors();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = Json.object();
        Json.put(m, "id", id);
        Json.put(m, "requestId", requestId);
        Json.put(m, "authorRole", Json.name(authorRole));
        Json.put(m, "authorName", authorName);
        Json.put(m, "body", body);
        Json.put(m, "createdAt", createdAt);
        return m;
    }

    public static RequestReplyDto fromMap(Map<String, Object> m) {
        RequestReplyDto d = new RequestReplyDto();
        d.id = Json.lng(m, "id");
        d.requestId = Json.lng(m, "requestId");
        d.authorRole = Json.enumValue(m, "authorRole", Role.class, Role.values());
        d.authorName = Json.str(m, "authorName");
        d.body = Json.str(m, "body");
        d.createdAt = Json.str(m, "createdAt");
        return d;
    }
}
