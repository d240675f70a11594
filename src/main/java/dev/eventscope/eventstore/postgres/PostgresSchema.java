package dev.eventscope.eventstore.postgres;

import dev.eventscope.eventstore.EventStoreException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

/**
 * A ledger's tables in its PostgreSQL schema, how they are created, and how a schema is recognised
 * as an Eventscope ledger of a version this Eventscope reads. {@code ledger_meta} marks the schema
 * ({@code application = eventscope}) and holds its schema version; the one row of
 * {@code ledger_head} holds the last position, its hash and recorded time, and is the lock every
 * append takes, which keeps positions contiguous and the chain linear with many writers (readers find the
 * last position from the events, so a head moved back outside Eventscope hides nothing: the next append refuses and
 * {@code verify} names it; schema version 2 also had a trigger refusing the move). A stream's row ({@code stream_names}) is written once; its version and last
 * position are its last event's (the view {@code streams}), so no append moves a stream row (schema
 * version 2). Every statement names the schema, and the trigger functions run with
 * {@code search_path = pg_catalog}, so nothing placed in the schema can stand in for a built-in.
 */
final class PostgresSchema {

    static final int CURRENT_VERSION = 3;
    static final String APPLICATION = "eventscope";
    /** The channel every ledger of a database announces appends on; the payload is "schema position". */
    static final String CHANNEL = "eventscope_appends";

    private PostgresSchema() {
    }

    /**
     * The SQL expression that announces an append through {@code position} on {@link #CHANNEL}; every
     * statement that moves the head forward selects it, so the notification is sent when that transaction
     * commits. (Ledgers made before 3 December 2026 also have a trigger, {@code announce_append}, that sends
     * the same payload; PostgreSQL delivers identical notifications of one transaction once.) A PL/pgSQL
     * trigger cost each one-event append more server time than the rest of its statement's head update.
     */
    static String announce(String schema, String position) {
        return "pg_catalog.pg_notify('" + CHANNEL + "', '" + schema + " ' || (" + position + ")::text)";
    }

    /**
     * Moves the head to what a bulk or a copy wrote under its lock, and announces it, in one statement; the
     * one-stream statement and {@code append_events} move it in their own statements.
     */
    static void moveHead(Connection connection, String schema, long position, byte[] hash, long recordedAt)
            throws SQLException {
        try (PreparedStatement move = connection.prepareStatement("WITH head AS (UPDATE " + schema + ".ledger_head"
                + " SET position = ?, hash = ?, recorded_at = ? WHERE id = 1 RETURNING position) SELECT "
                + announce(schema, "position") + " FROM head")) {
            move.setLong(1, position);
            move.setBytes(2, hash);
            move.setLong(3, recordedAt);
            move.executeQuery().close();
        }
    }

    /** The body (between the {@code $$}) of a guard's function as {@link #statements} writes it, for verify to compare. */
    static String guardFunctionBody(String function) {
        String head = "CREATE FUNCTION s." + function + "()";
        String created = java.util.stream.Stream.concat(statements("s").stream(), java.util.stream.Stream.of(legacyHeadGuard("s.")))
                .filter(sql -> sql.startsWith(head)).findFirst().orElseThrow();
        return created.substring(created.indexOf("$$") + 2, created.lastIndexOf("$$"));
    }

    /**
     * The function of schema version 2's trigger {@code head_moves_forward} (AFTER UPDATE of {@code ledger_head}, {@code
     * WHEN (NEW.position < OLD.position OR NEW.recorded_at < OLD.recorded_at)}), which version-2 ledgers keep and
     * {@code verify} still checks on them; version 3 creates neither.
     */
    static String legacyHeadGuard(String s) {
        return "CREATE FUNCTION " + s + "head_moves_forward() RETURNS trigger LANGUAGE plpgsql"
                + " SET search_path = pg_catalog AS $$ BEGIN"
                + " IF NEW.id <> OLD.id OR NEW.position < OLD.position OR NEW.recorded_at < OLD.recorded_at THEN"
                + " RAISE EXCEPTION 'the ledger head only moves forward: position % cannot become %', OLD.position,"
                + " NEW.position USING ERRCODE = 'integrity_constraint_violation'; END IF; RETURN NEW; END $$";
    }

