package dev.eventscope.session;

import dev.eventscope.application.CommandContext;
import dev.eventscope.journal.ImportProgress;
import dev.eventscope.journal.JournalImporter;
import dev.eventscope.journal.testkit.Hledger;
import dev.eventscope.journal.testkit.HledgerStatement;
import dev.eventscope.journal.testkit.RandomJournalGenerator;
import dev.eventscope.projection.ProgressListener;
import dev.eventscope.statement.Interval;
import dev.eventscope.statement.ReportPeriod;
import dev.eventscope.statement.Statement;
import dev.eventscope.statement.StatementClock;
import dev.eventscope.statement.StatementKind;
import dev.eventscope.statement.StatementRequest;
import dev.eventscope.statement.StatementValue;
import dev.eventscope.domain.ledger.ValuationTarget;
import dev.eventscope.domain.ledger.ValuedLine;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

import static dev.eventscope.session.HledgerStatementLines.Valued;
import static dev.eventscope.session.HledgerStatementLines.converted;
import static dev.eventscope.session.HledgerStatementLines.hledgerFlags;
import static dev.eventscope.session.HledgerStatementLines.lines;
import static dev.eventscope.session.HledgerStatementLines.scales;
import static dev.eventscope.session.HledgerStatementLines.trialBalanceLines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Statements agree with hledger 1.25 line by line: the balance sheet with {@code hledger bse} (and its assets and
 * liabilities with {@code hledger bs}), the income statement with {@code hledger is}, each with {@code --tree
 * --no-elide} and the same depth, period and column flags, on the sample journals and on random journals. Each
 * side is written as one line per section, account, column and commodity ("Assets | assets:bank | 2025-03-31 |
 * EUR 27021.98"), ours rounded to the decimals hledger printed for the commodity, and the two lists must be equal.
 * Both the read models' answer and the replay's are compared.
 */
class StatementsAgreeWithHledgerTest {

    @TempDir
    Path folder;

    @BeforeEach
    void hledgerIsInstalled() {
        Assumptions.assumeTrue(Hledger.isAvailable(), "hledger is not installed (.ci/run installs it)");
    }

    @ParameterizedTest(name = "{0} {1} -p \"{2}\" {3} --depth {4}")
    @CsvSource(delimiter = '|', value = {
            "household-two-currencies.journal | balance-sheet |                  | NONE      | 0",
            "household-two-currencies.journal | income        | 2025             | QUARTERLY | 2",
            "household-two-currencies.journal | balance-sheet | 2025             | QUARTERLY | 2",
            "household-two-currencies.journal | income        | 2025-01..2025-07 | MONTHLY   | 1",
            "small-business.journal           | balance-sheet | 2025             | MONTHLY   | 3",
            "small-business.journal           | income        | 2025Q3           | NONE      | 0",
            "small-business.journal           | income        | 2025-01..2025-04 | NONE      | 1",
            "small-business.journal           | balance-sheet | 2025-02          | NONE      | 1",
            "small-business.journal           | income        | 2025-03-10..2025-03-17 | NONE | 2",
            "small-business.journal           | income        |                  | YEARLY    | 2",
            "audit-case.journal               | balance-sheet | 2025-03-31..     | MONTHLY   | 2",
            "audit-case.journal               | income        | 2025             | QUARTERLY | 2",
            "audit-case.journal               | income        | ..2025-07-01     | NONE      | 0"})
    void sample_journals(String journalName, String kind, String period, Interval interval, int depth) {
        Path journal = Path.of("sample-data").resolve(journalName);
        compare(journal, importInto(journal), StatementKind.ofCommandName(kind), period == null ? "" : period, interval, depth);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {21, 22, 23})
    void random_journals(long seed) {
        Path journal = folder.resolve("random-" + seed + ".journal");
        new RandomJournalGenerator(seed, 250).writeTo(journal);
        Path ledger = importInto(journal);
        compare(journal, ledger, StatementKind.BALANCE_SHEET, "2024..2026", Interval.QUARTERLY, 2);
        compare(journal, ledger, StatementKind.INCOME, "2024", Interval.MONTHLY, 2);
        compare(journal, ledger, StatementKind.INCOME, "2024-03..2025-09", Interval.YEARLY, 0);
        compare(journal, ledger, StatementKind.BALANCE_SHEET, "", Interval.NONE, 1);
    }

    /**
     * Valued statements against {@code hledger bs/bse/is} with the same valuation flag: {@code -X COMM} and {@code -V}
     * (each column valued at its end, hledger 1.25's default), {@code --value=DATE,COMM} (every column on one day).
     */
    @ParameterizedTest(name = "household {0} -p \"{1}\" {2} --depth {3} {4}")
    @CsvSource(delimiter = '|', value = {
            "balance-sheet | 2025             | QUARTERLY | 2 | -X EUR",
            "income        | 2025             | QUARTERLY | 2 | -X EUR",
            "balance-sheet |                  | NONE      | 0 | -X $",
            "income        |                  | NONE      | 2 | -X Kč",
            "income        | 2025-01..2025-07 | MONTHLY   | 1 | -V",
            "balance-sheet | 2025             | MONTHLY   | 2 | -V",
            "balance-sheet | 2025-02..        | QUARTERLY | 3 | -X EUR",
            "balance-sheet | 2025             | QUARTERLY | 2 | 2025-06-30 EUR",
            "income        | 2025             | QUARTERLY | 1 | 2025-05-15 -V"})
    void valued_household(String kind, String period, Interval interval, int depth, String valuation) {
        Path journal = Path.of("sample-data", "household-two-currencies.journal");
        Statement drawn = compare(journal, importInto(journal), StatementKind.ofCommandName(kind), period == null ? "" : period,
                interval, depth, Valued.parse(valuation));
        assertTrue(converted(drawn) > 0, "some line was converted:\n" + drawn.valuation());
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {31, 32, 33})
    void valued_random_journals(long seed) {
        Path journal = folder.resolve("random-prices-" + seed + ".journal");
        var summary = new RandomJournalGenerator(seed, 200).withMarketPrices().writeTo(journal);
        java.util.SortedSet<String> commodities = new java.util.TreeSet<>();
        summary.finalBalances().values().forEach(byCommodity -> commodities.addAll(byCommodity.keySet()));
        Path ledger = importInto(journal);
        long converted = 0;
        converted += converted(compare(journal, ledger, StatementKind.BALANCE_SHEET, "2024..2026", Interval.QUARTERLY, 2,
                Valued.parse("-X " + commodities.first())));
        converted += converted(compare(journal, ledger, StatementKind.INCOME, "2024", Interval.MONTHLY, 2, Valued.parse("-V")));
        converted += converted(compare(journal, ledger, StatementKind.INCOME, "", Interval.NONE, 1, Valued.parse("-X XAU")));
        converted += converted(compare(journal, ledger, StatementKind.BALANCE_SHEET, "", Interval.NONE, 0,
                Valued.parse("-X " + commodities.last())));
        converted += converted(compare(journal, ledger, StatementKind.BALANCE_SHEET, "2024", Interval.QUARTERLY, 1,
                Valued.parse("2024-06-30 " + commodities.first())));
        assertTrue(converted > 0, "some line was converted");
    }

    /**
     * The trial balance against {@code hledger bal -H --tree --no-elide}: every account's balance at each column's end
     * and the total line, at cost and valued; hledger heads the columns by period, ours by their last day, so columns
     * are compared by their order.
     */
    @ParameterizedTest(name = "{0} -p \"{1}\" {2} --depth {3} {4}")
    @CsvSource(delimiter = '|', value = {
            "small-business.journal           | 2025             | QUARTERLY | 1 |",
            "audit-case.journal               | 2025-01..2025-07 | MONTHLY   | 2 |",
            "household-two-currencies.journal |                  | NONE      | 0 |",
            "household-two-currencies.journal | 2025             | QUARTERLY | 2 | -X EUR",
            "household-two-currencies.journal | 2025             | YEARLY    | 0 | -V"})
    void trial_balances(String journalName, String period, Interval interval, int depth, String valuation) {
        Path journal = Path.of("sample-data").resolve(journalName);
        Optional<Valued> valued = valuation == null ? Optional.empty() : Valued.parse(valuation);
        StatementRequest request = new StatementRequest(StatementKind.TRIAL_BALANCE, ReportPeriod.parse(period == null ? "" : period),
                interval, depth, StatementClock.ENTRY_DATE, valued.map(Valued::value));
        List<String> flags = new ArrayList<>(List.of("-f", journal.toString(), "bal", "-H", "--tree", "--no-elide", "-O", "csv"));
        flags.addAll(hledgerFlags(period == null ? "" : period, interval, depth));
        valued.ifPresent(how -> flags.add(how.hledgerFlag()));
        var run = Hledger.run(flags);
        assertTrue(run.succeeded(), run.describe());
        Map<String, Integer> scales = new HashMap<>();
        List<String> expected = trialBalanceLines(run.standardOutput(), scales);
        Path ledger = importInto(journal);
        try (LedgerSession session = TestSessions.SQLITE.open(ledger)) {
            session.projections().open(ProgressListener.NONE);
            for (Statement ours : List.of(session.statements().draw(request), session.statements().replayed(request, Long.MAX_VALUE))) {
                List<String> lines = trialBalanceLines(ours, scales);
                assertEquals(String.join("\n", expected.stream().sorted().toList()), String.join("\n", lines.stream().sorted().toList()),
                        "against hledger bal -H; hledger printed:\n" + run.standardOutput());
            }
        }
    }


    private Path importInto(Path journal) {
        return importInto(folder, journal);
    }

    /** A new ledger in {@code folder} holding {@code journal}, imported as {@code eventscope import} imports it. */
    static Path importInto(Path folder, Path journal) {
        Path ledger = folder.resolve(journal.getFileName() + ".ledger");
        try (LedgerSession session = TestSessions.SQLITE.create(ledger)) {
            new JournalImporter(session.commands()).importJournal(journal, JournalImporter.Options.defaults(),
                    CommandContext.byUser("importer"), ImportProgress.NONE);
        }
        return ledger;
    }

    /** Our statement (read models and replay) equals hledger's, and our balance sheet's assets and liabilities {@code bs}'s. */
    static void compare(Path journal, Path ledger, StatementKind kind, String period, Interval interval, int depth) {
        compare(journal, ledger, kind, period, interval, depth, Optional.empty());
    }

    private static Statement compare(Path journal, Path ledger, StatementKind kind, String period, Interval interval, int depth,
                                     Optional<Valued> valued) {
        StatementRequest request = new StatementRequest(kind, ReportPeriod.parse(period), interval, depth, StatementClock.ENTRY_DATE,
                valued.map(Valued::value));
        List<String> flags = new ArrayList<>();
        valued.ifPresent(how -> flags.add(how.hledgerFlag()));
        flags.addAll(hledgerFlags(period, interval, depth));
        HledgerStatement hledger = HledgerStatement.run(journal, kind == StatementKind.INCOME ? "is" : "bse", flags);
        try (LedgerSession session = TestSessions.SQLITE.open(ledger)) {
            session.projections().open(ProgressListener.NONE);
            Statement fromReadModels = session.statements().draw(request);
            Statement replayed = session.statements().replayed(request, Long.MAX_VALUE);
            Map<String, Integer> scales = scales(hledger);
            List<String> expected = lines(hledger);
            assertFalse(expected.isEmpty(), "hledger showed nothing:\n" + hledger.csv());
            assertEquals(String.join("\n", expected), String.join("\n", lines(fromReadModels, scales)),
                    "read models against hledger; hledger printed:\n" + hledger.csv());
            assertEquals(String.join("\n", expected), String.join("\n", lines(replayed, scales)), "replay against hledger");
            assertEquals(hledger.columns(), fromReadModels.columnHeadings(), "column headings");
            if (kind == StatementKind.BALANCE_SHEET) {
                // hledger bs is bse without the equity section (and with a net of assets less liabilities)
                HledgerStatement bs = HledgerStatement.run(journal, "bs", flags);
                List<String> ours = lines(fromReadModels, scales).stream()
                        .filter(line -> line.startsWith("Assets") || line.startsWith("Liabilities")).toList();
                assertEquals(String.join("\n", lines(bs).stream().filter(line -> !line.startsWith("Net")).toList()),
                        String.join("\n", ours), "against hledger bs");
            }
            return fromReadModels;
        }
    }

}
