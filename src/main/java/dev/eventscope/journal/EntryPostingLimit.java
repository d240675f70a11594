package dev.eventscope.journal;

import java.time.LocalDate;
import java.util.Locale;

/**
 * The most postings one entry may have (100,000). An entry's postings are decided and appended together, as one command
 * whose events are all in memory at once: an entry of 1,000,000 postings filled a 512 MB heap after a minute (session
 * 21, adversary), one of 200,000 imported under {@code -Xmx512m} (678 MB resident), so the limit keeps a margin of two.
 * It is checked while the postings are read, before any ledger is created or written (session 22, adversary).
 */
final class EntryPostingLimit {

    static final int MAX_POSTINGS = 100_000;

    private EntryPostingLimit() {
    }

    /**
     * Refuses, at {@code line} of {@code file}, one more posting for the entry of {@code date} that starts on
     * {@code headerLine} when it already holds {@code postings} and that is the limit.
     */
    static void check(int postings, String file, int line, int headerLine, LocalDate date) {
        if (postings >= MAX_POSTINGS) {
            throw new JournalParseException(file, line, 1, String.format(Locale.ROOT, "the transaction on %s that starts"
                    + " on line %d has more than %,d postings, the most Eventscope takes in one entry (its postings are"
                    + " decided and written together, in memory); split it into several entries", date, headerLine,
                    MAX_POSTINGS));
        }
    }
}
