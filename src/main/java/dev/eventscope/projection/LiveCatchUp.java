package dev.eventscope.projection;

import dev.eventscope.codec.DecodedEvent;
import dev.eventscope.codec.EventCodec;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.RecordedEvent;

import java.util.ArrayList;
import java.util.List;

/**
 * Brings the live tables of every healthy projection up to the ledger's last event, a batch at a time:
 * each batch and the checkpoints that record it are written in one transaction. When a batch fails, the
 * {@link FailureIsolation} finds the event and the projection, committing all that can be applied; that
 * projection stops there and the others go on. One catch-up at a time.
 */
final class LiveCatchUp {

    private final EventStore store;
    private final EventCodec codec;
    private final ReadModelStore readModels;
    private final List<Projection> projections;
    private final int batchSize;
    private final Object writeLock;
    private final FailureIsolation isolation;
    private final Object catchUpLock = new Object();

    LiveCatchUp(EventStore store, EventCodec codec, ReadModelStore readModels, List<Projection> projections, int batchSize,
                Object writeLock) {
        this.store = store;
        this.codec = codec;
        this.readModels = readModels;
        this.projections = projections;
        this.batchSize = batchSize;
        this.writeLock = writeLock;
        this.isolation = new FailureIsolation(readModels);
    }

    /** Applies every event after each healthy projection's checkpoint; returns the number of events read. */
    long run() {
        return run(ProgressListener.NONE);
    }

    /**
     * The same, telling {@code progress} how far it is after every batch (as {@link RebuildProgress#CATCH_UP}): the
     * first open of a large ledger catches up every read model from nothing.
     */
    long run(ProgressListener progress) {
        synchronized (catchUpLock) {
            try (BatchSource source = new BatchSource(store, codec, projections, batchSize);
                 BatchReader batches = new BatchReader(source::read, batchSize)) {
                return run(batches, progress);
            }
        }
    }

    private long run(BatchReader batches, ProgressListener progress) {
        long read = 0;
        long startedNanos = System.nanoTime();
        long startPosition = -1;
        long lastPosition = progress == ProgressListener.NONE ? 0 : store.lastPosition();
        while (true) {
            List<ProjectionState> states = healthyStates();
            if (states.isEmpty()) {
                return read;
            }
            long from = states.stream().mapToLong(ProjectionState::position).min().orElseThrow();
            List<DecodedEvent> batch = batches.after(from);
            if (batch.isEmpty()) {
                settle();
                return read;
            }
            read += batch.size();
            apply(batch, batch.get(batch.size() - 1).recorded().position() >= store.lastPosition());
            if (progress != ProgressListener.NONE) {
                startPosition = startPosition < 0 ? from : startPosition;
                long reached = batch.get(batch.size() - 1).recorded().position();
                progress.progressed(RebuildProgress.since(RebuildProgress.CATCH_UP, reached, Math.max(reached, lastPosition),
                        startPosition, startedNanos));
            }
        }
    }

    /** Lets every healthy projection bring what it derives from many events up to date ({@link Projection#caughtUp}). */
    private void settle() {
        synchronized (writeLock) {
            readModels.transaction(this::settleWithin);
        }
    }

    private void settleWithin(ReadModelTransaction transaction) {
        for (Projection projection : projections) {
            transaction.state(projection.name()).filter(state -> !state.failed()).ifPresent(
                    state -> projection.caughtUp(transaction.tables(projection, state.generation())));
        }
    }

    private List<ProjectionState> healthyStates() {
        List<ProjectionState> states = new ArrayList<>();
        for (Projection projection : projections) {
            readModels.state(projection.name()).filter(state -> !state.failed()).ifPresent(states::add);
        }
        return states;
    }

    /**
     * Applies one batch in one transaction; the batch that reaches the ledger's last event also settles
     * ({@link Projection#caughtUp}) in it, so that a read model whose checkpoint says "caught up" has what it derives
     * from many events too: a settle of its own, after the checkpoint, was lost when the app closed right after
     * reporting "live" (docs/cli-speed.md), and the next open built the date checkpoints again.
     */
    private void apply(List<DecodedEvent> batch, boolean reachesTheEnd) {
        synchronized (writeLock) {
            try {
                readModels.transaction(transaction -> {
                    for (Projection projection : projections) {
                        ProjectionState state = transaction.state(projection.name()).orElseThrow();
                        List<DecodedEvent> unseen = after(batch, state.position());
                        if (state.failed() || unseen.isEmpty()) {
                            continue;
                        }
                        projection.apply(unseen, transaction.tables(projection, state.generation()));
                        RecordedEvent last = unseen.get(unseen.size() - 1).recorded();
                        transaction.saveState(state.at(last.position(), last.hash()));
                    }
                    if (reachesTheEnd) {
                        settleWithin(transaction);
                    }
                });
            } catch (ReadModelException storeFailure) {
                throw storeFailure;
            } catch (RuntimeException projectionFailure) {
                for (Projection projection : projections) {
                    isolation.applyToLive(projection, batch);
                }
            }
        }
    }

    private static List<DecodedEvent> after(List<DecodedEvent> batch, long position) {
        if (batch.get(0).recorded().position() > position) {
            return batch;
        }
        List<DecodedEvent> unseen = new ArrayList<>();
        for (DecodedEvent event : batch) {
            if (event.recorded().position() > position) {
                unseen.add(event);
            }
        }
        return unseen;
    }
}
