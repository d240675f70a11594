package dev.eventscope.bootstrap;

import dev.eventscope.journal.testkit.Hledger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.eventscope.testing.Texts.assertMentions;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Importing real-world journals from the command line: what is shown and exported afterwards (issue 12). */
class JournalImportCommandLineTest {

    @TempDir
    Path folder;

    private static RealCli run(String... args) {
        return RealCli.run(args);
    }

    private Path importJournal(String text) throws Exception {
        Path journal = folder.resolve("bare.journal");
        Files.writeString(journal, text);
        Path ledger = folder.resolve("bare.ledger");
        RealCli imported = run("import", journal.toString(), "--ledger", ledger.toString(), "--user", "alice");
        assertEquals(0, imported.exitCode(), imported.err());
        return ledger;
    }

    @Test
    void a_bare_amount_has_an_empty_commodity_column_in_balance_csv_and_exports_as_a_bare_amount() throws Exception {
        Path ledger = importJournal("""
                2025-01-01 shares
                    assets:a  -1 A
                    equity
                2025-01-05 no symbol
                    assets:a  -1
                    equity
                """);
        RealCli balance = run("balance", "-l", ledger.toString(), "--format", "csv");
        assertEquals(String.join("\n", "account,commodity,amount", "assets:a,,-1", "assets:a,A,-1", "equity,,1", "equity,A,1")
                + "\n", balance.out());
        assertMentions(run("balance", "-l", ledger.toString()).out(), "-1  ");
        String accounts = run("accounts", "-l", ledger.toString()).out();
        assertMentions(accounts, "-1, -1 A");
        Assumptions.assumeTrue(Hledger.isAvailable(), "hledger is not installed");
        Path exported = folder.resolve("exported.journal");
        assertEquals(0, run("export", "-l", ledger.toString(), "--out", exported.toString()).exitCode());
        assertEquals(Hledger.balancesAtEnd(folder.resolve("bare.journal")), Hledger.balancesAtEnd(exported));
    }

    @Test
    void import_says_how_many_transactions_postings_directives_and_skipped_items_it_saw() throws Exception {
        Files.writeString(folder.resolve("accounts.journal"), "account assets:bank\naccount equity\n");
        Path journal = folder.resolve("summary.journal");
        Files.writeString(journal, """
                include accounts.journal
                P 2025-01-01 EUR $1.10
                2025-01-02 opening
                    assets:bank  10 EUR
                    equity
                ~ monthly
                    expenses:rent  5 EUR
                    assets:bank
                2025-01-03 three postings
                    assets:bank  1 EUR
                    assets:bank  1 EUR
                    equity
                """);
        RealCli imported = run("import", journal.toString(), "--ledger", folder.resolve("summary.ledger").toString(),
                "--user", "alice");
        assertEquals(0, imported.exitCode(), imported.err());
        // the P directive is a market price now (issue 18): a directive read, not an item skipped
        assertMentions(imported.out(), "The journal held: 2 transactions, 5 postings, 4 directives, 1 skipped");
        assertMentions(imported.err(), "summary.journal:6");
        assertFalse(imported.err().contains("summary.journal:2"), imported.err());
    }

    @Test
    void lot_annotations_and_balanced_virtual_postings_survive_the_export() throws Exception {
        Path ledger = importJournal("""
                2025-01-02 buy
                    assets:shares  10 AAPL {$50} [2025-01-01]  ; broker note
                    assets:cash  $-500
                    [equity:budget:shares]  $500
                    [equity:budget:free]  $-500
                """);
        Path exported = folder.resolve("exported.journal");
        assertEquals(0, run("export", "-l", ledger.toString(), "--out", exported.toString()).exitCode());
        String text = Files.readString(exported);
        assertMentions(text, "assets:shares  10 AAPL {$50} [2025-01-01] @@ $500  ; broker note",
                "[equity:budget:shares]  $500");
        Assumptions.assumeTrue(Hledger.isAvailable(), "hledger is not installed");
        Path original = folder.resolve("bare.journal");
        assertEquals(Hledger.balances(original, java.util.List.of("--real"), null),
                Hledger.balances(exported, java.util.List.of("--real"), null));
    }

    @Test
    void an_import_into_a_ledger_with_entries_that_fails_midway_leaves_the_ledger_byte_for_byte_unchanged()
            throws Exception {
        Path ledger = importJournal("""
                2025-01-02 opening
                    assets:bank  1000.00 EUR
                    equity:opening
                """);
        assertEquals(0, run("close-period", "-l", ledger.toString(), "--through", "2025-03-31", "--user", "alice")
                .exitCode());
        byte[] before = Files.readAllBytes(ledger);
        StringBuilder text = new StringBuilder();
        for (int day = 0; day < 300; day++) {
            text.append("2025-07-").append(String.format("%02d", 1 + day % 28)).append(" groceries ").append(day)
                    .append("\n    expenses:food  1.50 EUR\n    assets:bank\n");
        }
        // its last entry falls in the closed period: refused only as it is written, after 300 entries
        text.append("2025-03-01 late receipt\n    expenses:food  2.00 EUR\n    assets:bank\n");
        Path journal = folder.resolve("july.journal");
        Files.writeString(journal, text);
        RealCli refused = run("import", journal.toString(), "--ledger", ledger.toString(), "--user", "alice");
        assertEquals(4, refused.exitCode(), refused.out() + refused.err());
        assertMentions(refused.err(), "july.journal:901", "Nothing was imported; the ledger is unchanged");
        assertArrayEquals(before, Files.readAllBytes(ledger), "the ledger file changed");
        assertFalse(Files.exists(Path.of(ledger + "-wal")) && Files.size(Path.of(ledger + "-wal")) > 0,
                "a write-ahead log was left behind");
        RealCli balance = run("balance", "-l", ledger.toString(), "--format", "csv");
        assertEquals(0, balance.exitCode(), balance.err());
        assertMentions(balance.out(), "assets:bank,EUR,1000\n");
    }
}
