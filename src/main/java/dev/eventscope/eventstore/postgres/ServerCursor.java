package dev.eventscope.eventstore.postgres;

import dev.eventscope.eventstore.EventCursor;
import dev.eventscope.eventstore.EventRows;
import dev.eventscope.eventstore.EventStoreException;
import dev.eventscope.eventstore.RecordedEvent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * Events read through a PostgreSQL server-side cursor: a connection of its own with autocommit off
 * and a fetch size, so pgjdbc brings over {@code fetchSize} rows at a time and memory stays constant
 * whatever the size of the ledger. The cursor sees the ledger as it was when it started. Closing it
 * (or reading it to the end) ends the transaction and closes its connection.
 */
final class ServerCursor implements EventCursor {

    private final Connection connection;
    private final PreparedStatement query;
    private final ResultSet rows;
    private final Function<SQLException, EventStoreException> failure;
    private final StreamNames names;
    private final EventRows<SQLException> columns;
    private RecordedEvent next;
    private boolean closed;

    /** Runs {@code sql} (selecting {@link EventRows#COLUMNS}) (with its parameters set by {@code parameters}) on a new connection. */
    ServerCursor(Connection connection, String sql, Parameters parameters, int fetchSize, StreamNames names,
                 Function<SQLException, EventStoreException> failure) {
        this.connection = connection;
        this.failure = failure;
        this.names = names;
        try {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            query = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            query.setFetchSize(fetchSize);
            parameters.set(query);
            rows = query.executeQuery();
            columns = new EventRows<>(rows::getLong, rows::getInt, rows::getString, rows::getBytes);
        } catch (SQLException e) {
            PostgresConnections.closeQuietly(connection);
            throw failure.apply(e);
        }
    }

    @FunctionalInterface
    interface Parameters {
        void set(PreparedStatement query) throws SQLException;
    }

    @Override
    public boolean hasNext() {
        if (next != null) {
            return true;
        }
        if (closed) {
            return false;
        }
        try {
            if (rows.next()) {
                next = columns.event(names::nameOf);
                return true;
            }
        } catch (SQLException e) {
            close();
            throw failure.apply(e);
        }
        close();
        return false;
    }

    @Override
    public RecordedEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more events in this cursor");
        }
        RecordedEvent event = next;
        next = null;
        return event;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            rows.close();
            query.close();
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection is closed next; a read-only transaction has nothing to lose
        } finally {
            PostgresConnections.closeQuietly(connection);
        }
    }
}
