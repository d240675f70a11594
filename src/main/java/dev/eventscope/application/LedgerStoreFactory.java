package dev.eventscope.application;

import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.EventStoreException;

import java.nio.file.Path;

/**
 * Opens ledger files as event stores, so that the layers above never name a store adapter. Both
 * methods throw {@link EventStoreException} with a readable message naming the file when it is not
 * a ledger, is from a newer Eventscope, or cannot be opened.
 */
public interface LedgerStoreFactory {

    /** Opens a ledger for reading and writing, creating it when the file does not exist yet. */
    EventStore open(Path file);

    /** Opens an existing ledger without any right to change it (an auditor's view); never creates a file. */
    EventStore openReadOnly(Path file);
}
