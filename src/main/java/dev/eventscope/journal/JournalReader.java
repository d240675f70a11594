package dev.eventscope.journal;

import dev.eventscope.domain.ledger.PostingKind;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Year;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads an hledger / ledger journal and the files it includes one item at a time, in file order: transactions
 * (balanced, every amount explicit) and account / commodity declarations, read as hledger 1.25 reads them
 * (docs/journals.md lists what is supported). Only the transaction being read is held in memory; balance
 * assertions and assignments are checked in hledger's date order by a first reading that keeps each posting in
 * about 21 bytes ({@link DatedBalanceCheck}). {@code include}, {@code D}, {@code Y}/{@code year}, {@code decimal-mark}, {@code alias} and
 * {@code apply account} change how the lines after them are read. What hledger ignores for balances
 * ({@code P}, {@code payee}, {@code tag}, periodic {@code ~} transactions, and automated {@code =} transactions
 * unless they are applied) is skipped and reported to the listener as a {@link JournalWarning} with its line;
 * any other line that is neither a transaction nor a directive hledger reads is refused. Virtual postings are
 * kept with their {@link PostingKind}.
 *
 * <p>{@link #next()} throws {@link JournalParseException} for a journal that cannot be read, and
 * {@link UncheckedIOException} when the underlying reader fails. Not thread-safe.
 */
public final class JournalReader implements Iterator<JournalItem>, AutoCloseable {

    /** How often progress is reported. */
    public static final int PROGRESS_EVERY_LINES = 1000;

    /** How many warnings {@link #warnings()} keeps, so a journal full of skipped lines cannot exhaust memory. */
    public static final int KEPT_WARNINGS = 1000;

    private final JournalLines lines;
    private final JournalReadListener listener;
    private final AmountParser amountParser = new AmountParser();
    private final AccountRenamer renamer = new AccountRenamer();
    private final Includes includes;
    private final AutomatedRuleParser ruleParser;
    private final TransactionBalancer balancer;
    private final TransactionParser transactionParser;
    private final List<JournalWarning> warnings = new ArrayList<>();
    private JournalItem pending;
    private boolean finished;
    private long transactionCount;
    private long lastProgressLine;

    private final List<AutomatedRule> collectedRules = new ArrayList<>();
    private AutomatedMode automatedMode = AutomatedMode.LEAVE_OUT;

    /** What happens to automated transactions: left out with a warning, only collected, or applied. */
    private enum AutomatedMode { LEAVE_OUT, COLLECT, APPLY }
    private ReadCounts counts = ReadCounts.NONE;

    /** Null while checking: the reading that checks balance assertions in date order and finds the assigned amounts. */
    private AssignedAmounts checked;

    private JournalReader(LineSource source, Path path, JournalReadListener listener, AssignedAmounts checked) {
        this.lines = new JournalLines(source, path);
        this.listener = listener;
        this.balancer = new TransactionBalancer();
        ReadingNotes notes = new ReadingNotes(balancer, lines::file, this::warn);
        this.transactionParser = new TransactionParser(lines, amountParser, balancer, notes::amountNoted, renamer);
        this.transactionParser.onYearlessDate(Year.now().getValue(), notes::yearlessDate);
        this.includes = new Includes(lines, transactionParser, amountParser, renamer);
        this.ruleParser = new AutomatedRuleParser(lines, transactionParser, renamer);
        this.checked = checked;
        if (checked == null) {
            balancer.checking();
        } else {
            balancer.checked(checked);
        }
    }

    /**
     * Reads from {@code reader}; {@code file} is the name used in messages, and included files are looked for
     * relative to the working folder. The text is read whole first (to check balance assertions in date order, see
     * {@link #open(Path, JournalReadListener)}), so this is for small texts; the reader is closed here.
     */
    public static JournalReader open(Reader reader, String file, JournalReadListener listener) {
        String text = LineSource.readWhole(reader, file);
        AssignedAmounts checked = check(new JournalReader(LineSource.of(new StringReader(text), file), null,
                JournalReadListener.NONE, null));
        return new JournalReader(LineSource.of(new StringReader(text), file), null, listener, checked);
    }

    /**
     * Reads a UTF-8 file and the files it includes; messages name each file by its file name, and a line that is
     * not UTF-8 is refused with its line number. hledger checks balance assertions and fills balance assignments in
     * date order, so the journal is read twice: once here, silently, to check them ({@link DatedBalanceCheck}),
     * and then item by item; an error of the first reading is thrown here.
     */
    public static JournalReader open(Path path, JournalReadListener listener) throws IOException {
        return openChecked(path, listener, null, check(openChecking(path, JournalReadListener.NONE, null)));
    }

    /**
     * The first of two readings of a UTF-8 journal: it yields the journal's items with provisional amounts for
     * balance assignments and checks the balance assertions when it ends (its last {@link #hasNext()} throws for
     * one that fails); {@link #checkedAmounts()} then gives what {@link #openChecked} needs. With {@code rules}
     * (collected beforehand with {@link #automatedRules}), applies them to every transaction as {@code hledger
     * --auto} does.
     */
    static JournalReader openChecking(Path path, JournalReadListener listener, List<AutomatedRule> rules)
            throws IOException {
        return openFile(path, listener, rules, null);
    }

    /** The second reading: balance assignments take the amounts the first reading found; nothing is checked twice. */
    static JournalReader openChecked(Path path, JournalReadListener listener, List<AutomatedRule> rules,
            AssignedAmounts checked) throws IOException {
        return openFile(path, listener, rules, checked);
    }

    private static JournalReader openFile(Path path, JournalReadListener listener, List<AutomatedRule> rules,
            AssignedAmounts checked) throws IOException {
        IncludeResolver.requireJournal(path);
        Path real = path.toRealPath();
        JournalReader reader = new JournalReader(LineSource.ofUtf8Hashed(Files.newInputStream(real),
                path.getFileName().toString()), real, listener, checked);
        if (rules != null) {
            reader.automatedMode = AutomatedMode.APPLY;
            reader.transactionParser.applyAutomated(new AutomatedRules(rules));
        }
        return reader;
    }

    /** The SHA-256 of the top-level file's bytes this reading read, once all are read (session 21, {@link LineSource}). */
    String sha256OfWhatWasRead() { return lines.rootSha256(); }

    private static AssignedAmounts check(JournalReader checking) {
        try (checking) {
            checking.forEachRemaining(item -> { });
            return checking.checkedAmounts();
        }
    }

    /** After a checking reading ({@link #openChecking}) has read everything: the amounts of the balance assignments. */
    AssignedAmounts checkedAmounts() {
        if (!finished || checked == null) {
            throw new IllegalStateException("the checking reading of " + lines.file() + " has not ended");
        }
        return checked;
    }

    /** The automated transactions of a journal and its includes, in journal order: see {@link CollectedRules}. */
    static CollectedRules automatedRules(Path path) throws IOException {
        try (JournalReader reader = openChecking(path, JournalReadListener.NONE, null)) {
            reader.automatedMode = AutomatedMode.COLLECT;
            try {
                reader.forEachRemaining(item -> { });
            } catch (JournalParseException refusal) {
                return new CollectedRules(List.copyOf(reader.collectedRules), refusal);
            }
            return new CollectedRules(List.copyOf(reader.collectedRules), null);
        }
    }

    @Override
    public boolean hasNext() {
        if (pending == null && !finished) {
            pending = readItem();
            if (pending == null) {
                if (checked == null) {
                    checked = balancer.finishChecking();
                }
                finished = true;
                listener.progress(lines.rootLineNumber(), lines.rootBytesRead());
            }
        }
        return pending != null;
    }

    @Override
    public JournalItem next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the journal " + lines.file() + " has no more items");
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

    public long transactionCount() { return transactionCount; }

    /** Lines read of the top-level journal (not counting included files). */
    public int linesRead() { return lines.rootLineNumber(); }

    /** How many transactions, postings, directives and skipped items were read so far, included files counted. */
    public ReadCounts counts() {
        return counts;
    }

    /** Each commodity's display precision as hledger sets it from what was read so far (after the whole journal: final). */
    public Map<String, Integer> displayPrecision() {
        return balancer.displayPrecision();
    }

    /** Balances entries at {@code precision}, an earlier whole reading's {@link #displayPrecision()}, as hledger does. */
    public void fixDisplayPrecision(Map<String, Integer> precision) {
        balancer.fixPrecision(precision);
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
                if (!includes.endOfFile()) {
                    return null;
                }
                continue;
            }
            int lineNumber = lines.lineNumber();
            String stripped = line.strip();
            if (JournalLines.isBlank(stripped)) {
                continue;
            }
            char first = line.charAt(0);
            if (Character.isWhitespace(first)) {
                if (stripped.startsWith(";") || stripped.startsWith("#") || stripped.startsWith("*")) {
                    continue;
                }
                throw new JournalParseException(lines.file(), lineNumber, 1, "this indented line does not belong to a"
                        + " transaction or directive (is a date or a blank line missing above it?)");
            }
            if (first == ';' || first == '#' || first == '*') {
                continue;
            }
            if (first >= '0' && first <= '9' && automatedMode == AutomatedMode.COLLECT) {
                lines.skipIndentedLines();
                continue;
            }
            if (first >= '0' && first <= '9') {
                JournalTransaction transaction = transactionParser.parse(line, lineNumber);
                if (transaction.changesNoBalance()) {
                    counts = counts.withSkipped();
                    warn(new JournalWarning(transaction.location(), "the transaction on " + transaction.date()
                            + " has " + (transaction.postings().isEmpty() ? "no postings" : "only a zero posting")
                            + ", which hledger accepts and which changes no balance; a ledger entry needs two postings,"
                            + " so it is left out"));
                    continue;
                }
                transactionCount++;
                counts = counts.withTransaction(transaction.postings().size());
                return transaction;
            }
            String[] keywordAndArgument = DirectiveParser.keywordAndArgument(stripped);
            JournalItem item = directive(keywordAndArgument[0], keywordAndArgument[1], line, lineNumber);
            if (item != null) {
                return item;
            }
        }
    }

    /** Reads one directive; returns the item it gives, or null when it only changes how later lines are read. */
    private JournalItem directive(String keyword, String argument, String line, int lineNumber) {
        String file = lines.file();
        switch (keyword) {
            case "comment" -> {
                lines.skipCommentBlock();
                return null;
            }
            case "account" -> {
                counts = counts.withDirective();
                JournalDirective.AccountDeclaration declaration =
                        DirectiveParser.account(file, lineNumber, argument, lines, this::warn);
                return renamer.isIdentity() ? declaration : new JournalDirective.AccountDeclaration(
                        renamer.rename(declaration.account()), declaration.comment(), declaration.tags(),
                        declaration.location());
            }
            case "commodity" -> {
                counts = counts.withDirective();
                JournalDirective.CommodityDeclaration declaration =
                        DirectiveParser.commodity(file, lineNumber, argument, lines, amountParser, this::warn);
                if (declaration.style() != null) {
                    amountParser.declareDecimalMark(declaration.commodity(), declaration.style().decimalMark());
                    balancer.declarePrecision(declaration.commodity(), declaration.style().precision());
                }
                return declaration;
            }
            case "decimal-mark" -> {
                counts = counts.withDirective();
                if (!argument.startsWith(".") && !argument.startsWith(",")) { // hledger 1.25 ignores the rest of the line
                    throw new JournalParseException(file, lineNumber, line.indexOf(keyword) + keyword.length() + 2,
                            "the decimal-mark directive needs . or , but has \"" + argument + "\"");
                }
                amountParser.setDefaultDecimalMark(argument.charAt(0));
                return null;
            }
            case "D" -> {
                counts = counts.withDirective();
                ParsedAmount sample = DirectiveParser.defaultCommodity(file, lineNumber, argument, amountParser);
                amountParser.setDefaultCommodity(sample.amount().commodity(), sample.style().decimalMark());
                balancer.defaultCommodityPrecision(sample.amount().commodity(), sample.style().precision());
                return null;
            }
            case "Y", "year" -> {
                counts = counts.withDirective();
                transactionParser.setDefaultYear(DirectiveParser.year(file, lineNumber, argument));
                return null;
            }
            case "include" -> {
                counts = counts.withDirective();
                includes.include(argument, lineNumber);
                return null;
            }
            case "end" -> {
                String what = argument.replaceAll("\\s+", " ");
                if (what.equals("aliases")) {
                    counts = counts.withDirective();
                    renamer.endAliases();
                    return null;
                }
                if (what.equals("apply account")) {
                    counts = counts.withDirective();
                    if (!renamer.endApplyAccount()) {
                        throw new JournalParseException(file, lineNumber, 1, "\"end apply account\" has no \"apply account\""
                                + " before it in this file");
                    }
                    return null;
                }
                if (!what.equals("tag")) {
                    throw DirectiveParser.unknown(lines.file(), line, lineNumber);
                }
                skipDirective(keyword, lineNumber, "is ignored, as hledger ignores it for balances");
                return null;
            }
            case "P" -> {
                // a market price changes no balance, but its amount sets its commodity's display precision in hledger
                counts = counts.withDirective();
                DirectiveParser.MarketPriceParts price = DirectiveParser.marketPrice(file, lineNumber, argument, amountParser);
                balancer.notePrecision(price.price().amount().commodity(), price.price().style().precision());
                return new JournalDirective.MarketPrice(transactionParser.date(price.date(), lineNumber),
                        price.commodity(), price.price().amount(), new SourceLocation(file, lineNumber));
            }
            case "payee", "tag", "N", "C" -> {
                // hledger reads these and they change no balance, but refuses an N or a C it cannot read (session 21)
                DirectiveParser.checkIgnored(keyword, file, lineNumber, argument, amountParser);
                skipDirective(keyword, lineNumber, "is ignored, as hledger ignores it for balances");
                return null;
            }
            case "alias" -> {
                counts = counts.withDirective();
                try {
                    renamer.addAlias(argument);
                } catch (IllegalArgumentException unreadable) {
                    throw new JournalParseException(file, lineNumber, 1, unreadable.getMessage());
                }
                return null;
            }
            case "apply" -> {
                String[] words = argument.split("\\s+", 2);
                if (!words[0].equals("account") || words.length < 2 || words[1].isBlank()) {
                    throw new JournalParseException(file, lineNumber, 1, "\"apply " + argument + "\" is not a directive"
                            + " hledger reads (only \"apply account NAME\" is)");
                }
                counts = counts.withDirective();
                renamer.applyAccount(words[1].strip());
                return null;
            }
            default -> {
                if (keyword.startsWith("~")) {
                    PeriodicRuleStart.check(lines.file(), line, lineNumber, transactionParser.defaultYear());
                    skipDirective(keyword, lineNumber, "is left out, as hledger leaves it out without --forecast");
                    return null;
                }
                if (keyword.startsWith("=")) {
                    if (automatedMode == AutomatedMode.LEAVE_OUT) {
                        skipDirective(keyword, lineNumber, "is left out, as hledger leaves it out without --auto"
                                + " (import --auto applies it)");
                        return null;
                    }
                    counts = counts.withDirective();
                    AutomatedRule rule = ruleParser.parse(line, lineNumber);
                    if (automatedMode == AutomatedMode.COLLECT) {
                        collectedRules.add(rule);
                    }
                    return null;
                }
                throw DirectiveParser.unknown(lines.file(), line, lineNumber);
            }
        }
    }

    private void skipDirective(String keyword, int lineNumber, String why) {
        int skipped = 0;
        String next;
        while ((next = lines.peek()) != null && !next.isEmpty() && Character.isWhitespace(next.charAt(0))
                && !next.isBlank()) {
            lines.next();
            RuleLines.check(amountParser, lines.file(), lines.lineNumber(), keyword, next);
            skipped++;
        }
        String what = switch (keyword.charAt(0)) {
            case '~' -> "periodic transaction";
            case '=' -> "automated transaction";
            default -> "\"" + keyword + "\" directive";
        };
        counts = counts.withSkipped();
        warn(new JournalWarning(new SourceLocation(lines.file(), lineNumber), "the " + what + " " + why
                + (skipped == 0 ? "" : " (with its " + skipped + " indented line" + (skipped == 1 ? "" : "s") + ")")));
    }

    private void warn(JournalWarning warning) {
        if (warnings.size() < KEPT_WARNINGS) {
            warnings.add(warning);
        }
        listener.warning(warning);
    }

    private void reportProgress() {
        if (lines.rootLineNumber() - lastProgressLine >= PROGRESS_EVERY_LINES) {
            lastProgressLine = lines.rootLineNumber();
            listener.progress(lines.rootLineNumber(), lines.rootBytesRead());
        }
    }
}
