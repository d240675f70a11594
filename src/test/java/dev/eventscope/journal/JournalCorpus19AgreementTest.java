package dev.eventscope.journal;

import dev.eventscope.journal.testkit.Hledger;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.eventscope.journal.HledgerAgreement.importAndCompare;
import static dev.eventscope.testing.Texts.assertMentions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the corpus of session 19 (docs/journals.md, "The corpus (session 19)") found, each on a journal from it: the
 * import agrees with {@code hledger --auto bal} at the end and at cut-off dates.
 */
class JournalCorpus19AgreementTest extends JournalAgreementFixture {

    private static final JournalImporter.Options AUTO = JournalImporter.Options.defaults().withAutomated(true);

    /** One posting of a distinct power of two a day around 2023, the last with a posting date back in January. */
    private static final String DAYS = """
            2022-12-31 a
                x  1
                y
            2023-01-01 b
                x  2
                y
            2023-01-10 c
                x  4
                y
            2023-01-15 d
                x  8
                y
            2023-01-20 e
                x  16
                y
            2023-02-01 f
                x  32
                y
            2023-12-31 g
                x  64
                y
            2024-01-01 h
                x  128
                y  ; date:2023-01-15
            """;

    @Test
    void pymledgers_rules_with_a_date_query_import_with_auto_as_hledger_auto_applies_them() throws Exception {
        // abeimler/pymledger generates its budget rules as `= acct:"Expenses:Wohnen" date:"2023"`; hledger 1.25 --auto
        // reads them, the import refused the journal: "the automated transaction's query term "date:2023" is not
        // supported by Eventscope"
        Path journal = folder.resolve("pymledger.journal");
        Files.copy(Path.of("src/test/resources/corpus/corpus19/pymledger-2023-01-rules-with-date-query.journal"), journal);
        assertTrue(!Hledger.isAvailable() || Hledger.check(journal).succeeded(), "hledger reads it");
        importAndCompare(journal, ledger(), AUTO, List.of("--auto"), date("2023-01-02"), date("2023-01-20"));
    }

    @Test
    void a_date_term_matches_each_postings_own_date_or_its_transactions_within_the_period_hledger_reads() throws Exception {
        // each x posting is a distinct power of two, so the one balance of "matched" names exactly the postings matched;
        // the y posting of 2024-01-01 is dated 2023-01-15 and matches as of that date
        List<String> terms = List.of("date:2023", "date:2023-01", "date:2023/1", "date:202301", "date:2023-01-15",
                "date:2023.01.15", "date:20230115", "date:2023q1", "date:2023Q1", "date:2023..2024", "date:2023-02..",
                "date:..2023-02", "date:2023-01-10..2023-01-20", "date:'2023/01/10..2023/1/15'",
                "date:2023-01-15..2023-01-15", "date:'from 2023-02'", "date:'from 2023-01-10 to 2023-01-20'",
                "date:'2023-01-10 to 2023-01-20'", "date:'to 2023-01-15'", "date:'in 2023-01'", "not:date:2023",
                "x date:2023-01", "y date:2023-01");
        int index = 0;
        for (String term : terms) {
            index++;
            Path journal = write("days-" + index + ".journal", "= " + term + "\n    (matched)  *1\n\n" + DAYS);
            importAndCompare(journal, folder.resolve("days-" + index + ".ledger"), AUTO, List.of("--auto"),
                    date("2023-01-14"), date("2023-12-31"));
        }
        assertEquals(terms.size(), index);
    }

    @Test
    void a_generated_posting_is_dated_like_the_posting_it_matched_as_hledger_dates_it() throws Exception {
        // found by the test above: hledger 1.25 gives a generated posting the matched posting's own date ("(matched)
        // -128 ; [2023-01-15], generated-posting: = y" in hledger print --auto); the import dated it by its transaction,
        // so "matched" as of 2023-12-31 was 0 where hledger says -129
        Path journal = write("posting-dates.journal", """
                = y
                    (matched)  *1

                2024-01-01 h
                    x  128
                    y  ; date:2023-01-15
                2024-01-02 i
                    x  1
                    y  ; [2023-02-01]
                """);
        importAndCompare(journal, ledger(), AUTO, List.of("--auto"), date("2023-01-14"), date("2023-01-15"),
                date("2023-12-31"), date("2024-01-01"));
        for (String asOf : List.of("2023-01-14", "2023-01-15", "2023-12-31")) {
            assertEquals(Hledger.balances(journal, List.of("--auto"), date(asOf)), Hledger.balances(export(), List.of(), date(asOf)),
                    "the export read by hledger as of " + asOf);
        }
    }

    @Test
    void a_commodity_sub_directive_hledger_refuses_is_refused_naming_its_own_line_as_hledger_names_it() throws Exception {
        // stettberger/ledger-funds's ledger.dat: hledger 1.25 refuses line 3 ("note Euros"); the import refused too, but
        // named line 6, the block's last sub-directive
        Path journal = assertRefused("funds.journal", """
                ;;; * Setup and Accounts
                commodity €
                  note Euros
                  format 1,000.00 €
                  nomarket
                  default

                2018/12/31 Opening Balance
                    Assets                                      5000 €
                    Equity:Opening Balances
                """, "funds.journal:3:", "note Euros");
        assertTrue(!Hledger.isAvailable() || Hledger.check(journal).standardError().contains("funds.journal:3:"),
                "hledger names line 3 too");
    }

    @Test
    void an_account_sub_directive_hledger_ignores_is_skipped_with_a_warning_naming_its_own_line() throws Exception {
        // matclab/compta-asso-ledger's accounts.ledger: ledger's alias and note under an account, which hledger 1.25
        // ignores; the warnings named the block's last line for each of them
        Path journal = write("asso.journal", """
                account 5:3:1
                   alias caisse
                   note caisse

                2024/03/27 *  Jeanne Truc
                    7:5:8:1             -20.00 €
                    5:3:1                  20 €
                """);
        ImportSummary summary = importAndCompare(journal, ledger());
        assertEquals(List.of(2, 3), summary.warnings().stream().map(warning -> warning.location().line()).toList());
    }

    @Test
    void a_period_relative_to_today_is_refused_naming_the_line_and_the_term() throws Exception {
        // hledger reads date:thisyear against the day it runs; a ledger must not depend on the day it was imported
        Path journal = write("relative.journal", "2023-01-01 a\n    x  1\n    y\n\n= x date:thisyear\n    (matched)  *1\n");
        JournalImportException refused = assertThrows(JournalImportException.class,
                () -> importAndCompare(journal, ledger(), AUTO, List.of("--auto")));
        assertMentions(refused.getMessage(), "relative.journal:5", "date:thisyear");
    }
}
