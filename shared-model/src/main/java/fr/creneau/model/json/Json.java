package fr.creneau.model.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed reads from a parsed JSON object (a Map from Jackson or Codename One's JSONParser), with an error naming
 * the field when a value has the wrong type. Absent and null values read as null: required-ness is a
 * validation rule, not a parsing one.
 */
public final class Json {
    private Json() {
    }

    public static Map<String, Object> object() {
        return new LinkedHashMap<String, Object>();
    }

    /** Puts a value, leaving nulls out so that optional fields stay absent on the wire. */
    public static void put(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    public static String str(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String)) {
            throw new JsonFieldException(key, "must be a string");
        }
        return (String) v;
    }

    public static Long lng(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Number)) {
            throw new JsonFieldException(key, "must be a number");
        }
        double d = ((Number) v).doubleValue();
        long l = ((Number) v).longValue();
        if (d != (double) l) {
            throw new JsonFieldException(key, "must be a whole number");
        }
        return Long.valueOf(l);
    }

    public static Integer integer(Map<String, Object> m, String key) {
        Long l = lng(m, key);
        if (l == null) {
            return null;
        }
        if (l.longValue() > Integer.MAX_VALUE || l.longValue() < Integer.MIN_VALUE) {
            throw new JsonFieldException(key, "is out of range");
        }
        return Integer.valueOf((int) l.longValue());
    }

    public static Boolean bool(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Boolean) {
            return (Boolean) v;
        }
        // Codename One's JSONParser may hand booleans back as strings
        if ("true".equals(v)) {
            return Boolean.TRUE;
        }
        if ("false".equals(v)) {
            return Boolean.FALSE;
        }
        throw new JsonFieldException(key, "must be true or false");
    }

    public static boolean bool(Map<String, Object> m, String key, boolean dflt) {
        Boolean b = bool(m, key);
        return b == null ? dflt : b.booleanValue();
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> obj(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Map)) {
            throw new JsonFieldException(key, "must be an object");
        }
        return (Map<String, Object>) v;
    }

    public static List<Object> list(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v == null) {
            return null;
        }
        if (!(v instanceof List)) {
            throw new JsonFieldException(key, "must be an array");
        }
        return (List<Object>) v;
    }

    public static <E extends Enum<E>> E enumValue(Map<String, Object> m, String key, Class<E> type, E[] values) {
        String s = str(m, key);
        if (s == null) {
            return null;
        }
        for (int i = 0; i < values.length; i++) {
            if (values[i].name().equals(s)) {
                return values[i];
            }
        }
        throw new JsonFieldException(key, "must be one of " + names(values));
    }

    public static List<Long> longList(Map<String, Object> m, String key) {
        List<Object> raw = list(m, key);
        if (raw == null) {
            return null;
        }
        List<Long> out = new ArrayList<Long>();
        for (int i = 0; i < raw.size(); i++) {
            Object v = raw.get(i);
            if (!(v instanceof Number)) {
                throw new JsonFieldException(key, "must be an array of numbers");
            }
            out.add(Long.valueOf(((Number) v).longValue()));
        }
        return out;
    }

    /** A list of nested DTOs, each read by the given reader. */
    @SuppressWarnings("unchecked")
    public static <T> List<T> objects(Map<String, Object> m, String key, Reader<T> reader) {
        List<Object> raw = list(m, key);
        if (raw == null) {
            return null;
        }
        List<T> out = new ArrayList<T>();
        for (int i = 0; i < raw.size(); i++) {
            Object v = raw.get(i);
            if (!(v instanceof Map)) {
                throw new JsonFieldException(key, "must be an array of objects");
            }
            out.add(reader.read((Map<String, Object>) v));
        }
        return out;
    }

    public static List<Object> maps(List<? extends JsonMappable> items) {
        if (items == null) {
            return null;
        }
        List<Object> out = new ArrayList<Object>();
        for (int i = 0; i < items.size(); i++) {
            out.add(items.get(i).toMap());
        }
        return out;
    }

    public static Map<String, Object> map(JsonMappable item) {
        return item == null ? null : item.toMap();
    }

    public static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    private static String names(Enum<?>[] values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(values[i].name());
        }
        return sb.toString();
    }

    /** Reads one DTO from its map. */
    public interface Reader<T> {
        T read(Map<String, Object> m);
    }
}
