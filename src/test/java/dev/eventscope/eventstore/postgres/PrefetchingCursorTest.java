package dev.eventscope.eventstore.postgres;

import dev.eventscope.eventstore.EventCursor;
import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.EventStoreException;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.StreamId;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The read-ahead cursor: every event in order across pages, a failure where it happened, an early close stops the reading. */
class PrefetchingCursorTest {

    /** Positions 1..count; fails instead of returning {@code failAt} (0: never). */
    private static final class Numbers implements EventCursor {
        private final long count;
        private final long failAt;
        private final AtomicLong read = new AtomicLong();
        private final AtomicBoolean closed = new AtomicBoolean();
        /** The threads that read from this source (the cursor's reading thread). */
        private final java.util.Set<Thread> readers = java.util.concurrent.ConcurrentHashMap.newKeySet();

        Numbers(long count, long failAt) {
            this.count = count;
            this.failAt = failAt;
        }

        @Override
        public boolean hasNext() {
            return read.get() < count;
        }

        @Override
        public RecordedEvent next() {
            readers.add(Thread.currentThread());
            long position = read.incrementAndGet();
            if (position == failAt) {
                throw new EventStoreException("Could not read the events of the ledger: the connection was lost.");
            }
            return new RecordedEvent(position, "e-" + position, StreamId.of("account-x"), position, "T", 1, "{}",
                    EventMetadata.by("u"), position, "h");
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }

    @Test
    void every_event_arrives_in_order_across_pages_and_the_source_is_closed_at_the_end() {
        Numbers source = new Numbers(1_234, 0);
        long expected = 0;
        try (PrefetchingCursor cursor = new PrefetchingCursor(source, 500)) {
            while (cursor.hasNext()) {
                assertEquals(++expected, cursor.next().position());
            }
            assertFalse(cursor.hasNext());
        }
        assertEquals(1_234, expected);
        assertTrue(source.closed.get());
    }

    @Test
    void a_failure_reaches_the_caller_after_the_pages_read_before_it() {
        Numbers source = new Numbers(2_000, 700);
        long seen = 0;
        try (PrefetchingCursor cursor = new PrefetchingCursor(source, 500)) {
            EventStoreException failure = assertThrows(EventStoreException.class, () -> {
                while (cursor.hasNext()) {
                    cursor.next();
                }
            });
            assertEquals("Could not read the events of the ledger: the connection was lost.", failure.getMessage());
        }
        assertTrue(source.closed.get());
    }

    @Test
    void closing_early_stops_the_reading_and_closes_the_source() {
        Numbers source = new Numbers(Long.MAX_VALUE, 0);
        PrefetchingCursor cursor = new PrefetchingCursor(source, 500);
        assertEquals(1, cursor.next().position());
        cursor.close();
        assertTrue(source.closed.get(), "closed by the time close() returns");
        long readWhenClosed = source.read.get();
        assertTrue(readWhenClosed <= 500 * 4, "at most a few pages ahead: " + readWhenClosed);
        // the reading has stopped for good: every thread that read from the source has ended when close() returns
        assertFalse(source.readers.isEmpty(), "the source was read on a thread of the cursor's");
        for (Thread reader : source.readers) {
            assertFalse(reader.isAlive(), reader.getName() + " still runs after close() returned");
        }
        assertEquals(readWhenClosed, source.read.get(), "nothing was read after close() returned");
        assertFalse(cursor.hasNext());
    }
}
