package dev.eventscope.eventstore.postgres;

import dev.eventscope.eventstore.EventStoreException;

import java.sql.SQLException;

/**
 * Turns PostgreSQL's errors into one sentence that names the ledger and what to do, by SQLSTATE
 * class: never the driver's stack of words, never a password.
 */
final class PostgresErrors {

    private PostgresErrors() {
    }

    /** An error while connecting. */
    static EventStoreException connecting(PostgresLedgerUrl url, String user, SQLException e) {
        return connecting(url, user, e, false);
    }

    /** An error while connecting; {@code typedPassword}: the password was typed by the person, not read from the environment. */
    static EventStoreException connecting(PostgresLedgerUrl url, String user, SQLException e, boolean typedPassword) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String server = url.host() + ":" + url.port();
        if (state.equals("28P01")) {
            return new EventStoreException("The PostgreSQL server " + server + " refused the password of user '" + user
                    + "' for the ledger " + url + (typedPassword ? "; check the password." : "; check PGPASSWORD or ~/.pgpass."), e);
        }
        if (state.equals("08004") && String.valueOf(e.getMessage()).contains("password")) {
            return new EventStoreException("The PostgreSQL server " + server + " wants a password for user '" + user
                    + "' and none was given; set PGPASSWORD or put it in ~/.pgpass.", e);
        }
        if (state.startsWith("28")) {
            return new EventStoreException("The PostgreSQL server " + server + " does not let user '" + user
                    + "' in to the database '" + url.database() + "' (" + firstLine(e) + ").", e);
        }
        if (state.equals("3D000")) {
            return new EventStoreException("The PostgreSQL server " + server + " has no database '" + url.database()
                    + "' for the ledger " + url + ".", e);
        }
        if (state.startsWith("08") || state.startsWith("57P") || state.isEmpty()) {
            return new EventStoreException("Cannot reach the PostgreSQL server " + server + " for the ledger " + url
                    + ": " + firstLine(e) + ".", e);
        }
        return new EventStoreException("Cannot connect to the ledger " + url + ": " + firstLine(e) + ".", e);
    }

    /** An error while working on an open ledger. */
    static EventStoreException failure(PostgresLedgerUrl url, String action, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.equals("42501")) {
            return new EventStoreException("Could not " + action + " the ledger " + url + ": the PostgreSQL user '"
                    + url.effectiveUser() + "' lacks the permission (" + firstLine(e) + ")."
                    + (action.startsWith("read") || action.equals("open") || action.equals("verify") ? "" : " Nothing was written."), e);
        }
        if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
            return new EventStoreException("Could not " + action + " the ledger " + url + ": the connection to the"
                    + " PostgreSQL server " + url.host() + ":" + url.port() + " was lost; nothing of this step was written."
                    + " Try again.", e);
        }
        return new EventStoreException("Could not " + action + " the ledger " + url + ": " + firstLine(e) + ".", e);
    }

    /** An error while reading events through a cursor, after the event at {@code lastPosition} (0: before the first). */
    static EventStoreException readFailure(PostgresLedgerUrl url, String action, SQLException e, long lastPosition) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
            return new EventStoreException("Could not " + action + " the ledger " + url + ": the connection to the PostgreSQL"
                    + " server " + url.host() + ":" + url.port() + " was lost " + (lastPosition == 0 ? "before the first event"
                    : "after position " + lastPosition) + " (" + firstLine(e) + "); read again.", e);
        }
        return failure(url, action, e);
    }

    private static String firstLine(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        line = line.replaceFirst("^ERROR: ", "").replaceFirst("^FATAL: ", "");
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }
}
