package dev.eventscope.eventstore.postgres;

import dev.eventscope.eventstore.AppendResult;
import dev.eventscope.eventstore.BulkAppend;
import dev.eventscope.eventstore.ConcurrencyConflict;
import dev.eventscope.eventstore.EventStoreException;
import dev.eventscope.eventstore.StreamAppend;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * Many appends in one transaction of the store's writer connection (see {@link BulkAppend}). Holds
 * the store's write lock from creation to commit or close, and the ledger's head lock from its first
 * append, so other writers, here and elsewhere, wait until it ends.
 */
final class PostgresBulkAppend implements BulkAppend {

    private final Connection connection;
    private final PostgresAppender appender;
    private final ReentrantLock writeLock;
    private final Function<SQLException, EventStoreException> writeFailure;
    private final LongConsumer announce;
    private long lastPosition;
    private boolean failed;
    private boolean finished;

    /** Takes over the write lock the store holds and the connection whose transaction is open. */
    PostgresBulkAppend(Connection connection, PostgresAppender appender, ReentrantLock writeLock,
                       Function<SQLException, EventStoreException> writeFailure, LongConsumer announce) {
        this.connection = connection;
        this.appender = appender;
        this.writeLock = writeLock;
        this.writeFailure = writeFailure;
        this.announce = announce;
    }

    @Override
    public AppendResult append(List<StreamAppend> appends) throws ConcurrencyConflict {
        if (finished || failed) {
            throw new EventStoreException("This bulk append is " + (finished ? "already finished" : "stopped after a failure")
                    + "; start a new one.");
        }
        try {
            AppendResult result = appender.append(appends);
            if (!result.alreadyStored() && !result.positions().isEmpty()) {
                lastPosition = result.lastPosition();
            }
            return result;
        } catch (ConcurrencyConflict | RuntimeException e) {
            failed = true;
            throw e;
        } catch (SQLException e) {
            failed = true;
            throw writeFailure.apply(e);
        }
    }

    @Override
    public void commit() {
        if (finished || failed) {
            throw new EventStoreException("This bulk append cannot be committed: it is "
                    + (finished ? "already finished." : "stopped after a failure; nothing of it was written."));
        }
        try {
            connection.commit();
            finished = true;
        } catch (SQLException e) {
            failed = true;
            throw writeFailure.apply(e);
        } finally {
            if (finished) {
                writeLock.unlock();
            }
        }
        if (lastPosition > 0) {
            announce.accept(lastPosition);
        }
    }

    @Override
    public void close() {
        if (finished) {
            return;
        }
        finished = true;
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // a lost connection rolled the transaction back on the server already
        } finally {
            writeLock.unlock();
        }
    }
}
