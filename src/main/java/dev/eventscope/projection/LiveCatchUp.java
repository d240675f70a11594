package dev.eventscope.projection;

import dev.eventscope.codec.DecodedEvent;
import dev.eventscope.codec.EventCodec;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.RecordedEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Brings the live tables of every healthy projection up to the ledger's last event, a batch at a time:
 * up to {@link #TRANSACTION_BATCHES} batches and the checkpoints that record them are written in one
 * transaction. When a batch fails, the {@link FailureIsolation} finds the event and the projection, committing
 * all that can be applied; that projection stops there and the others go on. One catch-up at a time.
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
    /** The ledger's last position when the store was last asked; guarded by {@link #catchUpLock}. */
    private long lastPositionSeen = -1;
    /** Batches applied in one transaction at most (20,000 events at the default batch size). */
    static final int TRANSACTION_BATCHES = 4;

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
        lastPositionSeen = Math.max(lastPositionSeen, lastPosition);
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
            startPosition = startPosition < 0 ? from : startPosition;
            long first = startPosition;
            read += apply(batch, batches, applied -> {
                if (progress != ProgressListener.NONE) {
                    long reached = applied.get(applied.size() - 1).recorded().position();
                    progress.progressed(RebuildProgress.since(RebuildProgress.CATCH_UP, reached,
                            Math.max(reached, lastPosition), first, startedNanos));
                }
            });
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
            transaction.state(projection.name()).filter(state -> followed(projection, state)).ifPresent(
                    state -> projection.caughtUp(transaction.tables(projection, state.generation())));
        }
    }

    private List<ProjectionState> healthyStates() {
        List<ProjectionState> states = new ArrayList<>();
        for (Projection projection : projections) {
            readModels.state(projection.name()).filter(state -> followed(projection, state)).ifPresent(states::add);
        }
        return states;
    }

    /**
     * Whether a catch-up applies events to the projection's tables in service: not when it failed, nor when they are
     * an older version's (a rebuild replaces them; this version's code would write its own shapes into them).
     */
    private static boolean followed(Projection projection, ProjectionState state) {
        return !state.failed() && state.version() == projection.version();
    }

    /**
     * Applies {@code batch} and, while they are full and the ledger has more, the batches after it, up to
     * {@link #TRANSACTION_BATCHES} in one transaction (fewer commits: each rewrites the pages every batch touches,
     * the tables' last pages and the balances, and a first open of 1,000,000 events has 200 batches); {@code applied} hears of
     * each batch applied. The batch that reaches the ledger's last event also settles ({@link Projection#caughtUp})
     * in it, so that a read model whose checkpoint says "caught up" has what it derives from many events too: a
     * settle of its own, after the checkpoint, was lost when the app closed right after reporting "live"
     * (docs/cli-speed.md), and the next open built the date checkpoints again. Returns the number of events read.
     */
    private long apply(List<DecodedEvent> batch, BatchReader batches, Consumer<List<DecodedEvent>> applied) {
        // only where the transaction's events start and end are kept, not the events: holding up to four decoded
        // batches until the commit made each of them survive young collections (docs/cli-speed.md, first open); a
        // failure, rare, reads them again
        long after = batch.get(0).recorded().position() - 1;
        long[] last = {after};
        long[] count = {0};
        synchronized (writeLock) {
            try {
                readModels.transaction(transaction -> {
                    List<DecodedEvent> next = batch;
                    for (int batchCount = 1; ; batchCount++) {
                        long lastPosition = next.get(next.size() - 1).recorded().position();
                        boolean reachesTheEnd = reachesTheEnd(lastPosition);
                        last[0] = lastPosition;
                        count[0] += next.size();
                        applyWithin(transaction, next);
                        if (reachesTheEnd) {
                            settleWithin(transaction);
                        }
                        applied.accept(next);
                        if (reachesTheEnd || next.size() < batchSize || batchCount == TRANSACTION_BATCHES) {
                            return;
                        }
                        // every healthy projection now stands at this batch's last event
                        try {
                            next = batches.after(lastPosition);
                        } catch (RuntimeException readFailure) {
                            throw new NextBatchUnreadable(readFailure);
                        }
                        if (next.isEmpty()) {
                            return;
                        }
                    }
                });
            } catch (ReadModelException storeFailure) {
                throw storeFailure;
            } catch (NextBatchUnreadable unreadable) {
                // what was applied before it is rolled back too, and read again by the next catch-up
                throw unreadable.readFailure;
            } catch (RuntimeException projectionFailure) {
                // the transaction is rolled back: every event in it is read again and applied event by event
                List<DecodedEvent> inTransaction = readAgain(after, last[0]);
                for (Projection projection : projections) {
                    if (readModels.state(projection.name()).filter(state -> followed(projection, state)).isPresent()) {
                        isolation.applyToLive(projection, inTransaction);
                    }
                }
            }
        }
        return count[0];
    }

    /**
     * Whether {@code position} is at or past the ledger's last event. The store is asked only when the position reaches
     * the last position it gave before (events are never deleted: the last position only grows): asking for every batch
     * waited for the reading connection, which the read-ahead holds while it reads a page (the first open's catch-up
     * thread waited there about 100 times, docs/cli-speed.md, session 23). Called holding {@link #catchUpLock}.
     */
    private boolean reachesTheEnd(long position) {
        if (position < lastPositionSeen) {
            return false;
        }
        lastPositionSeen = store.lastPosition();
        return position >= lastPositionSeen;
    }

    /** The events in positions ({@code after}, {@code upTo}], decoded as a catch-up decodes them. */
    private List<DecodedEvent> readAgain(long after, long upTo) {
        List<DecodedEvent> events = new ArrayList<>();
        try (BatchSource source = new BatchSource(store, codec, projections, batchSize)) {
            long from = after;
            while (from < upTo) {
                List<DecodedEvent> batch = source.read(from);
                for (DecodedEvent event : batch) {
                    if (event.recorded().position() <= upTo) {
                        events.add(event);
                    }
                }
                if (batch.size() < batchSize) {
                    break;
                }
                from = batch.get(batch.size() - 1).recorded().position();
            }
        }
        return events;
    }

    private void applyWithin(ReadModelTransaction transaction, List<DecodedEvent> batch) {
        for (Projection projection : projections) {
            ProjectionState state = transaction.state(projection.name()).orElseThrow();
            List<DecodedEvent> unseen = after(batch, state.position());
            if (!followed(projection, state) || unseen.isEmpty()) {
                continue;
            }
            projection.apply(unseen, transaction.tables(projection, state.generation()));
            RecordedEvent last = unseen.get(unseen.size() - 1).recorded();
            transaction.saveState(state.at(last.position(), last.hash()));
        }
    }

    /** The store failed to read the batch after one a transaction applied: not a projection's failure. */
    private static final class NextBatchUnreadable extends RuntimeException {
        private final RuntimeException readFailure;

        NextBatchUnreadable(RuntimeException cause) {
            super(cause);
            this.readFailure = cause;
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
