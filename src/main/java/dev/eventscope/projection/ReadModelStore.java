package dev.eventscope.projection;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where read models live: tables per projection and generation, and each projection's
 * {@link ProjectionState}. Every change happens in {@link #transaction}, all or nothing, so that rows
 * and checkpoints are always written together. Also answers the ledger queries of the built-in read
 * models ({@link #ledgerQueries()}). Failures throw {@link ReadModelException}.
 */
public interface ReadModelStore extends AutoCloseable {

    Optional<ProjectionState> state(String projection);

    /** Runs {@code work} in one transaction; an exception rolls everything back and propagates. */
    void transaction(Consumer<ReadModelTransaction> work);

    /** The queries over the built-in read models (in their generations in service). */
    LedgerQueries ledgerQueries();

    /**
     * Whether the read models must keep the events' own columns themselves ({@link EventStampsProjection}),
     * because the ledger's events table is not in reach of the queries: a ledger on a server. Default: no.
     */
    default boolean needsEventStamps() {
        return false;
    }

    /**
     * The first open's catch-up is over: a store that writes a file built from nothing faster than it writes a file
     * in service (without a journal on disk) makes it one now. Called outside any transaction. Default: nothing.
     */
    default void built() {
    }

    /**
     * Whether this store may be written. Not a ledger's own read models opened only to answer questions (session 24:
     * the command line reads those the app keeps in the ledger file, read-only, at one snapshot of the file): {@link
     * Projections} never catches them up, rebuilds them or follows the ledger with them. Default: yes.
     */
    default boolean writable() {
        return true;
    }

    /**
     * For a store that is not {@link #writable()}: the position of the ledger's last event in the snapshot its reads
     * see (the read models and the events are read at the same point). Empty for a store that writes (default).
     */
    default java.util.OptionalLong snapshotLastPosition() {
        return java.util.OptionalLong.empty();
    }

    /**
     * For a store that is not {@link #writable()}: lets go of the snapshot its reads see, so that the next read sees
     * the file as it is committed now (what catching up is for such a store). Default: nothing.
     */
    default void renewSnapshot() {
    }

    /**
     * For a store that is not {@link #writable()} and found behind the ledger even at its newest snapshot (a writer
     * appended during a question, and nobody caught the ledger's own read models up yet): lets go of them and keeps
     * the read models from now on where a read-only ledger keeps them (the user's cache), so that they can be caught up
     * there, as before session 24; {@link #writable()} is true afterwards. Returns whether it did. Default: no.
     */
    default boolean turnToCache() {
        return false;
    }

    /**
     * Whether every table {@code projection} defines exists in {@code generation} (a store that is not writable is
     * asked before its read models are trusted). Default: yes.
     */
    default boolean holdsTables(Projection projection, int generation) {
        return true;
    }

    /** Where the read models are kept, for the user: the ledger file or a cache file. */
    String location();

    @Override
    void close();
}
