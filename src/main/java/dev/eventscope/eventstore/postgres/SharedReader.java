package dev.eventscope.eventstore.postgres;

import dev.eventscope.eventstore.EventStoreException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The one connection a store's short reads share, one query at a time. A read changes nothing, so
 * when the connection turns out to be lost (a server restart) it is reopened and the query run once
 * more before a failure is reported.
 */
final class SharedReader implements AutoCloseable {

    @FunctionalInterface
    interface RowReader<T> {
        /** The value of one row; null to leave the row out. */
        T read(ResultSet row) throws SQLException;
    }

    /** Sets a query's parameters. */
    @FunctionalInterface
    interface Parameters {
        void set(PreparedStatement query) throws SQLException;
    }

    private final PostgresLedgerUrl url;
    private final PostgresOptions options;
    private final boolean readOnly;
    private Connection connection;

    SharedReader(PostgresLedgerUrl url, PostgresOptions options, boolean readOnly, Connection connection) {
        this.url = url;
        this.options = options;
        this.readOnly = readOnly;
        this.connection = connection;
    }

    /** The rows of one query; throws {@link EventStoreException} naming {@code action} on failure. */
    synchronized <T> List<T> query(String action, String sql, Parameters parameters, RowReader<T> rowReader) {
        try {
            return queryOnce(sql, parameters, rowReader);
        } catch (SQLException e) {
            if (!PostgresEventStore.isConnectionLost(e)) {
                throw PostgresErrors.failure(url, action, e);
            }
            drop();
            try {
                return queryOnce(sql, parameters, rowReader);
            } catch (SQLException again) {
                if (PostgresEventStore.isConnectionLost(again)) {
                    drop();
                }
                throw PostgresErrors.failure(url, action, again);
            }
        }
    }

    private <T> List<T> queryOnce(String sql, Parameters parameters, RowReader<T> rowReader) throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = PostgresConnections.open(url, options);
            connection.setReadOnly(readOnly);
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            parameters.set(statement);
            List<T> results = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    T value = rowReader.read(rows);
                    if (value != null) {
                        results.add(value);
                    }
                }
            }
            return results;
        }
    }

    private void drop() {
        PostgresConnections.closeQuietly(connection);
        connection = null;
    }

    @Override
    public synchronized void close() {
        drop();
    }
}
