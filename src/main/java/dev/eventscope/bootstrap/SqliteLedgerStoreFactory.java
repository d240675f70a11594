package dev.eventscope.bootstrap;

import dev.eventscope.application.LedgerStoreFactory;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;

import java.nio.file.Path;

/** Opens ledgers as SQLite files; the one place where the desktop app meets the SQLite adapter. */
public final class SqliteLedgerStoreFactory implements LedgerStoreFactory {

    @Override
    public EventStore open(Path file) {
        return SqliteEventStore.open(file);
    }

    /** A new ledger file; one that exists, or that another process creates meanwhile, is refused and left as it is. */
    @Override
    public EventStore create(Path file) {
        return SqliteEventStore.create(file);
    }

    @Override
    public EventStore openReadOnly(Path file) {
        return SqliteEventStore.openReadOnly(file);
    }
}
