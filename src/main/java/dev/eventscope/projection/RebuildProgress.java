package dev.eventscope.projection;

import java.time.Duration;

/**
 * How far a rebuild is (or the catch-up of every read model, named {@link #CATCH_UP}): the position reached of {@code lastPosition}, the speed and an estimate of the time left. */
public record RebuildProgress(String projection, long position, long lastPosition, double eventsPerSecond,
                              Duration estimatedRemaining) {

    /** The name a catch-up's progress carries: it brings every read model along, not one projection. */
    public static final String CATCH_UP = "read models";

    /** Whether this is the progress of a catch-up of every read model rather than of one projection's rebuild. */
    public boolean catchUp() {
        return CATCH_UP.equals(projection);
    }

    /**
     * At {@code position} of {@code lastPosition}, having started at {@code startPosition} at {@code startedNanos}
     * ({@link System#nanoTime}): the speed so far, and the time left at that speed.
     */
    static RebuildProgress since(String name, long position, long lastPosition, long startPosition, long startedNanos) {
        double seconds = Math.max(1e-9, (System.nanoTime() - startedNanos) / 1e9);
        double rate = (position - startPosition) / seconds;
        Duration remaining = rate <= 0 ? Duration.ZERO
                : Duration.ofMillis((long) (Math.max(0, lastPosition - position) / rate * 1000));
        return new RebuildProgress(name, position, lastPosition, rate, remaining);
    }

    /** From 0 to 1. */
    public double fraction() {
        return lastPosition == 0 ? 1 : Math.min(1, (double) position / lastPosition);
    }
}
