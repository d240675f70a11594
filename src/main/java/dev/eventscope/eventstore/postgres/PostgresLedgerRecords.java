package dev.eventscope.eventstore.postgres;

import dev.eventscope.eventstore.StreamId;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code verify} asks of a PostgreSQL ledger's records beside its hash chain once the chain holds, in the walk's
 * snapshot (session 14, the adversary's trial; the SQLite store asks the same of its file): the head row is there, every
 * stream is filed under the category its id gives and has events, and the guarding triggers are there, enabled and run
 * the functions Eventscope writes. Each answer is the first edit found, or null.
 */
final class PostgresLedgerRecords {

    /**
     * The ledger's guarding triggers and the table each guards; {@code announce_append} is a legacy one (session 8).
     * Schema version 2 also has {@code head_moves_forward} on {@code ledger_head} ({@link #HEAD_GUARD}); version 3 has not.
     */
    private static final Map<String, String> GUARDS = Map.of("events_are_immutable", "events", "events_are_permanent", "events",
            "head_is_permanent", "ledger_head");
    private static final String HEAD_GUARD = "head_moves_forward";
    private static final String LEGACY_TRIGGER = "announce_append";

    private PostgresLedgerRecords() {
    }

    static String firstEdit(Connection connection, String schema, boolean headRecorded) throws SQLException {
        if (!headRecorded) {
            return "ledger_head holds no head row, which every ledger has from its creation on";
        }
        String edit = editedCategory(connection, schema);
        if (edit == null) {
            edit = streamWithoutEvents(connection, schema);
        }
        boolean headGuarded = PostgresSchema.inspect(connection, schema).version() < 3;
        if (edit == null) {
            edit = editedGuards(connection, schema, headGuarded);
        }
        return edit == null ? editedGuardFunctions(connection, schema, headGuarded) : edit;
    }

    private static String editedCategory(Connection connection, String schema) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT stream_id, category FROM " + schema + ".stream_names"
                + " WHERE category IS DISTINCT FROM split_part(stream_id, '-', 1) ORDER BY stream_id LIMIT 1");
             ResultSet row = query.executeQuery()) {
            if (!row.next()) {
                return null;
            }
            return "the stream '" + row.getString(1) + "' is filed under the category '" + row.getString(2) + "' instead of '"
                    + StreamId.of(row.getString(1)).category() + "', which would hide it from every list of its kind";
        }
    }

    private static String streamWithoutEvents(Connection connection, String schema) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT stream_id FROM " + schema + ".stream_names n"
                + " WHERE NOT EXISTS (SELECT 1 FROM " + schema + ".events e WHERE e.stream_key = n.stream_key)"
                + " ORDER BY stream_id LIMIT 1");
             ResultSet row = query.executeQuery()) {
            return row.next() ? "the stream '" + row.getString(1) + "' is recorded without any event, which Eventscope never"
                    + " writes: it was added by hand, or its events were deleted" : null;
        }
    }

    /** A guard dropped or disabled, one running another function, or a trigger Eventscope never writes. */
    private static String editedGuards(Connection connection, String schema, boolean headGuarded) throws SQLException {
        Map<String, String[]> found = new TreeMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT t.tgname, c.relname, t.tgenabled::text, p.proname"
                + " FROM pg_catalog.pg_trigger t JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace JOIN pg_catalog.pg_proc p ON p.oid = t.tgfoid"
                + " WHERE n.nspname = ? AND NOT t.tgisinternal")) {
            query.setString(1, schema);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    found.put(rows.getString(1), new String[] {rows.getString(2), rows.getString(3), rows.getString(4)});
                }
            }
        }
        Map<String, String> guards = new TreeMap<>(GUARDS);
        if (headGuarded) {
            guards.put(HEAD_GUARD, "ledger_head");
        }
        for (Map.Entry<String, String> guard : guards.entrySet()) {
            String[] trigger = found.remove(guard.getKey());
            String name = "the trigger '" + guard.getKey() + "' that keeps " + (guard.getValue().equals("events")
                    ? "events from being changed or deleted" : "the head from moving back or being deleted");
            if (trigger == null || !trigger[0].equals(guard.getValue())) {
                return name + " was dropped";
            }
            if ("D".equals(trigger[1])) {
                return name + " was disabled";
            }
            String function = guard.getKey().equals(HEAD_GUARD) ? HEAD_GUARD : "events_are_immutable";
            if (!function.equals(trigger[2])) {
                return name + " was made to run the function '" + trigger[2] + "' instead of '" + function + "'";
            }
        }
        found.remove(LEGACY_TRIGGER);
        return found.isEmpty() ? null : "a trigger Eventscope never writes was added: '" + found.keySet().iterator().next()
                + "' on " + found.values().iterator().next()[0];
    }

    /** A guard's function whose body is not the one Eventscope writes (unchanged since the first PostgreSQL ledger). */
    private static String editedGuardFunctions(Connection connection, String schema, boolean headGuarded) throws SQLException {
        for (String function : headGuarded ? new String[] {"events_are_immutable", HEAD_GUARD} : new String[] {"events_are_immutable"}) {
            try (PreparedStatement query = connection.prepareStatement("SELECT p.prosrc FROM pg_catalog.pg_proc p"
                    + " JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = ? AND p.proname = ?")) {
                query.setString(1, schema);
                query.setString(2, function);
                try (ResultSet row = query.executeQuery()) {
                    String body = row.next() ? row.getString(1) : null;
                    if (!PostgresSchema.guardFunctionBody(function).equals(body)) {
                        return "the function '" + function + "' that the guarding triggers run was "
                                + (body == null ? "dropped" : "replaced by: " + oneLine(body));
                    }
                }
            }
        }
        return null;
    }

    private static String oneLine(String sql) {
        String line = sql.replaceAll("\\s+", " ").strip();
        return line.length() <= 160 ? line : line.substring(0, 160) + "…";
    }
}
