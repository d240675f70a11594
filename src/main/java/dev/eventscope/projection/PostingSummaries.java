package dev.eventscope.projection;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What a date checkpoint keeps of its busiest accounts' postings besides their balances: for each account with at
 * least as many register lines as lie between two checkpoints, how many of its postings the checkpoint holds, the
 * latest of their dates and the latest of their positions ({@link PostingSummary}), one line
 * {@code account TAB postings TAB lastDate TAB lastPosition} each (an empty date and position 0 before its first
 * posting), in account order, in UTF-8. Kept in the
 * checkpoint's row ({@code date_checkpoints.summaries}), so an account's state as of a date adds the few lines dated
 * after the checkpoint to it instead of counting the account's postings through the register index (110,000 index
 * entries for a hot account of the benchmark ledger, see docs/benchmarks-timetravel.md). Accounts with fewer lines
 * are counted through the index, which is cheap for them.
 */
public final class PostingSummaries {

    private PostingSummaries() {
    }

    /** Writes the summaries of one checkpoint after another; {@link #bytes} hands them over and starts the next. */
    static final class Writer {
        private final StringBuilder text = new StringBuilder(256);

        /** One account's summary; {@code lastDate} is "" before its first posting. */
        void summary(String account, long postings, String lastDate, long lastPosition) {
            text.append(account).append('\t').append(postings).append('\t').append(lastDate).append('\t')
                    .append(lastPosition).append('\n');
        }

        byte[] bytes() {
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            text.setLength(0);
            return bytes;
        }
    }

    /**
     * The summary of {@code account} in {@code summaries}; empty when the checkpoint keeps none for it (an account
     * with fewer lines, or one that had no posting when the checkpoints were built).
     *
     * @throws ReadModelException when the account's line is not of the form above
     */
    public static Optional<PostingSummary> find(byte[] summaries, String account) {
        String text = new String(summaries, StandardCharsets.UTF_8);
        String prefix = account + '\t';
        int start = text.startsWith(prefix) ? 0 : text.indexOf('\n' + prefix);
        if (start < 0) {
            return Optional.empty();
        }
        start = start == 0 && text.startsWith(prefix) ? prefix.length() : start + 1 + prefix.length();
        int end = text.indexOf('\n', start);
        String[] fields = end < 0 ? new String[0] : text.substring(start, end).split("\t", -1);
        try {
            if (fields.length == 3) {
                return Optional.of(new PostingSummary(Long.parseLong(fields[0]),
                        fields[1].isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(fields[1])),
                        Long.parseLong(fields[2])));
            }
        } catch (RuntimeException malformed) {
            // reported below with the account's line
        }
        throw new ReadModelException("A date checkpoint's posting summary of account " + account
                + " is damaged: rebuild the balances projection.");
    }
}
