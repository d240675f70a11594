package dev.eventscope.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;

/**
 * Writes a record whose only component is a {@code String value} (an account name, an entry id)
 * as that plain string, so events read {@code "account": "assets:bank"} rather than
 * {@code "account": {"value": "assets:bank"}}. Reading accepts both forms. The record's own
 * constructor still validates the value.
 */
final class ValueRecordModule extends SimpleModule {

    ValueRecordModule() {
        super("eventscope-value-records");
        setSerializerModifier(new BeanSerializerModifier() {
            @Override
            public JsonSerializer<?> modifySerializer(SerializationConfig config, BeanDescription description,
                                                      JsonSerializer<?> serializer) {
                return isValueRecord(description.getBeanClass()) ? new ValueSerializer() : serializer;
            }
        });
        setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                          JsonDeserializer<?> deserializer) {
                Class<?> type = description.getBeanClass();
                return isValueRecord(type) ? new ValueDeserializer(type) : deserializer;
            }
        });
    }

    static boolean isValueRecord(Class<?> type) {
        if (!type.isRecord()) {
            return false;
        }
        RecordComponent[] components = type.getRecordComponents();
        return components.length == 1 && components[0].getName().equals("value") && components[0].getType() == String.class;
    }

    private static final class ValueSerializer extends JsonSerializer<Object> {
        /** The record's accessor, found once per class: {@code getRecordComponents} builds new arrays on every call. */
        private static final ClassValue<java.lang.reflect.Method> ACCESSORS = new ClassValue<>() {
            @Override
            protected java.lang.reflect.Method computeValue(Class<?> type) {
                return type.getRecordComponents()[0].getAccessor();
            }
        };

        @Override
        public void serialize(Object value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            try {
                generator.writeString((String) ACCESSORS.get(value.getClass()).invoke(value));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IOException("cannot read the value of " + value.getClass().getSimpleName(), e);
            }
        }
    }

    private static final class ValueDeserializer extends JsonDeserializer<Object> {
        private final Class<?> type;
        /**
         * The record's constructor, looked up once: {@code getDeclaredConstructor} copies the constructor and
         * {@code setAccessible} checks access on every call, about a twentieth of decoding a posting (docs/postgresql.md).
         */
        private final Constructor<?> constructor;
        private final Exception notUsable;

        ValueDeserializer(Class<?> type) {
            this.type = type;
            Constructor<?> found = null;
            Exception failure = null;
            try {
                found = type.getDeclaredConstructor(String.class);
                found.setAccessible(true);
            } catch (ReflectiveOperationException | RuntimeException e) {
                failure = e;
            }
            this.constructor = failure == null ? found : null;
            this.notUsable = failure;
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text;
            if (parser.currentToken() == JsonToken.VALUE_STRING) {
                text = parser.getText();
            } else {
                JsonNode node = parser.readValueAsTree();
                JsonNode value = node == null ? null : node.get("value");
                if (value == null || !value.isTextual()) {
                    return context.handleUnexpectedToken(type, parser);
                }
                text = value.asText();
            }
            if (constructor == null) {
                throw new IOException("cannot build a " + type.getSimpleName() + " from '" + text + "'", notUsable);
            }
            try {
                return constructor.newInstance(text);
            } catch (InvocationTargetException e) {
                throw new IOException("'" + text + "' is not a valid " + type.getSimpleName() + ": "
                        + e.getCause().getMessage(), e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IOException("cannot build a " + type.getSimpleName() + " from '" + text + "'", e);
            }
        }
    }
}
