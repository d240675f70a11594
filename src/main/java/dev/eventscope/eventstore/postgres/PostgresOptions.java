package dev.eventscope.eventstore.postgres;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a PostgreSQL ledger is opened. {@code clock} stamps recorded times; empty (the default) means
 * the server's clock, so every desktop of a team stamps from one clock. {@code fetchSize} is how
 * many rows a server-side cursor brings over at a time. {@code connectTimeout} bounds how long an
 * unreachable server is waited for. {@code password}, when given (a person typed it into the desktop's
 * "Open team ledger" dialog), is used instead of {@code PGPASSWORD} and {@code ~/.pgpass}; it is kept in
 * memory only, for the connections of this store, and never printed ({@link #toString()} hides it).
 */
public record PostgresOptions(Optional<Clock> clock, int fetchSize, Duration connectTimeout, char[] password) {

    public PostgresOptions {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(connectTimeout, "connect timeout");
        if (fetchSize < 1) {
            throw new IllegalArgumentException("the fetch size must be at least 1, was " + fetchSize);
        }
    }

    public static PostgresOptions defaults() {
        return new PostgresOptions(Optional.empty(), 2_000, Duration.ofSeconds(10), null);
    }

    public PostgresOptions withClock(Clock value) {
        return new PostgresOptions(Optional.of(value), fetchSize, connectTimeout, password);
    }

    public PostgresOptions withFetchSize(int value) {
        return new PostgresOptions(clock, value, connectTimeout, password);
    }

    public PostgresOptions withConnectTimeout(Duration value) {
        return new PostgresOptions(clock, fetchSize, value, password);
    }

    /** With a password a person typed (null or empty: none, so {@code PGPASSWORD} or {@code ~/.pgpass} is used). */
    public PostgresOptions withPassword(char[] value) {
        return new PostgresOptions(clock, fetchSize, connectTimeout, value == null || value.length == 0 ? null : value.clone());
    }

    @Override
    public String toString() {
        return "PostgresOptions[clock=" + clock + ", fetchSize=" + fetchSize + ", connectTimeout=" + connectTimeout
                + ", password=" + (password == null ? "none" : "(hidden)") + "]";
    }
}
