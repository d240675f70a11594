package dev.eventscope.cli;

import dev.eventscope.domain.PrintableText;
import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.RecordedEvent;

import java.io.PrintWriter;

/** One block of lines per event, for people reading a terminal. */
final class TextHistoryWriter implements HistoryWriter {

    private final PrintWriter out;

    TextHistoryWriter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void begin() {
    }

    @Override
    public void write(RecordedEvent event) {
        EventMetadata metadata = event.metadata();
        out.println("#" + event.position() + "  version " + event.version() + "  " + event.type()
                + " (schema " + event.schemaVersion() + ")");
        out.println("  recorded:    " + HistoryWriter.recordedTime(event) + " by " + PrintableText.of(metadata.user()));
        out.println("  command:     " + orDash(metadata.commandName()));
        out.println("  correlation: " + orDash(metadata.correlationId()) + "  causation: " + orDash(metadata.causationId()));
        out.println("  event id:    " + event.eventId());
        out.println("  hash:        " + event.hash());
        // the same JSON, with a bidirectional or invisible character in a string written as its \\uXXXX escape (which
        // reads back as the same text) rather than raw, where it reordered the rest of the line (session 22, adversary2);
        // JSON holds no raw control character, so nothing else changes
        out.println("  data:        " + PrintableText.of(event.data()));
    }

    @Override
    public void end(long count) {
        if (count == 0) {
            out.println("No events.");
        }
        out.flush();
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }
}
