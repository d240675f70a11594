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

    /**
     * The name of a server ledger from a URL and a user as a person typed them (the user replaces the
     * URL's, when given); refuses, with one sentence, text that is not a server ledger URL or holds a password.
     * This default knows no server ledgers.
     */
    default Path serverLedger(String url, String user) {
        throw new EventStoreException("'" + url + "' is not a ledger this Eventscope can open from a server.");
    }

    /**
     * Opens an existing server ledger with a password a person typed, held in memory for this store's
     * connections only and never saved; an empty password means {@code PGPASSWORD} or {@code ~/.pgpass}.
     * This default knows no server ledgers.
     */
    default EventStore openServer(Path ledger, boolean readOnly, char[] password) {
        throw new EventStoreException(ledger + " is not a server ledger; a ledger file takes no password.");
    }

    /** The ledger's name as a person writes it: a server URL with its "//" (which a path folds into "/"), a file as it is. */
    static String displayName(Path ledger) {
        String text = ledger.toString();
        return isServerLedger(ledger) && text.startsWith("postgresql:/") && !text.startsWith("postgresql://")
                ? "postgresql://" + text.substring("postgresql:/".length()) : text;
    }

    /** Opens a ledger for reading and writing, creating it when the file does not exist yet. */
    EventStore open(Path file);

    /** Opens an existing ledger without any right to change it (an auditor's view); never creates a file. */
    EventStore openReadOnly(Path file);
}
