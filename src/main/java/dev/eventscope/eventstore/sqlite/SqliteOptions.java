package dev.eventscope.eventstore.sqlite;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How a ledger file is opened. {@code synchronous} is SQLite's: FULL (the default) makes every
 * returned append survive a power loss; NORMAL survives a process crash but may lose the last
 * appends on power loss. {@code changePollInterval} is how often another process's appends are
 * looked for.
 */
public record SqliteOptions(boolean readOnly, Synchronous synchronous, Clock clock, Duration changePollInterval) {

    public enum Synchronous { FULL, NORMAL }

    public SqliteOptions {
        Objects.requireNonNull(synchronous, "synchronous");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(changePollInterval, "change poll interval");
    }

    public static SqliteOptions defaults() {
        return new SqliteOptions(false, Synchronous.FULL, Clock.systemUTC(), Duration.ofMillis(200));
    }

    public SqliteOptions withReadOnly(boolean value) {
        return new SqliteOptions(value, synchronous, clock, changePollInterval);
    }

    public SqliteOptions withSynchronous(Synchronous value) {
        return new SqliteOptions(readOnly, value, clock, changePollInterval);
    }

    public SqliteOptions withClock(Clock value) {
        return new SqliteOptions(readOnly, synchronous, value, changePollInterval);
    }
}
