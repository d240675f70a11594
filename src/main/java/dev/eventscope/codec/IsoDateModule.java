package dev.eventscope.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Writes {@link LocalDate} as an ISO date ({@code "2024-03-31"}) and {@link Instant} as an ISO
 * instant, and reads them back. A few lines of our own instead of jackson-datatype-jsr310, which
 * would be one more dependency for two types.
 */
final class IsoDateModule extends SimpleModule {

    IsoDateModule() {
        super("eventscope-iso-dates");
        addSerializer(LocalDate.class, new ToStringSerializer<>());
        addDeserializer(LocalDate.class, new IsoDeserializer<>(LocalDate.class, IsoDateModule::parseDate, "an ISO date such as 2024-03-31"));
        addSerializer(Instant.class, new ToStringSerializer<>());
        addDeserializer(Instant.class, new IsoDeserializer<>(Instant.class, Instant::parse, "an ISO instant such as 2024-03-31T09:00:00Z"));
    }

    /**
     * {@link LocalDate#parse}, with the form every stored date has ({@code 2024-03-31}) read without the formatter, whose
     * field resolution was a tenth of decoding a posting (docs/postgresql.md); any other text, and a date that does not
     * exist, go to {@link LocalDate#parse}, so the result or the exception is the same ({@code IsoDatesProperties}).
     */
    static LocalDate parseDate(String text) {
        LocalDate date = DateDigits.read(text, "-");
        return date != null ? date : LocalDate.parse(text);
    }

    private static final class ToStringSerializer<T> extends JsonSerializer<T> {
        @Override
        public void serialize(T value, JsonGenerator generator, SerializerProvider serializers) throws IOException {
            generator.writeString(value.toString());
        }
    }

    private static final class IsoDeserializer<T> extends JsonDeserializer<T> {
        private final Class<T> type;
        private final java.util.function.Function<String, T> parser;
        private final String expected;

        IsoDeserializer(Class<T> type, java.util.function.Function<String, T> parser, String expected) {
            this.type = type;
            this.parser = parser;
            this.expected = expected;
        }

        @Override
        public T deserialize(JsonParser json, DeserializationContext context) throws IOException {
            if (json.currentToken() != JsonToken.VALUE_STRING) {
                return type.cast(context.handleUnexpectedToken(type, json));
            }
            String text = json.getText();
            try {
                return parser.apply(text);
            } catch (DateTimeParseException invalid) {
                return type.cast(context.handleWeirdStringValue(type, text, "expected " + expected));
            }
        }
    }
}
