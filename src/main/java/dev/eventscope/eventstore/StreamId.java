package dev.eventscope.eventstore;

import java.util.Objects;

/**
 * The name of a stream, such as {@code ledger} or {@code account-assets:bank}. The category is
 * the part before the first {@code '-'} (the whole name when there is none).
 */
public record StreamId(String value) implements Comparable<StreamId> {

    public StreamId {
        Objects.requireNonNull(value, "stream id");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a stream id cannot be blank");
        }
    }

    public static StreamId of(String value) {
        return new StreamId(value);
    }

    /** The stream's category: {@code account} for {@code account-assets:bank}. */
    public String category() {
        int dash = value.indexOf('-');
        return dash < 0 ? value : value.substring(0, dash);
    }

    @Override
    public int compareTo(StreamId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
