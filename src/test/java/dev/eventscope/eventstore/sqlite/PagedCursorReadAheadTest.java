package dev.eventscope.eventstore.sqlite;

import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.EventStoreException;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.StreamId;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A cursor reading several pages ahead (the catch-up's) still gives every event once, in position order, reads one page
 * at a time, holds no more than the pages it may read ahead, fails where a page failed, and stops reading when closed.
 */
class PagedCursorReadAheadTest {

    private static final int PAGES_AHEAD = 3;

    /** A ledger of {@code count} events at positions 1..count, read page by page; counts the reads in flight. */
    private static final class Ledger implements PagedCursor.PageReader {
        final int count;
        final AtomicInteger reads = new AtomicInteger();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger mostInFlight = new AtomicInteger();
        volatile long failAfter = -1;

        Ledger(int count) {
            this.count = count;
        }

        @Override
        public List<RecordedEvent> read(long afterPosition, int limit) {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                reads.incrementAndGet();
                if (afterPosition == failAfter) {
                    throw new EventStoreException("page after " + afterPosition + " is damaged");
                }
                List<RecordedEvent> page = new ArrayList<>();
                for (long position = afterPosition + 1; position <= count && page.size() < limit; position++) {
                    page.add(event(position));
                }
                return page;
            } finally {
                inFlight.decrementAndGet();
            }
        }
    }

    /** Runs what it is given only when the test says so, on the test's thread. */
    private static final class ManualExecutor implements java.util.concurrent.Executor {
        final ArrayDeque<Runnable> tasks = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        void runAll() {
            while (!tasks.isEmpty()) {
                tasks.poll().run();
            }
        }
    }

    static RecordedEvent event(long position) {
        return new RecordedEvent(position, "", StreamId.of("entry-" + position), 1, "EntryPosted", 1, "{}",
                new EventMetadata("ann", null, null, "ImportJournal"), position, "00");
    }

    @Test
    void every_event_once_in_position_order_one_read_at_a_time() {
        ExecutorService readAhead = Executors.newCachedThreadPool();
        try {
            for (int count : new int[] {0, 1, PagedCursor.PAGE_SIZE - 1, PagedCursor.PAGE_SIZE, 3 * PagedCursor.PAGE_SIZE,
                    7 * PagedCursor.PAGE_SIZE + 123}) {
                for (long start : new long[] {0, 1, PagedCursor.PAGE_SIZE + 5}) {
                    Ledger ledger = new Ledger(count);
                    List<Long> positions = new ArrayList<>();
                    try (PagedCursor cursor = new PagedCursor(start, ledger, readAhead, PAGES_AHEAD)) {
                        while (cursor.hasNext()) {
                            positions.add(cursor.next().position());
                        }
                        assertFalse(cursor.hasNext());
                    }
                    List<Long> expected = new ArrayList<>();
                    for (long position = start + 1; position <= count; position++) {
                        expected.add(position);
                    }
                    assertEquals(expected, positions, count + " events after " + start);
                    assertEquals(1, ledger.mostInFlight.get(), "pages are read one at a time");
                }
            }
        } finally {
            readAhead.shutdownNow();
        }
    }

    @Test
    void reads_no_more_than_its_pages_ahead_while_the_caller_is_on_a_page() {
        Ledger ledger = new Ledger(20 * PagedCursor.PAGE_SIZE);
        ManualExecutor readAhead = new ManualExecutor();
        try (PagedCursor cursor = new PagedCursor(0, ledger, readAhead, PAGES_AHEAD)) {
            assertTrue(cursor.hasNext());
            readAhead.runAll();
            assertEquals(1 + PAGES_AHEAD, ledger.reads.get(), "the caller's page and the pages read ahead");
            // the caller moves to the next page: one more page is read ahead, no more
            for (int i = 0; i <= PagedCursor.PAGE_SIZE; i++) {
                cursor.next();
            }
            readAhead.runAll();
            assertEquals(2 + PAGES_AHEAD, ledger.reads.get());
        }
    }

    @Test
    void a_page_that_failed_fails_the_caller_where_it_reaches_it_and_not_before() {
        Ledger ledger = new Ledger(10 * PagedCursor.PAGE_SIZE);
        long damagedAfter = 2L * PagedCursor.PAGE_SIZE;
        ledger.failAfter = damagedAfter;
        ManualExecutor readAhead = new ManualExecutor();
        try (PagedCursor cursor = new PagedCursor(0, ledger, readAhead, PAGES_AHEAD)) {
            assertTrue(cursor.hasNext());
            readAhead.runAll(); // the read ahead meets the damaged page
            for (long position = 1; position <= damagedAfter; position++) {
                assertTrue(cursor.hasNext());
                assertEquals(position, cursor.next().position());
            }
            EventStoreException failed = assertThrows(EventStoreException.class, cursor::hasNext);
            assertEquals("page after " + damagedAfter + " is damaged", failed.getMessage());
            assertSame(failed, assertThrows(EventStoreException.class, cursor::hasNext), "and again when asked again");
        }
    }

    @Test
    void the_first_page_failing_fails_the_caller_at_once() {
        Ledger ledger = new Ledger(10 * PagedCursor.PAGE_SIZE);
        ledger.failAfter = 0;
        try (PagedCursor cursor = new PagedCursor(0, ledger, new ManualExecutor(), PAGES_AHEAD)) {
            assertThrows(EventStoreException.class, cursor::hasNext);
        }
    }

    @Test
    void closing_while_a_page_is_read_ahead_stops_the_reading_after_that_page() throws Exception {
        CountDownLatch secondPageStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Ledger ledger = new Ledger(20 * PagedCursor.PAGE_SIZE);
        PagedCursor.PageReader held = (after, limit) -> {
            if (after == PagedCursor.PAGE_SIZE) {
                secondPageStarted.countDown();
                await(release);
            }
            return ledger.read(after, limit);
        };
        CountDownLatch readerDone = new CountDownLatch(1);
        ExecutorService threads = Executors.newSingleThreadExecutor();
        try {
            PagedCursor cursor = new PagedCursor(0, held, task -> threads.execute(() -> {
                try {
                    task.run();
                } finally {
                    readerDone.countDown();
                }
            }), PAGES_AHEAD);
            assertTrue(cursor.hasNext());
            assertTrue(secondPageStarted.await(60, TimeUnit.SECONDS));
            cursor.close();
            release.countDown();
            assertTrue(readerDone.await(60, TimeUnit.SECONDS), "the reading thread is freed");
            assertEquals(2, ledger.reads.get(), "nothing is read after the page in progress");
            assertFalse(cursor.hasNext());
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
    }

    @Test
    void a_caller_waiting_for_a_page_being_read_is_freed_by_a_close() throws Exception {
        CountDownLatch secondPageStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Ledger ledger = new Ledger(20 * PagedCursor.PAGE_SIZE);
        ExecutorService threads = Executors.newCachedThreadPool();
        try {
            PagedCursor cursor = new PagedCursor(0, (after, limit) -> {
                if (after == PagedCursor.PAGE_SIZE) {
                    secondPageStarted.countDown();
                    await(release);
                }
                return ledger.read(after, limit);
            }, threads, PAGES_AHEAD);
            for (int i = 0; i < PagedCursor.PAGE_SIZE; i++) {
                cursor.next();
            }
            assertTrue(secondPageStarted.await(60, TimeUnit.SECONDS));
            var waiting = threads.submit(cursor::hasNext);
            // the caller may or may not be waiting yet: either way, a close ends its wait with "no more events"
            cursor.close();
            assertFalse(waiting.get(60, TimeUnit.SECONDS));
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new AssertionError("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
