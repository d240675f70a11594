package dev.eventscope.ui;

import dev.eventscope.timetravel.InvalidPoint;
import dev.eventscope.timetravel.TimeTravelException;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ErrorMessagesTest {

    @Test
    void a_time_travel_answer_that_cannot_be_given_is_shown_as_it_is_written() {
        String why = "The event at position 250 (PostingRecorded) cannot be read: its data is not valid JSON."
                + " The account cannot be rebuilt past it.";
        assertEquals(why, ErrorMessages.of(new CompletionException(new TimeTravelException(why))));
    }

    @Test
    void a_point_that_is_not_one_lists_the_accepted_forms() {
        assertTrue(ErrorMessages.of(new InvalidPoint("yesterday")).startsWith("'yesterday' is not a point"));
    }

    @Test
    void an_unexpected_failure_says_so_and_what_to_do() {
        assertEquals("Something went wrong (boom); try again, and if it persists, report it with the log.",
                ErrorMessages.of(new IllegalStateException("boom")));
    }

    @Test
    void a_refused_file_is_told_with_what_to_do_next() {
        String foreign = ErrorMessages.of(new dev.eventscope.eventstore.EventStoreException(
                "'/tmp/photos.ledger' is an SQLite database but not an Eventscope ledger (it has tables photos)."));
        assertTrue(foreign.endsWith("Open a ledger made by Eventscope, or bring the books in from their journal (File › Import a journal…)."), foreign);
        String damaged = ErrorMessages.of(new dev.eventscope.eventstore.EventStoreException(
                "'/tmp/books.ledger' is damaged: its SQLite header gives an impossible page size (2515)."));
        assertTrue(damaged.endsWith("Nothing was changed; restore the file from a backup."), damaged);
        String truncated = "'/tmp/books.ledger' is truncated: it holds 20000 bytes but its header says 622592. Restore it from a backup.";
        assertEquals(truncated, ErrorMessages.of(new dev.eventscope.eventstore.EventStoreException(truncated)));
    }
}
