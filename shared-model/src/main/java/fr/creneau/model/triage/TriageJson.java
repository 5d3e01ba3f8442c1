package fr.creneau.model.triage;

import fr.creneau.model.json.Json;
import fr.creneau.model.json.JsonFieldException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The JSON reads that {@link Json} lacks (decimals, string lists), with the same field-naming errors. */
public final class TriageJson {
    private TriageJson() {
    }

    public static Double dbl(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Number)) {
            throw new JsonFieldException(key, "must be a number");
        }
        return Double.valueOf(((Number) v).doubleValue());
    }

    public static List<String> strings(Map<String, Object> m, String key) {
        List<Object> raw = Json.list(m, key);
        if (raw == null) {
            return null;
        }
        List<String> out = new ArrayList<String>();
        for (int i = 0; i < raw.size(); i++) {
            Object v = raw.get(i);
            if (!(v instanceof String)) {
                throw new JsonFieldException(key, "must be an array of strings");
            }
            out.add((String) v);
        }
        return out;
    }

    /** Strings go out as a fresh list, so that a caller never shares the DTO's own list with a map. */
    public static List<Object> list(List<String> values) {
        if (values == null) {
            return null;
        }
        return new ArrayList<Object>(values);
    }
}
