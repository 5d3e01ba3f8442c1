package fr.creneau.model.api;

import fr.creneau.model.json.Json;
import fr.creneau.model.json.JsonMappable;
import fr.creneau.model.rules.Role;

import java.util.Map;

/** A login's answer: a short-lived access JWT, a single-use refresh token, and who the account is. */
public class TokenResponse implements JsonMappable {
    public String accessToken;
    public String refreshToken;
    public Long expiresIn;
    public AccountDto account;

    public Map<String, Object> toMap() {
        Map<String, Object> m = Json.object();
        Json.put(m, "accessToken", accessToken);
        Json.put(m, "refreshToken", refreshToken);
        Json.put(m, "expiresIn", expiresIn);
        Json.put(m, "account", Json.map(account));
        return m;
    }

    public static TokenResponse fromMap(Map<String, Object> m) {
        TokenResponse r = new TokenResponse();
        r.accessToken = Json.str(m, "accessToken");
        r.refreshToken = Json.str(m, "refreshToken");
        r.expiresIn = Json.lng(m, "expiresIn");
        Map<String, Object> a = Json.obj(m, "account");
        r.account = a == null ? null : AccountDto.fromMap(a);
        return r;
    }

    public Role role() {
        return account == null ? null : account.role;
    }
}
