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

    private final EventStore store;
    /** First position of each run appended here → its last position. */
    private final TreeMap<Long, Long> runs = new TreeMap<>();
    /**
     * Tickets of the appends begun here and not yet remembered (nor failed): the store may announce their positions
     * before they return.
     */
    private final java.util.TreeSet<Long> inFlight = new java.util.TreeSet<>();
    /** The ticket the next append begun here gets. */
    private long nextTicket;

    OwnAppends(EventStore store) {
        this.store = store;
    }

    /**
     * Whether this session appended the event at {@code position}. Waits, without a time limit, for the appends begun
     * here before this call that have not returned yet (they may already have announced their positions); every
     * append ends, by returning or failing, so the wait does too. Appends begun after this call are not waited for,
     * so a stream of them cannot keep it waiting. Call it off the UI thread; an interrupt ends the wait.
     */
    synchronized boolean appendedHere(long position) throws InterruptedException {
        long begunBefore = nextTicket;
        while (!inFlight.isEmpty() && inFlight.first() < begunBefore) {
            wait();
        }
        Map.Entry<Long, Long> run = runs.floorEntry(position);
        return run != null && run.getValue() >= position;
    }

    private synchronized long begin() {
        long ticket = nextTicket++;
        inFlight.add(ticket);
        return ticket;
    }

    private synchronized void end(long ticket) {
        inFlight.remove(ticket);
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
        long ticket = begin();
        try {
            return remember(store.append(stream, expected, events));
        } finally {
            end(ticket);
        }
    }

    @Override
    public AppendResult appendAll(List<StreamAppend> appends) throws ConcurrencyConflict {
        long ticket = begin();
        try {
            return remember(store.appendAll(appends));
        } finally {
            end(ticket);
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
                long ticket = begin();
                try {
                    bulk.commit();
                    pending.forEach(OwnAppends.this::remember);
                    pending.clear();
                } finally {
                    end(ticket);
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
