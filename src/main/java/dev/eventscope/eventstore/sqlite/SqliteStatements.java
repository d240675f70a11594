package dev.eventscope.eventstore.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The statement boilerplate of one connection, in one place: take the connection's lock, prepare the
 * statement once (preparing costs as much as running a small query), bind, run, and turn a failure
 * into one sentence ({@link SqliteErrors}). One per connection; the lock serialises its users.
 */
final class SqliteStatements {

    /** Sets a statement's parameters. */
    @FunctionalInterface
    interface Binder {
        Binder NONE = statement -> { };

        void bind(PreparedStatement statement) throws SQLException;
    }

    /** Reads what a query returned. */
    @FunctionalInterface
    interface Rows<T> {
        T read(ResultSet rows) throws SQLException;
    }

    /** Work on the connection while holding its lock; may throw {@code X} besides SQL failures. */
    @FunctionalInterface
    interface Work<T, X extends Exception> {
        T run(SqliteStatements statements) throws SQLException, X;
    }

    private static final int MAX_CACHED = 64;

    private final Connection connection;
    private final SqliteErrors errors;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, PreparedStatement> prepared = new HashMap<>();

    SqliteStatements(Connection connection, SqliteErrors errors) {
        this.connection = connection;
        this.errors = errors;
    }

    /** Runs one query; {@code action} completes "Could not ... the ledger" when it fails. */
    <T> T query(String action, String sql, Binder binder, Rows<T> rows) {
        return locked(action, statements -> {
            PreparedStatement statement = statements.prepared(sql);
            binder.bind(statement);
            try (ResultSet result = statement.executeQuery()) {
                return rows.read(result);
            }
        });
    }

    /** Runs {@code work} holding the lock; a SQL failure becomes one sentence. */
    <T, X extends Exception> T locked(String action, Work<T, X> work) throws X {
        lock.lock();
        try {
            return work.run(this);
        } catch (SQLException e) {
            throw errors.failure(action, e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * The statement for {@code sql}, prepared once, its parameters and any batch a failed user left
     * behind cleared; call holding the lock.
     */
    PreparedStatement prepared(String sql) throws SQLException {
        PreparedStatement statement = prepared.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            if (prepared.size() < MAX_CACHED) {
                prepared.put(sql, statement);
            }
        }
        statement.clearParameters();
        statement.clearBatch();
        return statement;
    }

    Connection connection() {
        return connection;
    }

    SqliteErrors errors() {
        return errors;
    }

    /** Held from the start of a bulk append to its end, so that other writers of this store wait. */
    ReentrantLock lock() {
        return lock;
    }

    /** Closes the connection once its current user is done. */
    void close() {
        lock.lock();
        try {
            connection.close();
        } catch (SQLException e) {
            org.slf4j.LoggerFactory.getLogger(SqliteStatements.class).warn("closing a ledger connection failed", e);
        } finally {
            lock.unlock();
        }
    }
}
