package dev.eventscope.eventstore.postgres;

import dev.eventscope.eventstore.EventHashChain;
import dev.eventscope.eventstore.IntegrityReport;
import dev.eventscope.eventstore.IntegrityReport.Tampering;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

/**
 * Walks a PostgreSQL ledger's hash chain in position order through a server-side cursor (constant
 * memory), in one repeatable-read snapshot so the head and the rows agree, and names the first event
 * that does not fit, with the same classification as the SQLite store (docs/hash-chain.md): altered,
 * removed (a gap, a row linking past its predecessor, or fewer rows than the head), inserted (a row
 * the next row skips, or a row beyond the head).
 */
final class PostgresChainVerifier {

    private final Connection connection;
    private final String schema;
    private final int fetchSize;
    private final EventHashChain hashChain = new EventHashChain();

    PostgresChainVerifier(Connection connection, String schema, int fetchSize) {
        this.connection = connection;
        this.schema = schema;
        this.fetchSize = fetchSize;
    }

    private record Row(long position, byte[] prevHash, byte[] hash, byte[] computed) {
        boolean intact() {
            return Arrays.equals(hash, computed);
        }
    }

    IntegrityReport verify() throws SQLException {
        connection.setAutoCommit(false);
        try (Statement control = connection.createStatement()) {
            control.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            long recordedHead = recordedHead();
            // the stream id by a keyed look-up per row, so the walk follows the position index with no sort
            try (PreparedStatement query = connection.prepareStatement("SELECT e.position, e.event_id, (SELECT s.stream_id"
                    + " FROM " + schema + ".streams s WHERE s.stream_key = e.stream_key), e.version, e.type, e.schema_version,"
                    + " e.recorded_at, e.user_name, e.correlation_id, e.causation_id, e.command_name, e.data, e.prev_hash,"
                    + " e.hash FROM " + schema + ".events e ORDER BY e.position")) {
                query.setFetchSize(fetchSize);
                try (ResultSet rows = query.executeQuery()) {
                    return walk(rows, recordedHead);
                }
            }
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }

    private IntegrityReport walk(ResultSet rows, long recordedHead) throws SQLException {
        byte[] previous = EventHashChain.GENESIS;
        long expectedPosition = 1;
        long checked = 0;
        Row row = read(rows);
        while (row != null) {
            long goodThrough = expectedPosition - 1;
            String goodHash = goodThrough == 0 ? null : EventHashChain.hex(previous);
            if (row.position() < expectedPosition) {
                return IntegrityReport.broken(checked, goodThrough, goodHash, row.position(), Tampering.INSERTED,
                        "a row with position " + row.position() + " lies outside the chain, which starts at position 1");
            }
            if (row.position() > expectedPosition) {
                return IntegrityReport.broken(checked, goodThrough, goodHash, expectedPosition, Tampering.REMOVED,
                        (row.position() - expectedPosition == 1 ? "the event at position " + expectedPosition + " is"
                                : "the events at positions " + expectedPosition + " to " + (row.position() - 1) + " are")
                                + " missing");
            }
            if (recordedHead >= 0 && row.position() > recordedHead) {
                return IntegrityReport.broken(checked, goodThrough, goodHash, row.position(), Tampering.INSERTED,
                        "the ledger recorded events only up to position " + recordedHead
                                + ", yet the table holds an event at position " + row.position());
            }
            Row after = read(rows);
            boolean linked = Arrays.equals(row.prevHash(), previous);
            if (!row.intact() || !linked) {
                if (after != null && after.intact() && Arrays.equals(after.prevHash(), previous)) {
                    return IntegrityReport.broken(checked, goodThrough, goodHash, row.position(), Tampering.INSERTED,
                            "the event after it links straight to position " + goodThrough
                                    + ", so this event was never part of the chain");
                }
                if (!row.intact()) {
                    return IntegrityReport.broken(checked, goodThrough, goodHash, row.position(), Tampering.ALTERED,
                            "its stored content no longer gives its recorded hash");
                }
                return IntegrityReport.broken(checked, goodThrough, goodHash, row.position(), Tampering.REMOVED,
                        "it is chained to an event that is no longer at position " + goodThrough);
            }
            previous = row.hash();
            checked++;
            expectedPosition++;
            row = after;
        }
        long last = expectedPosition - 1;
        if (recordedHead > last) {
            return IntegrityReport.broken(checked, last, last == 0 ? null : EventHashChain.hex(previous), last + 1,
                    Tampering.REMOVED, "the ledger recorded events up to position " + recordedHead
                            + " but the chain ends at position " + last);
        }
        return IntegrityReport.intact(checked, last, last == 0 ? null : EventHashChain.hex(previous));
    }

    private long recordedHead() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT position FROM " + schema + ".ledger_head WHERE id = 1")) {
            return row.next() ? row.getLong(1) : -1;
        }
    }

    private Row read(ResultSet rows) throws SQLException {
        if (!rows.next()) {
            return null;
        }
        byte[] prevHash = rows.getBytes(13);
        byte[] computed = hashChain.link(prevHash == null || prevHash.length == 0 ? EventHashChain.GENESIS : prevHash,
                rows.getString(2), rows.getString(3), rows.getLong(4), rows.getString(5), rows.getInt(6), rows.getLong(7),
                rows.getString(8), rows.getString(9), rows.getString(10), rows.getString(11), rows.getString(12));
        return new Row(rows.getLong(1), prevHash, rows.getBytes(14), computed);
    }
}
