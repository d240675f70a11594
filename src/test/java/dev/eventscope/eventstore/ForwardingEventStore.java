package dev.eventscope.eventstore;

import java.util.List;
import java.util.Optional;

/**
 * An {@link EventStore} that hands only the interface's abstract methods to another store, so that
 * every default method of the interface runs as written, on top of a real store. The contract suite
 * runs through it ({@code DefaultMethodsContractTest}); tests extend it to make a store misbehave.
 */
public class ForwardingEventStore implements EventStore {

    private final EventStore delegate;

    public ForwardingEventStore(EventStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public AppendResult appendAll(List<StreamAppend> appends) throws ConcurrencyConflict {
        return delegate.appendAll(appends);
    }

    @Override
    public BulkAppend beginBulkAppend() {
        return delegate.beginBulkAppend();
    }

    @Override
    public List<RecordedEvent> readStream(StreamId stream, long fromVersion, Direction direction, int limit) {
        return delegate.readStream(stream, fromVersion, direction, limit);
    }

    @Override
    public EventCursor readAll(long afterPosition) {
        return delegate.readAll(afterPosition);
    }

    @Override
    public Optional<RecordedEvent> readAt(long position) {
        return delegate.readAt(position);
    }

    @Override
    public List<StreamInfo> streams(StreamFilter filter) {
        return delegate.streams(filter);
    }

    @Override
    public long streamVersion(StreamId stream) {
        return delegate.streamVersion(stream);
    }

    @Override
    public long lastPosition() {
        return delegate.lastPosition();
    }

    @Override
    public IntegrityReport verify() {
        return delegate.verify();
    }

    @Override
    public void saveSnapshot(Snapshot snapshot) {
        delegate.saveSnapshot(snapshot);
    }

    @Override
    public Optional<Snapshot> loadSnapshot(StreamId stream, long maxVersion, int stateSchemaVersion) {
        return delegate.loadSnapshot(stream, maxVersion, stateSchemaVersion);
    }

    @Override
    public AutoCloseable subscribe(AppendListener listener) {
        return delegate.subscribe(listener);
    }

    @Override
    public boolean isReadOnly() {
        return delegate.isReadOnly();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
