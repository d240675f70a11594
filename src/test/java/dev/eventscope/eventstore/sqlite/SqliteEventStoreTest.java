package dev.eventscope.eventstore.sqlite;

import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.EventStoreContract;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The SQLite store keeps every promise of the store contract. */
class SqliteEventStoreTest extends EventStoreContract {

    @TempDir
    Path folder;

    @Override
    protected EventStore newStore() {
        return SqliteEventStore.open(folder.resolve("contract.ledger"));
    }
}
