package dev.eventscope.domain.ledger;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The journal entry aggregate: {@code entry} is null until posted; {@code reversedBy} and
 * {@code reversedOn} are set once another entry reversed it.
 */
public record EntryState(EntryLifecycle lifecycle, JournalEntry entry, EntryId reversedBy, LocalDate reversedOn) {

    /** Schema version of this state's snapshot form. */
    public static final int SCHEMA_VERSION = 1;

    public static final EntryState INITIAL = new EntryState(EntryLifecycle.NOT_POSTED, null, null, null);

    public EntryState {
        Objects.requireNonNull(lifecycle, "lifecycle");
    }
}
