package dev.eventscope.journal;

/**
 * What a reader has seen, so that an import can show at a glance that nothing was left out: transactions,
 * their postings, directives (including {@code include}s), and items skipped with a warning.
 */
public final class ReadCounts {

    private long transactions;
    private long postings;
    private long directives;
    private long skipped;

    void transaction(int postingCount) {
        transactions++;
        postings += postingCount;
    }

    void directive() {
        directives++;
    }

    void skip() {
        skipped++;
    }

    public long transactions() {
        return transactions;
    }

    public long postings() {
        return postings;
    }

    public long directives() {
        return directives;
    }

    public long skipped() {
        return skipped;
    }

    /** {@code 3 transactions, 7 postings, 2 directives, 1 skipped}. */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "%,d transactions, %,d postings, %,d directives, %,d skipped",
                transactions, postings, directives, skipped);
    }
}
