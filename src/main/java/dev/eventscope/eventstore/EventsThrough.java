package dev.eventscope.eventstore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A store's events up to one position, read-only: the one read path of "the ledger as it stood at position P" (session
 * 19). A report hands it to the parts it adds after its events (the workbench's findings and journal-entry tests), so
 * they read exactly the ledger the report's verification read, not the events appended meanwhile (session 18); the
 * sandbox's overlay reads its base through it, keeping its proposed events after it. Every read answers as the ledger
 * cut at the position would (a stream's events and version, backward reads, the listing of streams, the whole-ledger
 * cursor, snapshots at or below the version at the position). Appends and snapshots are refused with an
 * {@link EventStoreException}; {@link #verify} verifies the whole ledger's hash chain. Closing it leaves the ledger
 * open: its owner closes it.
 */
public final class EventsThrough implements EventStore {

    private static final int PAGE = 1_000;

    private final EventStore ledger;
    private final long through;
    /** Each stream's version at the position, once found: the events through it never change. */
    private final Map<StreamId, Long> versions = new ConcurrentHashMap<>();

    /** The events of {@code ledger} at positions 1 to {@code through}. */
    public EventsThrough(EventStore ledger, long through) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.through = through;
    }

    /** The whole ledger this view cuts at its position (to tell whether something names an event of its history). */
    public EventStore whole() {
        return ledger;
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
        return new EventStoreException("The ledger is read through position " + through + " here, and nothing is written to it.");
    }

    @Override
    public List<RecordedEvent> readStream(StreamId stream, long fromVersion, Direction direction, int limit) {
        if (direction == Direction.FORWARD) {
            // a stream's events come in position order: those through the position are its versions up to the one at
            // it, and no more are read (a page reaching past the position read up to a page of later events)
            long first = Math.max(1, fromVersion);
            long version = streamVersion(stream);
            return first > version ? List.of() : ledger.readStream(stream, first, Direction.FORWARD, (int) Math.min(limit, version - first + 1));
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
            // its last event is after the position: its version there is found by paging, without asking again
            long version = versions.computeIfAbsent(info.streamId(), this::versionByPaging);
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
        return versionByPaging(stream);
    }

    /** The stream's version at the position, its events read in pages from the first until one comes after it. */
    private long versionByPaging(StreamId stream) {
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
    public Optional<RecordedLogins> recordedLogins(long position) {
        return ledger.recordedLogins(Math.min(position, through));
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
    public AutoCloseable subscribe(AppendListener listener) {
        return () -> { };
    }

    @Override
    public boolean isReadOnly() {
        return true;
    }

    /** The position read through. */
    public long through() {
        return through;
    }

    @Override
    public void close() {
        // the ledger belongs to its owner (the report's caller, the sandbox's session)
    }
}
