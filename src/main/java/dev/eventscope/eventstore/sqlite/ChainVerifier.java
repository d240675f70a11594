package dev.eventscope.eventstore.sqlite;

import dev.eventscope.eventstore.ChainObserver;
import dev.eventscope.eventstore.ChainWalk;
import dev.eventscope.eventstore.EventHashChain;
import dev.eventscope.eventstore.EventRows;
import dev.eventscope.eventstore.IntegrityReport;
import dev.eventscope.eventstore.IntegrityReport.Tampering;
import dev.eventscope.eventstore.StreamId;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Walks the hash chain ({@link ChainWalk}) in position order, one page at a time.
 *
 * <p>The whole walk is one read transaction: in WAL mode it sees the ledger exactly as it stood
 * when the walk began, so an append committed by another writer meanwhile can neither show up as
 * an event beyond the recorded head nor make the pages disagree. After the chain, the walk checks
 * the store's records that sit beside it: the head position and each stream's category.
 */
final class ChainVerifier {

    private static final int PAGE_SIZE = 5_000;
    // no stored previous hash (schema 3; a schema-2 ledger read as it is has one, equal to what this reads): each
    // row is chained to the hash of the row read before it
    private static final String QUERY = "SELECT e.position, e.event_id, s.stream_id, " + EventRows.CHAIN_COLUMNS_WITHOUT_PREVIOUS
            + " FROM events e LEFT JOIN streams s ON s.stream_key = e.stream_key"
            + " WHERE e.position > ? ORDER BY e.position LIMIT ?";
    /** A stream's category as the store derives it from the stream id: the part before the first '-'. */
    private static final String DERIVED_CATEGORY =
            "CASE WHEN instr(stream_id, '-') > 0 THEN substr(stream_id, 1, instr(stream_id, '-') - 1) ELSE stream_id END";

    private final Connection connection;
    private final Runnable afterEachPage;
    private final EventHashChain hashChain = new EventHashChain();
    private final Deque<ChainWalk.Link> buffer = new ArrayDeque<>();
    private long lastRead = Long.MIN_VALUE;
    private byte[] lastHash = EventHashChain.GENESIS;
    private boolean exhausted;

    ChainVerifier(Connection connection) {
        this(connection, () -> { });
    }

