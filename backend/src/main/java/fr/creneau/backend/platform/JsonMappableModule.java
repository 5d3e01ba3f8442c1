package fr.creneau.backend.platform;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import fr.creneau.model.json.JsonFieldException;
import fr.creneau.model.json.JsonMappable;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;

/**
 * Makes Jackson read and write shared-model DTOs through their own {@code toMap()} and {@code fromMap()}, so that
 * the backend and the app share one JSON mapping instead of two that could drift apart.
 */
@Singleton
public class JsonMappableModule implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("creneau-dtos") {
            @Override
            public void setupModule(SetupContext context) {
                super.setupModule(context);
                context.addDeserializers(new MappableDeserializers());
            }
        };
        module.addSerializer(JsonMappable.class, new MappableSerializer());
        mapper.registerModule(module);
    }

    static final class MappableSerializer extends StdSerializer<JsonMappable> {
        MappableSerializer() {
            super(JsonMappable.class);
        }

        @Override
        public void serialize(JsonMappable value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            provider.defaultSerializeValue(value.toMap(), gen);
        }
    }

    static final class MappableDeserializers extends Deserializers.Base {
        @Override
        public JsonDeserializer<?> findBeanDeserializer(JavaType type, DeserializationConfig config, BeanDescription desc) {
            Class<?> raw = type.getRawClass();
            if (!JsonMappable.class.isAssignableFrom(raw)) {
                return null;
            }
            try {
                Method fromMap = raw.getMethod("fromMap", Map.class);
                return Modifier.isStatic(fromMap.getModifiers()) ? new MappableDeserializer(fromMap) : null;
            } catch (NoSuchMethodException e) {
                return null;
            }
        }
    }

    /**
     * NUL and other C0 control characters (but tab and line breaks) are legal JSON yet meaningless in a name or a
     * note, and PostgreSQL refuses NUL outright: refuse them here, naming the field.
     */
    static void rejectControlCharacters(Object value, String field) {
        if (value instanceof String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                    throw new JsonFieldException(field == null ? "body" : field, "must not contain control characters");
                }
            }
        } else if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> rejectControlCharacters(v, String.valueOf(k)));
        } else if (value instanceof Iterable<?> items) {
            items.forEach(v -> rejectControlCharacters(v, field));
        }
    }

    static final class MappableDeserializer extends JsonDeserializer<Object> {
        private final Method fromMap;

        MappableDeserializer(Method fromMap) {
            this.fromMap = fromMap;
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw new JsonFieldException("body", "must be a JSON object");
            }
            Map<?, ?> map = p.readValueAs(Map.class);
            rejectControlCharacters(map, null);
            try {
                return fromMap.invoke(null, map);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw new IOException(e.getCause());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
