package dev.eventscope.projection.sqlite;

import dev.eventscope.projection.ProjectionFailure;
import dev.eventscope.projection.ProjectionState;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the queries ({@link SqliteLedgerQueries}, {@link SqliteRegisterReads}) read the read models through: a reader
 * connection, the events table as it names it, each projection's state and its tables. Kept by a store that writes its
 * read models ({@link SqliteReadModelStore}) and by one that only reads a ledger's own ({@link LedgerReadModelsAsRead},
 * session 24).
 */
abstract class SqliteReadSide {

    static final String SELECT_STATE = "SELECT * FROM projection_state WHERE name = ?";

    /** The connection queries read with (callers synchronise on it). */
    abstract Connection reader();

    /** The ledger's events table as the reader connection names it. */
    abstract String eventsTable();

    public abstract Optional<ProjectionState> state(String projection);

    /** Physical names of every table of a projection's generation, from the file's schema. */
    abstract List<String> physicalTables(String projection, int generation);

    public abstract String location();

    public abstract boolean needsEventStamps();

    static Optional<ProjectionState> readState(Connection connection, String projection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(SELECT_STATE)) {
            return readState(query, projection);
        }
    }

    static Optional<ProjectionState> readState(PreparedStatement query, String projection) throws SQLException {
        query.setString(1, projection);
        try (ResultSet rows = query.executeQuery()) {
            if (!rows.next()) {
                return Optional.empty();
            }
            long failurePosition = rows.getLong("failure_position");
            Optional<ProjectionFailure> failure = rows.wasNull() ? Optional.empty() : Optional.of(new ProjectionFailure(
                    projection, failurePosition, rows.getString("failure_type"), rows.getString("failure_error")));
            return Optional.of(new ProjectionState(projection, rows.getInt("version"), rows.getInt("generation"),
                    rows.getLong("position"), rows.getString("position_hash"), failure, rows.getInt("building_version"),
                    rows.getInt("building_generation"), rows.getLong("building_position"), rows.getString("building_hash")));
        }
    }

    static List<String> physicalTables(Connection connection, String projection, int generation) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE ? ESCAPE '\\' ORDER BY name")) {
            query.setString(1, "rm\\_" + projection + "\\_\\_%\\_g" + generation);
            List<String> names = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String name = rows.getString(1);
                    if (name.endsWith("_g" + generation) && name.startsWith("rm_" + projection + "__")) {
                        names.add(name);
                    }
                }
            }
            return names;
        }
    }
}
