package dev.eventscope.eventstore;

/**
 * A store that can take in a whole ledger as it was recorded ({@code eventscope copy}): every event
 * keeps its position, event id, version, recorded time, metadata and hash. Both store adapters offer it,
 * so a ledger moves either way between them.
 */
public interface LedgerCopyTarget {

    /**
     * Copies every event of {@code source} as recorded into this ledger, which must be empty: all or
     * nothing, reading the source through its constant-memory cursor. Refuses, with one sentence naming
     * {@code sourceName} and the position, a source whose chain is broken. Returns the number of events copied.
     */
    long copyFrom(EventStore source, String sourceName);
}
