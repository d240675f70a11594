package dev.eventscope.session;

import dev.eventscope.eventstore.AppendListener;
import dev.eventscope.eventstore.AppendResult;
import dev.eventscope.eventstore.BulkAppend;
import dev.eventscope.eventstore.ChainObserver;
import dev.eventscope.eventstore.ConcurrencyConflict;
import dev.eventscope.eventstore.Direction;
import dev.eventscope.eventstore.EventCursor;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.ExpectedVersion;
import dev.eventscope.eventstore.IntegrityReport;
import dev.eventscope.eventstore.RecordedLogins;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.Snapshot;
import dev.eventscope.eventstore.StoredSnapshot;
import dev.eventscope.eventstore.StreamAppend;
import dev.eventscope.eventstore.StreamFilter;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.eventstore.StreamInfo;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The session's store, remembering the positions this session appended (commands, imports, seals, a sandbox's
 * proposals), so a listener told of new positions can tell this process's appends from another process's.
 * Positions are kept as runs (first → last), so an import of 250,000 events is one entry. Everything else is
 * handed to the store unchanged.
 */
final class OwnAppends implements EventStore {

    private static final long WAIT_MILLIS = 5_000;

    private final EventStore store;
    /** First position of each run appended here → its last position. */
    private final TreeMap<Long, Long> runs = new TreeMap<>();
    /** Appends begun here and not yet remembered: the store may announce their positions before they return. */
    private int inFlight;

    OwnAppends(EventStore store) {
        this.store = store;
    }

    /**
     * Whether this session appended the event at {@code position}. Waits (at most {@code WAIT_MILLIS}) for appends
     * still on their way back from the store, which may already have announced their positions: call it off the UI
     * thread.
     */
    synchronized boolean appendedHere(long position) throws InterruptedException {
        long until = System.nanoTime() + WAIT_MILLIS * 1_000_000;
        while (inFlight > 0 && System.nanoTime() < until) {
            wait(Math.max(1, (until - System.nanoTime()) / 1_000_000));
        }
        Map.Entry<Long, Long> run = runs.floorEntry(position);
        return run != null && run.getValue() >= position;
    }

    private synchronized void begin() {
        inFlight++;
    }

    private synchronized void end() {
        inFlight--;
        notifyAll();
    }

    private synchronized AppendResult remember(AppendResult result) {
        if (!result.alreadyStored()) {
            result.positions().forEach(this::remember);
        }
        return result;
    }

    private void remember(long position) {
        Map.Entry<Long, Long> before = runs.floorEntry(position);
        if (before != null && before.getValue() >= position) {
            return;
        }
        long first = before != null && before.getValue() == position - 1 ? before.getKey() : position;
        long last = position;
        Long after = runs.get(position + 1);
        if (after != null) {
            last = runs.remove(position + 1);
        }
        runs.put(first, last);
    }

    @Override
    public AppendResult append(StreamId stream, ExpectedVersion expected, List<NewEvent> events) throws ConcurrencyConflict {
        begin();
        try {
            return remember(store.append(stream, expected, events));
        } finally {
            end();
        }
    }

    @Override
    public AppendResult appendAll(List<StreamAppend> appends) throws ConcurrencyConflict {
        begin();
        try {
            return remember(store.appendAll(appends));
        } finally {
            end();
        }
    }

    @Override
    public BulkAppend beginBulkAppend() {
        BulkAppend bulk = store.beginBulkAppend();
        return new BulkAppend() {
            private final List<AppendResult> pending = new java.util.ArrayList<>();

            @Override
            public AppendResult append(List<StreamAppend> appends) throws ConcurrencyConflict {
                AppendResult result = bulk.append(appends);
                pending.add(result);
                return result;
            }

            @Override
            public void commit() {
                begin();
                try {
                    bulk.commit();
                    pending.forEach(OwnAppends.this::remember);
                    pending.clear();
                } finally {
                    end();
                }
            }

            @Override
            public void close() {
                bulk.close();
            }
        };
    }

    @Override
    public List<RecordedEvent> readStream(StreamId stream, long fromVersion, Direction direction, int limit) {
        return store.readStream(stream, fromVersion, direction, limit);
    }

    @Override
    public void streamStamps(StreamId stream, StampSink sink) {
        store.streamStamps(stream, sink);
    }

    @Override
    public EventCursor readAll(long afterPosition) {
        return store.readAll(afterPosition);
    }

    @Override
    public EventCursor readAll(long afterPosition, Set<String> categories) {
        return store.readAll(afterPosition, categories);
    }

    @Override
    public EventCursor readAllForProjections(long afterPosition, Set<String> categories) {
        return store.readAllForProjections(afterPosition, categories);
    }

    @Override
    public Optional<RecordedEvent> readAt(long position) {
        return store.readAt(position);
    }

    @Override
    public List<StreamInfo> streams(StreamFilter filter) {
        return store.streams(filter);
    }

    @Override
    public long countStreams(StreamFilter filter) {
        return store.countStreams(filter);
    }

    @Override
    public long streamVersion(StreamId stream) {
        return store.streamVersion(stream);
    }

    @Override
    public long lastPosition() {
        return store.lastPosition();
    }

    @Override
    public void snapshots(Consumer<StoredSnapshot> sink) {
        store.snapshots(sink);
    }

    @Override
    public IntegrityReport verify() {
        return store.verify();
    }

    @Override
    public Optional<RecordedLogins> recordedLogins(long position) {
        return store.recordedLogins(position);
    }

    @Override
    public IntegrityReport verify(ChainObserver observer) {
        return store.verify(observer);
    }

    @Override
    public void saveSnapshot(Snapshot snapshot) {
        store.saveSnapshot(snapshot);
    }

    @Override
    public Optional<Snapshot> loadSnapshot(StreamId stream, long maxVersion, int stateSchemaVersion) {
        return store.loadSnapshot(stream, maxVersion, stateSchemaVersion);
    }

    @Override
    public AutoCloseable subscribe(AppendListener listener) {
        return store.subscribe(listener);
    }

    @Override
    public boolean isReadOnly() {
        return store.isReadOnly();
    }

    @Override
    public void close() {
        store.close();
    }
}
