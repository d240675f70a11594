package dev.eventscope.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Iterator;

/**
 * Writes journal items as hledger-readable text, one at a time: every amount explicit, {@code .} as
 * decimal mark and no digit groups (so nothing depends on commodity declarations), prices, balance
 * assertions, dates, status, codes, comments and their tags. What it writes reads back into equal
 * transactions (apart from {@link SourceLocation}). Throws {@link UncheckedIOException} if the writer fails.
 */
public final class JournalWriter {

    private static final String INDENT = "    ";

    private final Writer out;
    private boolean first = true;

    public JournalWriter(Writer out) {
        this.out = out;
    }

    public void writeAll(Iterator<? extends JournalItem> items) {
        while (items.hasNext()) {
            write(items.next());
        }
    }

    public void writeAll(Iterable<? extends JournalItem> items) {
        writeAll(items.iterator());
    }

    public void write(JournalItem item) {
        StringBuilder text = new StringBuilder();
        if (!first) {
            text.append('\n');
        }
        first = false;
        if (item instanceof JournalTransaction transaction) {
            appendTransaction(text, transaction);
        } else if (item instanceof JournalDirective.AccountDeclaration account) {
            text.append("account ").append(account.account());
            appendComment(text, account.comment(), INDENT);
        } else if (item instanceof JournalDirective.CommodityDeclaration commodity) {
            if (commodity.commodity().isEmpty()) {
                // the no-symbol commodity can only be declared by a sample amount: commodity 1,000.00
                text.append("commodity ").append(formatSample(commodity)).append('\n');
            } else {
                text.append("commodity ").append(AmountFormat.quoteIfNeeded(commodity.commodity())).append('\n');
            }
            if (commodity.style() != null && !commodity.commodity().isEmpty()) {
                text.append(INDENT).append("format ").append(formatSample(commodity)).append('\n');
            }
        } else if (item instanceof JournalDirective.MarketPrice price) {
            text.append("P ").append(price.date()).append(' ').append(AmountFormat.quoteIfNeeded(price.commodity()))
                    .append(' ').append(AmountFormat.format(price.price())).append('\n');
        } else {
            throw new IllegalStateException("unhandled journal item " + item);
        }
        try {
            out.write(text.toString());
        } catch (IOException failure) {
            throw new UncheckedIOException("could not write the journal", failure);
        }
    }

    public void flush() {
        try {
            out.flush();
        } catch (IOException failure) {
            throw new UncheckedIOException("could not write the journal", failure);
        }
    }

    /** One transaction as text, ending with a newline. */
    public static String format(JournalTransaction transaction) {
        StringBuilder text = new StringBuilder();
        appendTransaction(text, transaction);
        return text.toString();
    }

    private static void appendTransaction(StringBuilder text, JournalTransaction transaction) {
        text.append(transaction.date());
        if (transaction.secondaryDate() != null) {
            text.append('=').append(transaction.secondaryDate());
        }
        if (transaction.status() != Status.UNMARKED) {
            text.append(' ').append(transaction.status().mark());
        }
        if (!transaction.code().isEmpty()) {
            text.append(" (").append(transaction.code()).append(')');
        }
        if (!transaction.description().isEmpty()) {
            text.append(' ').append(transaction.description());
        }
        appendComment(text, transaction.comment(), INDENT);
        for (JournalPosting posting : transaction.postings()) {
            text.append(INDENT);
            if (posting.status() != Status.UNMARKED) {
                text.append(posting.status().mark()).append(' ');
            }
            text.append(posting.kind().wrap(posting.account())).append("  ").append(posting.amount());
            if (!posting.lot().isEmpty()) {
                text.append(' ').append(posting.lot());
            }
            if (posting.price() != null) {
                text.append(' ').append(posting.price().kind().symbol()).append(' ').append(posting.price().amount());
            }
            if (posting.assertion() != null) {
                text.append(' ').append(posting.assertion().symbol()).append(' ').append(posting.assertion().expected());
            }
            appendComment(text, posting.comment(), INDENT + INDENT);
        }
    }

    /** The first comment line goes on the line itself, the others on indented lines below it. */
    private static void appendComment(StringBuilder text, String comment, String indent) {
        if (comment.isEmpty()) {
            text.append('\n');
            return;
        }
        String[] commentLines = comment.split("\n", -1);
        text.append("  ; ").append(commentLines[0]).append('\n');
        for (int index = 1; index < commentLines.length; index++) {
            text.append(indent).append("; ").append(commentLines[index]).append('\n');
        }
    }

    private static String formatSample(JournalDirective.CommodityDeclaration commodity) {
        int precision = commodity.style().precision();
        String number = precision == 0 ? "1000" : "1,000." + "0".repeat(precision);
        // hledger needs the decimal mark even with no decimals: "1,000." declares zero decimal places
        return AmountFormat.format(new Amount(new java.math.BigDecimal(number.replace(",", "")), commodity.commodity()))
                .replace("1000", precision == 0 ? "1,000." : "1,000");
    }
}
