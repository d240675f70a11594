package dev.eventscope.projection;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * The register lines a date checkpoint adds to the one before it (dated after the previous checkpoint's date and on
 * or before its own, recorded at or before its position), in date order and, within a date, in position order: one
 * line {@code position TAB date TAB account TAB commodity TAB amount} each, in UTF-8. Kept in the checkpoint's row
 * ({@code date_checkpoints.lines}) by the projection, so a question as of a date reads the lines dated between a
 * checkpoint and its date from one row instead of through an index of the register by date, which the projection
 * does not keep (building one cost more than the rest of the rebuild's date work, see docs/benchmarks-timetravel.md).
 */
public final class DatedLines {

    private DatedLines() {
    }

    /** Receives one line; {@code account} is the one asked for when a reader filters by account. */
    @FunctionalInterface
    public interface Sink {
        void line(long position, String date, String account, String commodity, BigDecimal amount);
    }

    /** Writes the lines of one checkpoint after another; {@link #bytes} hands them over and starts the next. */
    static final class Writer {
        private final StringBuilder text = new StringBuilder(1 << 16);

        void line(long position, String date, String account, String commodity, BigDecimal amount) {
            text.append(position).append('\t').append(date).append('\t').append(account).append('\t').append(commodity)
                    .append('\t').append(amount.toPlainString()).append('\n');
        }

        byte[] bytes() {
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            text.setLength(0);
            return bytes;
        }
    }

    /** Where a line's account comes from: the line's own field, or the account a reader filters by. */
    @FunctionalInterface
    private interface AccountField {
        String of(String text, int accountAt, int commodityAt);
    }

    private static final AccountField LINE_ACCOUNT = (text, accountAt, commodityAt) -> text.substring(accountAt, commodityAt - 1);

    /**
     * Hands over the lines dated in {@code dates} with position at most {@code upTo}, in their order.
     *
     * @throws ReadModelException when a line is not of the form above
     */
    public static void read(byte[] lines, DateSpan dates, long upTo, Sink sink) {
        String text = new String(lines, StandardCharsets.UTF_8);
        String after = dates.afterText();
        String upToDate = dates.upToText();
        for (int start = 0; start < text.length(); start = line(text, start, after, upToDate, upTo, LINE_ACCOUNT, sink)) {
            // every line in turn
        }
    }

    /**
     * As {@link #read}, of {@code account}'s lines only: they are found by their account field, the others never
     * parsed.
     *
     * @throws ReadModelException when one of the account's lines is not of the form above
     */
    public static void readAccount(byte[] lines, DateSpan dates, long upTo, String account, Sink sink) {
        String text = new String(lines, StandardCharsets.UTF_8);
        String after = dates.afterText();
        String upToDate = dates.upToText();
        AccountField asked = (line, accountAt, commodityAt) -> account;
        String field = '\t' + account + '\t';
        for (int at = text.indexOf(field); at >= 0; at = text.indexOf(field, at + 1)) {
            int start = text.lastIndexOf('\n', at) + 1;
            // the account is the third field: the match must follow the line's second tab (not be its commodity)
            int dateAt = text.indexOf('\t', start) + 1;
            if (dateAt > 0 && text.indexOf('\t', dateAt) == at) {
                at = line(text, start, after, upToDate, upTo, asked, sink) - 1;
            }
        }
    }

    /**
     * Hands over the line at {@code start} if it is dated after {@code after} and on or before {@code upToDate} (ISO
     * texts, "" and "~" for open ends: {@link DateSpan}) with position at most {@code upTo}; returns where the next
     * line starts.
     */
    private static int line(String text, int start, String after, String upToDate, long upTo, AccountField account,
                            Sink sink) {
        int end = text.indexOf('\n', start);
        int dateAt = text.indexOf('\t', start) + 1;
        int accountAt = dateAt == 0 ? 0 : text.indexOf('\t', dateAt) + 1;
        int commodityAt = accountAt == 0 ? 0 : text.indexOf('\t', accountAt) + 1;
        int amountAt = commodityAt == 0 ? 0 : text.indexOf('\t', commodityAt) + 1;
        if (end < 0 || amountAt == 0 || amountAt > end) {
            throw damaged(start);
        }
        String date = text.substring(dateAt, accountAt - 1);
        if (date.compareTo(after) > 0 && date.compareTo(upToDate) <= 0) {
            long position;
            BigDecimal amount;
            try {
                position = Long.parseLong(text, start, dateAt - 1, 10);
                amount = new BigDecimal(text.substring(amountAt, end));
            } catch (NumberFormatException e) {
                throw damaged(start);
            }
            if (position <= upTo) {
                sink.line(position, date, account.of(text, accountAt, commodityAt), text.substring(commodityAt, amountAt - 1),
                        amount);
            }
        }
        return end + 1;
    }

    private static ReadModelException damaged(int at) {
        return new ReadModelException("A date checkpoint's register lines are damaged at byte " + at
                + ": rebuild the balances projection.");
    }
}
