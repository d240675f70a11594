package dev.eventscope.session;

import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.EventStoreContract;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The session's store ({@link OwnAppends}: a SQLite store that remembers its own appends) keeps the whole store contract. */
class OwnAppendsContractTest extends EventStoreContract {

    @TempDir
    Path folder;

    @Override
    protected EventStore newStore() {
        return new OwnAppends(SqliteEventStore.open(folder.resolve("contract.ledger")));
    }
}
