package dev.eventscope.application;

import dev.eventscope.domain.ledger.EntryId;

import java.util.function.Supplier;

/**
 * A command that may need ids for new journal entries, built once the service can hand them out:
 * inside the write transaction, where no other writer can take the same id meanwhile. A command
 * whose ids were given by the user simply ignores {@code newEntryIds}.
 */
@FunctionalInterface
public interface CommandDraft {

    /** The command; each call of {@code newEntryIds} gives a free {@code E000123}-style id. */
    Object build(Supplier<EntryId> newEntryIds);

    /** A command that needs no new ids. */
    static CommandDraft of(Object command) {
        return newEntryIds -> command;
    }
}
