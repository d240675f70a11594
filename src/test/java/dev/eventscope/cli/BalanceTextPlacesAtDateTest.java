package dev.eventscope.cli;

import dev.eventscope.application.CommandContext;
import dev.eventscope.application.LedgerCommandService;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.journal.ImportProgress;
import dev.eventscope.journal.JournalImporter;
import dev.eventscope.journal.testkit.Hledger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Session 24 (corpus), item 1 of its brief, left by session 23: a commodity without a style (written only in
 * {@code @}/{@code @@} prices) is shown by hledger 1.25 at the most places of the amounts a figure sums, so at a date
 * at those of the amounts dated by then, and in a period's column at those dated within it. Until session 24 the
 * reports took the whole journal's places on every date: {@code balance --as-of 2024-01-15} showed {@code -3.150 B}
 * where {@code hledger bal -e 2024-01-16} shows {@code -3.2 B}. The expected texts are hledger's, written out here;
 * where hledger is installed they are checked against it too.
 */
class BalanceTextPlacesAtDateTest {

    private static final String JOURNAL = """
            2024-01-01 x
                a   1.5 A @ 2.1 B
                b
            2024-02-01 y
                a   1 A @ 2.123 B
                b
            2024-02-02 z
                c   1 A @@ 3.12345 B
                d
            """;

    @TempDir
    Path folder;

    @Test
    void the_balance_at_a_date_shows_the_places_of_the_amounts_dated_by_then() throws Exception {
        Path ledger = imported(JOURNAL);
        // hledger -f j bal --flat -e 2024-01-16, -e 2024-02-02, -e 2024-02-03
        assertEquals(List.of("1.5 A a", "-3.2 B b", "1.5 A (total)", "-3.2 B (total)"), balance(ledger, "2024-01-15"));
        assertEquals(List.of("2.5 A a", "-5.273 B b", "2.5 A (total)", "-5.273 B (total)"), balance(ledger, "2024-02-01"));
        assertEquals(List.of("2.5 A a", "-5.273 B b", "1.0 A c", "-3.12345 B d", "3.5 A (total)", "-8.39645 B (total)"),
                balance(ledger, "2024-02-02"));
        if (Hledger.isAvailable()) {
            assertEquals(balance(ledger, "2024-01-15"), hledgerFlat("2024-01-16"), "hledger 1.25 still shows this");
            assertEquals(balance(ledger, "2024-02-01"), hledgerFlat("2024-02-02"));
            assertEquals(balance(ledger, "2024-02-02"), hledgerFlat("2024-02-03"));
        }
    }

    @Test
    void the_replayed_balance_and_the_trial_balance_at_a_date_show_the_same_places() throws Exception {
        Path ledger = imported(JOURNAL);
        CliRun replay = CliRun.run(new FakeLedgerStores().with(ledger), "balance", "-l", ledger.toString(), "--as-of",
                "2024-01-15", "--replay");
        assertEquals(ExitCodes.OK, replay.exitCode(), replay.err());
        assertEquals(List.of("1.5 A a", "-3.2 B b", "1.5 A (total)", "-3.2 B (total)"), rows(replay.out()));
        CliRun trial = CliRun.run(new FakeLedgerStores().with(ledger), "trial-balance", "-l", ledger.toString(), "--as-of",
                "2024-01-15");
        assertEquals(ExitCodes.OK, trial.exitCode(), trial.err());
        List<String> shown = new ArrayList<>();
        for (String line : trial.out().strip().split("\\R")) {
            if (!line.startsWith("ACCOUNT")) {
                shown.add(String.join(" ", line.trim().split("\\s+")));
            }
        }
        assertEquals(List.of("a A 1.5", "b B 3.2", "(total) A 1.5 0.0", "(total) B 0.0 3.2"), shown);
    }

