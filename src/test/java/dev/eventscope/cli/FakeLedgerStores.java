package dev.eventscope.cli;

import dev.eventscope.application.LedgerStoreFactory;
import dev.eventscope.eventstore.Direction;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.EventStoreException;
import dev.eventscope.eventstore.ForwardingEventStore;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Real ledger files (SQLite) that the test made known; any other path is "not a ledger", as the real
 * store says of such a file. Records how each ledger was opened, and what the command did with it.
 */
final class FakeLedgerStores implements LedgerStoreFactory {

    private final Set<Path> ledgers = new HashSet<>();
    private final List<String> openings = new ArrayList<>();
    private final List<RecordingStore> opened = new ArrayList<>();

    FakeLedgerStores with(Path file) {
        ledgers.add(file);
        return this;
    }

    /** "read-only FILE" or "read-write FILE", in the order the command opened them. */
    List<String> openings() {
        return openings;
    }

    List<RecordingStore> opened() {
        return opened;
    }

    @Override
    public EventStore open(Path file) {
        openings.add("read-write " + file);
        return recorded(SqliteEventStore.open(known(file)));
    }

    @Override
    public EventStore openReadOnly(Path file) {
        openings.add("read-only " + file);
        return recorded(SqliteEventStore.openReadOnly(known(file)));
    }

    private RecordingStore recorded(EventStore store) {
        RecordingStore recording = new RecordingStore(store);
        opened.add(recording);
        return recording;
    }

    private Path known(Path file) {
        if (!ledgers.contains(file)) {
            throw new EventStoreException("The file " + file + " is not an Eventscope ledger.");
        }
        return file;
    }

    /** A real store that counts the stream pages read and knows whether it was closed. */
    static final class RecordingStore extends ForwardingEventStore {
        private int readStreamCalls;
        private boolean closed;

        RecordingStore(EventStore store) {
            super(store);
        }

        @Override
        public List<RecordedEvent> readStream(StreamId stream, long fromVersion, Direction direction, int limit) {
            readStreamCalls++;
            return super.readStream(stream, fromVersion, direction, limit);
        }

        @Override
        public void close() {
            closed = true;
            super.close();
        }

        int readStreamCalls() {
            return readStreamCalls;
        }

        boolean isClosed() {
            return closed;
        }
    }
}
