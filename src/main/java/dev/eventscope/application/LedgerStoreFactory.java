package dev.eventscope.application;

import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.EventStoreException;

import java.nio.file.Path;

/**
 * Opens ledgers as event stores, so that the layers above never name a store adapter. A ledger is
 * named by a file path (a SQLite file) or by a {@code postgresql://} URL (a ledger on a server; see
 * {@link #isServerLedger}). Every method throws {@link EventStoreException} with a readable message
 * naming the ledger when it is not a ledger, is from a newer Eventscope, or cannot be opened.
 */
public interface LedgerStoreFactory {

    /**
     * Whether a ledger name given as a path is a server URL such as
     * {@code postgresql://host/db?schema=books} rather than a file. (A path folds the URL's "//" into
     * "/", so the scheme is recognised by its "postgresql:" prefix.)
     */
    static boolean isServerLedger(Path ledger) {
        return ledger.toString().startsWith("postgresql:");
    }

    /**
     * Creates a new, empty ledger and opens it for writing; refuses (writing nothing) a ledger that
     * exists already. This default serves ledger files.
     */
    default EventStore create(Path ledger) {
        if (java.nio.file.Files.exists(ledger)) {
            throw new EventStoreException("There is already a file at " + ledger + "; a new ledger needs a new file name.");
        }
        return open(ledger);
    }

    /**
     * Creates (when missing) a server ledger's writer and auditor roles with the least rights each
     * needs and returns their names, writer first. A ledger file has no roles (its file permissions
     * decide), so this default refuses.
     */
    default java.util.List<String> grantRoles(Path ledger) {
        throw new EventStoreException("Only a PostgreSQL ledger has writer and auditor roles; who may change the ledger file "
                + ledger + " is decided by its file permissions.");
    }

    /** Opens a ledger for reading and writing, creating it when the file does not exist yet. */
    EventStore open(Path file);

    /** Opens an existing ledger without any right to change it (an auditor's view); never creates a file. */
    EventStore openReadOnly(Path file);
}
