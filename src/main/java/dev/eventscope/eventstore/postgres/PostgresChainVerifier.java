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
            // the stream id by a keyed look-up per row, so the walk follows the position index with no sort
            try (PreparedStatement query = connection.prepareStatement("SELECT e.position, e.event_id, (SELECT s.stream_id"
                    + " FROM " + schema + ".stream_names s WHERE s.stream_key = e.stream_key), "
                    + EventRows.CHAIN_COLUMNS_AFTER_STREAM + " FROM " + schema + ".events e ORDER BY e.position")) {
                query.setFetchSize(fetchSize);
                IntegrityReport chain;
                try (ResultSet rows = query.executeQuery()) {
                    chain = ChainWalk.walk(new Lookahead(rows), recordedHead, observer);
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

    /** The rows of the cursor, one ahead. */
    private final class Lookahead implements ChainWalk.Links<SQLException> {

        private final ResultSet rows;
        private final EventRows<SQLException> columns;
        private ChainWalk.Link ahead;

        Lookahead(ResultSet rows) {
            this.rows = rows;
            this.columns = new EventRows<>(rows::getLong, rows::getInt, rows::getString, rows::getBytes);
        }

        @Override
        public ChainWalk.Link next() throws SQLException {
            ChainWalk.Link next = peek();
            ahead = null;
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
