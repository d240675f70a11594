package dev.eventscope.journal;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The import's second pass reads on a thread of its own: same items, same order, same failures, in their place. */
class ReadAheadTest {

    private static List<JournalItem> transactions(int count) {
        List<JournalItem> items = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int index = 0; index < count; index++) {
            text.append("2024-01-").append(String.format("%02d", 1 + index % 28)).append(" t").append(index)
                    .append("\n    a  1 EUR\n    b\n");
        }
        JournalText.read(text.toString().split("\n")).items.forEach(items::add);
        return items;
    }

    @Test
    void gives_every_item_in_order_across_many_batches() {
        List<JournalItem> items = transactions(1000);
        List<JournalItem> taken = new ArrayList<>();
        try (ReadAhead ahead = new ReadAhead(items.iterator(), "test-reader")) {
            ahead.forEachRemaining(taken::add);
            assertFalse(ahead.hasNext());
            assertThrows(NoSuchElementException.class, ahead::next);
        }
        assertEquals(items, taken);
    }

    @Test
    void throws_the_reading_thread_s_failure_after_the_items_read_before_it() {
        List<JournalItem> items = transactions(300);
        JournalParseException failure = new JournalParseException("x.journal", 7, 1, "broken");
        Iterator<JournalItem> failing = new Iterator<>() {
            int index;

            @Override
            public boolean hasNext() {
                if (index == items.size()) {
                    throw failure;
                }
                return true;
            }

            @Override
            public JournalItem next() {
                return items.get(index++);
            }
        };
        List<JournalItem> taken = new ArrayList<>();
        try (ReadAhead ahead = new ReadAhead(failing, "test-reader")) {
            JournalParseException thrown = assertThrows(JournalParseException.class,
                    () -> ahead.forEachRemaining(taken::add));
            assertSame(failure, thrown);
        }
        assertEquals(items, taken);
    }

    @Test
    void close_stops_a_reading_thread_that_waits_for_room() throws Exception {
        Iterator<JournalItem> endless = new Iterator<>() {
            final JournalItem item = transactions(1).get(0);

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public JournalItem next() {
                return item;
            }
        };
        ReadAhead ahead = new ReadAhead(endless, "test-endless-reader");
        assertTrue(ahead.hasNext());
        ahead.close();
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(thread ->
                thread.getName().equals("test-endless-reader") && thread.isAlive()), "the reading thread ended");
    }
}
