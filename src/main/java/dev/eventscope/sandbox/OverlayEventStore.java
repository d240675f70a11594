package dev.eventscope.sandbox;

import dev.eventscope.eventstore.AppendListener;
import dev.eventscope.eventstore.AppendResult;
import dev.eventscope.eventstore.BulkAppend;
import dev.eventscope.eventstore.ConcurrencyConflict;
import dev.eventscope.eventstore.Direction;
import dev.eventscope.eventstore.EventCursor;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.EventStoreException;
import dev.eventscope.eventstore.EventsThrough;
import dev.eventscope.eventstore.IntegrityReport;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.Snapshot;
import dev.eventscope.eventstore.StreamAppend;
import dev.eventscope.eventstore.StreamFilter;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.eventstore.StreamInfo;
import dev.eventscope.session.LedgerSession;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The real ledger's events up to a base position, read-only (read through {@link EventsThrough}, the one read path of a
 * ledger up to a position, shared with the report), with proposed events kept in memory after it:
 * the store a sandbox decides its proposals on, through the same {@code LedgerCommandService} as the real
 * ledger. Appends (single or bulk) only ever go to memory; the real ledger is only read. Proposed events
 * carry no hash (they are in no chain), so {@link #verify()} is refused. The real ledger's snapshots at or below a
 * stream's base version are handed on (they hold exactly the real events the overlay shows), as the real command service
 * would load them; proposed events are never snapshotted.
 */
final class OverlayEventStore implements EventStore {

    /** The real events through the base: every read of them goes through this view. */
    private final EventStore real;
    private final long base;
    private final long recordedAtMicros;
    private final List<RecordedEvent> proposed = new ArrayList<>();
    private final Map<StreamId, List<RecordedEvent>> proposedByStream = new HashMap<>();

    /** The real events up to position {@code base}; proposed events are stamped {@code recordedAtMicros}. */
    OverlayEventStore(LedgerSession real, long base, long recordedAtMicros) {
        this.real = real.eventsThrough(base);
        this.base = base;
        this.recordedAtMicros = recordedAtMicros;
    }

    long basePosition() {
        return base;
    }

    /** The proposed events, in order. */
    List<RecordedEvent> proposedEvents() {
        return List.copyOf(proposed);
    }

    @Override
    public synchronized AppendResult appendAll(List<StreamAppend> appends) throws ConcurrencyConflict {
        Map<StreamId, Long> versions = new LinkedHashMap<>();
        for (StreamAppend append : appends) {
            long actual = streamVersion(append.stream());
            if (!append.expected().isSatisfiedBy(actual)) {
                throw new ConcurrencyConflict(append.stream(), append.expected(), actual);
            }
            versions.put(append.stream(), actual);
        }
        List<Long> positions = new ArrayList<>();
        for (StreamAppend append : appends) {
            long version = versions.get(append.stream());
            for (NewEvent event : append.events()) {
                version++;
                long position = lastPosition() + 1;
                RecordedEvent recorded = new RecordedEvent(position, event.eventId(), append.stream(), version, event.type(),
                        event.schemaVersion(), event.data(), event.metadata(), recordedAtMicros, "");
                proposed.add(recorded);
                proposedByStream.computeIfAbsent(append.stream(), stream -> new ArrayList<>()).add(recorded);
                positions.add(position);
            }
            versions.put(append.stream(), version);
        }
        return new AppendResult(positions, versions, false);
    }

    /** A bulk append into memory: what it appended is taken back unless it is committed. */
    @Override
    public synchronized BulkAppend beginBulkAppend() {
        int mark = proposed.size();
        return new BulkAppend() {
            private boolean committed;

            @Override
            public AppendResult append(List<StreamAppend> appends) throws ConcurrencyConflict {
                return appendAll(appends);
            }

            @Override
            public void commit() {
                committed = true;
            }

            @Override
            public void close() {
                if (!committed) {
                    rollBackTo(mark);
                }
            }
        };
    }

    private synchronized void rollBackTo(int mark) {
        while (proposed.size() > mark) {
            RecordedEvent dropped = proposed.remove(proposed.size() - 1);
            List<RecordedEvent> stream = proposedByStream.get(dropped.streamId());
            stream.remove(stream.size() - 1);
            if (stream.isEmpty()) {
                proposedByStream.remove(dropped.streamId());
            }
        }
    }

    @Override
    public synchronized List<RecordedEvent> readStream(StreamId stream, long fromVersion, Direction direction, int limit) {
        List<RecordedEvent> mine = proposedByStream.getOrDefault(stream, List.of());
        List<RecordedEvent> wanted = new ArrayList<>();
        if (direction == Direction.FORWARD) {
            // the real events through the base come first, the proposed ones after them
            wanted.addAll(real.readStream(stream, fromVersion, Direction.FORWARD, limit));
            for (RecordedEvent event : mine) {
                if (event.version() >= fromVersion && wanted.size() < limit) {
                    wanted.add(event);
                }
            }
            return wanted;
        }
        for (int i = mine.size() - 1; i >= 0 && wanted.size() < limit; i--) {
            if (mine.get(i).version() <= fromVersion) {
                wanted.add(mine.get(i));
            }
        }
        if (wanted.size() < limit) {
            wanted.addAll(real.readStream(stream, fromVersion, Direction.BACKWARD, limit - wanted.size()));
        }
        return wanted;
    }

    /** The stream's version at the base position. */
    private long baseVersion(StreamId stream) {
        return real.streamVersion(stream);
    }

    @Override
    public EventCursor readAll(long afterPosition) {
        // the real events through the base (the view stops there), then the proposed ones after afterPosition
        List<RecordedEvent> mine = proposedEvents().stream().filter(event -> event.position() > afterPosition).toList();
        return EventCursor.concat(real.readAll(afterPosition), mine.iterator());
    }

    @Override
    public synchronized Optional<RecordedEvent> readAt(long position) {
        if (position <= base) {
            return real.readAt(position);
        }
        int index = (int) (position - base - 1);
        return index < proposed.size() ? Optional.of(proposed.get(index)) : Optional.empty();
    }

    @Override
    public synchronized List<StreamInfo> streams(StreamFilter filter) {
        TreeMap<StreamId, StreamInfo> streams = new TreeMap<>();
        for (StreamInfo info : real.streams(filter)) {
            streams.put(info.streamId(), info);
        }
        Pattern names = filter.namePattern() == null ? null : glob(filter.namePattern());
        for (Map.Entry<StreamId, List<RecordedEvent>> stream : proposedByStream.entrySet()) {
            StreamId id = stream.getKey();
            if ((filter.category() == null || filter.category().equals(id.category()))
                    && (names == null || names.matcher(id.value()).matches())) {
                RecordedEvent last = stream.getValue().get(stream.getValue().size() - 1);
                streams.put(id, new StreamInfo(id, id.category(), last.version(), last.position()));
            }
        }
        return List.copyOf(streams.values());
    }

    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString());
    }

    @Override
    public synchronized long streamVersion(StreamId stream) {
        List<RecordedEvent> mine = proposedByStream.get(stream);
        return mine == null ? baseVersion(stream) : mine.get(mine.size() - 1).version();
    }

    @Override
    public synchronized long lastPosition() {
        return base + proposed.size();
    }

    @Override
    public IntegrityReport verify() {
        throw new EventStoreException("A sandbox's proposed events are in no hash chain; verify the real ledger instead.");
    }

    @Override
    public void saveSnapshot(Snapshot snapshot) {
        // proposals are few: their aggregates are replayed, never snapshotted
    }

    @Override
    public synchronized Optional<Snapshot> loadSnapshot(StreamId stream, long maxVersion, int stateSchemaVersion) {
        return real.loadSnapshot(stream, maxVersion, stateSchemaVersion);
    }

    @Override
    public AutoCloseable subscribe(AppendListener listener) {
        return () -> { };
    }

    @Override
    public boolean isReadOnly() {
        return false;
    }

    @Override
    public void close() {
        // the real ledger belongs to its session
    }
}
