package dev.eventscope.eventstore.sqlite;

import dev.eventscope.eventstore.Snapshot;
import dev.eventscope.eventstore.StoredSnapshot;
import dev.eventscope.eventstore.StreamId;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * Ties each snapshot to the chain: the {@code snapshot_anchors} table holds, per snapshot, the hash
 * of the event it was taken at and a digest of that hash with the snapshot's type and data. A
 * snapshot is used only while its event still has that hash and its content still gives that
 * digest; a snapshot without an anchor (written before anchors existed) is never used. The table
 * is created by the first snapshot saved, so ledgers that never snapshot are not changed.
 */
final class SnapshotAnchors {

    static final String TABLE = "snapshot_anchors";
    private static final String CREATE = "CREATE TABLE IF NOT EXISTS " + TABLE + " (stream_key INTEGER NOT NULL,"
            + " version INTEGER NOT NULL, state_schema_version INTEGER NOT NULL, event_hash BLOB NOT NULL,"
            + " state_digest BLOB NOT NULL, PRIMARY KEY (stream_key, version, state_schema_version))";

    private SnapshotAnchors() {
    }

    /**
     * Anchors the snapshot just saved; the caller holds the write transaction. The statements are the writer's
     * prepared ones: an import saves thousands of snapshots, and preparing three statements for each was a tenth of
     * its SQLite time (JFR, docs/cli-speed.md).
     */
    static void anchor(SqliteStatements writer, String streamId, long version, int stateSchemaVersion, String stateType,
                       String data) throws SQLException {
        writer.prepared(CREATE).execute();
        byte[] eventHash;
        long streamKey;
        PreparedStatement query = writer.prepared("SELECT e.hash, e.stream_key FROM events e JOIN streams s"
                + " ON s.stream_key = e.stream_key WHERE s.stream_id = ? AND e.version = ?");
        query.setString(1, streamId);
        query.setLong(2, version);
        try (ResultSet row = query.executeQuery()) {
            if (!row.next()) {
                throw new SQLException("no event at version " + version + " of " + streamId + " to anchor a snapshot to");
            }
            eventHash = row.getBytes(1);
            streamKey = row.getLong(2);
        }
        insertAnchor(writer, streamKey, version, stateSchemaVersion, eventHash, stateType, data);
    }

    /**
     * Anchors the snapshot just saved to an event whose key and hash the caller knows (it wrote the event in the
     * transaction it holds): the same row as {@link #anchor}, without looking the event up.
     */
    static void anchorTo(SqliteStatements writer, long streamKey, long version, int stateSchemaVersion, byte[] eventHash,
                         String stateType, String data) throws SQLException {
        writer.prepared(CREATE).execute();
        insertAnchor(writer, streamKey, version, stateSchemaVersion, eventHash, stateType, data);
    }

    private static void insertAnchor(SqliteStatements writer, long streamKey, long version, int stateSchemaVersion,
                                     byte[] eventHash, String stateType, String data) throws SQLException {
        PreparedStatement insert = writer.prepared("INSERT OR REPLACE INTO " + TABLE
                + " (stream_key, version, state_schema_version, event_hash, state_digest) VALUES (?, ?, ?, ?, ?)");
        insert.setLong(1, streamKey);
        insert.setLong(2, version);
        insert.setInt(3, stateSchemaVersion);
        insert.setBytes(4, eventHash);
        insert.setBytes(5, digest(eventHash, stateType, data));
        insert.executeUpdate();
    }

    static boolean exist(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            query.setString(1, TABLE);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }

    /**
     * The columns a snapshot query needs to judge a snapshot, to be joined as {@code a} (anchors) and
     * {@code e} (the event at the snapshot's version): anchored event hash, its current hash, the digest.
     */
    static final String JUDGE_COLUMNS = "a.event_hash, e.hash, a.state_digest";
    static final String JUDGE_JOINS = " LEFT JOIN " + TABLE + " a ON a.stream_key = s.stream_key AND a.version = s.version"
            + " AND a.state_schema_version = s.state_schema_version"
            + " LEFT JOIN events e ON e.stream_key = s.stream_key AND e.version = s.version";

    /** Every snapshot with its verdict, stream by stream in version order. */
    static void forEach(Connection connection, java.util.function.Consumer<StoredSnapshot> sink) throws SQLException {
        boolean anchors = exist(connection);
        String sql = "SELECT t.stream_id, s.version, s.state_type, s.state_schema_version, s.data"
                + (anchors ? ", " + JUDGE_COLUMNS : "") + " FROM snapshots s"
                + " JOIN streams t ON t.stream_key = s.stream_key" + (anchors ? JUDGE_JOINS : "")
                + " ORDER BY t.stream_id, s.state_schema_version, s.version";
        try (PreparedStatement query = connection.prepareStatement(sql); ResultSet row = query.executeQuery()) {
            while (row.next()) {
                Snapshot snapshot = new Snapshot(StreamId.of(row.getString(1)), row.getLong(2), row.getString(3),
                        row.getInt(4), row.getString(5));
                String problem = anchors ? problem(row.getBytes(6), row.getBytes(7), row.getBytes(8), row.getString(3),
                        row.getString(5)) : "it carries no hash of the event it was taken at";
                sink.accept(new StoredSnapshot(snapshot, problem == null, problem));
            }
        }
    }

    /** Why the snapshot cannot be trusted, or null when it can. */
    static String problem(byte[] anchoredHash, byte[] eventHash, byte[] anchoredDigest, String stateType, String data) {
        if (anchoredHash == null || anchoredDigest == null) {
            return "it carries no hash of the event it was taken at";
        }
        if (eventHash == null) {
            return "the event it was taken at is no longer in the ledger";
        }
        if (!Arrays.equals(anchoredHash, eventHash)) {
            return "the event it was taken at no longer has the hash it was taken at";
        }
        if (!Arrays.equals(anchoredDigest, digest(eventHash, stateType, data))) {
            return "its content was changed after it was taken";
        }
        return null;
    }

    private static byte[] digest(byte[] eventHash, String stateType, String data) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update("eventscope/snapshot/v1\n".getBytes(StandardCharsets.UTF_8));
            sha256.update(eventHash);
            sha256.update(("\n" + stateType + "\n").getBytes(StandardCharsets.UTF_8));
            sha256.update(data.getBytes(StandardCharsets.UTF_8));
            return sha256.digest();
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }
}
