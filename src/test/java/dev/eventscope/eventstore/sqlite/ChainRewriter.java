package dev.eventscope.eventstore.sqlite;

import dev.eventscope.eventstore.EventHashChain;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The attacker of issue 17: someone with write access and the documented chain encoding, who edits
 * the events table with a plain SQLite tool and then recomputes every hash so the chain is
 * self-consistent again, and puts the immutability triggers back. Test code only.
 */
public final class ChainRewriter {

    private ChainRewriter() {
    }

    /** Runs the statements with the guarding triggers dropped, then rechains every event and sets the head position. */
    public static void rewrite(Path ledger, String... statements) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + ledger);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP TRIGGER IF EXISTS events_are_immutable");
            statement.execute("DROP TRIGGER IF EXISTS events_are_permanent");
            for (String sql : statements) {
                statement.execute(sql);
            }
            // and, careful, deletes the stream rows its deletions left without events, which verify names (session 14)
            statement.execute("DELETE FROM streams WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.stream_key = streams.stream_key)");
            rechain(connection);
            // and puts the guards back as they were, or verify would name them as dropped (session 13)
            connection.setAutoCommit(true);
            for (String guard : new java.util.TreeSet<>(LedgerSchema.GUARDS.keySet())) {
                statement.execute(LedgerSchema.GUARDS.get(guard));
            }
        }
    }

    private static void rechain(Connection connection) throws Exception {
        EventHashChain chain = new EventHashChain();
        byte[] previous = EventHashChain.GENESIS;
        long last = 0;
        connection.setAutoCommit(false);
        try (PreparedStatement rows = connection.prepareStatement("SELECT e.position, e.event_id, s.stream_id, e.version, e.type,"
                + " e.schema_version, e.recorded_at, e.user_name, e.correlation_id, e.causation_id, e.command_name, e.data"
                + " FROM events e JOIN streams s ON s.stream_key = e.stream_key ORDER BY e.position");
             PreparedStatement update = connection.prepareStatement("UPDATE events SET hash = ? WHERE position = ?");
             ResultSet row = rows.executeQuery()) {
            while (row.next()) {
                byte[] hash = chain.link(previous, row.getString(2), row.getString(3), row.getLong(4), row.getString(5),
                        row.getInt(6), row.getLong(7), row.getString(8), row.getString(9), row.getString(10), row.getString(11),
                        row.getString(12));
                update.setBytes(1, hash);
                update.setLong(2, row.getLong(1));
                update.addBatch();
                previous = hash;
                last = row.getLong(1);
            }
            update.executeBatch();
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("UPDATE ledger_meta SET value = '" + last + "' WHERE key = 'head_position'");
        }
        connection.commit();
    }
}
