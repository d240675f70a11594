package dev.eventscope.journal;

import dev.eventscope.journal.testkit.Hledger;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.eventscope.journal.HledgerAgreement.importAndCompare;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the corpus of session 17 (docs/journals.md, "The corpus (session 17)") found, each on a small journal written
 * for it: what hledger 1.25 refuses is refused naming the line, and what it reads imports and agrees with
 * {@code hledger bal} at the end, at cut-off dates and through the export.
 */
class JournalCorpus17AgreementTest extends JournalAgreementFixture {

    private static final String TRANSACTIONS = """

            2026-01-02 salary
                assets:bank:checking    €3200.00
                income:salary

            2026-02-02 salary
                assets:bank:checking    €3200.00
                income:salary
            """;

    @Test
    void a_periodic_rule_starting_inside_its_interval_is_refused_as_hledger_refuses_the_journal() throws Exception {
        // hledger-macos's recurring.journal and hledger-forecast's example: hledger 1.25 refuses the whole journal
        // ("... because 2026-01-02 is not a first day of the Month"), even without --forecast; the import left the
        // rule out with a warning and imported the journal hledger refuses
        String[][] refusedRules = {
                {"~ monthly from 2026-01-02  ; rule-id:salary Monthly salary", "month"},
                {"~ yearly from 2023-04-01", "year"},
                {"~ every 2 weeks from 2023-05-02", "week"},
                {"~ quarterly from 2023-02-01", "quarter"},
                {"~ every 3 months from 2023/4/2 to 2024", "month"},
                {"~ bimonthly 2023-03-05..2023-05-01", "month"},
                {"~ weekly in 2023", "week"},
        };
        for (String[] rule : refusedRules) {
            Path journal = assertRefused("refused.journal", rule[0] + "\n    expenses:rent  €800.00\n    assets:bank\n"
                    + TRANSACTIONS, "refused.journal:1", "periodic transaction", "not the first day of a " + rule[1],
                    "start it on the first day");
            assertFalse(Hledger.isAvailable() && Hledger.check(journal).succeeded(), "hledger refuses " + rule[0]);
        }
    }

    @Test
    void a_comment_after_a_decimal_mark_or_year_directive_is_read_as_hledger_reads_it() throws Exception {
        // hledger's own journal cheatsheet (as hledger-desktop's parser fixture holds it) writes
        // "decimal-mark .          ; The decimal mark used in this file (if ambiguous)."; hledger 1.25 reads the mark and
        // ignores the rest of the line, and reads "Y 2024 ; c"; the import refused both lines, valid journals
        Path journal = write("commented-directives.journal", """
                decimal-mark ,          ; the decimal mark used in this file
                Y 2024  ; partial dates below are in 2024

                01/05 groceries
                    expenses:food     1.000,50 EUR
                    assets:bank

                decimal-mark .;no space before this comment
                Y 2025 # and a hash comment

                01/06 groceries
                    expenses:food     1,000.25 EUR
                    assets:bank
                """);
        assertTrue(Hledger.check(journal).succeeded() || !Hledger.isAvailable(), "hledger reads it");
        importAndCompare(journal, ledger(), date("2024-01-05"), date("2025-01-05"));
        assertEquals(Hledger.balancesAtEnd(journal), Hledger.balancesAtEnd(export()));
    }

    @Test
    void a_periodic_rule_hledger_reads_is_still_left_out_and_the_journal_imports() throws Exception {
        String[] readRules = {"~ monthly from 2026-01-01", "~ every 2 weeks from 2023-05-01", "~ every 5 days from 2023-03-05",
                "~ every 15th day of month from 2023-03-05", "~ monthly", "~weekly", "~ quarterly from 04/01",
                "~ monthly from this month", "~ yearly from 2023-01", "~ from 2024-01-05",
                "~ monthly in 2023-03", "~ weekly from 2023-05"};
        for (String rule : readRules) {
            Path journal = write("read.journal", rule + "\n    expenses:rent  €800.00\n    assets:bank\n" + TRANSACTIONS);
            assertTrue(Hledger.check(journal).succeeded() || !Hledger.isAvailable(), "hledger reads " + rule);
            Files.deleteIfExists(ledger());
            importAndCompare(journal, ledger(), date("2026-01-15"));
            assertEquals(Hledger.balancesAtEnd(journal), Hledger.balancesAtEnd(export()), rule);
        }
    }
}
