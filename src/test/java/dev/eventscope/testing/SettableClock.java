package dev.eventscope.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A UTC clock that says what the test last set, for stamping events at chosen recorded times. */
public class SettableClock extends Clock {

    private volatile Instant now;

    public SettableClock(Instant start) {
        this.now = start;
    }

    /** A clock that moves on by {@code step} each time it is read (its first reading is {@code start + step}). */
    public static SettableClock stepping(Instant start, Duration step) {
        return new SettableClock(start) {
            @Override
            public synchronized Instant instant() {
                Instant next = super.instant().plus(step);
                set(next);
                return next;
            }
        };
    }

    public void set(Instant instant) {
        now = instant;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