    @Test
    void an_income_statement_column_shows_the_places_of_the_amounts_dated_within_it() throws Exception {
        // hledger -f j is -M: "revenue:b || 3.184 B  2.1 B" (3.1845 at three places, half even; February's own 2.1)
        Path ledger = imported("""
                2024-01-01 x
                    assets:a   1.5 A @ 2.123 B
                    revenue:b
                2024-02-01 y
                    assets:a   1 A @ 2.1 B
                    revenue:b
                """);
        CliRun run = CliRun.run(new FakeLedgerStores().with(ledger), "statement", "income", "-l", ledger.toString(), "-M");
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        List<String> lines = new ArrayList<>();
        for (String line : run.out().strip().split("\\R")) {
            lines.add(String.join(" ", line.trim().split("\\s+")));
        }
        assertTrue(lines.contains("b | 3.184 B 2.1 B"), String.join("\n", lines));
        assertTrue(lines.contains("Net: | 3.184 B 2.1 B"), String.join("\n", lines));
        if (Hledger.isAvailable()) {
            String hledger = Hledger.run(List.of("-f", folder.resolve("places.journal").toString(), "is", "-M"))
                    .standardOutput();
            assertTrue(hledger.replaceAll("\\s+", " ").contains("revenue:b || 3.184 B 2.1 B"), hledger);
        }
    }

    @Test
    void a_posting_s_own_date_is_the_date_its_places_count_from() throws Exception {
        // the second entry's b posting is dated 2024-03-01 (; date:): hledger -f j bal --flat -e 2024-02-16 shows b at
        // the one place of its first amount, -3.2 B, and -e 2024-03-02 at three, -5.273 B
        Path ledger = imported("""
                2024-01-01 x
                    a   1.5 A @ 2.1 B
                    b
                2024-02-01 y
                    a   1 A @ 2.123 B
                    b   ; date:2024-03-01
                """);
        assertEquals(List.of("2.5 A a", "-3.2 B b", "2.5 A (total)", "-3.2 B (total)"), balance(ledger, "2024-02-15"));
        assertEquals(List.of("2.5 A a", "-5.273 B b", "2.5 A (total)", "-5.273 B (total)"), balance(ledger, "2024-03-01"));
        if (Hledger.isAvailable()) {
            assertEquals(balance(ledger, "2024-02-15"), hledgerFlat("2024-02-16"), "hledger 1.25 still shows this");
            assertEquals(balance(ledger, "2024-03-01"), hledgerFlat("2024-03-02"));
        }
    }

    private List<String> balance(Path ledger, String asOf) {
        CliRun run = CliRun.run(new FakeLedgerStores().with(ledger), "balance", "-l", ledger.toString(), "--as-of", asOf);
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        return rows(run.out());
    }

    private static List<String> rows(String out) {
        List<String> shown = new ArrayList<>();
        for (String line : out.strip().split("\\R")) {
            String[] cells = line.trim().split("\\s+");
            if (!cells[0].equals("ACCOUNT")) {
                shown.add(cells[1] + " " + cells[2] + " " + cells[0]);
            }
        }
        return shown;
    }

    private Path imported(String text) throws Exception {
        Path journal = folder.resolve("places.journal");
        Files.writeString(journal, text, StandardCharsets.UTF_8);
        Path ledger = folder.resolve("places.ledger");
        try (SqliteEventStore store = SqliteEventStore.open(ledger)) {
            new JournalImporter(LedgerCommandService.create(store)).importJournal(journal,
                    JournalImporter.Options.defaults(), CommandContext.byUser("alice"), ImportProgress.NONE);
        }
        return ledger;
    }

    private List<String> hledgerFlat(String end) {
        String out = Hledger.run(List.of("-f", folder.resolve("places.journal").toString(), "bal", "--flat", "-e", end))
                .standardOutput();
        List<String> lines = new ArrayList<>();
        boolean total = false;
        for (String line : out.strip().split("\\R")) {
            String[] cells = line.trim().split("\\s+");
            if (cells[0].startsWith("---")) {
                total = true;
            } else if (cells.length >= 2) {
                lines.add(cells[0] + " " + cells[1] + " " + (total ? "(total)" : cells[2]));
            }
        }
        return lines;
    }
}
