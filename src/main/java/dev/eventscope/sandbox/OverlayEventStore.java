package dev.eventscope.sandbox;

import dev.eventscope.eventstore.AppendListener;
import dev.eventscope.eventstore.AppendResult;
import dev.eventscope.eventstore.BulkAppend;
import dev.eventscope.eventstore.ConcurrencyConflict;
import dev.eventscope.eventstore.Direction;
import dev.eventscope.eventstore.EventCursor;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.EventStoreException;
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
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The real ledger's events up to a base position, read-only, with proposed events kept in memory after it:
 * the store a sandbox decides its proposals on, through the same {@code LedgerCommandService} as the real
 * ledger. Appends (single or bulk) only ever go to memory; the real ledger is only read. Proposed events
 * carry no hash (they are in no chain), so {@link #verify()} is refused. The real ledger's snapshots at or below a
 * stream's base version are handed on (they hold exactly the real events the overlay shows), as the real command service
 * would load them; proposed events are never snapshotted.
 */
final class OverlayEventStore implements EventStore {

    private static final int PAGE = 1_000;

    private final LedgerSession real;
    private final long base;
    private final long recordedAtMicros;
    private final List<RecordedEvent> proposed = new ArrayList<>();
    private final Map<StreamId, Long> baseVersions = new HashMap<>();
    private final Map<StreamId, List<RecordedEvent>> proposedByStream = new HashMap<>();

    /** The real events up to position {@code base}; proposed events are stamped {@code recordedAtMicros}. */
    OverlayEventStore(LedgerSession real, long base, long recordedAtMicros) {
        this.real = real;
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
        List<RecordedEvent> all = new ArrayList<>();
        long baseVersion = baseVersion(stream);
        long next = direction == Direction.FORWARD ? Math.max(1, fromVersion) : 1;
        while (next <= baseVersion) {
            List<RecordedEvent> page = real.readStream(stream, next, Direction.FORWARD, (int) Math.min(PAGE, baseVersion - next + 1));
            if (page.isEmpty()) {
                break;
            }
            all.addAll(page);
            next = page.get(page.size() - 1).version() + 1;
            if (direction == Direction.FORWARD && all.size() >= limit) {
                break;
            }
        }
        all.addAll(proposedByStream.getOrDefault(stream, List.of()));
        List<RecordedEvent> wanted = new ArrayList<>();
        if (direction == Direction.FORWARD) {
            for (RecordedEvent event : all) {
                if (event.version() >= fromVersion && wanted.size() < limit) {
                    wanted.add(event);
                }
            }
        } else {
            for (int i = all.size() - 1; i >= 0 && wanted.size() < limit; i--) {
                if (all.get(i).version() <= fromVersion) {
                    wanted.add(all.get(i));
                }
            }
        }
        return wanted;
    }

    /** The stream's version at the base position (its real events are a prefix of its versions). */
    private long baseVersion(StreamId stream) {
        Long known = baseVersions.get(stream);
        if (known != null) {
            return known;
        }
        long version = 0;
        if (real.streamVersion(stream) > 0) {
            long next = 1;
            outer:
            while (true) {
                List<RecordedEvent> page = real.readStream(stream, next, Direction.FORWARD, PAGE);
                for (RecordedEvent event : page) {
                    if (event.position() > base) {
                        break outer;
                    }
                    version = event.version();
                }
                if (page.size() < PAGE) {
                    break;
                }
                next = version + 1;
            }
        }
        baseVersions.put(stream, version);
        return version;
    }

    @Override
    public EventCursor readAll(long afterPosition) {
        EventCursor realEvents = real.readAll(Math.min(afterPosition, base));
        List<RecordedEvent> mine = proposedEvents();
        return new EventCursor() {
            private boolean realDone;
            private int index;
            private RecordedEvent next = advance();

            private RecordedEvent advance() {
                if (!realDone && realEvents.hasNext()) {
                    RecordedEvent event = realEvents.next();
                    if (event.position() <= base) {
                        return event;
                    }
                }
                realDone = true;
                while (index < mine.size()) {
                    RecordedEvent event = mine.get(index++);
                    if (event.position() > afterPosition) {
                        return event;
                    }
                }
                return null;
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public RecordedEvent next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                RecordedEvent current = next;
                next = advance();
                return current;
            }

            @Override
            public void close() {
                realEvents.close();
            }
        };
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
            long version = baseVersion(info.streamId());
            if (version > 0) {
                long lastPosition = readStream(info.streamId(), version, Direction.BACKWARD, 1).get(0).position();
                streams.put(info.streamId(), new StreamInfo(info.streamId(), info.category(), version, lastPosition));
            }
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
        long baseVersion = baseVersion(stream);
        return baseVersion == 0 ? Optional.empty() : real.loadSnapshot(stream, Math.min(maxVersion, baseVersion), stateSchemaVersion);
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
