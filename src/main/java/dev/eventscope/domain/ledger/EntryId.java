package dev.eventscope.domain.ledger;

import java.util.Objects;

/** The identifier of a journal entry, chosen by whoever issues the command (for example {@code 2024-0042}). */
public record EntryId(String value) implements Comparable<EntryId> {

    public EntryId {
        Objects.requireNonNull(value, "entry id");
        if (value.isBlank()) {
            throw new RequiredValueMissing("entry id");
        }
        value = value.strip();
    }

    public static EntryId of(String value) {
        return new EntryId(value);
    }

    @Override
    public int compareTo(EntryId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
