package dev.eventscope.eventstore.sqlite;

import dev.eventscope.eventstore.EventHashChain;
import dev.eventscope.eventstore.ChainObserver;
import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.IntegrityReport;
import dev.eventscope.eventstore.IntegrityReport.Tampering;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.StreamId;

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
 * one (a gap, or a row that links past its predecessor), an inserted one (a row the next event
 * skips over, or a row beyond the head the store recorded) and two events swapped (reordered).
 *
 * <p>The whole walk is one read transaction: in WAL mode it sees the ledger exactly as it stood
 * when the walk began, so an append committed by another writer meanwhile can neither show up as
 * an event beyond the recorded head nor make the pages disagree. After the chain, the walk checks
 * the store's records that sit beside it: the head position and each stream's category.
 */
final class ChainVerifier {

    private static final int PAGE_SIZE = 5_000;
    private static final String QUERY = "SELECT e.position, e.event_id, s.stream_id, e.version, e.type, e.schema_version,"
            + " e.recorded_at, e.user_name, e.correlation_id, e.causation_id, e.command_name, e.data, e.prev_hash, e.hash"
            + " FROM events e LEFT JOIN streams s ON s.stream_key = e.stream_key"
            + " WHERE e.position > ? ORDER BY e.position LIMIT ?";
    /** A stream's category as the store derives it from the stream id: the part before the first '-'. */
    private static final String DERIVED_CATEGORY =
            "CASE WHEN instr(stream_id, '-') > 0 THEN substr(stream_id, 1, instr(stream_id, '-') - 1) ELSE stream_id END";

    private final Connection connection;
    private final Runnable afterEachPage;
    private final EventHashChain hashChain = new EventHashChain();
    private final Deque<Row> buffer = new ArrayDeque<>();
    private long lastRead = Long.MIN_VALUE;
    private boolean exhausted;

    ChainVerifier(Connection connection) {
        this(connection, () -> { });
    }

    /** {@code afterEachPage} runs after every page is read; tests append from another connection there. */
    ChainVerifier(Connection connection, Runnable afterEachPage) {
        this.connection = connection;
        this.afterEachPage = afterEachPage;
    }

    private record Row(RecordedEvent event, byte[] prevHash, byte[] hash, byte[] computed) {
        long position() {
            return event.position();
        }

        boolean intact() {
            return Arrays.equals(hash, computed);
        }
    }

    /** The recorded head position, or why it cannot be read. */
    private record RecordedHead(long position, String problem) {
    }

