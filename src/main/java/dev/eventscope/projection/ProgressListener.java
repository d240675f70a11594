package dev.eventscope.projection;

import java.time.Duration;
import java.util.function.LongSupplier;

/** Told of a rebuild's progress after every batch, on the rebuilding thread. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = progress -> { };

    /** How often a window shows an opening's or a rebuild's progress at most (see {@link #atMostEvery}). */
    Duration SHOWN_EVERY = Duration.ofMillis(250);

    void progressed(RebuildProgress progress);

    /**
     * {@code listener}, told at most once per {@code interval}: the first step and a step at or past the last position
     * (the end of a catch-up, or a rebuild's tables being put in place) always, the others only when {@code interval} has
     * passed since the last one told. For a window: a first open of a large ledger reports after every batch, hundreds
     * of times a second on a fast machine, and each report shown costs the UI thread and the renderer a frame
     * (docs/cli-speed.md, "Session 22 (appopen)"); a person reads a figure a few times a second at most.
     */
    static ProgressListener atMostEvery(Duration interval, ProgressListener listener) {
        return atMostEvery(interval, System::nanoTime, listener);
    }

    /** As {@link #atMostEvery(Duration, ProgressListener)}, with {@code nanoTime} as the clock. */
    static ProgressListener atMostEvery(Duration interval, LongSupplier nanoTime, ProgressListener listener) {
        long nanos = interval.toNanos();
        return new ProgressListener() {
            private boolean toldAny;
            private long lastTold;

            @Override
            public void progressed(RebuildProgress progress) {
                long now = nanoTime.getAsLong();
                boolean due;
                synchronized (this) {
                    due = !toldAny || progress.position() >= progress.lastPosition() || now - lastTold >= nanos;
                    if (due) {
                        toldAny = true;
                        lastTold = now;
                    }
                }
                if (due) {
                    listener.progressed(progress);
                }
            }
        };
    }
}
