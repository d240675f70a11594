package dev.eventscope.projection;

import java.time.Duration;

/** How far a rebuild is: the position reached of {@code lastPosition}, the speed and an estimate of the time left. */
public record RebuildProgress(String projection, long position, long lastPosition, double eventsPerSecond,
                              Duration estimatedRemaining) {

    /** From 0 to 1. */
    public double fraction() {
        return lastPosition == 0 ? 1 : Math.min(1, (double) position / lastPosition);
    }
}