    private static List<String> statements(String schema) {
        String s = schema + ".";
        return List.of(
                "CREATE TABLE " + s + "ledger_meta (key text PRIMARY KEY, value text NOT NULL)",
                // the head's id can only be 1: a domain's check runs only where an id is written (a second head row, an
                // id changed), not at every append's update as a table CHECK does (ledgers made before session 14 have
                // CHECK (id = 1): the same rule)
                "CREATE DOMAIN " + s + "ledger_head_id AS integer CHECK (VALUE = 1)",
                // the one-event statement sets prev_hash to the hash it moves the head from, and reads it back with
                // RETURNING (which shows only new values before PostgreSQL 18); nothing else reads or keeps it
                // one row, updated by every append: autovacuum's thresholds (50 changed or dead rows) made a worker analyze it
                // about once a minute while appends ran (statistics of one row plan nothing, and each pass made every
                // writer plan its statement anew) and vacuum what HOT pruning removes by itself (session 17); vacuum still
                // comes once 10,000 dead versions pile up behind a long snapshot, and anti-wraparound vacuum as always
                "CREATE TABLE " + s + "ledger_head (id " + s + "ledger_head_id PRIMARY KEY, position bigint NOT NULL,"
                        + " hash bytea NOT NULL, recorded_at bigint NOT NULL, prev_hash bytea NOT NULL)"
                        + " WITH (autovacuum_analyze_threshold = 2147483647, autovacuum_vacuum_threshold = 10000)",
                // a stream's row is written once, when the stream is made; its version and last position are its
                // last event's (the view streams), so an append moves no stream row
                "CREATE TABLE " + s + "stream_names (stream_key bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                        + " stream_id text COLLATE \"C\" NOT NULL UNIQUE, category text COLLATE \"C\" NOT NULL)",
                "CREATE INDEX streams_by_category ON " + s + "stream_names (category, stream_id)",
                "CREATE TABLE " + s + "events (position bigint PRIMARY KEY, event_id text NOT NULL UNIQUE,"
                        + " stream_key bigint NOT NULL, version bigint NOT NULL,"
                        + " type text NOT NULL, schema_version integer NOT NULL, data text NOT NULL,"
                        + " user_name text NOT NULL, correlation_id text, causation_id text, command_name text,"
                        + " recorded_at bigint NOT NULL, prev_hash bytea NOT NULL, hash bytea NOT NULL,"
                        // session 20: the login that wrote the row, filled by the server (see keepLogins)
                        + " login_role text DEFAULT session_user,"
                        + " UNIQUE (stream_key, version))",
                "CREATE VIEW " + s + "streams AS SELECT n.stream_key, n.stream_id, n.category,"
                        + " coalesce(l.version, 0) AS version, coalesce(l.position, 0) AS last_position FROM " + s + "stream_names n"
                        + " LEFT JOIN LATERAL (SELECT e.version, e.position FROM " + s + "events e"
                        + " WHERE e.stream_key = n.stream_key ORDER BY e.version DESC LIMIT 1) l ON true",
                "CREATE TABLE " + s + "snapshots (stream_key bigint NOT NULL REFERENCES " + s + "stream_names (stream_key),"
                        + " version bigint NOT NULL, state_type text NOT NULL, state_schema_version integer NOT NULL,"
                        + " data text NOT NULL, PRIMARY KEY (stream_key, version, state_schema_version))",
                "CREATE FUNCTION " + s + "events_are_immutable() RETURNS trigger LANGUAGE plpgsql"
                        + " SET search_path = pg_catalog AS $$ BEGIN"
                        + " RAISE EXCEPTION 'events are immutable: an event can never be %',"
                        + " CASE WHEN TG_OP = 'UPDATE' THEN 'changed' ELSE 'deleted' END"
                        + " USING ERRCODE = 'integrity_constraint_violation'; END $$",
                "CREATE TRIGGER events_are_immutable BEFORE UPDATE OR DELETE ON " + s + "events"
                        + " FOR EACH ROW EXECUTE FUNCTION " + s + "events_are_immutable()",
                "CREATE TRIGGER events_are_permanent BEFORE TRUNCATE ON " + s + "events"
                        + " FOR EACH STATEMENT EXECUTE FUNCTION " + s + "events_are_immutable()",
                // schema version 3 (session 24): no trigger keeps the head from moving back (version 2's
                // head_moves_forward, legacyHeadGuard): it cost every append 12-14 µs of the server's time, about a
                // seventh of it, and readers no longer stop at the head; a head moved back outside Eventscope stops the
                // next append ('B' in append_events) and is named by verify (docs/postgresql.md, "Schema version 3")
                "CREATE TRIGGER head_is_permanent BEFORE DELETE OR TRUNCATE ON " + s + "ledger_head"
                        + " FOR EACH STATEMENT EXECUTE FUNCTION " + s + "events_are_immutable()",
                "INSERT INTO " + s + "ledger_head (id, position, hash, recorded_at, prev_hash) VALUES (1, 0, '\\x', 0, '\\x')",
                "CREATE FUNCTION " + s + "hash_field(value text) RETURNS bytea LANGUAGE sql STABLE AS $$ SELECT CASE"
                        + " WHEN value IS NULL THEN '\\xffffffff'::bytea ELSE pg_catalog.int4send(pg_catalog.octet_length("
                        + "pg_catalog.convert_to(value, 'UTF8'))) || pg_catalog.convert_to(value, 'UTF8') END $$",
                AppendEventsFunction.create(s));
    }

