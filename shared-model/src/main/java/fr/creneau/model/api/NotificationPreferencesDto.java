package fr.creneau.model.api;

import fr.creneau.model.json.Json;
import fr.creneau.model.json.JsonMappable;
import fr.creneau.model.rules.FieldError;
import fr.creneau.model.rules.Validator;

import java.util.List;
import java.util.Map;

/**
 * How a patient wants to hear about their appointments. The consent dates are answered by the server (when the
 * patient last turned SMS or email on) and ignored in a request. {@code language} ("fr" or "en") is the language of
 * every notification text; optional in a request (absent: unchanged; French when never set).
 */
public class NotificationPreferencesDto implements JsonMappable {
    public Boolean push;
    public Boolean sms;
    public Boolean email;
    public String smsConsentAt;
    public String emailConsentAt;
    public String language;

    public List<FieldError> validate() {
        Validator v = new Validator();
        v.required("push", push);
        v.required("sms", sms);
        v.required("email", email);
        if (language != null && !"fr".equals(language) && !"en".equals(language)) {
            v.error("language", "invalid", "fr or en");
        }
        return v.errors();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = Json.object();
        Json.put(m, "push", push);
        Json.put(m, "sms", sms);
        Json.put(m, "email", email);
        Json.put(m, "smsConsentAt", smsConsentAt);
        Json.put(m, "emailConsentAt", emailConsentAt);
        Json.put(m, "language", language);
        return m;
    }

    public static NotificationPreferencesDto fromMap(Map<String, Object> m) {
        NotificationPreferencesDto p = new NotificationPreferencesDto();
        p.push = Json.bool(m, "push");
        p.sms = Json.bool(m, "sms");
        p.email = Json.bool(m, "email");
        p.smsConsentAt = Json.str(m, "smsConsentAt");
        p.emailConsentAt = Json.str(m, "emailConsentAt");
        p.language = Json.str(m, "language");
        return p;
    }
}
