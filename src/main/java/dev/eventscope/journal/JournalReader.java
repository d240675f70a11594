package dev.eventscope.journal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads an hledger / ledger journal one item at a time, in file order: transactions (balanced, every amount
 * explicit) and account / commodity declarations. Only the transaction being read is held in memory, plus
 * one running balance per account and commodity for balance assertions (checked in file order, not
 * hledger's date order). Unsupported directives ({@code P}, {@code D}, {@code alias}, {@code apply account},
 * {@code include}, periodic {@code ~} and automated {@code =} transactions, ...) are skipped and reported
 * to the listener as {@link JournalWarning}s with their line; {@code Y}/{@code year} and
 * {@code decimal-mark} are honoured. Virtual postings are kept with their {@link PostingKind}.
 *
 * <p>{@link #next()} throws {@link JournalParseException} for a journal that cannot be read, and
 * {@link UncheckedIOException} when the underlying reader fails. Not thread-safe.
 */
public final class JournalReader implements Iterator<JournalItem>, AutoCloseable {

    /** How often progress is reported. */
    public static final int PROGRESS_EVERY_LINES = 1000;

    /** How many warnings {@link #warnings()} keeps, so a journal full of skipped lines cannot exhaust memory. */
    public static final int KEPT_WARNINGS = 1000;

    private final LineSource lines;
    private final String file;
    private final JournalReadListener listener;
    private final AmountParser amountParser = new AmountParser();
    private final TransactionBalancer balancer;
    private final TransactionParser transactionParser;
    private final Set<String> ambiguousCommoditiesReported = new HashSet<>();
    private final List<JournalWarning> warnings = new ArrayList<>();
    private JournalItem pending;
    private boolean finished;
    private long transactionCount;
    private long lastProgressLine;

    private JournalReader(Reader reader, String file, JournalReadListener listener) {
        this.lines = new LineSource(reader);
        this.file = file;
        this.listener = listener;
        this.balancer = new TransactionBalancer(file);
        this.transactionParser = new TransactionParser(file, lines, amountParser, balancer, this::amountNoted);
    }

    /** Reads from {@code reader}; {@code file} is the name used in messages. The reader is closed by {@link #close()}. */
    public static JournalReader open(Reader reader, String file, JournalReadListener listener) {
        return new JournalReader(reader, file, listener);
    }

    /** Reads a UTF-8 file; messages name it by its file name. */
    public static JournalReader open(Path path, JournalReadListener listener) throws IOException {
        return new JournalReader(Files.newBufferedReader(path, StandardCharsets.UTF_8), path.getFileName().toString(), listener);
    }

    @Override
    public boolean hasNext() {
        if (pending == null && !finished) {
            pending = readItem();
            if (pending == null) {
                finished = true;
                listener.progress(lines.lineNumber(), lines.bytesRead());
            }
        }
        return pending != null;
    }

    @Override
    public JournalItem next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the journal " + file + " has no more items");
        }
        JournalItem item = pending;
        pending = null;
        return item;
    }

    /** The remaining items as a sequential stream; closing the stream closes the reader. */
    public Stream<JournalItem> items() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(this::close);
    }

    /** The remaining transactions only (declarations are still read, and dropped from this view). */
    public Stream<JournalTransaction> transactions() {
        return items().filter(JournalTransaction.class::isInstance).map(JournalTransaction.class::cast);
    }

    public long transactionCount() {
        return transactionCount;
    }

    public int linesRead() {
        return lines.lineNumber();
    }

    /** The first {@value #KEPT_WARNINGS} warnings so far; the listener hears every one. */
    public List<JournalWarning> warnings() {
        return List.copyOf(warnings);
    }

    @Override
    public void close() {
        lines.close();
    }

    private JournalItem readItem() {
        while (true) {
            reportProgress();
            String line = lines.next();
            if (line == null) {
                return null;
            }
            int lineNumber = lines.lineNumber();
            String stripped = line.strip();
            if (stripped.isEmpty()) {
                continue;
            }
            char first = line.charAt(0);
            if (Character.isWhitespace(first)) {
                if (stripped.startsWith(";")) {
                    continue;
                }
                throw new JournalParseException(file, lineNumber, 1, "this indented line does not belong to a transaction"
                        + " or directive (is a date or a blank line missing above it?)");
            }
            if (first == ';' || first == '#' || first == '*') {
                continue;
            }
            if (Character.isDigit(first)) {
                JournalTransaction transaction = transactionParser.parse(line, lineNumber);
                transactionCount++;
                return transaction;
            }
            String keyword = stripped.split("\\s+", 2)[0];
            String argument = stripped.substring(keyword.length()).strip();
            switch (keyword) {
                case "comment" -> skipCommentBlock();
                case "account" -> {
                    return DirectiveParser.account(file, lineNumber, argument, lines, this::warn);
                }
                case "commodity" -> {
                    JournalDirective.CommodityDeclaration declaration =
                            DirectiveParser.commodity(file, lineNumber, argument, lines, amountParser, this::warn);
                    if (declaration.style() != null) {
                        amountParser.declareDecimalMark(declaration.commodity(), declaration.style().decimalMark());
                        balancer.notePrecision(declaration.commodity(), declaration.style().precision());
                    }
                    return declaration;
                }
                case "decimal-mark" -> {
                    if (!argument.equals(".") && !argument.equals(",")) {
                        throw new JournalParseException(file, lineNumber, line.indexOf(keyword) + keyword.length() + 2,
                                "the decimal-mark directive needs . or , but has \"" + argument + "\"");
                    }
                    amountParser.setDefaultDecimalMark(argument.charAt(0));
                }
                case "Y", "year" -> transactionParser.setDefaultYear(DirectiveParser.year(file, lineNumber, argument));
                default -> skipDirective(keyword, lineNumber);
            }
        }
    }

    private void skipCommentBlock() {
        String line;
        while ((line = lines.next()) != null) {
            if (line.strip().equals("end comment")) {
                return;
            }
        }
    }

    private void skipDirective(String keyword, int lineNumber) {
        int skipped = 0;
        String next;
        while ((next = lines.peek()) != null && !next.isEmpty() && Character.isWhitespace(next.charAt(0))
                && !next.isBlank()) {
            lines.next();
            skipped++;
        }
        String what = switch (keyword.charAt(0)) {
            case '~' -> "periodic transaction";
            case '=' -> "automated transaction";
            default -> "\"" + keyword + "\" directive";
        };
        warn(new JournalWarning(new SourceLocation(file, lineNumber), "the " + what + " is not supported and was skipped"
                + (skipped == 0 ? "" : " with its " + skipped + " indented line" + (skipped == 1 ? "" : "s"))));
    }

    private void amountNoted(ParsedAmount parsed, int lineNumber, boolean setsPrecision) {
        if (setsPrecision) {
            balancer.notePrecision(parsed.amount().commodity(), parsed.style().precision());
        }
        if (parsed.ambiguousDecimalMark() && ambiguousCommoditiesReported.add(parsed.amount().commodity())) {
            warn(new JournalWarning(new SourceLocation(file, lineNumber), "the amount " + parsed.amount()
                    + " was read with '" + parsed.style().decimalMark() + "' as decimal mark, as hledger does; declare the"
                    + " commodity (e.g. commodity 1,000.00 " + parsed.amount().commodity() + ") if it groups thousands"));
        }
    }

    private void warn(JournalWarning warning) {
        if (warnings.size() < KEPT_WARNINGS) {
            warnings.add(warning);
        }
        listener.warning(warning);
    }

    private void reportProgress() {
        if (lines.lineNumber() - lastProgressLine >= PROGRESS_EVERY_LINES) {
            lastProgressLine = lines.lineNumber();
            listener.progress(lines.lineNumber(), lines.bytesRead());
        }
    }
}