    /**
     * Creates the ledger in its schema (creating the schema when it does not exist) in one
     * transaction; refuses a schema that already holds a ledger or any other table.
     */
    static void create(Connection connection, PostgresLedgerUrl url) throws SQLException {
        String schema = url.schema();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            State state = inspect(connection, schema);
            if (state.kind() == Kind.NO_ACCESS) {
                throw noAccess(connection, url);
            }
            if (state.kind() == Kind.LEDGER) {
                throw new EventStoreException(EventStoreException.Problem.ALREADY_A_LEDGER, "The schema '" + schema + "' of "
                        + url.host() + "/" + url.database() + " already holds an Eventscope ledger; nothing was changed.", "", null);
            }
            if (state.kind() == Kind.OTHER_TABLES) {
                throw new EventStoreException("The schema '" + schema + "' of " + url.host() + "/" + url.database()
                        + " already holds tables that are not an Eventscope ledger; choose an empty or new schema."
                        + " Nothing was changed.");
            }
            if (state.kind() == Kind.MISSING) {
                statement.execute("CREATE SCHEMA " + schema);
            }
            for (String sql : statements(schema)) {
                statement.execute(sql);
            }
            try (PreparedStatement meta = connection.prepareStatement(
                    "INSERT INTO " + schema + ".ledger_meta (key, value) VALUES ('application', ?), ('schema_version', ?),"
                            + " ('ledger_id', ?), ('created_with_schema', ?)")) {
                meta.setString(1, APPLICATION);
                meta.setString(2, Integer.toString(CURRENT_VERSION));
                meta.setString(3, UUID.randomUUID().toString());
                meta.setString(4, Integer.toString(CURRENT_VERSION));
                meta.executeUpdate();
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** The group role whose members may append to the ledger in {@code schema}. */
    static String writerRole(String schema) {
        return schema + "_writer";
    }

    /** The group role whose members may only read the ledger in {@code schema}. */
    static String auditorRole(String schema) {
        return schema + "_auditor";
    }

    /**
     * The SQL that creates (when missing) the ledger's two group roles and grants them the least they
     * need: the auditor may read every table and nothing else; the writer may also insert events and
     * snapshots and update the bookkeeping rows an append moves forward (the head,
     * a snapshot replaced), but may never update, delete or truncate an event. Members are added with
     * {@code GRANT <role> TO <login>}. Documented in docs/postgresql.md.
     */
    static List<String> roleStatements(String schema) {
        String s = schema + ".";
        String writer = writerRole(schema);
        String auditor = auditorRole(schema);
        return List.of(
                "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + auditor + "') THEN"
                        + " CREATE ROLE " + auditor + " NOLOGIN; END IF; END $$",
                "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + writer + "') THEN"
                        + " CREATE ROLE " + writer + " NOLOGIN; END IF; END $$",
                "REVOKE ALL ON ALL TABLES IN SCHEMA " + schema + " FROM PUBLIC",
                "GRANT USAGE ON SCHEMA " + schema + " TO " + auditor + ", " + writer,
                "GRANT SELECT ON ALL TABLES IN SCHEMA " + schema + " TO " + auditor + ", " + writer,
                // the writer inserts every column of an event but the login that wrote it (keepLogins)
                "REVOKE INSERT ON " + s + "events FROM " + writer,
                "GRANT INSERT (" + WRITTEN_COLUMNS + ") ON " + s + "events TO " + writer,
                "GRANT INSERT ON " + s + "stream_names, " + s + "snapshots TO " + writer,
                "GRANT UPDATE (position, hash, recorded_at, prev_hash) ON " + s + "ledger_head TO " + writer,
                "GRANT UPDATE (state_type, data) ON " + s + "snapshots TO " + writer);
    }

    /** The columns of an event a client writes: all but {@code login_role}, which the server fills. */
    static final String WRITTEN_COLUMNS = "position, event_id, stream_key, version, type, schema_version, data, user_name,"
            + " correlation_id, causation_id, command_name, recorded_at, prev_hash, hash";

    /**
     * Session 20: the user recorded on an event is the client's choice and part of the hash, so a writer could record
     * any name. The server keeps the login that wrote each row beside it: {@code login_role}, {@code DEFAULT
     * session_user} (the login, also inside a function that runs as another role), a column the writer role may not
     * name ({@link #roleStatements}), outside the hash (a client cannot know it), so older ledgers stay readable and an
     * older Eventscope writing to an upgraded ledger fills it all the same. A ledger made before it gets the column from
     * its owner's {@code init --grant-roles}: NULL for the events already there, the default only for new ones (a
     * default given in the {@code ADD COLUMN} itself would be stamped on the old rows too).
     */
    static List<String> keepLogins(String schema) {
        return List.of("ALTER TABLE " + schema + ".events ADD COLUMN IF NOT EXISTS login_role text",
                "ALTER TABLE " + schema + ".events ALTER COLUMN login_role SET DEFAULT session_user");
    }

    /**
     * Creates the ledger's roles and grants (see {@link #roleStatements}) in one transaction, and brings a ledger of schema
     * version 2 to version 3 in it (the owner's step, as for the logins kept since session 20): its trigger {@code
     * head_moves_forward} and that function dropped, {@code append_events} replaced by the one that names a head moved
     * back. Returns whether it did.
     */
    static boolean grantRoles(Connection connection, PostgresLedgerUrl url) throws SQLException {
        if (writerRole(url.schema()).length() > 63) {
            throw new EventStoreException("The schema name '" + url.schema() + "' is too long to name its roles ("
                    + writerRole(url.schema()) + " would pass PostgreSQL's 63 characters); use a schema name of at most 56.");
        }
        check(connection, url);
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (String sql : keepLogins(url.schema())) {
                statement.execute(sql);
            }
            // read inside the transaction; the drop waits for appends in flight and holds the head until the commit, and
            // an owner upgrading at the same time finds nothing left to drop (IF EXISTS) and writes the same
            boolean upgrade = inspect(connection, url.schema()).version() == 2;
            if (upgrade) {
                String s = url.schema() + ".";
                statement.execute("DROP TRIGGER IF EXISTS head_moves_forward ON " + s + "ledger_head");
                statement.execute("DROP FUNCTION IF EXISTS " + s + "head_moves_forward()");
                statement.execute(AppendEventsFunction.create(s).replaceFirst("^CREATE FUNCTION", "CREATE OR REPLACE FUNCTION"));
                statement.execute("UPDATE " + s + "ledger_meta SET value = '" + CURRENT_VERSION + "' WHERE key = 'schema_version'");
            }
            for (String sql : roleStatements(url.schema())) {
                statement.execute(sql);
            }
            connection.commit();
            return upgrade;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** Refuses, with one sentence, a schema that is not an Eventscope ledger this version reads; returns its ledger id. */
    static String check(Connection connection, PostgresLedgerUrl url) throws SQLException {
        State state = inspect(connection, url.schema());
        String where = "The schema '" + url.schema() + "' of " + url.host() + "/" + url.database();
        switch (state.kind()) {
            case NO_ACCESS -> throw noAccess(connection, url);
            case MISSING -> throw new EventStoreException(where + " does not exist, so it holds no ledger;"
                    + " create one with: eventscope init --ledger " + url);
            case EMPTY -> throw new EventStoreException(where + " is empty and holds no ledger;"
                    + " create one with: eventscope init --ledger " + url);
            case OTHER_TABLES -> throw new EventStoreException(where + " is not an Eventscope ledger: it holds other tables"
                    + " and no Eventscope ledger marker.");
            case LEDGER -> {
                if (state.version() > CURRENT_VERSION) {
                    throw new EventStoreException(where + " holds a ledger written by a newer Eventscope (ledger schema"
                            + " version " + state.version() + "); open it with a newer Eventscope.");
                }
                if (state.version() == 1) {
                    throw new EventStoreException(where + " holds a ledger of schema version 1, which only development builds"
                            + " of Eventscope before 3 December 2026 wrote (no release did) and this Eventscope does not read;"
                            + " create the ledger anew with eventscope init.");
                }
                if (state.version() < 1) {
                    throw new EventStoreException(where + " is not an Eventscope ledger: its schema version '"
                            + state.storedVersion() + "' is not one Eventscope ever wrote.");
                }
                return state.ledgerId();
            }
            default -> throw new IllegalStateException("unhandled schema state " + state.kind());
        }
    }

    private static EventStoreException noAccess(Connection connection, PostgresLedgerUrl url) throws SQLException {
        return new EventStoreException("The PostgreSQL user '" + connection.getMetaData().getUserName()
                + "' lacks the permission to use the schema '" + url.schema() + "' of " + url.host() + "/" + url.database()
                + " (no USAGE privilege); ask the ledger's owner to grant it.");
    }

    enum Kind { MISSING, NO_ACCESS, EMPTY, OTHER_TABLES, LEDGER }

    /** {@code storedVersion}: the schema version as stored, for the sentence that refuses one that is not a number. */
    record State(Kind kind, int version, String ledgerId, String storedVersion) {

        State(Kind kind, int version, String ledgerId) {
            this(kind, version, ledgerId, String.valueOf(version));
        }
    }

    static State inspect(Connection connection, String schema) throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement("SELECT has_schema_privilege(oid, 'USAGE')"
                + " FROM pg_namespace WHERE nspname = ?")) {
            exists.setString(1, schema);
            try (ResultSet row = exists.executeQuery()) {
                if (!row.next()) {
                    return new State(Kind.MISSING, 0, null);
                }
                if (!row.getBoolean(1)) {
                    return new State(Kind.NO_ACCESS, 0, null);
                }
            }
        }
        try (PreparedStatement tables = connection.prepareStatement(
                "SELECT (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + "  WHERE n.nspname = ? AND c.relkind IN ('r', 'v', 'm', 'p', 'f')),"
                        + " to_regclass(? || '.ledger_meta') IS NOT NULL")) {
            tables.setString(1, schema);
            tables.setString(2, schema);
            try (ResultSet row = tables.executeQuery()) {
                row.next();
                if (row.getLong(1) == 0) {
                    return new State(Kind.EMPTY, 0, null);
                }
                if (!row.getBoolean(2)) {
                    return new State(Kind.OTHER_TABLES, 0, null);
                }
            }
        }
        String application = null;
        String version = null;
        String ledgerId = null;
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT key, value FROM " + schema + ".ledger_meta"
                     + " WHERE key IN ('application', 'schema_version', 'ledger_id')")) {
            while (rows.next()) {
                switch (rows.getString(1)) {
                    case "application" -> application = rows.getString(2);
                    case "schema_version" -> version = rows.getString(2);
                    default -> ledgerId = rows.getString(2);
                }
            }
        } catch (SQLException e) {
            if ("42703".equals(e.getSQLState()) || "42804".equals(e.getSQLState())) {
                return new State(Kind.OTHER_TABLES, 0, null);
            }
            throw e;
        }
        if (!APPLICATION.equals(application) || version == null) {
            return new State(Kind.OTHER_TABLES, 0, null);
        }
        try {
            return new State(Kind.LEDGER, Integer.parseInt(version.trim()), ledgerId);
        } catch (NumberFormatException e) {
            return new State(Kind.LEDGER, -1, ledgerId, version);
        }
    }
}
