package dev.eventscope.application;

import dev.eventscope.codec.DecodedEvent;
import dev.eventscope.codec.EventCodec;
import dev.eventscope.eventstore.Direction;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.Snapshot;
import dev.eventscope.eventstore.StreamId;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Rebuilds aggregates: from the latest snapshot at or below the wanted version whose state schema
 * is current (older snapshots are ignored, never trusted), then every later event. A snapshot that
 * cannot be read is logged and skipped, and the aggregate replayed from its first event. The one loader:
 * commands, time travel, the full replay and the audit all load aggregates here. Decoded snapshot states
 * are kept in a small cache (see {@link SnapshotStates}). Throws {@link UnreadableHistory} when an event
 * cannot be read as a known event. Thread-safe.
 */
public final class AggregateRepository {

    private static final Logger LOG = LoggerFactory.getLogger(AggregateRepository.class);
    private static final int PAGE = 1_000;

    private final EventStore store;
    private final EventCodec codec;
    private final SnapshotStates snapshotStates;
    private boolean useSnapshots = true;

    public AggregateRepository(EventStore store, EventCodec codec) {
        this.store = store;
        this.codec = codec;
        this.snapshotStates = new SnapshotStates(codec, 1_024);
    }

    /** Ignore every snapshot and replay from the first event (to check that snapshots change nothing). */
    public AggregateRepository withoutSnapshots() {
        AggregateRepository replaying = new AggregateRepository(store, codec);
        replaying.useSnapshots = false;
        return replaying;
    }

    public <S, C, E> Loaded<S> load(Aggregate<S, C, E> aggregate, StreamId stream) {
        return load(aggregate, stream, Long.MAX_VALUE);
    }

    /** The state after the event at {@code maxVersion} (or the last event, if the stream is shorter). */
    public <S, C, E> Loaded<S> load(Aggregate<S, C, E> aggregate, StreamId stream, long maxVersion) {
        S state = aggregate.initialState();
        long version = 0;
        long snapshotVersion = 0;
        long position = 0;
        if (useSnapshots && maxVersion > 0) {
            Optional<Snapshot> snapshot = store.loadSnapshot(stream, maxVersion, aggregate.stateSchemaVersion());
            if (snapshot.isPresent()) {
                try {
                    state = aggregate.stateType().cast(snapshotStates.stateOf(snapshot.get(), aggregate.stateType()));
                    version = snapshot.get().version();
                    snapshotVersion = version;
                } catch (RuntimeException unreadable) {
                    LOG.warn("The snapshot of '{}' at version {} cannot be read ({}); replaying the {} from its first event.",
                            stream.value(), snapshot.get().version(), unreadable.getMessage(), aggregate.name());
                    state = aggregate.initialState();
                }
            }
        }
        while (version < maxVersion) {
            int limit = (int) Math.min(PAGE, maxVersion - version);
            List<RecordedEvent> page = store.readStream(stream, version + 1, Direction.FORWARD, limit);
            for (RecordedEvent recorded : page) {
                state = aggregate.decider().evolve(state, typed(aggregate, recorded));
                version = recorded.version();
                position = recorded.position();
            }
            if (page.size() < limit) {
                break;
            }
        }
        return new Loaded<>(state, version, snapshotVersion, position);
    }

    /**
     * The state folded from the stream's first event over only the events {@code include} accepts (no
     * snapshot: a snapshot holds every event); {@code version} and the position are those of the last event folded.
     */
    public <S, C, E> Loaded<S> loadWhere(Aggregate<S, C, E> aggregate, StreamId stream, Predicate<? super E> include) {
        return loadWhere(aggregate, stream, Long.MAX_VALUE, include);
    }

    /** As {@link #loadWhere(Aggregate, StreamId, Predicate)}, reading only the events up to {@code maxVersion}. */
    public <S, C, E> Loaded<S> loadWhere(Aggregate<S, C, E> aggregate, StreamId stream, long maxVersion,
                                         Predicate<? super E> include) {
        S state = aggregate.initialState();
        long version = 0;
        long position = 0;
        long next = 1;
        while (true) {
            List<RecordedEvent> page = store.readStream(stream, next, Direction.FORWARD, PAGE);
            for (RecordedEvent recorded : page) {
                if (recorded.version() > maxVersion) {
                    return new Loaded<>(state, version, 0, position);
                }
                E event = typed(aggregate, recorded);
                next = recorded.version() + 1;
                if (include.test(event)) {
                    state = aggregate.decider().evolve(state, event);
                    version = recorded.version();
                    position = recorded.position();
                }
            }
            if (page.size() < PAGE) {
                return new Loaded<>(state, version, 0, position);
            }
        }
    }

    /** The event as its aggregate's event type, or {@link UnreadableHistory}. */
    public <S, C, E> E typed(Aggregate<S, C, E> aggregate, RecordedEvent recorded) {
        DecodedEvent decoded = codec.decode(recorded);
        Object value = decoded.value().orElseThrow(() -> new UnreadableHistory("The event at position "
                + recorded.position() + " (" + recorded.type() + ", version " + recorded.version() + " of '"
                + recorded.streamId() + "') cannot be read: " + decoded.problem().orElse("unknown reason")
                + ". The " + aggregate.name() + " cannot be rebuilt past it."));
        if (!aggregate.eventType().isInstance(value)) {
            throw new UnreadableHistory("The stream '" + recorded.streamId() + "' holds a " + recorded.type()
                    + " event at position " + recorded.position() + ", which is not an event of a " + aggregate.name() + ".");
        }
        return aggregate.eventType().cast(value);
    }

    public EventCodec codec() {
        return codec;
    }

    public EventStore store() {
        return store;
    }
}
