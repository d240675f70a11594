package dev.eventscope.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The {@code include} directive: opens the included files on the {@link JournalLines} stack, and when one ends
 * restores what the including file had set, because in hledger 1.25 {@code Y}, {@code decimal-mark}, {@code D},
 * {@code alias} and {@code apply account} set inside an included file do not leak out of it ({@code commodity}
 * declarations do, and are kept). Throws {@link JournalParseException} naming the line for a missing file, a
 * glob that matches nothing, or a loop.
 */
final class Includes {

    /** What an include saves and restores: as in hledger, these directives do not leak out of an included file. */
    private record IncludeState(Integer year, Character decimalMark, String defaultCommodity,
            Character defaultCommodityDecimalMark, AccountRenamer.State accounts) {
    }

    private final Deque<IncludeState> includeStates = new ArrayDeque<>();
    private final JournalLines lines;
    private final TransactionParser transactionParser;
    private final AmountParser amountParser;
    private final AccountRenamer renamer;

    Includes(JournalLines lines, TransactionParser transactionParser, AmountParser amountParser, AccountRenamer renamer) {
        this.lines = lines;
        this.transactionParser = transactionParser;
        this.amountParser = amountParser;
        this.renamer = renamer;
    }

    /** At the end of the current file: false for the top-level journal, else closes it and restores the includer's state. */
    boolean endOfFile() {
        if (!lines.endInclude()) {
            return false;
        }
        restoreAfterInclude();
        return true;
    }

    void include(String argument, int lineNumber) {
        Path including = lines.path();
        Path folder = including != null ? including.getParent() : Path.of("").toAbsolutePath();
        List<Path> files = IncludeResolver.resolve(argument, folder, lines.file(), lineNumber);
        List<Path> reals = new ArrayList<>();
        for (Path included : files) {
            Path real;
            try {
                real = included.toRealPath();
            } catch (IOException failure) {
                throw new JournalParseException(lines.file(), lineNumber, 0, "the included file " + included
                        + " cannot be read: " + failure.getMessage());
            }
            IncludeResolver.requireRegularFile(real, lines.file(), lineNumber, "the included file " + included);
            if (lines.isOpen(real)) {
                throw new JournalParseException(lines.file(), lineNumber, 0, "the include of " + included.getFileName()
                        + " is a loop: that file is already being read (it includes, directly or not, the file"
                        + " including it)");
            }
            reals.add(real);
        }
        // Pushed last file first, so that the first file is read first; each one's end pops it and restores what
        // the including file had set (year, decimal mark, default commodity).
        IncludeState parent = new IncludeState(transactionParser.defaultYear(), amountParser.defaultDecimalMark(),
                amountParser.defaultCommodity(), amountParser.defaultCommodityDecimalMark(), renamer.snapshot());
        for (int index = reals.size() - 1; index >= 0; index--) {
            Path real = reals.get(index);
            try {
                lines.include(LineSource.ofUtf8(Files.newInputStream(real), files.get(index).getFileName().toString()), real);
            } catch (IOException failure) {
                throw new JournalParseException(lines.file(), lineNumber, 0, "the included file " + files.get(index)
                        + " cannot be read: " + failure.getMessage());
            }
            includeStates.push(parent);
        }
    }

    private void restoreAfterInclude() {
        IncludeState parent = includeStates.pop();
        transactionParser.setDefaultYear(parent.year());
        amountParser.setDefaultDecimalMark(parent.decimalMark());
        amountParser.setDefaultCommodity(parent.defaultCommodity(), parent.defaultCommodityDecimalMark());
        renamer.restore(parent.accounts());
    }
}
