package dev.eventscope.eventstore;

import java.util.List;

/**
 * A {@link BulkAppend} over one open transaction of a store adapter: appends until the first failure,
 * then only close; commit once. The adapter's write lock, taken before this is made, is released
 * when the bulk ends (commit or close); listeners hear of the committed positions after the commit.
 */
public final class TransactionalBulkAppend implements BulkAppend {

    /** The adapter's side: one open transaction; what it throws besides a conflict, {@code translate} makes readable. */
    public interface Transaction<X extends Exception> {
        AppendResult append(List<StreamAppend> appends) throws ConcurrencyConflict, X;

        void commit() throws X;

        /** Rolls back, quietly: the transaction may be gone already. */
        void rollback();

        /** A transaction of its three steps. */
        static <X extends Exception> Transaction<X> of(AppendStep<X> append, CommitStep<X> commit, Runnable rollback) {
            return new Transaction<>() {
                @Override
                public AppendResult append(List<StreamAppend> appends) throws ConcurrencyConflict, X {
                    return append.append(appends);
                }

                @Override
                public void commit() throws X {
                    commit.commit();
                }

                @Override
                public void rollback() {
                    rollback.run();
                }
            };
        }
    }

    /** One append inside the open transaction. */
    @FunctionalInterface
    public interface AppendStep<X extends Exception> {
        AppendResult append(List<StreamAppend> appends) throws ConcurrencyConflict, X;
    }

    /** Commits the open transaction. */
    @FunctionalInterface
    public interface CommitStep<X extends Exception> {
        void commit() throws X;
    }

    /** Turns an adapter's failure ({@code X}) into one readable sentence. */
    @FunctionalInterface
    public interface Translation {
        EventStoreException translate(String action, Exception failure);
    }

    /** Hears of the positions a committed bulk wrote, first to last. */
    @FunctionalInterface
    public interface Announcement {
        void appended(long firstPosition, long lastPosition);
    }

    private final Transaction<?> transaction;
    private final Translation translation;
    private final Runnable releaseWriteLock;
    private final Announcement announce;
    private long firstPosition;
    private long lastPosition;
    private boolean failed;
    private boolean finished;

    public TransactionalBulkAppend(Transaction<?> transaction, Translation translation, Runnable releaseWriteLock,
                                   Announcement announce) {
        this.transaction = transaction;
        this.translation = translation;
        this.releaseWriteLock = releaseWriteLock;
        this.announce = announce;
    }

    @Override
    public AppendResult append(List<StreamAppend> appends) throws ConcurrencyConflict {
        if (finished || failed) {
            throw new EventStoreException("This bulk append is " + (finished ? "already finished" : "stopped after a failure")
                    + "; start a new one.");
        }
        try {
            AppendResult result = transaction.append(appends);
            if (!result.alreadyStored() && !result.positions().isEmpty()) {
                if (firstPosition == 0) {
                    firstPosition = result.positions().get(0);
                }
                lastPosition = result.lastPosition();
            }
            return result;
        } catch (ConcurrencyConflict | RuntimeException e) {
            failed = true;
            throw e;
        } catch (Exception e) {
            failed = true;
            throw translation.translate("append to", e);
        }
    }

    @Override
    public void commit() {
        if (finished || failed) {
            throw new EventStoreException("This bulk append cannot be committed: it is "
                    + (finished ? "already finished." : "stopped after a failure; nothing of it was written."));
        }
        try {
            transaction.commit();
            finished = true;
        } catch (RuntimeException e) {
            failed = true;
            throw e;
        } catch (Exception e) {
            failed = true;
            throw translation.translate("commit to", e);
        } finally {
            if (finished) {
                releaseWriteLock.run();
            }
        }
        if (lastPosition > 0) {
            announce.appended(firstPosition, lastPosition);
        }
    }

    @Override
    public void close() {
        if (finished) {
            return;
        }
        finished = true;
        try {
            transaction.rollback();
        } finally {
            releaseWriteLock.run();
        }
    }
}
