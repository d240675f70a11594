package dev.eventscope.journal;

import java.util.Objects;

/** Where something was read: a file name as given to the reader and a 1-based line number. */
public record SourceLocation(String file, int line) {

    public SourceLocation {
        Objects.requireNonNull(file, "file");
    }

    @Override
    public String toString() {
        return file + ":" + line;
    }
}
