package dev.eventscope.projection;

import dev.eventscope.codec.DecodedEvent;
import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.EventStoreException;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.StreamId;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The batch reader reads batches ahead on its own thread: the caller must still get exactly the batch after the
 * position it asks for (read ahead or read again when it asks elsewhere), in order; a batch that
 * failed fails the caller when it asks for that batch; a close frees the reading thread.
 */
class BatchReaderReadAheadTest {

    private static final int BATCH = 50;

    /**
     * Events at positions 1..count; a batch is up to {@link #BATCH} events after a position. Synchronized, as
     * {@link BatchSource} is: a batch read ahead that was given up may still be being read when the caller reads.
     */
    private static final class Batches implements LongFunction<List<DecodedEvent>> {
        final long count;
        final AtomicInteger reads = new AtomicInteger();
        volatile long failAfter = -1;

        Batches(long count) {
            this.count = count;
        }

        @Override
        public synchronized List<DecodedEvent> apply(long after) {
            reads.incrementAndGet();
            if (after == failAfter) {
                throw new EventStoreException("the batch after " + after + " is damaged");
            }
            List<DecodedEvent> batch = new ArrayList<>();
            for (long position = after + 1; position <= count && batch.size() < BATCH; position++) {
                batch.add(new DecodedEvent.Unreadable(new RecordedEvent(position, "", StreamId.of("entry-" + position),
                        1, "EntryPosted", 1, "{}", new EventMetadata("ann", null, null, null), position, "00"), "test"));
            }
            return batch;
        }
    }

    private static List<Long> positions(List<DecodedEvent> batch) {
        return batch.stream().map(event -> event.recorded().position()).toList();
    }

    @Test
    void each_batch_is_the_one_after_the_position_asked_for_wherever_the_caller_goes() {
        Random random = new Random(23);
        for (int trial = 0; trial < 40; trial++) {
            Batches ledger = new Batches(random.nextInt(20 * BATCH));
            Batches reference = new Batches(ledger.count);
            try (BatchReader reader = new BatchReader(ledger, BATCH)) {
                long position = 0;
                for (int asked = 0; asked < 60; asked++) {
                    List<DecodedEvent> batch = reader.after(position);
                    assertEquals(positions(reference.apply(position)), positions(batch), "the batch after " + position);
                    // mostly the next batch, as a catch-up asks; sometimes elsewhere, as after a failure or a rebuild
                    int move = random.nextInt(10);
                    position = move < 7 && !batch.isEmpty() ? batch.get(batch.size() - 1).recorded().position()
                            : move < 9 ? random.nextInt((int) ledger.count + 1) : position;
                }
            }
        }
    }

    @Test
    void a_batch_that_failed_fails_the_caller_when_it_asks_for_it_and_not_before() throws Exception {
        Batches ledger = new Batches(20 * BATCH);
        long damagedAfter = 2L * BATCH;
        ledger.failAfter = damagedAfter;
        try (BatchReader reader = new BatchReader(ledger, BATCH)) {
            assertEquals(BATCH, reader.after(0).size());
            assertEquals(BATCH, reader.after(BATCH).size());
            EventStoreException failed = assertThrows(EventStoreException.class, () -> reader.after(damagedAfter));
            assertEquals("the batch after " + damagedAfter + " is damaged", failed.getMessage());
            // read again when asked again (the store may have recovered)
            ledger.failAfter = -1;
            assertEquals(List.of(damagedAfter + 1, damagedAfter + 2), positions(reader.after(damagedAfter)).subList(0, 2));
        }
    }

    @Test
    void a_close_while_a_batch_is_read_ahead_frees_the_reading_thread() throws Exception {
        Batches ledger = new Batches(20 * BATCH);
        CountDownLatch aheadStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Thread> readingThread = new AtomicReference<>();
        LongFunction<List<DecodedEvent>> held = after -> {
            if (after == BATCH) {
                readingThread.set(Thread.currentThread());
                aheadStarted.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException closed) {
                    Thread.currentThread().interrupt();
                }
            }
            return ledger.apply(after);
        };
        try {
            BatchReader reader = new BatchReader(held, BATCH);
            assertEquals(BATCH, reader.after(0).size());
            assertTrue(aheadStarted.await(60, TimeUnit.SECONDS));
            reader.close();
            release.countDown();
            readingThread.get().join(TimeUnit.SECONDS.toMillis(60));
            assertFalse(readingThread.get().isAlive(), "the batch reader's thread ended");
            assertEquals(2, ledger.reads.get(), "nothing read after the batch in progress");
        } finally {
            release.countDown();
        }
    }

    @Test
    void the_batch_being_read_ahead_is_waited_for_not_read_twice() throws Exception {
        Batches ledger = new Batches(20 * BATCH);
        CountDownLatch aheadStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Map<Long, AtomicInteger> readsAfter = new ConcurrentHashMap<>();
        LongFunction<List<DecodedEvent>> held = after -> {
            readsAfter.computeIfAbsent(after, key -> new AtomicInteger()).incrementAndGet();
            if (after == BATCH) {
                aheadStarted.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return ledger.apply(after);
        };
        try (BatchReader reader = new BatchReader(held, BATCH)) {
            reader.after(0);
            assertTrue(aheadStarted.await(60, TimeUnit.SECONDS));
            release.countDown();
            assertEquals(BATCH + 1, reader.after(BATCH).get(0).recorded().position());
            assertEquals(1, readsAfter.get((long) BATCH).get(), "the batch after " + BATCH + " was read once, ahead");
        } finally {
            release.countDown();
        }
    }
}
