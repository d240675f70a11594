package dev.eventscope.application;

import dev.eventscope.eventstore.EventStore;

import java.nio.file.Path;

/**
 * Opens ledger files as event stores, so that the layers above never name a store adapter.
 * Both methods throw {@link dev.eventscope.eventstore.EventStoreException} with a readable
 * message when the file cannot be opened (not a ledger, from a newer Eventscope, missing, damaged).
 */
public interface LedgerStoreFactory {

    /** Opens a ledger for reading and writing, creating an empty one when the file does not exist. */
    EventStore open(Path file);

    /** Opens an existing ledger read-only (an auditor's view); nothing can be appended through it. */
    EventStore openReadOnly(Path file);
}
