package dev.eventscope.journal;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** What the reader notes about amounts and dates as it reads: display precision, and warnings given once. */
final class ReadingNotes {

    private final TransactionBalancer balancer;
    private final Supplier<String> currentFile;
    private final Consumer<JournalWarning> warn;
    private final Set<String> ambiguousCommoditiesReported = new HashSet<>();
    private final Set<String> filesWarnedOfYearlessDates = new HashSet<>();

    ReadingNotes(TransactionBalancer balancer, Supplier<String> currentFile, Consumer<JournalWarning> warn) {
        this.balancer = balancer;
        this.currentFile = currentFile;
        this.warn = warn;
    }

    void amountNoted(ParsedAmount parsed, int lineNumber, boolean setsPrecision) {
        if (setsPrecision) {
            balancer.notePrecision(parsed.amount().commodity(), parsed.style().precision());
        }
        if (parsed.ambiguousDecimalMark() && ambiguousCommoditiesReported.add(parsed.amount().commodity())) {
            warn.accept(new JournalWarning(new SourceLocation(currentFile.get(), lineNumber), "the amount "
                    + parsed.amount() + " was read with '" + parsed.style().decimalMark() + "' as decimal mark, as hledger"
                    + " does; declare the commodity (e.g. commodity 1,000.00 " + parsed.amount().commodity()
                    + ") if it groups thousands"));
        }
    }

    void yearlessDate(String file, int line, int year) {
        if (filesWarnedOfYearlessDates.add(file)) {
            warn.accept(new JournalWarning(new SourceLocation(file, line), "dates without a year are read as " + year
                    + ", the current year, as hledger reads them; add a \"Y YEAR\" directive to fix their year"));
        }
    }
}
