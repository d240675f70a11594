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

/**
 * Session 23 (corpus), item 3b of its brief: {@code balance} and {@code trial-balance} text show a commodity without a
 * style (written only in {@code @}/{@code @@} prices) at the places hledger 1.25's flat {@code bal} shows: each
 * account at the most places of the prices its own amounts were inferred from, the total at the most of all. Until
 * session 23 the statements did (session 21) but these two showed the exact decimals ({@code -3.15 B} where hledger
 * shows {@code -3.2 B}).
 */
class BalanceTextInferredPlacesTest {

    private static final String JOURNAL = """
            2024-01-01 x
                a   1.5 A @ 2.1 B
                b
            2024-02-01 y
                a   1 A @ 2.123 B
                b:c
            2024-02-02 z
                a   1 A @@ 3.12 B
                b:d
            """;

    /** hledger 1.25's {@code bal --flat} of {@link #JOURNAL}: amount and account, the total last. */
    private static final List<String> HLEDGER_SHOWS = List.of("3.5 A a", "-3.2 B b", "-2.123 B b:c", "-3.12 B b:d",
            "3.5 A (total)", "-8.393 B (total)");

    @TempDir
    Path folder;

    @Test
    void the_balance_text_shows_each_account_at_the_places_of_its_own_prices_and_the_total_at_the_most() throws Exception {
        Path ledger = imported();
        CliRun run = CliRun.run(new FakeLedgerStores().with(ledger), "balance", "-l", ledger.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        List<String> shown = new ArrayList<>();
        for (String line : run.out().strip().split("\\R")) {
            String[] cells = line.trim().split("\\s+");
            if (!cells[0].equals("ACCOUNT")) {
                shown.add(cells[1] + " " + cells[2] + " " + cells[0]);
            }
        }
        assertEquals(HLEDGER_SHOWS, shown);
        if (Hledger.isAvailable()) {
            assertEquals(HLEDGER_SHOWS, hledgerFlat(), "hledger 1.25 still shows this");
        }
    }

    @Test
    void the_trial_balance_text_shows_the_same_places() throws Exception {
        Path ledger = imported();
        CliRun run = CliRun.run(new FakeLedgerStores().with(ledger), "trial-balance", "-l", ledger.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        List<String> shown = new ArrayList<>();
        for (String line : run.out().strip().split("\\R")) {
            String[] cells = line.trim().split("\\s+");
            if (!cells[0].equals("ACCOUNT")) {
                shown.add(String.join(" ", cells));
            }
        }
        assertEquals(List.of("a A 3.5", "b B 3.2", "b:c B 2.123", "b:d B 3.12", "(total) A 3.5 0.0",
                "(total) B 0.000 8.393"), shown);
    }

    @Test
    void the_valued_text_shows_the_amount_valued_at_its_commodity_s_style() throws Exception {
        // A is written 10 and 2.5: one place, as the unvalued text shows it ("10.0"; until session 23 "10"); the value
        // at the places of the P prices in USD, as hledger's bal -V shows it (15.0000 USD)
        Path ledger = imported("""
                P 2024-01-01 A 1.5 USD
                P 2024-06-01 A 1.2345 USD
                2024-01-01 x
                    a  10 A
                    b
                2024-03-01 y
                    a  2.5 A
                    b
                """);
        CliRun run = CliRun.run(new FakeLedgerStores().with(ledger), "balance", "-l", ledger.toString(), "--as-of",
                "2024-02-01", "--market");
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        List<String> rows = new ArrayList<>();
        for (String line : run.out().strip().split("\\R")) {
            String[] cells = line.trim().split("\\s+");
            if (cells[0].equals("a") || cells[0].equals("b")) {
                rows.add(cells[0] + " " + cells[1] + " " + cells[2] + " " + cells[3] + " " + cells[4]);
            }
        }
        assertEquals(List.of("a 10.0 A 15.0000 USD", "b -10.0 A -15.0000 USD"), rows);
    }

    private Path imported() throws Exception {
        return imported(JOURNAL);
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

    private List<String> hledgerFlat() {
        String out = Hledger.run(List.of("-f", folder.resolve("places.journal").toString(), "bal", "--flat"))
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
