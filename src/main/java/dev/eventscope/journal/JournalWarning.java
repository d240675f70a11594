package dev.eventscope.journal;

import java.util.Objects;

/** Something the reader skipped or guessed at, with where: e.g. an unsupported {@code P} directive. */
public record JournalWarning(SourceLocation location, String message) {

    public JournalWarning {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return location + ": " + message;
    }
}
