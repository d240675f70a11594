package dev.eventscope.audit.tests;

import java.util.List;
import java.util.Objects;

/**
 * One entry a test flags: which test, the entry, the position of its {@code EntryPosted} event (the one a
 * link opens), the positions of all its events, and why, in one sentence.
 */
public record FlaggedEntry(String test, String entryId, long position, List<Long> positions, String reason) {

    public FlaggedEntry {
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(entryId, "entry id");
        Objects.requireNonNull(reason, "reason");
        positions = List.copyOf(positions);
    }

    static FlaggedEntry of(JournalEntryTest test, EntryFacts entry, String reason) {
        return new FlaggedEntry(test.name(), entry.entryId(), entry.position(), entry.positions(), reason);
    }
}