    /** {@code afterEachPage} runs after every page is read; tests append from another connection there. */
    ChainVerifier(Connection connection, Runnable afterEachPage) {
        this.connection = connection;
        this.afterEachPage = afterEachPage;
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
        try (PreparedStatement query = connection.prepareStatement(QUERY)) {
            IntegrityReport chain = ChainWalk.walk(new ChainWalk.Links<SQLException>() {
                @Override
                public ChainWalk.Link next() throws SQLException {
                    fill(query);
                    return buffer.pollFirst();
                }

                @Override
                public ChainWalk.Link peek() throws SQLException {
                    fill(query);
                    return buffer.peekFirst();
                }

                @Override
                public String removedBefore(ChainWalk.Link link) throws SQLException {
                    return missingVersionAt(link.event().position());
                }
            }, head.position(), observer);
            if (!chain.intact()) {
                return chain.readThrough(readThrough);
            }
            String besideTheChain = head.problem() != null ? head.problem() : editedCategory();
            if (besideTheChain == null) {
                besideTheChain = editedGuards();
            }
            if (besideTheChain == null) {
                besideTheChain = streamWithoutEvents();
            }
            if (besideTheChain == null && recordsStreamVersions()) {
                besideTheChain = editedStreamVersion(connection);
            }
            if (besideTheChain != null) {
                return new IntegrityReport(false, chain.eventsChecked(), chain.lastPosition(), chain.headHash(), 0,
                        Tampering.METADATA, besideTheChain, readThrough);
            }
            return chain;
        }
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
                // written when the ledger was created and at every commit since: its absence is an edit
                return new RecordedHead(-1, "ledger_meta records no head position, which every ledger has from its creation on");
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

    /**
     * The first stream recorded without any event, or null. Eventscope writes a stream's row in the transaction of its
     * first event, so a row alone was added by hand, or left behind when its events were deleted; it would be listed as
     * an account never opened (session 14).
     */
    private String streamWithoutEvents() throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT stream_id FROM streams s WHERE NOT EXISTS"
                + " (SELECT 1 FROM events e WHERE e.stream_key = s.stream_key) ORDER BY stream_id LIMIT 1");
             ResultSet row = query.executeQuery()) {
            return row.next() ? "the stream '" + row.getString(1) + "' is recorded without any event, which Eventscope never"
                    + " writes: it was added by hand, or its events were deleted" : null;
        }
    }

    /**
     * The first of the ledger's triggers ({@link LedgerSchema#GUARDS}) dropped or changed, or a trigger Eventscope never
     * writes, or null. A careful forger puts the guards back; a careless one is caught here even when the chain holds.
     */
    private String editedGuards() throws SQLException {
        Map<String, String> found = new TreeMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                found.put(rows.getString(1), rows.getString(2));
            }
        }
        for (String guard : new TreeSet<>(LedgerSchema.GUARDS.keySet())) {
            String sql = found.remove(guard);
            if (sql == null) {
                return "the trigger '" + guard + "' that keeps events from being changed or deleted was dropped";
            }
            if (!sql.equals(LedgerSchema.GUARDS.get(guard))) {
                return "the trigger '" + guard + "' that keeps events from being changed or deleted was replaced by: "
                        + oneLine(sql);
            }
        }
        return found.isEmpty() ? null : "a trigger Eventscope never writes was added: " + oneLine(found.values().iterator().next());
    }

    private static String oneLine(String sql) {
        String line = sql == null ? "" : sql.replaceAll("\\s+", " ").strip();
        return line.length() <= 160 ? line : line.substring(0, 160) + "…";
    }

    /**
     * Whether the streams keep their own version and last position: a ledger of schema 2 read as it is (read-only; it
     * is upgraded to 3, which derives them from the events, when first opened for writing).
     */
    private boolean recordsStreamVersions() throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT COUNT(*) FROM pragma_table_info('streams') WHERE name = 'version'");
             ResultSet row = query.executeQuery()) {
            return row.next() && row.getInt(1) > 0;
        }
    }

    /**
     * A stream that misses a version whose event would lie just before {@code position}: its event before the gap
     * lies before that position and its event after the gap at or after it. Without a stored previous hash this is
     * what tells an event removed (and the positions after it renumbered) from the next event altered; read only
     * once the walk has found a break, since it reads every row.
     */
    private String missingVersionAt(long position) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT s.stream_id, COALESCE(g.before, 0) + 1,"
                + " g.position FROM (SELECT stream_key, version, position, LAG(version) OVER w AS before,"
                + " LAG(position) OVER w AS before_position FROM events WINDOW w AS (PARTITION BY stream_key ORDER BY version))"
                + " g LEFT JOIN streams s ON s.stream_key = g.stream_key WHERE g.position >= ?"
                + " AND COALESCE(g.before_position, 0) < ? AND g.version <> COALESCE(g.before, 0) + 1"
                + " ORDER BY g.position LIMIT 1")) {
            query.setLong(1, position);
            query.setLong(2, position);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                return "the stream '" + row.getString(1) + "' has no event at version " + row.getLong(2)
                        + ", which lay just before position " + position;
            }
        }
    }

    /**
     * The first stream whose recorded version or last position is not what its events say, or null; for a ledger of
     * schema 2 or older, whose streams record both (the upgrade to 3 asks too, before it drops them).
     */
    static String editedStreamVersion(Connection connection) throws SQLException {
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

    private void fill(PreparedStatement query) throws SQLException {
        if (!buffer.isEmpty() || exhausted) {
            return;
        }
        query.setLong(1, lastRead);
        query.setInt(2, PAGE_SIZE);
        int count = 0;
        try (ResultSet rows = query.executeQuery()) {
            EventRows<SQLException> columns = new EventRows<>(rows::getLong, rows::getInt, rows::getString, rows::getBytes);
            while (rows.next()) {
                count++;
                ChainWalk.Link link = columns.chainLinkAfter(hashChain, lastHash);
                buffer.addLast(link);
                lastRead = link.event().position();
                lastHash = link.hash();
            }
        }
        afterEachPage.run();
        if (count < PAGE_SIZE) {
            exhausted = true;
        }
    }
}
