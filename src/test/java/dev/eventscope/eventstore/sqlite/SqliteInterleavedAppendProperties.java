package dev.eventscope.eventstore.sqlite;

import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.InterleavedAppendProperties;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The interleaving properties on a ledger file, with stores in one process sharing it through SQLite's lock. */
class SqliteInterleavedAppendProperties extends InterleavedAppendProperties {

    @Override
    protected LedgerUnderTest newLedger() throws IOException {
        Path directory = Files.createTempDirectory("interleaved-appends");
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
                try (Stream<Path> paths = Files.walk(directory)) {
                    paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                } catch (IOException failure) {
                    throw new UncheckedIOException(failure);
                }
            }
        };
    }
}
