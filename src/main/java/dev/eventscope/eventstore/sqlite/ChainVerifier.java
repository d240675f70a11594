package dev.eventscope.eventstore.sqlite;

import dev.eventscope.eventstore.IntegrityReport;
import dev.eventscope.eventstore.IntegrityReport.Tampering;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Walks the hash chain in position order, one page at a time, and names the first event that
 * does not fit. Each row stores the hash it was chained to ({@code prev_hash}) as well as its own,
 * which lets the walk tell an altered event (its content no longer gives its hash) from a removed
 * one (a gap, or a row that links past its predecessor) and an inserted one (a row the next event
 * skips over, or a row beyond the head the store recorded).
 */
final class ChainVerifier {

    private static final int PAGE_SIZE = 5_000;
    private static final String QUERY = "SELECT e.position, e.event_id, s.stream_id, e.version, e.type, e.schema_version,"
            + " e.recorded_at, e.user_name, e.correlation_id, e.causation_id, e.command_name, e.data, e.prev_hash, e.hash"
            + " FROM events e LEFT JOIN streams s ON s.stream_key = e.stream_key"
            + " WHERE e.position > ? ORDER BY e.position LIMIT ?";

    private final Connection connection;
    private final HashChain hashChain = new HashChain();
    private final Deque<Row> buffer = new ArrayDeque<>();
    private long lastRead = Long.MIN_VALUE;
    private boolean exhausted;

    ChainVerifier(Connection connection) {
        this.connection = connection;
    }

    private record Row(long position, byte[] prevHash, byte[] hash, byte[] computed) {
        boolean intact() {
            return Arrays.equals(hash, computed);
        }
    }

    IntegrityReport verify() throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(QUERY)) {
            byte[] previous = HashChain.GENESIS;
            long expectedPosition = 1;
            long checked = 0;
            long recordedHead = recordedHead();
            Row row;
            while ((row = next(query)) != null) {
                long goodThrough = expectedPosition - 1;
                String goodHash = goodThrough == 0 ? null : HashChain.hex(previous);
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
                boolean linked = Arrays.equals(row.prevHash(), previous);
                if (!row.intact() || !linked) {
                    Row after = peek(query);
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
                            "it was chained to an event that is no longer before it: an event was removed and the"
                                    + " positions after it renumbered, or the event before it was rewritten");
                }
                previous = row.hash();
                expectedPosition++;
                checked++;
            }
            long last = expectedPosition - 1;
            if (recordedHead > last) {
                return IntegrityReport.broken(checked, last, last == 0 ? null : HashChain.hex(previous), last + 1,
                        Tampering.REMOVED, "the ledger recorded events up to position " + recordedHead
                                + " but the chain ends at position " + last);
            }
            return IntegrityReport.intact(checked, last, last == 0 ? null : HashChain.hex(previous));
        }
    }

    private long recordedHead() throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT value FROM ledger_meta WHERE key = 'head_position'");
             ResultSet row = query.executeQuery()) {
            return row.next() ? Long.parseLong(row.getString(1)) : -1;
        }
    }

    private Row next(PreparedStatement query) throws SQLException {
        fill(query);
        return buffer.pollFirst();
    }

    private Row peek(PreparedStatement query) throws SQLException {
        fill(query);
        return buffer.peekFirst();
    }

    private void fill(PreparedStatement query) throws SQLException {
        if (!buffer.isEmpty() || exhausted) {
            return;
        }
        query.setLong(1, lastRead);
        query.setInt(2, PAGE_SIZE);
        int count = 0;
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                count++;
                long position = rows.getLong(1);
                byte[] prevHash = rows.getBytes(13);
                byte[] computed = hashChain.link(prevHash == null ? HashChain.GENESIS : prevHash, rows.getString(2),
                        rows.getString(3), rows.getLong(4), rows.getString(5), rows.getInt(6), rows.getLong(7),
                        rows.getString(8), rows.getString(9), rows.getString(10), rows.getString(11), rows.getString(12));
                buffer.addLast(new Row(position, prevHash, rows.getBytes(14), computed));
                lastRead = position;
            }
        }
        if (count < PAGE_SIZE) {
            exhausted = true;
        }
    }
}
