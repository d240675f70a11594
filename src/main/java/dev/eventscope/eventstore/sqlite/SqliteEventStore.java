package dev.eventscope.eventstore.sqlite;

import dev.eventscope.eventstore.*;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** STUB: replaced by the real store. Signatures are final. */
public final class SqliteEventStore implements EventStore {

    /** Opens (creating it when the path does not exist) a ledger for reading and writing, synchronous=FULL. */
    public static SqliteEventStore open(Path file) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Opens with explicit options. */
    public static SqliteEventStore open(Path file, SqliteOptions options) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Opens an existing ledger read-only at the connection level (an auditor's view). */
    public static SqliteEventStore openReadOnly(Path file) {
        throw new UnsupportedOperationException("not yet");
    }

    public Path file() { throw new UnsupportedOperationException(); }
    @Override public AppendResult appendAll(List<StreamAppend> appends) { throw new UnsupportedOperationException(); }
    @Override public List<RecordedEvent> readStream(StreamId stream, long fromVersion, Direction direction, int limit) { throw new UnsupportedOperationException(); }
    @Override public EventCursor readAll(long afterPosition) { throw new UnsupportedOperationException(); }
    @Override public Optional<RecordedEvent> readAt(long position) { throw new UnsupportedOperationException(); }
    @Override public List<StreamInfo> streams(StreamFilter filter) { throw new UnsupportedOperationException(); }
    @Override public long streamVersion(StreamId stream) { throw new UnsupportedOperationException(); }
    @Override public long lastPosition() { throw new UnsupportedOperationException(); }
    @Override public IntegrityReport verify() { throw new UnsupportedOperationException(); }
    @Override public void saveSnapshot(Snapshot snapshot) { throw new UnsupportedOperationException(); }
    @Override public Optional<Snapshot> loadSnapshot(StreamId stream, long maxVersion, int stateSchemaVersion) { throw new UnsupportedOperationException(); }
    @Override public AutoCloseable subscribe(AppendListener listener) { throw new UnsupportedOperationException(); }
    @Override public boolean isReadOnly() { throw new UnsupportedOperationException(); }
    @Override public void close() { }
}
