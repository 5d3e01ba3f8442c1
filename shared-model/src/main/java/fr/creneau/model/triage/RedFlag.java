package fr.creneau.model.triage;

import fr.creneau.model.json.Json;
import fr.creneau.model.json.JsonMappable;
import fr.creneau.model.rules.FieldError;
import fr.creneau.model.rules.Validator;

import java.util.List;
import java.util.Map;

/**
 * One sign that needs the emergency services, not a message. The patient ticks it; a flag with a
 * {@code minTemperature} is also raised by the answers themselves (a baby's measured fever), so that nobody has
 * to recognise it. {@code maxAgeMonths} limits a flag to patients younger than that many full months.
 * Practices add their own flags; the built-in ones cannot be removed.
 */
public class RedFlag implements JsonMappable {
    public static final Json.Reader<RedFlag> READER = new Json.Reader<RedFlag>() {
        public RedFlag read(Map<String, Object> m) {
            return fromMap(m);
        }
    };
    public static final int CODE_MAX = 40;

    public String code;
    public String labelFr;
    public String labelEn;
    public Integer maxAgeMonths;
    public Double minTemperature;
    /** A number to call besides 15 and 112 for this sign, such as 3114 (suicide prevention). */
    public String extraNumber;
    public boolean builtIn;

    public RedFlag() {
    }

    public RedFlag(String code, String labelFr, String labelEn) {
        this.code = code;
        this.labelFr = labelFr;
        this.labelEn = labelEn;
    }

    public String label(String language) {
        return "en".equals(language) && labelEn != null ? labelEn : labelFr;
    }

    /** Whether the flag concerns a patient of this age (an unknown age is never excluded). */
    public boolean appliesTo(Integer ageMonths) {
        return maxAgeMonths == null || ageMonths == null || ageMonths.intValue() < maxAgeMonths.intValue();
    }

    /** Raised by the measured temperature alone: only when the age is known to be in range. */
    public boolean raisedBy(Double temperature, Integer ageMonths) {
        if (minTemperature == null || temperature == null) {
            return false;
        }
        if (maxAgeMonths != null && ageMonths == null) {
            return false;
        }
        return appliesTo(ageMonths) && TriageGrid.tenths(temperature) >= TriageGrid.tenths(minTemperature);
    }

    public List<FieldError> validate() {
        Validator v = new Validator();
        if (v.required("code", code) && !isCode(code)) {
            v.error("code", "invalid_code", "must be 1 to " + CODE_MAX + " lowercase letters, digits or _");
        }
        v.name("labelFr", labelFr);
        v.name("labelEn", labelEn);
        v.range("maxAgeMonths", maxAgeMonths, 1, 1200);
        if (minTemperature != null && (TriageGrid.tenths(minTemperature) < TriageAnswers.TEMPERATURE_MIN_TENTHS
                || TriageGrid.tenths(minTemperature) > TriageAnswers.TEMPERATURE_MAX_TENTHS)) {
            v.error("minTemperature", "out_of_range", "must be between 34.0 and 43.0");
        }
        if (extraNumber != null && !isShortNumber(extraNumber)) {
            v.error("extraNumber", "invalid_phone", "must be 2 to 15 digits, optionally after a +");
        }
        return v.errors();
    }

    public static boolean isCode(String s) {
        if (s == null || s.length() == 0 || s.length() > CODE_MAX) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isShortNumber(String s) {
        int start = s.startsWith("+") ? 1 : 0;
        int digits = s.length() - start;
        if (digits < 2 || digits > 15) {
            return false;
        }
        for (int i = start; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = Json.object();
        Json.put(m, "code", code);
        Json.put(m, "labelFr", labelFr);
        Json.put(m, "labelEn", labelEn);
        Json.put(m, "maxAgeMonths", maxAgeMonths);
        Json.put(m, "minTemperature", minTemperature);
        Json.put(m, "extraNumber", extraNumber);
        Json.put(m, "builtIn", Boolean.valueOf(builtIn));
        return m;
    }

    public static RedFlag fromMap(Map<String, Object> m) {
        RedFlag f = new RedFlag();
        f.code = Json.str(m, "code");
        f.labelFr = Json.str(m, "labelFr");
        f.labelEn = Json.str(m, "labelEn");
        f.maxAgeMonths = Json.integer(m, "maxAgeMonths");
        f.minTemperature = TriageJson.dbl(m, "minTemperature");
        f.extraNumber = Json.str(m, "extraNumber");
        f.builtIn = Json.bool(m, "builtIn", false);
        return f;
    }
}
