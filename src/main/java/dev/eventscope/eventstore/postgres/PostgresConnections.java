package dev.eventscope.eventstore.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Opens connections to a ledger's server. The password comes from the options (typed by a person in the
 * desktop app, held in memory only), else from {@code PGPASSWORD}; without either
 * pgjdbc looks in {@code ~/.pgpass} (or the file {@code PGPASSFILE} names) itself. Eventscope never
 * stores or prints it. Every connection works in the ledger's schema only.
 */
final class PostgresConnections {

    private PostgresConnections() {
    }

    static Connection open(PostgresLedgerUrl url, PostgresOptions options) {
        Properties properties = new Properties();
        String user = url.effectiveUser();
        properties.setProperty("user", user);
        String password = options.password() != null ? new String(options.password()) : System.getenv("PGPASSWORD");
        if (password != null && !password.isEmpty()) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", "eventscope");
        // the wait for the server is bounded by loginTimeout alone (pgjdbc connects in a thread of its own and gives up
        // waiting for it after that long); the connect and the answers to the encryption requests are not timed, since
        // one timed step leaves the socket non-blocking for good, and then every reply costs the appending thread a read
        // that finds nothing, a poll and the read again (docs/postgresql.md, "Session 18")
        properties.setProperty("connectTimeout", "0");
        properties.setProperty("sslResponseTimeout", "0");
        properties.setProperty("gssResponseTimeout", "0");
        properties.setProperty("loginTimeout", Long.toString(Math.max(1, options.connectTimeout().toSeconds())));
        properties.setProperty("tcpKeepAlive", "true");
        // every statement names the ledger's schema; the search path holds the built-ins only, so nothing in
        // "public" or the ledger's schema can stand in for one of them
        properties.setProperty("currentSchema", "pg_catalog");
        try {
            Connection connection = new org.postgresql.Driver().connect(url.jdbcUrl(), properties);
            if (connection == null) {
                throw new SQLException("pgjdbc does not accept the URL " + url.jdbcUrl(), "08001");
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET TIME ZONE 'UTC'");
            }
            return connection;
        } catch (SQLException e) {
            throw PostgresErrors.connecting(url, user, e, options.password() != null);
        }
    }

    static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the connection is being dropped; nothing more can be done with it
        }
    }
}
