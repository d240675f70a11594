package dev.eventscope.cli;

import dev.eventscope.eventstore.AppendListener;
import dev.eventscope.eventstore.AppendResult;
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

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A test double of the event store for the CLI tests: events in a list, recorded times from a
 * fixed start one second and one microsecond apart, hashes "hash-N", and a verify result that a
 * test can set. It implements only what the commands use; snapshots are not supported.
 */
final class InMemoryEventStore implements EventStore {

    static final long FIRST_RECORDED_AT_MICROS = 1_711_875_600_000_000L; // 2024-03-31T09:00:00Z

    private final List<RecordedEvent> events = new ArrayList<>();
    private final boolean readOnly;
    private IntegrityReport verifyResult;
    private int readStreamCalls;
    private boolean closed;

    InMemoryEventStore() {
        this(false);
    }

    private InMemoryEventStore(boolean readOnly) {
        this.readOnly = readOnly;
    }

    /** A read-only view over the same events, as openReadOnly would give. */
    InMemoryEventStore readOnlyView() {
        InMemoryEventStore view = new InMemoryEventStore(true);
        view.events.addAll(events);
        view.verifyResult = verifyResult;
        return view;
    }

    void verifyWillReport(IntegrityReport report) {
        this.verifyResult = report;
    }

    int readStreamCalls() {
        return readStreamCalls;
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public dev.eventscope.eventstore.BulkAppend beginBulkAppend() {
        throw new UnsupportedOperationException("the CLI test double does not do bulk appends");
    }

    @Override
    public AppendResult appendAll(List<StreamAppend> appends) throws ConcurrencyConflict {
        if (readOnly) {
            throw new EventStoreException("The ledger is open read-only.");
        }
        for (StreamAppend append : appends) {
            long actual = streamVersion(append.stream());
            if (!append.expected().isSatisfiedBy(actual)) {
                throw new ConcurrencyConflict(append.stream(), append.expected(), actual);
            }
        }
        List<Long> positions = new ArrayList<>();
        Map<StreamId, Long> versions = new HashMap<>();
        for (StreamAppend append : appends) {
            long version = streamVersion(append.stream());
            for (NewEvent event : append.events()) {
                long position = events.size() + 1L;
                version++;
                events.add(new RecordedEvent(position, event.eventId(), append.stream(), version, event.type(),
                        event.schemaVersion(), event.data(), event.metadata(),
                        FIRST_RECORDED_AT_MICROS + (position - 1) * 1_000_001L, "hash-" + position));
                positions.add(position);
            }
            versions.put(append.stream(), version);
        }
        return new AppendResult(positions, versions, false);
    }

    @Override
    public List<RecordedEvent> readStream(StreamId stream, long fromVersion, Direction direction, int limit) {
        readStreamCalls++;
        Comparator<RecordedEvent> order = Comparator.comparingLong(RecordedEvent::version);
        return events.stream()
                .filter(event -> event.streamId().equals(stream))
                .filter(event -> direction == Direction.FORWARD ? event.version() >= fromVersion : event.version() <= fromVersion)
                .sorted(direction == Direction.FORWARD ? order : order.reversed())
                .limit(limit)
                .toList();
    }

    @Override
    public EventCursor readAll(long afterPosition) {
        Iterator<RecordedEvent> iterator = events.stream().filter(event -> event.position() > afterPosition).iterator();
        return new EventCursor() {
            @Override
            public boolean hasNext() {
                return iterator.hasNext();
            }

            @Override
            public RecordedEvent next() {
                return iterator.next();
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public Optional<RecordedEvent> readAt(long position) {
        return position >= 1 && position <= events.size() ? Optional.of(events.get((int) position - 1)) : Optional.empty();
    }

    @Override
    public List<StreamInfo> streams(StreamFilter filter) {
        Map<StreamId, StreamInfo> streams = new LinkedHashMap<>();
        for (RecordedEvent event : events) {
            streams.put(event.streamId(), new StreamInfo(event.streamId(), event.streamId().category(), event.version(), event.position()));
        }
        Pattern name = filter.namePattern() == null ? null : glob(filter.namePattern());
        return streams.values().stream()
                .filter(info -> filter.category() == null || info.category().equals(filter.category()))
                .filter(info -> name == null || name.matcher(info.streamId().value()).matches())
                .sorted(Comparator.comparing(StreamInfo::streamId))
                .toList();
    }

    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char character : pattern.toCharArray()) {
            regex.append(switch (character) {
                case '*' -> ".*";
                case '?' -> ".";
                default -> Pattern.quote(String.valueOf(character));
            });
        }
        return Pattern.compile(regex.toString());
    }

    @Override
    public long streamVersion(StreamId stream) {
        return events.stream().filter(event -> event.streamId().equals(stream)).mapToLong(RecordedEvent::version).max().orElse(0);
    }

    @Override
    public long lastPosition() {
        return events.size();
    }

    @Override
    public IntegrityReport verify() {
        if (verifyResult != null) {
            return verifyResult;
        }
        return IntegrityReport.intact(events.size(), events.size(), events.isEmpty() ? "" : events.get(events.size() - 1).hash());
    }

    @Override
    public void saveSnapshot(Snapshot snapshot) {
        throw new UnsupportedOperationException("the CLI test double keeps no snapshots");
    }

    @Override
    public Optional<Snapshot> loadSnapshot(StreamId stream, long maxVersion, int stateSchemaVersion) {
        return Optional.empty();
    }

    @Override
    public AutoCloseable subscribe(AppendListener listener) {
        return () -> { };
    }

    @Override
    public boolean isReadOnly() {
        return readOnly;
    }

    @Override
    public void close() {
        closed = true;
    }
}
