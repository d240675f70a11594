package dev.eventscope.session;

import dev.eventscope.application.CommandContext;
import dev.eventscope.domain.ledger.CommodityStyles;
import dev.eventscope.journal.ImportProgress;
import dev.eventscope.journal.JournalImporter;
import dev.eventscope.journal.testkit.Hledger;
import dev.eventscope.journal.testkit.HledgerRun;
import dev.eventscope.projection.ProgressListener;
import dev.eventscope.statement.Interval;
import dev.eventscope.statement.ReportPeriod;
import dev.eventscope.statement.Statement;
import dev.eventscope.statement.StatementClock;
import dev.eventscope.statement.StatementKind;
import dev.eventscope.statement.StatementLines;
import dev.eventscope.statement.StatementRequest;
import dev.eventscope.statement.StatementText;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Amounts shown at the places hledger 1.25 shows them (session 21): each small journal is imported, its trial balance
 * drawn from the read models and by replay, and every cell as {@link StatementLines} shows it is compared with what
 * hledger 1.25 printed for {@code hledger bal -H --tree --no-elide} (pasted below; checked again against hledger itself
 * when it is installed). Every journal here gives its commodities a style: a {@code commodity} directive with fewer or
 * more places than the amounts, the most places of the amounts, a {@code D} directive (over bare amounts, over an
 * amount written in its commodity, and balancing at its places), a {@code P} price, and amounts inferred from {@code @} prices in a styled commodity.
 */
class CommodityStylesShownAsHledgerTest {

    @TempDir
    Path folder;

