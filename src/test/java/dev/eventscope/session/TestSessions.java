package dev.eventscope.session;

import dev.eventscope.bootstrap.SqliteLedgerStoreFactory;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.projection.sqlite.SqliteReadModelStoreFactory;
import dev.eventscope.projection.sqlite.search.SqliteSearchIndexFactory;

import java.nio.file.Path;

/** Ledger sessions as bootstrap wires them for the desktop app: SQLite ledgers, read models beside them. */
public final class TestSessions {

    public static final LedgerSessions SQLITE = new LedgerSessions(new SqliteLedgerStoreFactory(), new SqliteReadModelStoreFactory(),
            new SqliteSearchIndexFactory());

    private TestSessions() {
    }

    /** A session over a store the test opened; closing the session closes the store. */
    public static LedgerSession of(Path file, EventStore store) {
        return SQLITE.of(file, store);
    }
}
