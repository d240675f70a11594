package dev.eventscope.application;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Time-ordered UUIDs (the layout of RFC 9562's version 7): 48 bits of Unix milliseconds, the version, a 12-bit counter
 * within the millisecond, the variant and 62 random bits. Each id is greater than the one before it from the same
 * generator, as a number and as its string, even when the clock stands still or goes back (the counter then carries
 * into the milliseconds). Why: the store keeps a unique index of event ids, and a random id lands on a random page of
 * it: an import of a million entries then touches every page of an index far larger than SQLite's page cache, where
 * ordered ids only ever add to its last page (docs/cli-speed.md). The random part keeps ids of different processes and
 * machines apart. Thread-safe.
 */
final class TimeOrderedIds implements IdGenerator {

    private static final long VERSION_7 = 0x7000L;
    private static final long VARIANT = 0x8000_0000_0000_0000L;
    private static final long RANDOM_BITS = 0x3FFF_FFFF_FFFF_FFFFL;

    private final Clock clock;
    /** Milliseconds shifted left by 12, plus the counter within the millisecond, of the last id. */
    private final AtomicLong last = new AtomicLong(Long.MIN_VALUE);

    TimeOrderedIds(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String nextId() {
        long now = clock.millis() << 12;
        long stamp = last.updateAndGet(previous -> Math.max(now, previous + 1));
        long high = (stamp >>> 12) << 16 | VERSION_7 | (stamp & 0xFFF);
        long low = VARIANT | (ThreadLocalRandom.current().nextLong() & RANDOM_BITS);
        return new UUID(high, low).toString();
    }
}
