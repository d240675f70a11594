package dev.eventscope.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eventscope.codec.EventCodec;
import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.RecordedEvent;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * A JSON array with one object per event, written as it goes. The event's data is embedded as
 * JSON (decimals keep every digit); data that is not JSON is embedded as a string with a
 * {@code dataError} beside it.
 */
final class JsonHistoryWriter implements HistoryWriter {

    private final ObjectMapper mapper = EventCodec.newObjectMapper();
    private final JsonGenerator json;

    JsonHistoryWriter(PrintWriter out) {
        try {
            this.json = mapper.getFactory().createGenerator(out).useDefaultPrettyPrinter();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    @Override
    public void begin() {
        run(json::writeStartArray);
    }

    @Override
    public void write(RecordedEvent event) {
        run(() -> {
            EventMetadata metadata = event.metadata();
            json.writeStartObject();
            json.writeNumberField("position", event.position());
            json.writeNumberField("version", event.version());
            json.writeStringField("type", event.type());
            json.writeNumberField("schemaVersion", event.schemaVersion());
            json.writeStringField("recordedAt", HistoryWriter.recordedTime(event));
            json.writeStringField("user", metadata.user());
            json.writeStringField("command", metadata.commandName());
            json.writeStringField("correlationId", metadata.correlationId());
            json.writeStringField("causationId", metadata.causationId());
            json.writeStringField("eventId", event.eventId());
            json.writeStringField("hash", event.hash());
            writeData(event.data());
            json.writeEndObject();
        });
    }

    private void writeData(String data) throws IOException {
        JsonNode tree;
        try {
            tree = mapper.readTree(data);
        } catch (JsonProcessingException notJson) {
            json.writeStringField("data", data);
            json.writeStringField("dataError", "not valid JSON: " + notJson.getOriginalMessage());
            return;
        }
        json.writeFieldName("data");
        if (tree == null || tree.isMissingNode()) {
            json.writeNull();
        } else {
            mapper.writeTree(json, tree);
        }
    }

    @Override
    public void end(long count) {
        run(() -> {
            json.writeEndArray();
            json.writeRaw(System.lineSeparator());
            json.flush();
        });
    }

    private interface JsonStep {
        void run() throws IOException;
    }

    private static void run(JsonStep step) {
        try {
            step.run();
        } catch (IOException failed) {
            throw new UncheckedIOException("Could not write JSON: " + failed.getMessage(), failed);
        }
    }
}
