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
            // one pass over the events: the NULL logins (rows written before logins were kept) form one group, each
            // pair of a login and another user's name one group each, shown first; the window sums are taken before the LIMIT
            long without = 0;
            List<RecordedLogins.Elsewhere> elsewhere = new ArrayList<>();
            long pairs = 0;
            try (PreparedStatement query = connection.prepareStatement("SELECT login_role, user_name, n, first, last,"
                    + " count(*) FILTER (WHERE login_role IS NOT NULL) OVER (),"
                    + " coalesce(sum(n) FILTER (WHERE login_role IS NULL) OVER (), 0)::bigint FROM (SELECT login_role,"
                    + " CASE WHEN login_role IS NULL THEN NULL ELSE user_name END AS user_name, count(*) AS n,"
                    + " min(position) AS first, max(position) AS last FROM " + schema + ".events WHERE position <= ?"
                    + " AND (login_role IS NULL OR login_role <> user_name) GROUP BY 1, 2) g"
                    + " ORDER BY login_role IS NULL, first LIMIT " + RecordedLogins.SHOWN)) {
                query.setLong(1, position);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        pairs = rows.getLong(6);
                        without = rows.getLong(7);
                        if (rows.getString(1) != null) {
                            elsewhere.add(new RecordedLogins.Elsewhere(rows.getString(1), rows.getString(2), rows.getLong(3),
                                    rows.getLong(4), rows.getLong(5)));
                        }
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
