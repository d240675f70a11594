package dev.eventscope.projection;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link ProgressListener#atMostEvery}: what a window is told of a catch-up that reports after every batch. */
class ProgressShownAtMostEveryTest {

    private static RebuildProgress at(long position, long last) {
        return new RebuildProgress(RebuildProgress.CATCH_UP, position, last, 1_000, Duration.ZERO);
    }

    @Test
    void the_first_step_the_steps_a_quarter_second_apart_and_the_last_are_told() {
        AtomicLong now = new AtomicLong();
        List<Long> told = new ArrayList<>();
        ProgressListener shown = ProgressListener.atMostEvery(Duration.ofMillis(250), now::get, step -> told.add(step.position()));
        // 1,000 batches of 1,000 events, one every 10 ms: 10 s of catch-up
        for (long batch = 1; batch <= 1_000; batch++) {
            shown.progressed(at(batch * 1_000, 1_000_000));
            now.addAndGet(Duration.ofMillis(10).toNanos());
        }
        assertEquals(1_000L, told.get(0), "the first batch is told at once");
        assertEquals(1_000_000L, told.get(told.size() - 1), "the end is always told");
        // one every 25 batches (250 ms), plus the first and the last
        assertEquals(41, told.size(), () -> "told " + told);
        for (int i = 1; i < told.size() - 1; i++) {
            assertEquals(25_000L, told.get(i) - told.get(i - 1), () -> "told " + told);
        }
    }

    @Test
    void a_step_at_or_past_the_last_position_is_told_however_soon_it_comes() {
        AtomicLong now = new AtomicLong();
        List<Long> told = new ArrayList<>();
        ProgressListener shown = ProgressListener.atMostEvery(Duration.ofMillis(250), now::get, step -> told.add(step.position()));
        shown.progressed(at(10, 30));
        shown.progressed(at(20, 30)); // too soon: not told
        shown.progressed(at(30, 30)); // the end: told
        shown.progressed(at(31, 30)); // the ledger grew meanwhile: still the end
        assertEquals(List.of(10L, 30L, 31L), told);
    }

    @Test
    void steps_slower_than_the_interval_are_each_told() {
        AtomicLong now = new AtomicLong();
        List<Long> told = new ArrayList<>();
        ProgressListener shown = ProgressListener.atMostEvery(Duration.ofMillis(250), now::get, step -> told.add(step.position()));
        for (long position = 1; position <= 5; position++) {
            shown.progressed(at(position, 100));
            now.addAndGet(Duration.ofMillis(300).toNanos());
        }
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), told);
    }
}
