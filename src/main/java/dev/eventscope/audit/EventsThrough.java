package dev.eventscope.audit;

import dev.eventscope.eventstore.AppendResult;
import dev.eventscope.eventstore.BulkAppend;
import dev.eventscope.eventstore.Direction;
import dev.eventscope.eventstore.EventCursor;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.EventStoreException;
import dev.eventscope.eventstore.IntegrityReport;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.Snapshot;
import dev.eventscope.eventstore.StreamAppend;
import dev.eventscope.eventstore.StreamFilter;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.eventstore.StreamInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A ledger's events up to one position, read-only: what a report hands to the parts it adds after its events (the
 * workbench's findings and journal-entry tests), so they read exactly the ledger the report's verification read, not
 * the events another user appended while the report was written (session 18). Appends and snapshots are refused with
 * an {@link EventStoreException}; the hash chain is verified on the whole ledger, as the report already did. Closing
 * it leaves the ledger open: the report's caller owns it.
 */
final class EventsThrough implements EventStore {

    private static final int PAGE = 1_000;

    private final EventStore ledger;
    private final long through;
    /** Each stream's version at the position, once found: the events through it never change. */
    private final Map<StreamId, Long> versions = new ConcurrentHashMap<>();

    EventsThrough(EventStore ledger, long through) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.through = through;
    }

    @Override
    public AppendResult appendAll(List<StreamAppend> appends) {
        throw refused();
    }

    @Override
    public BulkAppend beginBulkAppend() {
        throw refused();
    }

    @Override
    public void saveSnapshot(Snapshot snapshot) {
        throw refused();
    }

    private EventStoreException refused() {
        return new EventStoreException("The report reads the ledger through position " + through + " and writes nothing to it.");
    }

    @Override
    public List<RecordedEvent> readStream(StreamId stream, long fromVersion, Direction direction, int limit) {
        if (direction == Direction.FORWARD) {
            // a stream's events come in position order: those through the position are a prefix
            List<RecordedEvent> wanted = new ArrayList<>();
            for (RecordedEvent event : ledger.readStream(stream, fromVersion, Direction.FORWARD, limit)) {
                if (event.position() > through) {
                    break;
                }
                wanted.add(event);
            }
            return wanted;
        }
        long version = Math.min(fromVersion, streamVersion(stream));
        return version < 1 ? List.of() : ledger.readStream(stream, version, Direction.BACKWARD, limit);
    }

    @Override
    public EventCursor readAll(long afterPosition) {
        EventCursor all = ledger.readAll(Math.min(afterPosition, through));
        return new EventCursor() {
            private RecordedEvent next = advance();

            private RecordedEvent advance() {
                if (all.hasNext()) {
                    RecordedEvent event = all.next();
                    if (event.position() <= through) {
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
                all.close();
            }
        };
    }

    @Override
    public Optional<RecordedEvent> readAt(long position) {
        return position > through ? Optional.empty() : ledger.readAt(position);
    }

    @Override
    public List<StreamInfo> streams(StreamFilter filter) {
        List<StreamInfo> streams = new ArrayList<>();
        for (StreamInfo info : ledger.streams(filter)) {
            if (info.lastPosition() <= through) {
                streams.add(info);
                continue;
            }
            long version = streamVersion(info.streamId());
            if (version > 0) {
                long lastPosition = ledger.readStream(info.streamId(), version, Direction.BACKWARD, 1).get(0).position();
                streams.add(new StreamInfo(info.streamId(), info.category(), version, lastPosition));
            }
        }
        return streams;
    }

    /** The stream's version at the position: its last event at or before it (0: none). */
    @Override
    public long streamVersion(StreamId stream) {
        return versions.computeIfAbsent(stream, this::versionThrough);
    }

    private long versionThrough(StreamId stream) {
        long current = ledger.streamVersion(stream);
        if (current == 0 || ledger.readStream(stream, current, Direction.BACKWARD, 1).get(0).position() <= through) {
            return current;  // no events, or none after the position: no paging through the stream
        }
        long version = 0;
        long next = 1;
        while (true) {
            List<RecordedEvent> page = ledger.readStream(stream, next, Direction.FORWARD, PAGE);
            for (RecordedEvent event : page) {
                if (event.position() > through) {
                    return version;
                }
                version = event.version();
            }
            if (page.size() < PAGE) {
                return version;
            }
            next = version + 1;
        }
    }

    @Override
    public long lastPosition() {
        return Math.min(through, ledger.lastPosition());
    }

    @Override
    public IntegrityReport verify() {
        return ledger.verify();
    }

    @Override
    public Optional<Snapshot> loadSnapshot(StreamId stream, long maxVersion, int stateSchemaVersion) {
        long version = Math.min(maxVersion, streamVersion(stream));
        return version < 1 ? Optional.empty() : ledger.loadSnapshot(stream, version, stateSchemaVersion);
    }

    /** Nothing is ever appended to the ledger as read through the position. */
    @Override
    public AutoCloseable subscribe(dev.eventscope.eventstore.AppendListener listener) {
        return () -> { };
    }

    @Override
    public boolean isReadOnly() {
        return true;
    }

    @Override
    public void close() {
        // the ledger belongs to the report's caller
    }
}
