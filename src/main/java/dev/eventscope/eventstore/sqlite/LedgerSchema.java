package dev.eventscope.eventstore.sqlite;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * The ledger file's schema and its migrations. {@code PRAGMA user_version} holds the schema
 * version and {@code PRAGMA application_id} marks the file as an Eventscope ledger. Each step
 * moves the schema up by one version; a migration runs every missing step in one transaction.
 */
final class LedgerSchema {

    /** "EvSc" — the SQLite application id of an Eventscope ledger. */
    static final int APPLICATION_ID = 0x45765363;
    static final int CURRENT_VERSION = 3;
    /**
     * The oldest schema this Eventscope reads without upgrading it: a read-only open never writes, and every read
     * (the chain walk, stream lists and versions) asks only what versions 2 and 3 both hold.
     */
    static final int OLDEST_READABLE_VERSION = 2;
    /**
     * The page size of a new ledger file. A commit writes every page it changed to the WAL, one frame per page, and
     * an append of 1,000 events to 1,000 streams changes a leaf of the (stream, version) index per stream: with
     * 16 KiB pages it writes a quarter of the frames that 4 KiB pages need (docs/benchmarks-store.md, session 10).
     * Files made with another page size keep theirs; SQLite reads any.
     */
    static final int PAGE_SIZE = 16_384;

    /**
     * The triggers of a ledger, by name, exactly as every Eventscope since the first has written them: they refuse
     * any change and any deletion of an event. A ledger with one of them missing or changed, or with any other trigger
     * (code that would run inside Eventscope's own writes), was edited outside Eventscope; {@code verify} says so.
     */
    static final Map<String, String> GUARDS = Map.of(
            "events_are_immutable", "CREATE TRIGGER events_are_immutable BEFORE UPDATE ON events BEGIN"
                    + " SELECT RAISE(ABORT, 'events are immutable: an event can never be changed'); END",
            "events_are_permanent", "CREATE TRIGGER events_are_permanent BEFORE DELETE ON events BEGIN"
                    + " SELECT RAISE(ABORT, 'events are immutable: an event can never be deleted'); END");

    private static final List<List<String>> STEPS = List.of(
            // version 1: the event store proper
            List.of(
                    "CREATE TABLE ledger_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
                    "CREATE TABLE streams (stream_key INTEGER PRIMARY KEY, stream_id TEXT NOT NULL UNIQUE,"
                            + " category TEXT NOT NULL, version INTEGER NOT NULL, last_position INTEGER NOT NULL)",
                    "CREATE INDEX streams_by_category ON streams (category, stream_id)",
                    "CREATE TABLE events (position INTEGER PRIMARY KEY, event_id TEXT NOT NULL UNIQUE,"
                            + " stream_key INTEGER NOT NULL REFERENCES streams (stream_key), version INTEGER NOT NULL,"
                            + " type TEXT NOT NULL, schema_version INTEGER NOT NULL, data TEXT NOT NULL,"
                            + " user_name TEXT NOT NULL, correlation_id TEXT, causation_id TEXT, command_name TEXT,"
                            + " recorded_at INTEGER NOT NULL, prev_hash BLOB NOT NULL, hash BLOB NOT NULL,"
                            + " UNIQUE (stream_key, version))",
                    GUARDS.get("events_are_immutable"),
                    GUARDS.get("events_are_permanent")),
            // version 2: aggregate snapshots
            List.of(
                    "CREATE TABLE snapshots (stream_key INTEGER NOT NULL REFERENCES streams (stream_key),"
                            + " version INTEGER NOT NULL, state_type TEXT NOT NULL, state_schema_version INTEGER NOT NULL,"
                            + " data TEXT NOT NULL, PRIMARY KEY (stream_key, version, state_schema_version))"),
            // version 3: what an append writes beyond its events is only what cannot be derived from them. A
            // stream's version and last position are the last entry of its (stream_key, version) index, one seek
            // away; an event's previous hash is the hash of the event at the position before it. Keeping them cost
            // an interleaved append about a quarter and a tenth of its rate (docs/benchmarks-store.md, session 11).
            // DROP COLUMN rewrites each table once; a ledger is upgraded when it is first opened for writing.
            List.of(
                    "ALTER TABLE events DROP COLUMN prev_hash",
                    "ALTER TABLE streams DROP COLUMN version",
                    "ALTER TABLE streams DROP COLUMN last_position"));

    private LedgerSchema() {
    }

    /**
     * SQL for the current version of the stream whose key is {@code streamKey} (an SQL expression): the last entry of
     * the events' (stream_key, version) index, one seek; 0 for a stream without events. Reads schema 2 and 3 alike.
     */
    static String versionOf(String streamKey) {
        return "COALESCE((SELECT MAX(v.version) FROM events v WHERE v.stream_key = " + streamKey + "), 0)";
    }

    /** SQL for the position of the last event of the stream whose key is {@code streamKey}; 0 without events. */
    static String lastPositionOf(String streamKey) {
        return "COALESCE((SELECT v.position FROM events v WHERE v.stream_key = " + streamKey
                + " ORDER BY v.version DESC LIMIT 1), 0)";
    }

    /** Brings a ledger at {@code fromVersion} up to {@code toVersion}; the caller owns the transaction. */
    static void migrate(Connection connection, int fromVersion, int toVersion) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (int version = fromVersion + 1; version <= toVersion; version++) {
                for (String sql : STEPS.get(version - 1)) {
                    statement.execute(sql);
                }
            }
            statement.execute("PRAGMA application_id = " + APPLICATION_ID);
            statement.execute("PRAGMA user_version = " + toVersion);
        }
    }

    /** The tables a ledger of {@code version} must have. */
    static List<String> requiredTables(int version) {
        return version >= 2 ? List.of("ledger_meta", "streams", "events", "snapshots")
                : List.of("ledger_meta", "streams", "events");
    }
}
