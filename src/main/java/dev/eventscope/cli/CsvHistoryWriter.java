package dev.eventscope.cli;

import dev.eventscope.audit.CsvWriter;
import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.RecordedEvent;

import java.io.PrintWriter;

/** A header row and one CSV record per event; the data column holds the stored JSON text. */
final class CsvHistoryWriter implements HistoryWriter {

    private final CsvWriter csv;

    CsvHistoryWriter(PrintWriter out) {
        this.csv = new CsvWriter(out);
    }

    @Override
    public void begin() {
        csv.writeRecord("position", "version", "type", "schema_version", "recorded_at", "user", "command",
                "correlation_id", "causation_id", "event_id", "hash", "data");
    }

    @Override
    public void write(RecordedEvent event) {
        EventMetadata metadata = event.metadata();
        csv.writeRecord(Long.toString(event.position()), Long.toString(event.version()), event.type(),
                Integer.toString(event.schemaVersion()), HistoryWriter.recordedTime(event), metadata.user(),
                metadata.commandName(), metadata.correlationId(), metadata.causationId(), event.eventId(),
                event.hash(), event.data());
    }

    @Override
    public void end(long count) {
        csv.flush();
    }
}
