package dev.eventscope.projection;

import dev.eventscope.codec.DecodedEvent;
import dev.eventscope.codec.EventCodec;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.RecordedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;

/**
 * Replays one projection from position 0 into a shadow generation of its tables and swaps it in
 * atomically when done; the old read model serves meanwhile and stays when the rebuild is cancelled or
 * fails. A rebuild of the same version that a crash interrupted resumes from its own checkpoint.
 */
final class ShadowRebuild {

    private static final Logger LOG = LoggerFactory.getLogger(ShadowRebuild.class);

    private final EventStore store;
    private final EventCodec codec;
    private final ReadModelStore readModels;
    private final int batchSize;
    private final Object writeLock;
    private final LiveCatchUp catchUp;
    private final FailureIsolation isolation;

    ShadowRebuild(EventStore store, EventCodec codec, ReadModelStore readModels, int batchSize, Object writeLock,
                  LiveCatchUp catchUp) {
        this.store = store;
        this.codec = codec;
        this.readModels = readModels;
        this.batchSize = batchSize;
        this.writeLock = writeLock;
        this.catchUp = catchUp;
        this.isolation = new FailureIsolation(readModels);
    }

    RebuildOutcome run(Projection projection, ProgressListener progress, CancellationToken cancellation) {
        String name = projection.name();
        synchronized (writeLock) {
            ProjectionState state = readModels.state(name).orElseThrow();
            if (!state.building() || state.buildingVersion() != projection.version()) {
                discard(projection, state);
                int generation = Math.max(state.generation(), state.buildingGeneration()) + 1;
                readModels.transaction(transaction -> {
                    transaction.createTables(projection, generation);
                    transaction.saveState(transaction.state(name).orElseThrow()
                            .startBuilding(projection.version(), generation));
                });
            }
        }
        int rebuildBatchSize = batchSize * Projections.REBUILD_BATCH_FACTOR;
        try (BatchSource source = new BatchSource(store, codec, List.of(projection), rebuildBatchSize);
             BatchReader batches = new BatchReader(source::read, rebuildBatchSize)) {
            return replay(projection, progress, cancellation, batches);
        }
    }

    private RebuildOutcome replay(Projection projection, ProgressListener progress, CancellationToken cancellation,
                                  BatchReader batches) {
        String name = projection.name();
        long started = System.nanoTime();
        long startPosition = readModels.state(name).orElseThrow().buildingPosition();
        long waited = 0;
        while (true) {
            ProjectionState state = readModels.state(name).orElseThrow();
            if (cancellation.isCancelled()) {
                discardUnderLock(projection);
                LOG.info("Rebuild of projection '{}' cancelled at position {}; the old read model stays.", name,
                        state.buildingPosition());
                return RebuildOutcome.cancelled(name, state.buildingPosition());
            }
            long waitStarted = System.nanoTime();
            List<DecodedEvent> batch = batches.after(state.buildingPosition());
            waited += System.nanoTime() - waitStarted;
            if (batch.isEmpty()) {
                // every event read (a rebuild of some streams ends before the ledger's end): told, for the swap takes a while
                progress.progressed(progressOf(name, Math.max(state.buildingPosition(), store.lastPosition()), startPosition, started));
                swap(projection, state.buildingPosition(), started, waited);
                catchUp.run();
                // a rebuild that read only some streams ends at the last of their events; the catch-up then
                // takes the projection to the ledger's end, which is where it now stands
                return RebuildOutcome.completed(name,
                        readModels.state(name).map(ProjectionState::position).orElse(state.buildingPosition()));
            }
            Optional<ProjectionFailure> failure = apply(projection, batch);
            if (failure.isPresent()) {
                discardUnderLock(projection);
                return RebuildOutcome.failed(failure.get());
            }
            long position = batch.get(batch.size() - 1).recorded().position();
            progress.progressed(progressOf(name, position, startPosition, started));
        }
    }

    /** The shadow takes over: its indexes are built, the old tables dropped and the state swapped, in one transaction. */
    private void swap(Projection projection, long position, long started, long waited) {
        long swapStarted = System.nanoTime();
        long[] indexed = new long[1];
        synchronized (writeLock) {
            readModels.transaction(transaction -> {
                ProjectionState current = transaction.state(projection.name()).orElseThrow();
                transaction.createIndexes(projection, current.buildingGeneration());
                projection.rebuilt(transaction.tables(projection, current.buildingGeneration()));
                indexed[0] = System.nanoTime();
                transaction.dropTables(projection, current.generation());
                transaction.saveState(current.swapped());
            });
        }
        LOG.info("Projection '{}' rebuilt to position {}: replay {} ms (of which {} ms waiting for events), indexing {} ms,"
                        + " dropping the old read model and swapping {} ms.", projection.name(), position,
                (swapStarted - started) / 1_000_000, waited / 1_000_000,
                (indexed[0] - swapStarted) / 1_000_000, (System.nanoTime() - indexed[0]) / 1_000_000);
    }

    private Optional<ProjectionFailure> apply(Projection projection, List<DecodedEvent> batch) {
        synchronized (writeLock) {
            try {
                readModels.transaction(transaction -> {
                    ProjectionState state = transaction.state(projection.name()).orElseThrow();
                    projection.apply(batch, transaction.tables(projection, state.buildingGeneration()));
                    RecordedEvent last = batch.get(batch.size() - 1).recorded();
                    transaction.saveState(state.buildingAt(last.position(), last.hash()));
                });
                return Optional.empty();
            } catch (ReadModelException storeFailure) {
                throw storeFailure;
            } catch (RuntimeException failed) {
                return Optional.of(isolation.applyToShadow(projection, batch).orElseGet(() -> new ProjectionFailure(
                        projection.name(), batch.get(0).recorded().position(), batch.get(0).recorded().type(),
                        String.valueOf(failed.getMessage()))));
            }
        }
    }

    private RebuildProgress progressOf(String name, long position, long startPosition, long startedNanos) {
        return RebuildProgress.since(name, position, store.lastPosition(), startPosition, startedNanos);
    }

    private void discardUnderLock(Projection projection) {
        synchronized (writeLock) {
            discard(projection, readModels.state(projection.name()).orElseThrow());
        }
    }

    /** Drops the shadow tables, if there are any, and forgets the rebuild; the caller holds the write lock. */
    void discard(Projection projection, ProjectionState state) {
        if (!state.building()) {
            return;
        }
        readModels.transaction(transaction -> {
            transaction.dropTables(projection, state.buildingGeneration());
            transaction.saveState(transaction.state(projection.name()).orElseThrow().stopBuilding());
        });
    }
}
