package fr.creneau.model.api;

import fr.creneau.model.json.Json;
import fr.creneau.model.json.JsonMappable;
import fr.creneau.model.rules.FieldError;
import fr.creneau.model.rules.Validator;

import java.util.List;
import java.util.Map;

public class LoginRequest implements JsonMappable {
    public String email;
    public String password;

    public List<FieldError> validate() {
        Validator v = new Validator();
        v.required("email", email);
        v.required("password", password);
        return v.errors();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = Json.object();
        Json.put(m, "email", email);
        Json.put(m, "password", password);
        return m;
    }

    public static LoginRequest fromMap(Map<String, Object> m) {
        LoginRequest r = new LoginRequest();
        r.email = Json.str(m, "email");
        r.password = Json.str(m, "password");
        return r;
    }
}
