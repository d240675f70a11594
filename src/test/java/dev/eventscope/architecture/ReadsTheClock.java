package dev.eventscope.architecture;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Every way of reading the clock or making a random value that the clock rule must catch (a fixture, never run). */
final class ReadsTheClock {

    /** The calls below as the rule's report names them. */
    static final List<String> CALLS = List.of("LocalDateTime.now()", "LocalDate.now(java.time.ZoneId)", "Instant.now()",
            "ZonedDateTime.now()", "Clock.systemUTC()", "Clock.systemDefaultZone()", "Clock.system(java.time.ZoneId)",
            "Random.<init>()", "Random.<init>(long)", "SecureRandom.<init>()", "UUID.randomUUID()",
            "System.currentTimeMillis()", "System.nanoTime()", "Math.random()", "ThreadLocalRandom.current()");

    private ReadsTheClock() {
    }

    static Object[] everyWay() {
        return new Object[] {LocalDateTime.now(), LocalDate.now(ZoneId.of("UTC")), Instant.now(), ZonedDateTime.now(),
                Clock.systemUTC(), Clock.systemDefaultZone(), Clock.system(ZoneId.of("UTC")), new Random(), new Random(1),
                new SecureRandom(), UUID.randomUUID(), System.currentTimeMillis(), System.nanoTime(), Math.random(),
                ThreadLocalRandom.current()};
    }

    static LocalDate withAClock(Clock clock) {
        return LocalDate.now(clock);
    }
}
