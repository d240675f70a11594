package dev.eventscope.bootstrap;

import dev.eventscope.application.LedgerStoreFactory;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;

import java.nio.file.Path;

/** Opens ledger files with the embedded SQLite store. */
final class SqliteLedgerStoreFactory implements LedgerStoreFactory {

    @Override
    public EventStore open(Path file) {
        return SqliteEventStore.open(file);
    }

    @Override
    public EventStore openReadOnly(Path file) {
        return SqliteEventStore.openReadOnly(file);
    }
}