    static Stream<Arguments> journals() {
        return Stream.of(
                Arguments.of("commodity directive with two places rounds 11.375 and 1.125 half even", """
                        commodity 1,000.00 EUR

                        2025-01-01 a
                            assets:bank    10 EUR
                            income:x

                        2025-01-02 b
                            assets:bank    2.5 EUR
                            income:x

                        2025-01-03 c
                            expenses:y    1.125 EUR
                            assets:bank
                        """, """
                                   11.38 EUR  assets
                                   11.38 EUR    bank
                                    1.12 EUR  expenses
                                    1.12 EUR    y
                                  -12.50 EUR  income
                                  -12.50 EUR    x
                        --------------------
                                           0
                        """, Map.of("EUR", 2)),
                Arguments.of("commodity directive with more places than any amount", """
                        commodity 1.000 EUR

                        2025-01-01 a
                            assets:bank    10 EUR
                            income:x
                        """, """
                                  10.000 EUR  assets
                                  10.000 EUR    bank
                                 -10.000 EUR  income
                                 -10.000 EUR    x
                        --------------------
                                           0
                        """, Map.of("EUR", 3)),
                Arguments.of("without a directive the most places any amount has", """
                        2025-01-01 a
                            assets:bank    10 EUR
                            income:x

                        2025-01-02 b
                            assets:bank    2.5 EUR
                            income:x

                        2025-01-03 c
                            expenses:y    1.125 EUR
                            assets:bank
                        """, """
                                  11.375 EUR  assets
                                  11.375 EUR    bank
                                   1.125 EUR  expenses
                                   1.125 EUR    y
                                 -12.500 EUR  income
                                 -12.500 EUR    x
                        --------------------
                                           0
                        """, Map.of("EUR", 3)),
                Arguments.of("D directive styles its bare amounts", """
                        D $1,000.0

                        2025-01-01 a
                            assets:bank    5
                            income:x

                        2025-01-02 b
                            expenses:y    1.25
                            assets:bank
                        """, """
                                        $3.8  assets
                                        $3.8    bank
                                        $1.2  expenses
                                        $1.2    y
                                       $-5.0  income
                                       $-5.0    x
                        --------------------
                                           0
                        """, Map.of("$", 1)),
                Arguments.of("D directive styles its commodity over an amount written in it", """
                        D $1,000.0

                        2025-01-01 a
                            a    1.257
                            b

                        2025-01-02 b
                            c    $1.25
                            d
                        """, """
                                        $1.3  a
                                       $-1.3  b
                                        $1.2  c
                                       $-1.2  d
                        --------------------
                                           0
                        """, Map.of("$", 1)),
                Arguments.of("D directive's places balance a transaction (the import refused it: 0.05 off)", """
                        D $1,000.0

                        2025-01-01 a
                            a    1.257
                            b

                        2025-01-02 b
                            c    1.25
                            d    -1.2
                        """, """
                                        $1.3  a
                                       $-1.3  b
                                        $1.2  c
                                       $-1.2  d
                        --------------------
                                           0
                        """, Map.of("$", 1)),
                Arguments.of("an amount inferred from a unit price in a styled commodity, and the sum", """
                        2025-01-01 a
                            assets:fund    1.5 A @ $2.123
                            assets:bank

                        2025-01-02 b
                            expenses:w    $1.5
                            assets:bank
                        """, """
                                       $-4.7
                                       1.5 A  assets
                                       $-4.7    bank
                                       1.5 A    fund
                                        $1.5  expenses
                                        $1.5    w
                        --------------------
                                       $-3.2
                                       1.5 A
                        """, Map.of("$", 1, "A", 1)),
                Arguments.of("a P price styles its commodity, an amount inferred from a price in it takes that style", """
                        P 2025-01-01 A 2.1 EUR

                        2025-01-01 a
                            assets:fund    1.5 A @ 2.123 EUR
                            equity:open

                        2025-02-01 b
                            assets:fund    1 A
                            income:gift    -1 A
                        """, """
                                       2.5 A  assets
                                       2.5 A    fund
                                    -3.2 EUR  equity
                                    -3.2 EUR    open
                                      -1.0 A  income
                                      -1.0 A    gift
                        --------------------
                                       1.5 A
                                    -3.2 EUR
                        """, Map.of("A", 1, "EUR", 1)),
                Arguments.of("no style: each account at its prices' places (@ 2.123: 3), a sum at the most it sums", """
                        2025/01/01 a
                            x    1.5 A @ 2.123
                            y

                        2025/01/02 b
                            x    1.5 A @ 2.1
                            z

                        2025/01/03 c
                            x    1 A @ 2.12345
                            z
                        """, """
                                       4.0 A  x
                                      -3.184  y
                                    -5.27345  z
                        --------------------
                                    -8.45795
                                       4.0 A
                        """, Map.of("A", 1)),
                Arguments.of("no style for $: 3.1845 inferred from @ $2.123 shows 3 places, the total too", """
                        2025/01/01 a
                            x    1.5 A @ $2.123
                            y

                        2025/01/02 b
                            x    1 A @ $2.1
                            z
                        """, """
                                       2.5 A  x
                                     $-3.184  y
                                       $-2.1  z
                        --------------------
                                     $-5.284
                                       2.5 A
                        """, Map.of("A", 1)),
                Arguments.of("no style: an amount inferred from @@ takes the total's places", """
                        2025/01/01 a
                            x    1.5 A @@ $3.1
                            y

                        2025/01/02 a
                            x    1.5 A @@ 3.12345 B
                            z
                        """, """
                                       3.0 A  x
                                       $-3.1  y
                                  -3.12345 B  z
                        --------------------
                                       $-3.1
                                       3.0 A
                                  -3.12345 B
                        """, Map.of("A", 1)),
                Arguments.of("no style, rolled up: a parent at the most places of its sub-accounts", """
                        2025/01/04 fund one
                            assets:funds:one    912.611 "INF740K01OK1" @ 93.1347
                            assets:bank:mf

                        2025/01/04 fund two
                            assets:funds:two    136.456 "INF109KC1LJ8" @ 36.64
                            assets:bank:mf:coin

                        2025/01/05 fund three
                            assets:funds:three    21.318 "INF200K01UH9" @ 280.327
                            assets:bank:mf:coin
                        """, """
                                 -95971.5105
                        136.456 "INF109KC1LJ8"
                         21.318 "INF200K01UH9"
                        912.611 "INF740K01OK1"  assets
                                 -95971.5105    bank
                                 -95971.5105      mf
                                  -10975.759        coin
                        136.456 "INF109KC1LJ8"
                         21.318 "INF200K01UH9"
                        912.611 "INF740K01OK1"    funds
                        912.611 "INF740K01OK1"      one
                        21.318 "INF200K01UH9"      three
                        136.456 "INF109KC1LJ8"      two
                        --------------------
                                 -95971.5105
                        136.456 "INF109KC1LJ8"
                         21.318 "INF200K01UH9"
                        912.611 "INF740K01OK1"
                        """, Map.of("INF740K01OK1", 3, "INF109KC1LJ8", 3, "INF200K01UH9", 3)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("journals")
    void each_amount_is_shown_at_the_places_hledger_shows(String name, String journal, String hledgerShows,
                                                         Map<String, Integer> styles) throws IOException {
        Path file = folder.resolve("styles.journal");
        Files.writeString(file, journal);
        if (Hledger.isAvailable()) {
            HledgerRun run = Hledger.run(List.of("-f", file.toString(), "bal", "-H", "--tree", "--no-elide"));
            assertEquals(lines(hledgerShows), lines(run.standardOutput()), "hledger 1.25 itself shows it so");
        }
        Path ledger = folder.resolve("styles.ledger");
        try (LedgerSession session = TestSessions.SQLITE.create(ledger)) {
            new JournalImporter(session.commands()).importJournal(file, JournalImporter.Options.defaults(),
                    CommandContext.byUser("tester"), ImportProgress.NONE);
        }
        try (LedgerSession session = TestSessions.SQLITE.open(ledger)) {
            assertEquals(new CommodityStyles(styles).places(), session.commodityStyles(Long.MAX_VALUE).places(),
                    "the styles the import recorded");
            session.projections().open(ProgressListener.NONE);
            StatementRequest request = new StatementRequest(StatementKind.TRIAL_BALANCE, ReportPeriod.parse(""), Interval.NONE, 0,
                    StatementClock.ENTRY_DATE);
            Statement drawn = session.statements().draw(request);
            Statement replayed = session.statements().replayed(request, Long.MAX_VALUE);
            assertEquals(expected(hledgerShows), shown(drawn), "the read models' trial balance as shown");
            assertEquals(StatementText.of(drawn), StatementText.of(replayed), "the replay shows the same text");
        }
    }

    /** An amount hledger shows: a symbol before or after, the number. */
    private static final Pattern AMOUNT = Pattern.compile("^([^-0-9]*?)\\s*(-?[0-9]+(?:\\.[0-9]+)?)\\s*(.*)$");

    /** hledger's lines without the blanks it pads them with. */
    private static List<String> lines(String shown) {
        return shown.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    /**
     * hledger's {@code bal --tree} text as "account | commodity number" lines (the number as printed): amounts stand
     * right-aligned, several commodities on lines of their own with the account on the last, names indented two spaces
     * a level; after the rule, the total.
     */
    static List<String> expected(String hledgerShows) {
        List<String> lines = new ArrayList<>();
        List<String> path = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        boolean total = false;
        for (String line : hledgerShows.lines().toList()) {
            if (line.startsWith("---")) {
                total = true;
                continue;
            }
            String trimmed = line.stripLeading();
            int gap = trimmed.indexOf("  ");
            String amount = gap < 0 ? trimmed.strip() : trimmed.substring(0, gap);
            pending.add(amount);
            String account = gap < 0 ? "" : trimmed.substring(gap + 2);
            if (account.isBlank() && !total) {
                continue;
            }
            String label = "total";
            if (!total) {
                int level = (account.length() - account.stripLeading().length()) / 2;
                while (path.size() > level) {
                    path.remove(path.size() - 1);
                }
                path.add(account.strip());
                label = String.join(":", path);
            }
            for (String text : pending) {
                Matcher matcher = AMOUNT.matcher(text);
                if (!matcher.matches()) {
                    throw new IllegalStateException("not an amount: " + text);
                }
                String number = matcher.group(2);
                // hledger quotes a symbol holding digits ("INF740K01OK1"); the ledger keeps it unquoted
                String commodity = (matcher.group(1) + matcher.group(3)).strip().replace("\"", "");
                lines.add(label + " | " + commodity + " " + number);
            }
            pending.clear();
        }
        // hledger writes a zero total as "0", with no commodity, as our cell does
        return lines.stream().map(line -> line.endsWith(" |  0") ? line.replace(" |  0", " | 0") : line).sorted().toList();
    }

    /** Our trial balance as StatementLines shows it (each account's line, the total), as the same lines. */
    private static List<String> shown(Statement statement) {
        List<String> lines = new ArrayList<>();
        StatementLines.AmountText text = (BigDecimal amount, String commodity) -> commodity + " " + amount.toPlainString();
        for (StatementLines.Line line : StatementLines.of(statement, text)) {
            if (line.kind() == StatementLines.Kind.ACCOUNT || line.kind() == StatementLines.Kind.NET) {
                String label = line.kind() == StatementLines.Kind.NET ? "total" : line.account();
                line.cells().get(0).forEach(cell -> lines.add(label + " | " + cell));
            }
        }
        return lines.stream().sorted().toList();
    }
}
