package dev.eventscope.eventstore.sqlite;

import dev.eventscope.testing.TemporaryFolders;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.InterleavedAppendProperties;

import java.io.IOException;
import java.nio.file.Path;

/** The interleaving properties on a ledger file, with stores in one process sharing it through SQLite's lock. */
class SqliteInterleavedAppendProperties extends InterleavedAppendProperties {

    @Override
    protected LedgerUnderTest newLedger() throws IOException {
        TemporaryFolders folders = new TemporaryFolders();
        Path directory = folders.create("interleaved-appends");
        Path file = directory.resolve("ledger.sqlite");
        // NORMAL keeps each try fast; atomicity and ordering do not depend on fsync.
        SqliteOptions options = SqliteOptions.defaults().withSynchronous(SqliteOptions.Synchronous.NORMAL);
        return new LedgerUnderTest() {
            @Override
            public EventStore open() {
                return SqliteEventStore.open(file, options);
            }

            @Override
            public void close() {
                folders.deleteAll();
            }
        };
    }
}
