package fr.creneau.model.api;

import fr.creneau.model.json.Json;
import fr.creneau.model.json.JsonMappable;
import fr.creneau.model.rules.FieldError;
import fr.creneau.model.rules.Validator;

import java.util.List;
import java.util.Map;

/** Trades a refresh token for a new pair; also the body of a logout, which revokes it. */
public class RefreshRequest implements JsonMappable {
    public String refreshToken;

    public List<FieldError> validate() {
        Validator v = new Validator();
        v.required("refreshToken", refreshToken);
        return v.errors();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = Json.object();
        Json.put(m, "refreshToken", refreshToken);
        return m;
    }

    public static RefreshRequest fromMap(Map<String, Object> m) {
        RefreshRequest r = new RefreshRequest();
        r.refreshToken = Json.str(m, "refreshToken");
        return r;
    }
}
