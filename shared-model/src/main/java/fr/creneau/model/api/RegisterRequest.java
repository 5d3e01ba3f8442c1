package fr.creneau.model.api;

import fr.creneau.model.json.Json;
import fr.creneau.model.json.JsonMappable;
import fr.creneau.model.rules.FieldError;
import fr.creneau.model.rules.Validator;

import java.util.List;
import java.util.Map;

/** A patient opens an account; the account holder is also the first patient on it. */
public class RegisterRequest implements JsonMappable {
    public String email;
    public String password;
    public String lastName;
    public String firstName;
    public String birthDate;
    public String phone;

    public List<FieldError> validate() {
        Validator v = new Validator();
        v.email("email", email, true);
        v.password("password", password);
        v.name("lastName", lastName);
        v.name("firstName", firstName);
        v.date("birthDate", birthDate, true);
        v.phone("phone", phone, true);
        return v.errors();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = Json.object();
        Json.put(m, "email", email);
        Json.put(m, "password", password);
        Json.put(m, "lastName", lastName);
        Json.put(m, "firstName", firstName);
        Json.put(m, "birthDate", birthDate);
        Json.put(m, "phone", phone);
        return m;
    }

    public static RegisterRequest fromMap(Map<String, Object> m) {
        RegisterRequest r = new RegisterRequest();
        r.email = Json.str(m, "email");
        r.password = Json.str(m, "password");
        r.lastName = Json.str(m, "lastName");
        r.firstName = Json.str(m, "firstName");
        r.birthDate = Json.str(m, "birthDate");
        r.phone = Json.str(m, "phone");
        return r;
    }
}
