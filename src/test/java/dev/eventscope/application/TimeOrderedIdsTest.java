package dev.eventscope.application;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("time-ordered ids (the ids of events and commands)")
class TimeOrderedIdsTest {

    /** A clock the test moves: forwards, standing still, or back. */
    private static final class SetClock extends Clock {
        final AtomicLong millis = new AtomicLong(1_764_000_000_000L);

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }
    }

    @Test
    void each_id_sorts_after_the_one_before_even_when_the_clock_stands_still_or_goes_back() {
        SetClock clock = new SetClock();
        IdGenerator ids = IdGenerator.timeOrdered(clock);
        String previous = ids.nextId();
        for (int i = 0; i < 20_000; i++) {
            // 5,000 ids within one millisecond overflow the 4,096 of the counter; then the clock goes back a second
            if (i == 10_000) {
                clock.millis.addAndGet(-1_000);
            } else if (i % 5_000 == 0) {
                clock.millis.incrementAndGet();
            }
            String next = ids.nextId();
            assertTrue(next.compareTo(previous) > 0, next + " should sort after " + previous);
            assertTrue(UUID.fromString(next).compareTo(UUID.fromString(previous)) != 0);
            previous = next;
        }
    }

    @Test
    void ids_are_version_7_uuids_carrying_their_milliseconds() {
        SetClock clock = new SetClock();
        UUID id = UUID.fromString(IdGenerator.timeOrdered(clock).nextId());
        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        assertEquals(clock.millis.get(), id.getMostSignificantBits() >>> 16);
    }

    @Test
    void threads_sharing_a_generator_never_get_the_same_id_and_two_generators_differ_in_the_same_millisecond()
            throws Exception {
        SetClock clock = new SetClock();
        IdGenerator shared = IdGenerator.timeOrdered(clock);
        Set<String> seen = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 10_000; i++) {
                        seen.add(shared.nextId());
                    }
                }));
            }
            for (Future<?> each : done) {
                each.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(40_000, seen.size());

        // another process starting in the same millisecond has the same time and counter, not the same random part
        Set<String> apart = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            apart.add(IdGenerator.timeOrdered(clock).nextId());
        }
        assertEquals(1_000, apart.size());
    }
}
