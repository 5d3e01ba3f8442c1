package fr.creneau.model;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.creneau.model.json.JsonFieldException;
import fr.creneau.model.json.JsonMappable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every DTO of the API, filled field by field by reflection, must survive both trips: through Jackson (the
 * backend) and through maps shaped like Codename One's JSONParser output (numbers as Double). A field that
 * toMap forgets, or fromMap misreads, fails here.
 */
class DtoJsonMappingTest {
    private static final ObjectMapper JACKSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> everyDtoRoundTripsThroughJacksonAndTheAppParser() throws Exception {
        List<Class<?>> dtos = dtoClasses();
        assertThat(dtos).hasSizeGreaterThan(15);
        return dtos.stream().map(type -> DynamicTest.dynamicTest(type.getSimpleName(), () -> {
            JsonMappable filled = (JsonMappable) fill(type, 0);
            Map<String, Object> map = filled.toMap();
            for (Field f : type.getFields()) {
                if (!Modifier.isStatic(f.getModifiers())) {
                    assertThat(map).as("%s.%s is written", type.getSimpleName(), f.getName()).containsKey(f.getName());
                }
            }
            String json = JACKSON.writeValueAsString(map);
            Map<String, Object> parsed = JACKSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() { });
            assertThat(normalise(read(type, parsed).toMap())).isEqualTo(normalise(map));
            Map<String, Object> likeCodenameOne = asDoubles(parsed);
            assertThat(normalise(read(type, likeCodenameOne).toMap())).isEqualTo(normalise(map));
        }));
    }

    @Test
    void wrongTypesNameTheField() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("practitionerId", "twelve");
        assertThatThrownBy(() -> fr.creneau.model.api.BookingRequest.fromMap(m))
                .isInstanceOf(JsonFieldException.class)
                .extracting(e -> ((JsonFieldException) e).getField()).isEqualTo("practitionerId");
        Map<String, Object> fraction = new LinkedHashMap<>();
        fraction.put("motiveId", 1.5d);
        assertThatThrownBy(() -> fr.creneau.model.api.BookingRequest.fromMap(fraction))
                .isInstanceOf(JsonFieldException.class).hasMessageContaining("whole number");
        Map<String, Object> badEnum = new LinkedHashMap<>();
        badEnum.put("channel", "FAX");
        assertThatThrownBy(() -> fr.creneau.model.api.BookingRequest.fromMap(badEnum))
                .isInstanceOf(JsonFieldException.class).hasMessageContaining("ONLINE");
    }

    private static JsonMappable read(Class<?> type, Map<String, Object> map) throws Exception {
        Method fromMap = type.getMethod("fromMap", Map.class);
        return (JsonMappable) fromMap.invoke(null, map);
    }

    private static List<Class<?>> dtoClasses() throws URISyntaxException, ClassNotFoundException {
        File dir = new File(JsonMappable.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> out = new ArrayList<>();
        for (String pkg : List.of("fr/creneau/model/api", "fr/creneau/model/rules", "fr/creneau/model/triage")) {
            File[] files = new File(dir, pkg).listFiles();
            Arrays.sort(files);
            for (File f : files) {
                String name = f.getName();
                if (name.endsWith(".class") && !name.contains("$")) {
                    Class<?> c = Class.forName(pkg.replace('/', '.') + "." + name.replace(".class", ""));
                    if (JsonMappable.class.isAssignableFrom(c) && !c.isInterface()) {
                        out.add(c);
                    }
                }
            }
        }
        return out;
    }

    /** An instance with every public field set to a distinct, non-default value. */
    private static Object fill(Class<?> type, int depth) throws Exception {
        Object o = type.getConstructor().newInstance();
        int n = 1;
        for (Field f : type.getFields()) {
            if (Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            n++;
            Class<?> t = f.getType();
            Object v;
            if (t == Long.class) {
                v = (long) (1000 + n);
            } else if (t == Integer.class) {
                v = 10 + n;
            } else if (t == Double.class) {
                v = 36.5 + n;
            } else if (t == Boolean.class) {
                v = Boolean.TRUE;
            } else if (t == boolean.class) {
                v = !f.getBoolean(o);
            } else if (t == String.class) {
                v = f.getName() + " é✓ " + n;
            } else if (t.isEnum()) {
                Object[] values = t.getEnumConstants();
                v = values[n % values.length];
            } else if (t == List.class) {
                Class<?> item = (Class<?>) ((ParameterizedType) f.getGenericType()).getActualTypeArguments()[0];
                v = item == Long.class ? List.of(7L, 8L) : List.of(fill(item, depth + 1));
            } else if (JsonMappable.class.isAssignableFrom(t)) {
                v = fill(t, depth + 1);
            } else {
                throw new AssertionError("No sample for " + t + " in " + type);
            }
            f.set(o, v);
        }
        return o;
    }

    /** Jackson reads small integers back as Integer; compare numbers by value. */
    @SuppressWarnings("unchecked")
    private static Object normalise(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, val) -> out.put((String) k, normalise(val)));
            return out;
        }
        if (v instanceof List<?> l) {
            return l.stream().map(DtoJsonMappingTest::normalise).toList();
        }
        if (v instanceof Number num) {
            return num.longValue();
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asDoubles(Map<String, Object> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, doubles(v)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object doubles(Object v) {
        if (v instanceof Map<?, ?> m) {
            return asDoubles((Map<String, Object>) m);
        }
        if (v instanceof List<?> l) {
            return new ArrayList<>(l.stream().map(DtoJsonMappingTest::doubles).toList());
        }
        if (v instanceof Number num) {
            return num.doubleValue();
        }
        return v;
    }
}