    IntegrityReport verify(ChainObserver observer) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            return walk(observer);
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
    }

    private IntegrityReport walk(ChainObserver observer) throws SQLException {
        long readThrough = lastPosition();
        RecordedHead head = recordedHead();
        long recordedHead = head.position();
        try (PreparedStatement query = connection.prepareStatement(QUERY)) {
            byte[] previous = EventHashChain.GENESIS;
            long expectedPosition = 1;
            long checked = 0;
            Row row;
            while ((row = next(query)) != null) {
                long goodThrough = expectedPosition - 1;
                String goodHash = goodThrough == 0 ? null : EventHashChain.hex(previous);
                IntegrityReport broken = misfit(row, query, previous, expectedPosition, recordedHead, checked, goodHash);
                if (broken != null) {
                    return broken.readThrough(readThrough);
                }
                observer.verified(row.event());
                previous = row.hash();
                expectedPosition++;
                checked++;
            }
            long last = expectedPosition - 1;
            String lastHash = last == 0 ? null : EventHashChain.hex(previous);
            if (recordedHead > last) {
                return IntegrityReport.broken(checked, last, lastHash, last + 1,
                        Tampering.REMOVED, "the ledger recorded events up to position " + recordedHead
                                + " but the chain ends at position " + last).readThrough(readThrough);
            }
            String besideTheChain = head.problem() != null ? head.problem() : editedCategory();
            if (besideTheChain == null) {
                besideTheChain = editedStreamVersion();
            }
            if (besideTheChain != null) {
                return new IntegrityReport(false, checked, last, lastHash, 0, Tampering.METADATA, besideTheChain, readThrough);
            }
            return IntegrityReport.intact(checked, last, lastHash);
        }
    }

    /** The report of the first break {@code row} shows, or null when it fits the chain. */
    private IntegrityReport misfit(Row row, PreparedStatement query, byte[] previous, long expectedPosition,
                                   long recordedHead, long checked, String goodHash) throws SQLException {
        long goodThrough = expectedPosition - 1;
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
        if (row.intact() && linked) {
            return null;
        }
        Row after = peek(query);
        boolean afterLinksBack = after != null && after.intact() && Arrays.equals(after.prevHash(), previous);
        if (afterLinksBack && row.intact() && Arrays.equals(row.prevHash(), after.hash())) {
            return IntegrityReport.broken(checked, goodThrough, goodHash, row.position(), Tampering.REORDERED,
                    "the events at positions " + row.position() + " and " + after.position()
                            + " are both intact but stored in each other's place");
        }
        if (afterLinksBack) {
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

    private long lastPosition() throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT COALESCE(MAX(position), 0) FROM events");
             ResultSet row = query.executeQuery()) {
            return row.next() ? row.getLong(1) : 0;
        }
    }

    private RecordedHead recordedHead() throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT value FROM ledger_meta WHERE key = 'head_position'");
             ResultSet row = query.executeQuery()) {
            if (!row.next()) {
                return new RecordedHead(-1, null);
            }
            String value = row.getString(1);
            try {
                long position = Long.parseLong(value == null ? "" : value.strip());
                return position >= 0 ? new RecordedHead(position, null) : new RecordedHead(-1,
                        "the recorded head position '" + value + "' in ledger_meta is negative");
            } catch (NumberFormatException notANumber) {
                return new RecordedHead(-1, "the recorded head position '" + value + "' in ledger_meta is not a number");
            }
        }
    }

    /** The first stream whose stored category is not the one its id gives, or null. */
    private String editedCategory() throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT stream_id, category FROM streams WHERE category IS NOT "
                + DERIVED_CATEGORY + " ORDER BY stream_id LIMIT 1");
             ResultSet row = query.executeQuery()) {
            if (!row.next()) {
                return null;
            }
            return "the stream '" + row.getString(1) + "' is filed under the category '" + row.getString(2) + "' instead of '"
                    + StreamId.of(row.getString(1)).category() + "', which would hide it from every list of its kind";
        }
    }

    /** The first stream whose recorded version or last position is not what its events say, or null. */
    private String editedStreamVersion() throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT s.stream_id, s.version, s.last_position,"
                + " COALESCE(e.version, 0), COALESCE(e.position, 0) FROM streams s LEFT JOIN (SELECT stream_key,"
                + " MAX(version) AS version, MAX(position) AS position FROM events GROUP BY stream_key) e"
                + " ON e.stream_key = s.stream_key WHERE s.version IS NOT COALESCE(e.version, 0)"
                + " OR s.last_position IS NOT COALESCE(e.position, 0) ORDER BY s.stream_id LIMIT 1");
             ResultSet row = query.executeQuery()) {
            if (!row.next()) {
                return null;
            }
            return "the stream '" + row.getString(1) + "' is recorded at version " + row.getLong(2) + " (last position "
                    + row.getLong(3) + "), but its events end at version " + row.getLong(4) + " (position " + row.getLong(5) + ")";
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
                byte[] hash = rows.getBytes(14);
                String streamId = rows.getString(3);
                byte[] computed = hashChain.link(prevHash == null ? EventHashChain.GENESIS : prevHash, rows.getString(2),
                        streamId, rows.getLong(4), rows.getString(5), rows.getInt(6), rows.getLong(7),
                        rows.getString(8), rows.getString(9), rows.getString(10), rows.getString(11), rows.getString(12));
                RecordedEvent event = new RecordedEvent(position, rows.getString(2),
                        streamId == null || streamId.isBlank() ? null : StreamId.of(streamId), rows.getLong(4),
                        rows.getString(5), rows.getInt(6), rows.getString(12),
                        new EventMetadata(rows.getString(8) == null ? "" : rows.getString(8), rows.getString(9),
                                rows.getString(10), rows.getString(11)),
                        rows.getLong(7), EventHashChain.hex(hash));
                buffer.addLast(new Row(event, prevHash, hash, computed));
                lastRead = position;
            }
        }
        afterEachPage.run();
        if (count < PAGE_SIZE) {
            exhausted = true;
        }
    }
}
