package dev.eventscope.journal;

import java.util.Locale;

/**
 * What a reader saw, so that an import can show at a glance that nothing was left out: transactions, their
 * postings, directives (including {@code include}s and those of included files), and items skipped with a
 * warning (periodic and automated transactions, price and payee directives...).
 */
public record ReadCounts(long transactions, long postings, long directives, long skipped) {

    public static final ReadCounts NONE = new ReadCounts(0, 0, 0, 0);

    ReadCounts withTransaction(int postingCount) {
        return new ReadCounts(transactions + 1, postings + postingCount, directives, skipped);
    }

    ReadCounts withDirective() {
        return new ReadCounts(transactions, postings, directives + 1, skipped);
    }

    ReadCounts withSkipped() {
        return new ReadCounts(transactions, postings, directives, skipped + 1);
    }

    /** {@code 3 transactions, 7 postings, 2 directives, 1 skipped}. */
    public String describe() {
        return String.format(Locale.ROOT, "%,d transactions, %,d postings, %,d directives, %,d skipped",
                transactions, postings, directives, skipped);
    }
}
