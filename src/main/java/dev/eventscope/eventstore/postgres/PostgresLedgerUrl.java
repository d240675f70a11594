package dev.eventscope.eventstore.postgres;

import dev.eventscope.eventstore.EventStoreException;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a PostgreSQL ledger lives: {@code postgresql://[user@]host[:port]/database?schema=name}. The
 * URL never holds a password (one given in it is refused, so it can never land in a recent list or
 * a log); the password comes from {@code PGPASSWORD} or {@code ~/.pgpass}. {@link #toString()} gives
 * the URL back, which is safe to print.
 *
 * @param user the PostgreSQL user, or null for {@code PGUSER} or else the operating-system user
 */
public record PostgresLedgerUrl(String user, String host, int port, String database, String schema) {

    /** The scheme that marks a ledger name as a PostgreSQL ledger rather than a file. */
    public static final String SCHEME = "postgresql://";
    public static final int DEFAULT_PORT = 5432;

    private static final Pattern SHAPE = Pattern.compile(
            "postgresql://(?:(?<userinfo>[^@/]*)@)?(?<host>\\[[^\\]]+\\]|[^:/?]+)(?::(?<port>\\d+))?/(?<database>[^?/]+)"
                    + "(?:\\?(?<query>.*))?");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public PostgresLedgerUrl {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(schema, "schema");
        if (!IDENTIFIER.matcher(schema).matches()) {
            throw new EventStoreException("The schema name '" + schema + "' cannot name a ledger: use lower-case letters,"
                    + " digits and underscores, starting with a letter (at most 63 characters).");
        }
        // session 21: 'select' passed and then failed as "syntax error at or near "select"" (names are written unquoted)
        if (RESERVED.contains(schema) || schema.startsWith("pg_")) {
            throw new EventStoreException("The schema name '" + schema + "' cannot name a ledger: " + (schema.startsWith(
                    "pg_") ? "PostgreSQL keeps names starting with pg_ for its own schemas" : "it is a word PostgreSQL"
                    + " reserves for its SQL") + "; choose another name, such as '" + schema.replaceFirst("^pg_", "")
                    + "_ledger'.");
        }
    }

    /** PostgreSQL 15's reserved key words and those reserved but allowed as a function or type name (pg_get_keywords). */
    private static final java.util.Set<String> RESERVED = java.util.Set.of(("all analyse analyze and any array as asc"
            + " asymmetric authorization binary both case cast check collate collation column concurrently constraint"
            + " create cross current_catalog current_date current_role current_schema current_time current_timestamp"
            + " current_user default deferrable desc distinct do else end except false fetch for foreign freeze from"
            + " full grant group having ilike in initially inner intersect into is isnull join lateral leading left like"
            + " limit localtime localtimestamp natural not notnull null offset on only or order outer overlaps placing"
            + " primary references returning right select session_user similar some symmetric table tablesample then to"
            + " trailing true union unique user using variadic verbose when where window with").split(" "));

    /** Whether a ledger name (as typed after {@code --ledger}) names a PostgreSQL ledger. */
    public static boolean isPostgresUrl(String ledgerName) {
        return ledgerName != null && ledgerName.startsWith(SCHEME);
    }

    /** Parses a ledger URL; throws {@link EventStoreException} with one sentence when it is not one. */
    public static PostgresLedgerUrl parse(String text) {
        Matcher match = SHAPE.matcher(text);
        if (!match.matches()) {
            throw new EventStoreException("'" + safe(text) + "' is not a PostgreSQL ledger URL; write it as"
                    + " postgresql://[user@]host[:port]/database?schema=name.");
        }
        String userInfo = match.group("userinfo");
        if (userInfo != null && userInfo.contains(":")) {
            throw new EventStoreException("The ledger URL '" + safe(text) + "' holds a password; Eventscope never takes one"
                    + " in a URL: set PGPASSWORD or put it in ~/.pgpass.");
        }
        String schema = null;
        String query = match.group("query");
        if (query != null && !query.isEmpty()) {
            for (String parameter : query.split("&")) {
                int equals = parameter.indexOf('=');
                String name = equals < 0 ? parameter : parameter.substring(0, equals);
                String value = equals < 0 ? "" : decode(parameter.substring(equals + 1));
                if (name.equals("schema")) {
                    schema = value;
                } else {
                    throw new EventStoreException("The ledger URL '" + safe(text) + "' has the parameter '" + name
                            + "', which Eventscope does not know; only 'schema' is allowed.");
                }
            }
        }
        if (schema == null || schema.isEmpty()) {
            throw new EventStoreException("The ledger URL '" + safe(text) + "' names no schema; add ?schema=NAME"
                    + " (each ledger lives in a PostgreSQL schema of its own).");
        }
        String port = match.group("port");
        return new PostgresLedgerUrl(userInfo == null || userInfo.isEmpty() ? null : decode(userInfo),
                match.group("host"), port == null ? DEFAULT_PORT : Integer.parseInt(port), decode(match.group("database")), schema);
    }

    /** The JDBC URL pgjdbc is given (no user or password in it). */
    String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** The user to connect as: the URL's, else {@code PGUSER}, else the operating-system user. */
    public String effectiveUser() {
        if (user != null) {
            return user;
        }
        String fromEnvironment = System.getenv("PGUSER");
        return fromEnvironment != null && !fromEnvironment.isEmpty() ? fromEnvironment : System.getProperty("user.name");
    }

    /** The same ledger URL with another schema (tests, and the copy of a ledger). */
    public PostgresLedgerUrl withSchema(String otherSchema) {
        return new PostgresLedgerUrl(user, host, port, database, otherSchema);
    }

    @Override
    public String toString() {
        return SCHEME + (user == null ? "" : user + "@") + host + (port == DEFAULT_PORT ? "" : ":" + port) + "/" + database
                + "?schema=" + schema;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /**
     * The text with anything between "//" and "@" hidden, and the value of every parameter but the schema (such as
     * {@code ?password=}, session 14), so a password typed by mistake is not echoed.
     */
    private static String safe(String text) {
        return text.replaceFirst("//[^@/]*:[^@/]*@", "//***@").replaceAll("([?&])(?!schema=)([^=&]*)=[^&]*", "$1$2=***");
    }
}
