package dev.eventscope.projection;

import dev.eventscope.codec.DecodedEvent;
import dev.eventscope.codec.EventCodec;
import dev.eventscope.eventstore.EventCursor;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.RecordedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The projection engine. {@link #open} brings every projection up to the ledger's last event
 * (rebuilding those whose version changed or whose checkpoint does not belong to this ledger, and
 * resuming rebuilds a crash interrupted); {@link #follow} keeps them up to date as events arrive, also
 * from other processes; {@link #rebuild} replays one projection from position 0 into a shadow
 * generation of its tables and swaps it in atomically, while the old read model keeps serving. Each
 * batch of events and the checkpoint that records it are written in one transaction. A projection
 * that fails on an event stops there with a {@link ProjectionFailure}; the others go on. Thread-safe.
 */
public final class Projections implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Projections.class);
    public static final int DEFAULT_BATCH_SIZE = 5_000;
    /**
     * A rebuild applies batches this many times larger (10,000 events by default): fewer transactions,
     * and a projection that keeps one row per account reads and rewrites it once per batch, not once
     * per posting. Not larger: the batch being applied and the one being read ahead are what survives
     * each young garbage collection, and at 25,000 events those copies cost more than the rows saved
     * (measured: 4.3 s of pauses over a 1M-event rebuild at 25,000, 1.4 s at 10,000).
     */
    public static final int REBUILD_BATCH_FACTOR = 2;

    private final EventStore store;
    private final EventCodec codec;
    private final ReadModelStore readModels;
    private final List<Projection> projections;
    private final int batchSize;
    private final Object writeLock = new Object();
    private final Object catchUpLock = new Object();
    private final AtomicBoolean catchUpPending = new AtomicBoolean();
    private ExecutorService follower;
    private AutoCloseable subscription;

    public Projections(EventStore store, EventCodec codec, ReadModelStore readModels, List<Projection> projections,
                       int batchSize) {
        this.store = Objects.requireNonNull(store, "store");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.readModels = Objects.requireNonNull(readModels, "read models");
        this.projections = List.copyOf(projections);
        if (batchSize < 1) {
            throw new IllegalArgumentException("a batch holds at least one event");
        }
        this.batchSize = batchSize;
    }

    public Projections(EventStore store, EventCodec codec, ReadModelStore readModels, List<Projection> projections) {
        this(store, codec, readModels, projections, DEFAULT_BATCH_SIZE);
    }

    public ReadModelStore readModels() {
        return readModels;
    }

    public List<Projection> projections() {
        return projections;
    }

    /**
     * Creates missing read models, discards a shadow copy that no longer fits, catches every
     * projection up, then rebuilds those that need it (outdated version, foreign checkpoint, or an
     * interrupted rebuild, which resumes from its own checkpoint).
     */
    public void open(ProgressListener progress) {
        List<Projection> toRebuild = new ArrayList<>();
        synchronized (writeLock) {
            for (Projection projection : projections) {
                Optional<ProjectionState> known = readModels.state(projection.name());
                if (known.isEmpty()) {
                    // no secondary indexes yet: the first catch-up fills the tables much faster without them,
                    // and they are built once at its end (below), as a rebuild does
                    readModels.transaction(transaction -> {
                        transaction.createTables(projection, 1, false);
                        transaction.saveState(ProjectionState.fresh(projection.name(), projection.version()));
                    });
                    continue;
                }
                ProjectionState state = known.get();
                if (state.building() && (state.buildingVersion() != projection.version()
                        || !belongsToLedger(state.buildingPosition(), state.buildingHash()))) {
                    discardShadow(projection, state);
                    state = state.stopBuilding();
                }
                if (!belongsToLedger(state.position(), state.positionHash())) {
                    LOG.warn("The checkpoint of projection '{}' at position {} does not match this ledger; rebuilding it.",
                            projection.name(), state.position());
                    toRebuild.add(projection);
                } else if (state.version() != projection.version() || state.building()) {
                    toRebuild.add(projection);
                }
            }
        }
        catchUp();
        indexLiveTables();
        for (Projection projection : toRebuild) {
            rebuild(projection.name(), progress, new CancellationToken());
        }
    }

    /**
     * Builds the secondary indexes of every projection's generation in service that lacks them (those
     * created by this or an interrupted earlier {@link #open}); a no-op for tables that have them.
     */
    private void indexLiveTables() {
        synchronized (writeLock) {
            readModels.transaction(transaction -> {
                for (Projection projection : projections) {
                    transaction.state(projection.name())
                            .ifPresent(state -> transaction.createIndexes(projection, state.generation()));
                }
            });
        }
    }

    /** Follows the ledger: new events (also from other processes) are applied within about a second. */
    public synchronized void follow() {
        if (subscription != null) {
            return;
        }
        follower = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "projections-catch-up");
            thread.setDaemon(true);
            return thread;
        });
        subscription = store.subscribe((from, to) -> {
            if (catchUpPending.compareAndSet(false, true)) {
                follower.execute(() -> {
                    catchUpPending.set(false);
                    try {
                        catchUp();
                    } catch (RuntimeException failed) {
                        LOG.error("Catching up the projections failed: {}", failed.getMessage(), failed);
                    }
                });
            }
        });
    }

    /** Applies every event after each healthy projection's checkpoint; returns the number of events read. */
    public long catchUp() {
        synchronized (catchUpLock) {
            try (BatchSource source = new BatchSource(projections, batchSize);
                 BatchReader batches = new BatchReader(source::read, batchSize)) {
                return catchUp(batches);
            }
        }
    }

    private long catchUp(BatchReader batches) {
        long read = 0;
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
            applyToLive(batch);
        }
    }

    /** Lets every healthy projection bring what it derives from many events up to date ({@link Projection#caughtUp}). */
    private void settle() {
        synchronized (writeLock) {
            readModels.transaction(transaction -> {
                for (Projection projection : projections) {
                    transaction.state(projection.name()).filter(state -> !state.failed()).ifPresent(
                            state -> projection.caughtUp(transaction.tables(projection, state.generation())));
                }
            });
        }
    }

    private List<ProjectionState> healthyStates() {
        List<ProjectionState> states = new ArrayList<>();
        for (Projection projection : projections) {
            readModels.state(projection.name()).filter(state -> !state.failed()).ifPresent(states::add);
        }
        return states;
    }

    /** The stream categories a batch for these projections must hold; empty when one of them reads every event. */
    private static Set<String> categoriesRead(List<Projection> readers) {
        Set<String> categories = new HashSet<>();
        for (Projection reader : readers) {
            if (reader.streamCategories().isEmpty()) {
                return Set.of();
            }
            categories.addAll(reader.streamCategories());
        }
        return categories;
    }

    /**
     * Batches for some projections; events none of them decodes are left undecoded. One store cursor
     * serves batch after batch while each starts where the previous one ended (a cursor per batch would
     * read a page ahead and throw it away every time); any other start, or a short batch (the end of the
     * ledger for now), closes it and the next batch opens a new one. Synchronized: a prefetch that was
     * given up may still be running when the next batch is asked for.
     */
    private final class BatchSource implements AutoCloseable {
        private final List<Projection> readers;
        private final int size;
        private EventCursor cursor;
        private long cursorAfter = -1;

        BatchSource(List<Projection> readers, int size) {
            this.readers = readers;
            this.size = size;
        }

        synchronized List<DecodedEvent> read(long after) {
            if (cursor == null || after != cursorAfter) {
                close();
                cursor = store.readAll(after, categoriesRead(readers));
            }
            List<DecodedEvent> batch = new ArrayList<>(Math.min(size, 10_000));
            try {
                while (batch.size() < size && cursor.hasNext()) {
                    RecordedEvent recorded = cursor.next();
                    batch.add(decodedFor(recorded, readers) ? codec.decodeValue(recorded)
                            : new DecodedEvent.Unreadable(recorded, "not decoded: no projection of this batch reads it"));
                }
            } catch (RuntimeException failed) {
                close();
                throw failed;
            }
            if (batch.size() < size) {
                close();
            } else {
                cursorAfter = batch.get(batch.size() - 1).recorded().position();
            }
            return batch;
        }

        @Override
        public synchronized void close() {
            if (cursor != null) {
                cursor.close();
                cursor = null;
            }
        }
    }

    private static boolean decodedFor(RecordedEvent recorded, List<Projection> readers) {
        for (Projection reader : readers) {
            if (reader.decodes(recorded)) {
                return true;
            }
        }
        return false;
    }

    private void applyToLive(List<DecodedEvent> batch) {
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
                });
            } catch (ReadModelException storeFailure) {
                throw storeFailure;
            } catch (RuntimeException projectionFailure) {
                // find the event and the projection that failed, committing all that can be applied
                for (Projection projection : projections) {
                    applyOneByOne(projection, batch, false);
                }
            }
        }
    }

    /** Applies events one per transaction; stops the projection at the first that fails. Returns the failure, if any. */
    private ProjectionFailure applyOneByOne(Projection projection, List<DecodedEvent> batch, boolean shadow) {
        for (DecodedEvent event : batch) {
            ProjectionState state = readModels.state(projection.name()).orElseThrow();
            long position = shadow ? state.buildingPosition() : state.position();
            if (state.failed() && !shadow || event.recorded().position() <= position) {
                continue;
            }
            try {
                readModels.transaction(transaction -> {
                    int generation = shadow ? state.buildingGeneration() : state.generation();
                    projection.apply(List.of(event), transaction.tables(projection, generation));
                    RecordedEvent recorded = event.recorded();
                    transaction.saveState(shadow ? state.buildingAt(recorded.position(), recorded.hash())
                            : state.at(recorded.position(), recorded.hash()));
                });
            } catch (ReadModelException storeFailure) {
                throw storeFailure;
            } catch (RuntimeException failed) {
                ProjectionFailure failure = new ProjectionFailure(projection.name(), event.recorded().position(),
                        event.recorded().type(), failed.getMessage() == null ? failed.toString() : failed.getMessage());
                LOG.error(failure.describe(), failed);
                if (!shadow) {
                    readModels.transaction(transaction -> transaction.saveState(state.withFailure(failure)));
                }
                return failure;
            }
        }
        return null;
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

    /**
     * Replays the projection from position 0 into a new generation of its tables and swaps it in
     * when done; the old read model serves meanwhile and stays when the rebuild is cancelled or fails.
     * A rebuild of the same version that a crash interrupted resumes from its own checkpoint.
     */
    public RebuildOutcome rebuild(String name, ProgressListener progress, CancellationToken cancellation) {
        Projection projection = projection(name);
        synchronized (writeLock) {
            ProjectionState state = readModels.state(name).orElseThrow();
            if (!state.building() || state.buildingVersion() != projection.version()) {
                if (state.building()) {
                    discardShadow(projection, state);
                }
                int generation = Math.max(state.generation(), state.buildingGeneration()) + 1;
                readModels.transaction(transaction -> {
                    transaction.createTables(projection, generation, false);
                    transaction.saveState(transaction.state(name).orElseThrow()
                            .startBuilding(projection.version(), generation));
                });
            }
        }
        int rebuildBatchSize = batchSize * REBUILD_BATCH_FACTOR;
        try (BatchSource source = new BatchSource(List.of(projection), rebuildBatchSize);
             BatchReader batches = new BatchReader(source::read, rebuildBatchSize)) {
            return rebuildShadow(name, projection, progress, cancellation, batches);
        }
    }

    private RebuildOutcome rebuildShadow(String name, Projection projection, ProgressListener progress,
                                         CancellationToken cancellation, BatchReader batches) {
        long started = System.nanoTime();
        long startPosition = readModels.state(name).orElseThrow().buildingPosition();
        long waited = 0;
        while (true) {
            ProjectionState state = readModels.state(name).orElseThrow();
            if (cancellation.isCancelled()) {
                synchronized (writeLock) {
                    discardShadow(projection, readModels.state(name).orElseThrow());
                }
                LOG.info("Rebuild of projection '{}' cancelled at position {}; the old read model stays.", name,
                        state.buildingPosition());
                return new RebuildOutcome(name, RebuildOutcome.Result.CANCELLED, state.buildingPosition(), null);
            }
            long waitStarted = System.nanoTime();
            List<DecodedEvent> batch = batches.after(state.buildingPosition());
            waited += System.nanoTime() - waitStarted;
            if (batch.isEmpty()) {
                long swapStarted = System.nanoTime();
                long[] indexed = new long[1];
                synchronized (writeLock) {
                    readModels.transaction(transaction -> {
                        ProjectionState current = transaction.state(name).orElseThrow();
                        transaction.createIndexes(projection, current.buildingGeneration());
                        projection.rebuilt(transaction.tables(projection, current.buildingGeneration()));
                        indexed[0] = System.nanoTime();
                        transaction.dropTables(projection, current.generation());
                        transaction.saveState(current.swapped());
                    });
                }
                LOG.info("Projection '{}' rebuilt to position {}: replay {} ms (of which {} ms waiting for events), indexing {} ms,"
                        + " dropping the old read model and swapping {} ms.", name, state.buildingPosition(),
                        (swapStarted - started) / 1_000_000, waited / 1_000_000,
                        (indexed[0] - swapStarted) / 1_000_000, (System.nanoTime() - indexed[0]) / 1_000_000);
                catchUp();
                // a rebuild that read only some streams ends at the last of their events; the catch-up then
                // takes the projection to the ledger's end, which is where it now stands
                return new RebuildOutcome(name, RebuildOutcome.Result.COMPLETED,
                        readModels.state(name).map(ProjectionState::position).orElse(state.buildingPosition()), null);
            }
            ProjectionFailure failure = applyToShadow(projection, batch);
            if (failure != null) {
                synchronized (writeLock) {
                    discardShadow(projection, readModels.state(name).orElseThrow());
                }
                return new RebuildOutcome(name, RebuildOutcome.Result.FAILED, failure.position(), failure);
            }
            long position = batch.get(batch.size() - 1).recorded().position();
            progress.progressed(progressOf(name, position, startPosition, started));
        }
    }

    private ProjectionFailure applyToShadow(Projection projection, List<DecodedEvent> batch) {
        synchronized (writeLock) {
            try {
                readModels.transaction(transaction -> {
                    ProjectionState state = transaction.state(projection.name()).orElseThrow();
                    projection.apply(batch, transaction.tables(projection, state.buildingGeneration()));
                    RecordedEvent last = batch.get(batch.size() - 1).recorded();
                    transaction.saveState(state.buildingAt(last.position(), last.hash()));
                });
                return null;
            } catch (ReadModelException storeFailure) {
                throw storeFailure;
            } catch (RuntimeException failed) {
                ProjectionFailure failure = applyOneByOne(projection, batch, true);
                return failure != null ? failure : new ProjectionFailure(projection.name(),
                        batch.get(0).recorded().position(), batch.get(0).recorded().type(), String.valueOf(failed.getMessage()));
            }
        }
    }

    private RebuildProgress progressOf(String name, long position, long startPosition, long startedNanos) {
        long last = store.lastPosition();
        double seconds = Math.max(1e-9, (System.nanoTime() - startedNanos) / 1e9);
        double rate = (position - startPosition) / seconds;
        Duration remaining = rate <= 0 ? Duration.ZERO : Duration.ofMillis((long) ((last - position) / rate * 1000));
        return new RebuildProgress(name, position, last, rate, remaining);
    }

    private void discardShadow(Projection projection, ProjectionState state) {
        if (!state.building()) {
            return;
        }
        readModels.transaction(transaction -> {
            transaction.dropTables(projection, state.buildingGeneration());
            transaction.saveState(transaction.state(projection.name()).orElseThrow().stopBuilding());
        });
    }

    private boolean belongsToLedger(long position, String hash) {
        if (position == 0) {
            return true;
        }
        return store.readAt(position).map(event -> event.hash().equals(hash)).orElse(false);
    }

    public Projection projection(String name) {
        return projections.stream().filter(projection -> projection.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("There is no projection named '" + name + "'; known: "
                        + projections.stream().map(Projection::name).toList() + "."));
    }

    /** Every projection's status, for the projections panel and {@code eventscope projections}. */
    public List<ProjectionStatus> status() {
        long last = store.lastPosition();
        List<ProjectionStatus> statuses = new ArrayList<>();
        for (Projection projection : projections) {
            ProjectionState state = readModels.state(projection.name())
                    .orElse(ProjectionState.fresh(projection.name(), projection.version()));
            statuses.add(new ProjectionStatus(projection.name(), state.version(), projection.version(), state.position(),
                    last, state.failure(), state.building() ? Math.max(1, state.buildingPosition()) : 0));
        }
        return statuses;
    }

    @Override
    public synchronized void close() {
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception ignored) {
                LOG.debug("closing the subscription failed", ignored);
            }
            follower.shutdown();
            subscription = null;
        }
    }
}
