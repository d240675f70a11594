package dev.eventscope.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
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

    /**
     * How many includes deep a journal may go (session 21: a chain of 5,001 files, each including the next, held a file
     * and a 64 KiB buffer open per level and took 560 MB; a real journal's includes go a few levels deep, and
     * {@code JournalFuzzProperties} reads a chain of 300).
     */
    static final int MAX_DEPTH = 1_000;

    /**
     * How many times one import may read one file (session 21: 42 files each including the next one twice, never a loop,
     * would read the last one 2^41 times; a real journal includes a shared file such as its accounts a few times).
     */
    static final int MAX_READS_OF_ONE_FILE = 1_000;

    private final Map<Path, Integer> reads = new HashMap<>();

    void include(String argument, int lineNumber) {
        Path including = lines.path();
        Path folder = including != null ? including.getParent() : Path.of("").toAbsolutePath();
        if (lines.depth() >= MAX_DEPTH) {
            throw new JournalParseException(lines.file(), lineNumber, 0, "this include would go "
                    + String.format("%,d", MAX_DEPTH + 1) + " includes deep, more than the "
                    + String.format("%,d", MAX_DEPTH) + " Eventscope follows (each included file here"
                    + " includes another): include the files from fewer levels");
        }
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
            if (!Files.isReadable(real)) {
                throw new JournalParseException(lines.file(), lineNumber, 0, "the included file " + included
                        + " cannot be read: you may not read it");
            }
            int times = reads.merge(real, 1, Integer::sum);
            if (times > MAX_READS_OF_ONE_FILE) {
                throw new JournalParseException(lines.file(), lineNumber, 0, "this include would read "
                        + included.getFileName() + " more than " + String.format("%,d", MAX_READS_OF_ONE_FILE)
                        + " times in this journal, the most Eventscope reads one file (do the files that include it"
                        + " include it twice, level after level?): include it fewer times");
            }
            reals.add(real);
        }
        // Each file is opened when its first line is read, after the files before it, and its end pops it and
        // restores what the including file had set (year, decimal mark, default commodity).
        IncludeState parent = new IncludeState(transactionParser.defaultYear(), amountParser.defaultDecimalMark(),
                amountParser.defaultCommodity(), amountParser.defaultCommodityDecimalMark(), renamer.snapshot());
        List<LineSource> sources = new ArrayList<>();
        for (int index = 0; index < reals.size(); index++) {
            sources.add(LineSource.ofUtf8File(reals.get(index), files.get(index).getFileName().toString()));
            includeStates.push(parent);
        }
        lines.include(sources, reals);
    }

    private void restoreAfterInclude() {
        IncludeState parent = includeStates.pop();
        transactionParser.setDefaultYear(parent.year());
        amountParser.setDefaultDecimalMark(parent.decimalMark());
        amountParser.setDefaultCommodity(parent.defaultCommodity(), parent.defaultCommodityDecimalMark());
        renamer.restore(parent.accounts());
    }
}
