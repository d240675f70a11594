package dev.eventscope.eventstore.sqlite;

import dev.eventscope.domain.PrintableText;
import dev.eventscope.eventstore.Snapshot;
import dev.eventscope.eventstore.SnapshotRows;
import dev.eventscope.eventstore.StoredSnapshot;
import dev.eventscope.eventstore.StreamId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Aggregate snapshots of a ledger file: saved on the writer connection (inside an open bulk append,
 * as part of its transaction), anchored to the chain ({@link SnapshotAnchors}), and loaded only while
 * still anchored.
 */
final class SqliteSnapshots {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteSnapshots.class);

    private final Path file;
    private final SqliteStatements writer;
    private final SqliteAppender appender;
    private final SqliteStatements reader;

    /** {@code writer} and {@code appender} are null for a read-only ledger. */
    SqliteSnapshots(Path file, SqliteStatements writer, SqliteAppender appender, SqliteStatements reader) {
        this.file = file;
        this.writer = writer;
        this.appender = appender;
        this.reader = reader;
    }

    void save(Snapshot snapshot) {
        writer.locked("save a snapshot in", statements -> {
            // inside a bulk append (an import saves snapshots as it goes) the snapshot joins its transaction
            boolean own = !appender.transactionOpen();
            try (Statement control = statements.connection().createStatement()) {
                if (own) {
                    control.execute("BEGIN IMMEDIATE");
                }
                try {
                    insert(statements, snapshot);
                    if (own) {
                        control.execute("COMMIT");
                    }
                } catch (SQLException | RuntimeException e) {
                    if (own) {
                        control.execute("ROLLBACK");
                    }
                    throw e;
                }
            }
            return null;
        });
    }

    private void insert(SqliteStatements statements, Snapshot snapshot) throws SQLException {
        LastAppend.WrittenEvent written = appender.lastAppend.find(snapshot.stream(), snapshot.version());
        if (written != null) {
            insertAt(statements, snapshot, written);
            return;
        }
        // the stream's version is its events' (schema 3 keeps no version in the stream's row): the event the snapshot
        // is taken at must exist, which the bulk's own appends in this transaction satisfy too
        PreparedStatement insert = statements.prepared("INSERT OR REPLACE INTO snapshots " + SnapshotRows.COLUMNS
                + " SELECT s.stream_key, ?, ?, ?, ? FROM streams s WHERE s.stream_id = ? AND EXISTS"
                + " (SELECT 1 FROM events v WHERE v.stream_key = s.stream_key AND v.version = ?)");
        Object[] parameters = SnapshotRows.parameters(snapshot);
        for (int i = 0; i < parameters.length; i++) {
            insert.setObject(i + 1, parameters[i]);
        }
        if (insert.executeUpdate() == 0) {
            throw SnapshotRows.beyondTheStream(snapshot);
        }
        SnapshotAnchors.anchor(statements, snapshot.stream().value(), snapshot.version(),
                snapshot.stateSchemaVersion(), snapshot.stateType(), snapshot.data());
    }

    /**
     * A snapshot taken at the last event an append of the open bulk just wrote (an import's snapshots): the appender
     * knows the stream's key and the event's hash, so the row and its anchor are written without looking either up.
     * The same rows as {@link #insert}'s look-ups give.
     */
    private static void insertAt(SqliteStatements statements, Snapshot snapshot, LastAppend.WrittenEvent written)
            throws SQLException {
        PreparedStatement insert = statements.prepared("INSERT OR REPLACE INTO snapshots " + SnapshotRows.COLUMNS
                + " VALUES (?, ?, ?, ?, ?)");
        insert.setLong(1, written.streamKey());
        insert.setLong(2, snapshot.version());
        insert.setString(3, snapshot.stateType());
        insert.setInt(4, snapshot.stateSchemaVersion());
        insert.setString(5, snapshot.data());
        insert.executeUpdate();
        SnapshotAnchors.anchorTo(statements, written.streamKey(), snapshot.version(), snapshot.stateSchemaVersion(),
                written.hash(), snapshot.stateType(), snapshot.data());
    }

    /**
     * The newest snapshot at or below {@code maxVersion} of the current state schema that is still
     * anchored to the chain (see {@link SnapshotAnchors}); one that is not is skipped with a warning.
     */
    Optional<Snapshot> load(StreamId stream, long maxVersion, int stateSchemaVersion) {
        return reader.locked("load a snapshot from", statements -> {
            if (!SnapshotAnchors.exist(statements.connection())) {
                return Optional.<Snapshot>empty();
            }
            return statements.query("load a snapshot from", "SELECT s.version, s.state_type, s.data, "
                    + SnapshotAnchors.JUDGE_COLUMNS + " FROM snapshots s JOIN streams t ON t.stream_key = s.stream_key"
                    + SnapshotAnchors.JUDGE_JOINS + " WHERE t.stream_id = ? AND s.version <= ? AND s.version <= "
                    + LedgerSchema.versionOf("t.stream_key")
                    + " AND s.state_schema_version = ? ORDER BY s.version DESC", query -> {
                        query.setString(1, stream.value());
                        query.setLong(2, maxVersion);
                        query.setInt(3, stateSchemaVersion);
                    }, row -> {
                        while (row.next()) {
                            String problem = SnapshotAnchors.problem(row.getBytes(4), row.getBytes(5), row.getBytes(6),
                                    row.getString(2), row.getString(3));
                            if (problem == null) {
                                return Optional.of(new Snapshot(stream, row.getLong(1), row.getString(2), stateSchemaVersion,
                                        row.getString(3)));
                            }
                            LOG.warn("ignored the snapshot of {} at version {} in {}: {}", PrintableText.of(stream), row.getLong(1),
                                    PrintableText.of(file), PrintableText.of(problem));
                        }
                        return Optional.<Snapshot>empty();
                    });
        });
    }

    /** Every stored snapshot with its verdict, read on a read-only connection of its own. */
    void forEach(Consumer<StoredSnapshot> sink) {
        try (Connection connection = SqliteConnections.openReader(file, true)) {
            SnapshotAnchors.forEach(connection, sink);
        } catch (SQLException e) {
            throw reader.errors().failure("read the snapshots of", e);
        }
    }
}
