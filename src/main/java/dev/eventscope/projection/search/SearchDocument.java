package dev.eventscope.projection.search;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One event as the search index keeps it: its position, stream, stream category, type, user, command and
 * recorded time, the business date, account, amount and entry id it carries (each null when it has none),
 * and the text that full-text search matches (type, stream, user, command and every value of its data).
 */
public record SearchDocument(long position, String streamId, String category, String type, String user, String command,
                             long recordedAtMicros, LocalDate entryDate, String account, BigDecimal amount, String entryId,
                             String text) {

    public SearchDocument {
        Objects.requireNonNull(streamId, "stream id");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(text, "text");
    }
}
