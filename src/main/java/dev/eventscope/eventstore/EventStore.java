package dev.eventscope.eventstore;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An append-only event store. Every append is atomic (all events of all streams in the call, or
 * none), checks each stream's expected version, and is idempotent on event ids. Reads never
 * change anything. Failures other than version conflicts throw {@link EventStoreException}.
 */
public interface EventStore extends AutoCloseable {

    /** Appends events to one stream; throws {@link ConcurrencyConflict} (writing nothing) when the version differs. */
    default AppendResult append(StreamId stream, ExpectedVersion expected, List<NewEvent> events) throws ConcurrencyConflict {
        return appendAll(List.of(new StreamAppend(stream, expected, events)));
    }

    /**
     * Appends to several streams in one transaction, each with its own expected version: all or nothing.
     * If every event id is already stored (a retried command), nothing is written and the original positions
     * are returned; a mix of stored and new event ids is refused.
     */
    AppendResult appendAll(List<StreamAppend> appends) throws ConcurrencyConflict;

    /**
     * Opens one transaction for many appends (see {@link BulkAppend}); throws
     * {@link EventStoreException} on a read-only store.
     */
    BulkAppend beginBulkAppend();

    /** Up to {@code limit} events of a stream starting at {@code fromVersion} (inclusive), in the given direction. */
    List<RecordedEvent> readStream(StreamId stream, long fromVersion, Direction direction, int limit);

    /** Receives one event's version in its stream, global position and recorded time (microseconds since the epoch). */
    @FunctionalInterface
    interface StampSink {
        void stamp(long version, long position, long recordedAtMicros);
    }

    /**
     * Version, position and recorded time of every event of a stream, in version order, without reading
     * the events' data (a timeline needs only these); nothing for a stream that does not exist.
     */
    default void streamStamps(StreamId stream, StampSink sink) {
        long next = 1;
        while (true) {
            List<RecordedEvent> page = readStream(stream, next, Direction.FORWARD, 1_000);
            if (page.isEmpty()) {
                return;
            }
            for (RecordedEvent event : page) {
                sink.stamp(event.version(), event.position(), event.recordedAtMicros());
                next = event.version() + 1;
            }
        }
    }

    /** All events with a position greater than {@code afterPosition}, in order, as a constant-memory cursor. */
    EventCursor readAll(long afterPosition);

    /**
     * The events of the streams in the given categories (such as {@code account}) with a position greater
     * than {@code afterPosition}, in global order; every event when {@code categories} is empty. A reader
     * that needs only some streams (a projection rebuild) then neither reads nor builds the others. This
     * default filters {@link #readAll(long)}; a store that can filter where it reads overrides it.
     */
    default EventCursor readAll(long afterPosition, Set<String> categories) {
        EventCursor all = readAll(afterPosition);
        return categories.isEmpty() ? all : new CategoryCursor(all, categories);
    }

    /**
     * As {@link #readAll(long, Set)}, for a reader that needs neither an event's id nor its correlation and causation ids
     * (a projection's catch-up or rebuild): a store may leave them out (the id empty, the other two null) and read less
     * per event. This default reads everything.
     */
    default EventCursor readAllForProjections(long afterPosition, Set<String> categories) {
        return readAll(afterPosition, categories);
    }

    /** The event at a global position, if any. */
    Optional<RecordedEvent> readAt(long position);

    /** The streams, sorted by name. */
    List<StreamInfo> streams(StreamFilter filter);

    /** How many streams match, without listing them. */
    default long countStreams(StreamFilter filter) {
        return streams(filter).size();
    }

    /** A stream's current version; 0 when it does not exist. */
    long streamVersion(StreamId stream);

    /** The last global position; 0 for an empty ledger. */
    long lastPosition();

    /**
     * Every stored snapshot with the store's verdict on it, stream by stream in version order, for
     * an audit to replay and compare. A store without snapshots has none.
     */
    default void snapshots(java.util.function.Consumer<StoredSnapshot> sink) {
    }

    /** Walks the hash chain in bounded memory. */
    IntegrityReport verify();

    /**
     * Walks the hash chain in bounded memory, within one consistent read of the ledger: events
     * appended meanwhile are neither seen nor mistaken for tampering, and the report names the
     * position the read ended at. Every correctly chained event is handed to {@code observer} in
     * position order; the walk stops at the first event that does not fit. This default walks the
     * chain with {@link #verify()} and then reads the events it vouched for; a store that can hand
     * them over during the walk, in the same read, overrides it.
     */
    default IntegrityReport verify(ChainObserver observer) {
        IntegrityReport report = verify();
        try (EventCursor cursor = readAll(0)) {
            while (cursor.hasNext()) {
                RecordedEvent event = cursor.next();
                if (event.position() > report.lastPosition()) {
                    break;
                }
                observer.verified(event);
            }
        }
        return report;
    }

    /**
     * What the store kept about the login that wrote each event through {@code position} (a PostgreSQL ledger
     * keeps it, see {@link RecordedLogins}); empty for a store that has no logins (a SQLite file).
     */
    default Optional<RecordedLogins> recordedLogins(long position) {
        return Optional.empty();
    }

    void saveSnapshot(Snapshot snapshot);

    /** The latest snapshot of a stream at or below {@code maxVersion} with the given state schema version. */
    Optional<Snapshot> loadSnapshot(StreamId stream, long maxVersion, int stateSchemaVersion);

    /** Registers a listener for new events (also those written by other processes); close the handle to stop. */
    AutoCloseable subscribe(AppendListener listener);

    boolean isReadOnly();

    @Override
    void close();
}
