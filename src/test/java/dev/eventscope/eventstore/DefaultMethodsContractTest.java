package dev.eventscope.eventstore;

import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * The default methods of {@link EventStore} keep the contract too: the whole suite runs through a
 * store that overrides none of them ({@code append}, {@code streamStamps}, {@code readAll} by
 * category, {@code countStreams}, {@code verify} with an observer, {@code snapshots}), on top of a
 * real SQLite store.
 */
class DefaultMethodsContractTest extends EventStoreContract {

    @TempDir
    Path folder;

    @Override
    protected EventStore newStore() {
        return new ForwardingEventStore(SqliteEventStore.open(folder.resolve("contract.ledger")));
    }
}
