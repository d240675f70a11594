package dev.eventscope.eventstore.postgres;

import dev.eventscope.eventstore.RecordedLogins;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what the server kept about the login that wrote each event ({@code login_role}, see
 * {@link PostgresSchema#keepLogins}) through a position, in one repeatable-read snapshot.
 */
final class PostgresLogins {

    private PostgresLogins() {
    }

    static RecordedLogins through(Connection connection, String schema, long position) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement control = connection.createStatement()) {
            control.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            try (PreparedStatement column = connection.prepareStatement("SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute"
                    + " WHERE attrelid = pg_catalog.to_regclass(? || '.events') AND attname = 'login_role' AND NOT attisdropped)")) {
                column.setString(1, schema);
                try (ResultSet row = column.executeQuery()) {
                    row.next();
                    if (!row.getBoolean(1)) {
                        return RecordedLogins.notKept();
                    }
                }
            }
            long without;
            try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM " + schema + ".events"
                    + " WHERE position <= ? AND login_role IS NULL")) {
                count.setLong(1, position);
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    without = row.getLong(1);
                }
            }
            List<RecordedLogins.Elsewhere> elsewhere = new ArrayList<>();
            long pairs = 0;
            try (PreparedStatement query = connection.prepareStatement("SELECT login_role, user_name, count(*), min(position),"
                    + " max(position), count(*) OVER () FROM " + schema + ".events WHERE position <= ? AND login_role <> user_name"
                    + " GROUP BY login_role, user_name ORDER BY min(position) LIMIT " + RecordedLogins.SHOWN)) {
                query.setLong(1, position);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        elsewhere.add(new RecordedLogins.Elsewhere(rows.getString(1), rows.getString(2), rows.getLong(3),
                                rows.getLong(4), rows.getLong(5)));
                        pairs = rows.getLong(6);
                    }
                }
            }
            return new RecordedLogins(true, without, elsewhere, pairs);
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }
}
