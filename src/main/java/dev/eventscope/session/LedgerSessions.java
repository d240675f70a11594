package dev.eventscope.session;

import dev.eventscope.application.BookkeepingCodec;
import dev.eventscope.application.LedgerStoreFactory;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.projection.BuiltInProjections;
import dev.eventscope.projection.Projections;
import dev.eventscope.projection.ReadModelStore;
import dev.eventscope.projection.ReadModelStoreFactory;
import dev.eventscope.projection.search.SearchIndexFactory;
import dev.eventscope.projection.ReadModelException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Opens {@link LedgerSession}s. Built by {@code bootstrap} with the store adapter, the read-model adapter and
 * the search-index adapter it chose, so the desktop app and the command line never name an adapter. The read
 * models live in the ledger file when it may be written, else in the user's cache file (a read-only file's, or a
 * server ledger's per user and ledger id), as the read-model adapter decides.
 * Opening throws {@link dev.eventscope.eventstore.EventStoreException} with a readable message naming the
 * ledger when it is not one, is from a newer Eventscope, or cannot be opened.
 */
public final class LedgerSessions {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerSessions.class);

    private final LedgerStoreFactory stores;
    private final ReadModelStoreFactory readModelStores;
    private final SearchIndexFactory searchIndexes;
    private final BiFunction<EventStore, ReadModelStore, Projections> projections;

    /** Sessions with the built-in projections. */
    public LedgerSessions(LedgerStoreFactory stores, ReadModelStoreFactory readModelStores, SearchIndexFactory searchIndexes) {
        this(stores, readModelStores, searchIndexes,
                (store, readModels) -> new Projections(store, BookkeepingCodec.create(), readModels,
                        BuiltInProjections.forStore(readModels)));
    }

    /** Sessions whose projection engine {@code projections} builds (for tests and tools). */
    public LedgerSessions(LedgerStoreFactory stores, ReadModelStoreFactory readModelStores, SearchIndexFactory searchIndexes,
                          BiFunction<EventStore, ReadModelStore, Projections> projections) {
        this.stores = Objects.requireNonNull(stores, "stores");
        this.readModelStores = Objects.requireNonNull(readModelStores, "readModelStores");
        this.searchIndexes = Objects.requireNonNull(searchIndexes, "searchIndexes");
        this.projections = Objects.requireNonNull(projections, "projections");
    }

    /** Opens a ledger for reading and writing, creating the file when it does not exist yet. */
    public LedgerSession open(Path ledger) {
        return of(ledger, stores.open(ledger));
    }

    /** Opens an existing ledger without any right to change it; never creates a file. */
    public LedgerSession openReadOnly(Path ledger) {
        return of(ledger, stores.openReadOnly(ledger));
    }

    /**
     * Opens an existing ledger without any right to change it, to answer questions (the command line's read commands,
     * session 24): its read models are those the ledger file holds itself (kept there by the app), read at one snapshot
     * of the file, when they are current (what {@link Projections#current()} says) and the file is one this user may
     * write, so that the app would trust them too; otherwise, and for a server ledger, as {@link #openReadOnly}: the
     * user's cache, built or caught up from the events. Never writes to the ledger; never creates a file.
     */
    public LedgerSession openToAsk(Path ledger) {
        EventStore store = stores.openReadOnly(ledger);
        LedgerReadModels readModels = new LedgerReadModels(store, () -> readModelsToAsk(ledger, store), searchIndexes);
        return new LedgerSession(ledger, store, readModels, () -> readModelStores.registers(ledger, store));
    }

    private Projections readModelsToAsk(Path ledger, EventStore store) {
        Optional<ReadModelStore> own = readModelStores.openOwnToRead(ledger, store);
        if (own.isPresent()) {
            try {
                Projections engine = projections.apply(store, own.get());
                if (engine.current()) {
                    return engine;
                }
                LOG.debug("The read models in {} are not current; the cache is used.", dev.eventscope.domain.PrintableText.of(ledger));
            } catch (ReadModelException unreadable) {
                LOG.info("The read models in {} could not be read ({}); the cache is used.", dev.eventscope.domain.PrintableText.of(ledger),
                        dev.eventscope.domain.PrintableText.of(unreadable.getMessage()));
            }
            own.get().close();
        }
        return projections.apply(store, readModelStores.open(ledger, store));
    }

    /** Creates a new, empty ledger and opens it; refuses (writing nothing) a ledger that exists already. */
    public LedgerSession create(Path ledger) {
        return of(ledger, stores.create(ledger));
    }

    /**
     * Creates (when missing) a server ledger's writer and auditor roles and returns their names, writer first;
     * a ledger file has none (its file permissions decide), so it is refused with a sentence saying so.
     */
    public List<String> grantRoles(Path ledger) {
        return stores.grantRoles(ledger);
    }

    /** Whether a ledger name is a server ledger's URL rather than a file (for the views, which never see the store factory). */
    public static boolean isServerLedger(Path ledger) {
        return LedgerStoreFactory.isServerLedger(ledger);
    }

    /** The ledger's name as a person writes it: a server URL with its "//", a file path as it is. */
    public static String displayName(Path ledger) {
        return LedgerStoreFactory.displayName(ledger);
    }

    /** A server ledger's name from a URL and a user as typed (see {@link LedgerStoreFactory#serverLedger}). */
    public Path serverLedger(String url, String user) {
        return stores.serverLedger(url, user);
    }

    /** Opens a server ledger with a typed password, kept in memory for this session only (never saved). */
    public LedgerSession openServer(Path ledger, boolean readOnly, char[] password) {
        return of(ledger, stores.openServer(ledger, readOnly, password));
    }

    /**
     * Connects to a server ledger read-only and closes it again, for a "test connection" button: returns the
     * number of events it holds, or throws {@link dev.eventscope.eventstore.EventStoreException} with the sentence
     * that says what is wrong (unreachable, wrong password, not a ledger, no permission...).
     */
    public long testConnection(Path ledger, char[] password) {
        try (EventStore store = stores.openServer(ledger, true, password)) {
            return store.lastPosition();
        }
    }

    /** A session over a store opened already; closing the session closes the store. */
    public LedgerSession of(Path ledger, EventStore store) {
        LedgerReadModels readModels = new LedgerReadModels(store,
                () -> projections.apply(store, readModelStores.open(ledger, store)), searchIndexes);
        return new LedgerSession(ledger, store, readModels, () -> readModelStores.registers(ledger, store));
    }
}
