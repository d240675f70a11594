package dev.eventscope.projection;

import dev.eventscope.eventstore.EventStore;

import java.nio.file.Path;
import java.util.List;

/**
 * Opens the read models of a ledger: in the ledger file itself when it may be written, otherwise in a
 * separate cache file (a read-only ledger file's, or a server ledger's, per user and ledger id, so that
 * reading never writes to the server). {@code bootstrap} hands the implementation to the ledger sessions,
 * so the layers above never name a store adapter. Throws {@link ReadModelException} when they cannot be opened.
 */
public interface ReadModelStoreFactory {

    /** The read models of {@code ledger}, whose events {@code store} (opened already) holds. */
    ReadModelStore open(Path ledger, EventStore store);

    /**
     * The read models kept inside the ledger file itself (by the desktop app, or any writer that opened it), opened only
     * to be read, at one snapshot of the file, for the command line's questions (session 24); empty where the ledger
     * keeps none, or they are not this user's to trust as the app would (a file they may not write). Whether they are
     * current the caller asks ({@link Projections#current()}) before it reads them; it closes them.
     */
    default java.util.Optional<ReadModelStore> openOwnToRead(Path ledger, EventStore store) {
        return java.util.Optional.empty();
    }

    /**
     * The balances registers kept for {@code ledger} (in it, and in this user's cache for it), opened for one read each,
     * for {@code verify} to compare with the events (session 19); none where the factory keeps none. The caller closes
     * them.
     */
    default List<RecordedRegister> registers(Path ledger) {
        return List.of();
    }

    /**
     * As {@link #registers(Path)}, for the ledger whose events {@code store} holds: a server ledger's read models are
     * kept in a cache per ledger id and user, which only the opened store can name (session 19, adversary2).
     */
    default List<RecordedRegister> registers(Path ledger, EventStore store) {
        return registers(ledger);
    }
}
