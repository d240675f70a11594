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
        if (state.equals("53300")) {
            // session 21 (adversary2): "too many connections for role" or "sorry, too many clients already"
            return new EventStoreException("The PostgreSQL server " + server + " lets the user '" + user + "' open no"
                    + " more connections for the ledger " + url + " (" + firstLine(e) + "): the login's CONNECTION LIMIT"
                    + " or the server's max_connections is reached, and an open ledger uses several (reads, writes, change"
                    + " notices); close other sessions of this login or ask the administrator to raise the limit.", e);
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
        String nothing = writes(action) ? " Nothing of this step was written." : "";
        String user = "'" + url.effectiveUser() + "'";
        // session 21 (adversary2): the settings an administrator may give a login or a database, each named
        if (state.equals("25006")) {
            return new EventStoreException("Could not " + action + " the ledger " + url + ": the PostgreSQL server lets"
                    + " the user " + user + " only read (" + firstLine(e) + "): default_transaction_read_only is on for"
                    + " this login or its database, or the server is a read-only standby; ask the administrator to turn it"
                    + " off for this login (ALTER ROLE " + url.effectiveUser() + " SET default_transaction_read_only ="
                    + " off)." + nothing, e);
        }
        if (state.equals("57014")) {
            String message = String.valueOf(e.getMessage());
            String why = message.contains("statement timeout")
                    ? "the PostgreSQL server cancelled a statement that ran longer than the statement_timeout set for the"
                    + " user " + user + " (or its database or server); ask the administrator to raise it for this login"
                    + " (ALTER ROLE " + url.effectiveUser() + " SET statement_timeout = 0)."
                    : "the statement was cancelled on the PostgreSQL server (" + firstLine(e) + "). Try again.";
            return new EventStoreException("Could not " + action + " the ledger " + url + ": " + why + nothing, e);
        }
        if (state.equals("55P03")) {
            return new EventStoreException("Could not " + action + " the ledger " + url + ": another session held a lock"
                    + " on the ledger's tables longer than the lock_timeout set for the user " + user + " (or its database"
                    + " or server) lets it wait (" + firstLine(e) + "). Try again once that session is done, or ask the"
                    + " administrator to raise lock_timeout for this login." + nothing, e);
        }
        if (state.equals("25P03")) {
            return new EventStoreException("Could not " + action + " the ledger " + url + ": the PostgreSQL server ended"
                    + " the session because it waited between two statements of one transaction longer than the"
                    + " idle_in_transaction_session_timeout set for the user " + user + " (or its database or server)"
                    + " allows; ask the administrator to raise it for this login (ALTER ROLE " + url.effectiveUser()
                    + " SET idle_in_transaction_session_timeout = 0)." + nothing, e);
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

    /** Whether the action writes to the ledger (so a failed one says that nothing of it was written). */
    private static boolean writes(String action) {
        return !(action.startsWith("read") || action.equals("open") || action.equals("verify"));
    }

    private static String firstLine(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        line = line.replaceFirst("^ERROR: ", "").replaceFirst("^FATAL: ", "");
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }
}
