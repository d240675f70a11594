package dev.eventscope.eventstore.postgres;

import dev.eventscope.eventstore.ChainObserver;
import dev.eventscope.eventstore.ChainWalk;
import dev.eventscope.eventstore.EventHashChain;
import dev.eventscope.eventstore.EventRows;
import dev.eventscope.eventstore.IntegrityReport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

/**
 * Walks a PostgreSQL ledger's hash chain ({@link ChainWalk}, the same classification as the SQLite
 * store) through a server-side cursor (constant memory), in one repeatable-read snapshot so the head
 * and the rows agree.
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

    IntegrityReport verify(ChainObserver observer) throws SQLException {
        connection.setAutoCommit(false);
        SQLException failed = null;
        try (Statement control = connection.createStatement()) {
            control.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            long recordedHead = recordedHead();
            try (PreparedStatement query = connection.prepareStatement(chainRows(""))) {
                query.setFetchSize(fetchSize);
                IntegrityReport chain;
                Lookahead links;
                try (ResultSet rows = query.executeQuery()) {
                    links = new Lookahead(rows, recordedHead);
                    chain = ChainWalk.walk(links, recordedHead, observer);
                }
                if (chain.kind() == IntegrityReport.Tampering.INSERTED && recordedHead > 0
                        && chain.firstBadPosition() == recordedHead + 1 && chain.lastPosition() == recordedHead) {
                    chain = headMovedBack(chain, recordedHead, links.hashAtHead);
                }
                String edit = chain.intact() ? PostgresLedgerRecords.firstEdit(connection, schema, recordedHead >= 0) : null;
                return edit == null ? chain : new IntegrityReport(false, chain.eventsChecked(), chain.lastPosition(),
                        chain.headHash(), 0, IntegrityReport.Tampering.METADATA, edit, chain.readThrough());
            }
        } catch (SQLException e) {
            failed = e;
            throw e;
        } finally {
            try {
                connection.rollback();
                connection.setAutoCommit(true);
            } catch (SQLException closing) {
                // session 21 (adversary2): a server that ended the session (idle_in_transaction_session_timeout) made
                // this rollback fail with "This connection has been closed", which hid the server's reason
                if (failed == null) {
                    throw closing;
                }
                failed.addSuppressed(closing);
            }
        }
    }

    /**
     * Events after the recorded head (schema version 3 has no trigger keeping the head from moving back): when they all
     * chain on intact from the event at the head, the head was moved back (or they were written without moving it)
     * outside Eventscope, an edit beside an intact chain; otherwise the walk's report (inserted) stands.
     */
    private IntegrityReport headMovedBack(IntegrityReport chain, long recordedHead, byte[] hashAtHead) throws SQLException {
        byte[] previous = hashAtHead;
        long expected = recordedHead + 1;
        try (PreparedStatement query = connection.prepareStatement(chainRows(" WHERE e.position > ?"))) {
            query.setLong(1, recordedHead);
            query.setFetchSize(fetchSize);
            try (ResultSet rows = query.executeQuery()) {
                EventRows<SQLException> columns = new EventRows<>(rows::getLong, rows::getInt, rows::getString, rows::getBytes);
                while (rows.next()) {
                    ChainWalk.Link link = columns.chainLink(hashChain);
                    if (previous == null || link.event().position() != expected || !Arrays.equals(link.previousHash(), previous)
                            || !Arrays.equals(link.hash(), link.computed())) {
                        return chain;
                    }
                    previous = link.hash();
                    expected++;
                }
            }
        }
        long last = expected - 1;
        return new IntegrityReport(false, chain.eventsChecked() + (last - recordedHead), last, EventHashChain.hex(previous), 0,
                IntegrityReport.Tampering.METADATA, "ledger_head records the head at position " + recordedHead
                        + ", but the chain runs on intact to position " + last + ": the head was moved back, or the"
                        + " events after it were written without moving it, outside Eventscope", chain.readThrough());
    }

    /** The chain's rows in position order, {@code where} they are; the stream id by a keyed look-up per row (no sort). */
    private String chainRows(String where) {
        return "SELECT e.position, e.event_id, (SELECT s.stream_id FROM " + schema + ".stream_names s WHERE s.stream_key"
                + " = e.stream_key), " + EventRows.CHAIN_COLUMNS_AFTER_STREAM + " FROM " + schema + ".events e" + where
                + " ORDER BY e.position";
    }

    /** The rows of the cursor, one ahead. */
    private final class Lookahead implements ChainWalk.Links<SQLException> {

        private final ResultSet rows;
        private final EventRows<SQLException> columns;
        private final long recordedHead;
        private ChainWalk.Link ahead;
        /** The recorded hash of the event at the recorded head's position, once the walk has passed it. */
        byte[] hashAtHead;

        Lookahead(ResultSet rows, long recordedHead) {
            this.rows = rows;
            this.columns = new EventRows<>(rows::getLong, rows::getInt, rows::getString, rows::getBytes);
            this.recordedHead = recordedHead;
        }

        @Override
        public ChainWalk.Link next() throws SQLException {
            ChainWalk.Link next = peek();
            ahead = null;
            if (next != null && next.event().position() == recordedHead) {
                hashAtHead = next.hash();
            }
            return next;
        }

        @Override
        public ChainWalk.Link peek() throws SQLException {
            if (ahead == null && rows.next()) {
                ahead = columns.chainLink(hashChain);
            }
            return ahead;
        }
    }

    private long recordedHead() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT position FROM " + schema + ".ledger_head WHERE id = 1")) {
            return row.next() ? row.getLong(1) : -1;
        }
    }
}
