package dev.eventscope.ui.projections;

import dev.eventscope.projection.RebuildProgress;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The UI hears an opening's progress at most about ten times a second, and always its first and last step. */
class ThrottledProgressTest {

    private static final long MS = 1_000_000L;

    private final AtomicLong now = new AtomicLong(5_000 * MS);
    private final List<Long> heard = new ArrayList<>();
    private final ThrottledProgress throttled = new ThrottledProgress(step -> heard.add(step.position()), now::get);

    private void at(long millis, String projection, long position, long last) {
        now.set(5_000 * MS + millis * MS);
        throttled.progressed(new RebuildProgress(projection, position, last, 1000, Duration.ZERO));
    }

    @Test
    void a_catch_up_reporting_every_30_ms_is_passed_on_every_tenth_of_a_second_with_its_first_and_last_step() {
        for (int batch = 1; batch <= 20; batch++) {
            at(batch * 30L, RebuildProgress.CATCH_UP, batch * 5_000L, 100_000);
        }
        // 30 ms (first), then the first step at least 100 ms after the one passed on: 150, 270, 390, 510; 600: the last event
        assertEquals(List.of(5_000L, 25_000L, 45_000L, 65_000L, 85_000L, 100_000L), heard);
    }

    @Test
    void another_projection_and_a_rebuilds_swap_are_passed_on_at_once() {
        at(0, RebuildProgress.CATCH_UP, 100, 100);
        at(10, "balances", 10, 100); // a rebuild after the catch-up: its first step
        at(20, "balances", 20, 100); // too soon
        at(30, "balances", 100, 100); // the swap ("putting in place")
        at(40, "journal", 50, 100);
        assertEquals(List.of(100L, 10L, 100L, 50L), heard);
    }

    @Test
    void nothing_is_held_back_when_steps_are_slower_than_ten_a_second() {
        for (int step = 1; step <= 5; step++) {
            at(step * 250L, RebuildProgress.CATCH_UP, step * 10L, 1_000);
        }
        assertEquals(List.of(10L, 20L, 30L, 40L, 50L), heard);
    }
}
