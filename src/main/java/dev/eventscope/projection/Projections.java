package dev.eventscope.projection;

import dev.eventscope.codec.EventCodec;
import dev.eventscope.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The projection engine. {@link #open} brings every projection up to the ledger's last event
 * (rebuilding those whose version changed or whose checkpoint does not belong to this ledger, and
 * resuming rebuilds a crash interrupted); {@link #follow} keeps them up to date as events arrive, also
 * from other processes; {@link #rebuild} replays one projection from position 0 into a shadow
 * generation of its tables and swaps it in atomically, while the old read model keeps serving. A batch
 * of events (a catch-up: up to four) and the checkpoint that records it are written in one transaction. A projection
 * that fails on an event stops there with a {@link ProjectionFailure}; the others go on. Thread-safe.
 *
 * <p>This class holds the lifecycle (open, status, close) and hands each role to its own class:
 * {@link LiveCatchUp} (batches into the tables in service), {@link ProjectionFollower} (the thread that
 * follows the ledger), {@link ShadowRebuild} (rebuild beside the old tables, then swap), with
 * {@link FailureIsolation} finding the event a projection fails on and {@link BatchSource} reading.
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
    private final ReadModelStore readModels;
    private final List<Projection> projections;
    private final Object writeLock = new Object();
    /** Serialises {@link #open} and {@link #rebuild}: a rebuild into the shadow tables is one writer's job. */
    private final Object openLock = new Object();
    private final LiveCatchUp catchUp;
    private final ShadowRebuild rebuild;
    private final ProjectionFollower follower;

    public Projections(EventStore store, EventCodec codec, ReadModelStore readModels, List<Projection> projections,
                       int batchSize) {
        this.store = Objects.requireNonNull(store, "store");
        Objects.requireNonNull(codec, "codec");
        this.readModels = Objects.requireNonNull(readModels, "read models");
        this.projections = List.copyOf(projections);
        if (batchSize < 1) {
            throw new IllegalArgumentException("a batch holds at least one event");
        }
        this.catchUp = new LiveCatchUp(store, codec, readModels, this.projections, batchSize, writeLock);
        this.rebuild = new ShadowRebuild(store, codec, readModels, batchSize, writeLock, catchUp);
        this.follower = new ProjectionFollower(store, catchUp::run);
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
     * interrupted rebuild, which resumes from its own checkpoint). {@code progress} hears of the catch-up
     * (named {@code "read models"}) and of each rebuild after every batch.
     */
    public void open(ProgressListener progress) {
        // one open at a time: two callers of one session (the timeline and the projections panel) would otherwise
        // both find an outdated read model and rebuild it into the same shadow tables at once; the second caller
        // waits and then finds it current
        synchronized (openLock) {
            if (!readModels.writable()) {
                // a ledger's own read models opened to be read (session 24): handed out only when current, never written
                if (!current()) {
                    throw new ReadModelException("The read models in " + readModels.location() + " are not current and"
                            + " were opened only to be read, so they cannot be caught up here.");
                }
                return;
            }
            openAndCatchUp(progress);
        }
    }

    /**
     * Whether every projection's read model is current: built (no rebuild under way), of the projection's version,
     * stopped by no failure, with every table of its generation in service, and checkpointed at the ledger's last event
     * (as the read models' snapshot sees it, {@link ReadModelStore#snapshotLastPosition}), an event of this ledger (its
     * hash is the stored one). What {@link #open} would leave alone; the command line reads a ledger's own read models
     * only when this holds (session 24).
     */
    public boolean current() {
        long last = readModels.snapshotLastPosition().orElseGet(store::lastPosition);
        for (Projection projection : projections) {
            Optional<ProjectionState> known = readModels.state(projection.name());
            if (known.isEmpty()) {
                return false;
            }
            ProjectionState state = known.get();
            if (state.version() != projection.version() || state.building() || state.failed() || state.position() != last
                    || !belongsToLedger(state.position(), state.positionHash())
                    || !readModels.holdsTables(projection, state.generation())) {
                return false;
            }
        }
        return true;
    }

    private void openAndCatchUp(ProgressListener progress) {
        List<Projection> toRebuild = new ArrayList<>();
        synchronized (writeLock) {
            for (Projection projection : projections) {
                Optional<ProjectionState> known = readModels.state(projection.name());
                if (known.isEmpty()) {
                    // no secondary indexes yet: the first catch-up fills the tables much faster without them,
                    // and they are built once at its end (below), as a rebuild does
                    readModels.transaction(transaction -> {
                        transaction.createTables(projection, 1);
                        transaction.saveState(ProjectionState.fresh(projection.name(), projection.version()));
                    });
                    continue;
                }
                ProjectionState state = known.get();
                if (state.building() && (state.buildingVersion() != projection.version()
                        || !belongsToLedger(state.buildingPosition(), state.buildingHash()))) {
                    rebuild.discard(projection, state);
                    state = state.stopBuilding();
                }
                if (!belongsToLedger(state.position(), state.positionHash())) {
                    LOG.warn("The checkpoint of projection '{}' at position {} does not match this ledger; rebuilding it.",
                            projection.name(), state.position());
                    // not caught up meanwhile: its tables hold another history (another ledger's read models put in
                    // place, session 19), and this ledger's events would collide with their rows; the rebuild's swap
                    // clears the mark
                    if (!state.failed()) {
                        ProjectionState foreign = state.withFailure(new ProjectionFailure(projection.name(), state.position(),
                                "checkpoint", "the read model's checkpoint is not an event of this ledger"));
                        readModels.transaction(transaction -> transaction.saveState(foreign));
                    }
                    toRebuild.add(projection);
                } else if (state.version() != projection.version() || state.building()) {
                    toRebuild.add(projection);
                }
            }
        }
        catchUp.run(progress);
        indexLiveTables();
        synchronized (writeLock) {
            readModels.built();
        }
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
                    // not the tables of an older version still in service until their rebuild (session 23: version 8 of
                    // balances indexes a table version 7 did not have, and indexing it failed the open)
                    transaction.state(projection.name()).filter(state -> state.version() == projection.version())
                            .ifPresent(state -> transaction.createIndexes(projection, state.generation()));
                }
            });
        }
    }

    /** Follows the ledger: new events (also from other processes) are applied within about a second. */
    public void follow() {
        requireWritable("follow the ledger");
        follower.start();
    }

    /** Applies every event after each healthy projection's checkpoint; returns the number of events read. */
    public long catchUp() {
        if (!readModels.writable()) {
            // read-only: see the file as it is now; if its read models did not go as far, they are left for the cache
            readModels.renewSnapshot();
            if (current() || !readModels.turnToCache()) {
                return 0;
            }
            LOG.info("The read models in the ledger are behind its events; they are caught up in {} instead.",
                    dev.eventscope.domain.PrintableText.of(readModels.location()));
            open(ProgressListener.NONE);
            return 0;
        }
        return catchUp.run();
    }

    /**
     * Replays the projection from position 0 into a new generation of its tables and swaps it in
     * when done; the old read model serves meanwhile and stays when the rebuild is cancelled or fails.
     * A rebuild of the same version that a crash interrupted resumes from its own checkpoint.
     */
    public RebuildOutcome rebuild(String name, ProgressListener progress, CancellationToken cancellation) {
        requireWritable("be rebuilt");
        synchronized (openLock) {
            return rebuild.run(projection(name), progress, cancellation);
        }
    }

    private void requireWritable(String what) {
        if (!readModels.writable()) {
            throw new ReadModelException("The read models in " + readModels.location() + " were opened only to be read;"
                    + " they cannot " + what + " here.");
        }
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

    /** Stops following the ledger; the read models stay open (their owner closes them). */
    @Override
    public void close() {
        follower.close();
    }
}
