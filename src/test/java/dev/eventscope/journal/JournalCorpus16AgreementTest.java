package dev.eventscope.journal;

import dev.eventscope.journal.testkit.Hledger;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static dev.eventscope.journal.HledgerAgreement.importAndCompare;
import static dev.eventscope.testing.Texts.assertMentions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the corpus of session 16 (docs/journals.md, "The corpus (session 16)") found, each on a small journal written
 * for it: the imported ledger's balances equal {@code hledger bal} at the end and at cut-off dates, the export gives
 * the same {@code hledger bal}, and what the import cannot read as hledger does is refused naming the line.
 */
class JournalCorpus16AgreementTest extends JournalAgreementFixture {

    @Test
    void a_balance_assignment_with_a_cost_is_refused_naming_the_line_instead_of_giving_a_wrong_number() throws Exception {
        // hledger/test/journal/assertions.test 28: hledger 1.25 gives "assets:eur = €1 @ $1" (balance €10 before) the
        // two amounts €-10 and €1 @ $1, so the elided assets:usd gets €10 and $-1; the import dropped the cost and
        // gave assets:usd €9, a number hledger does not give
        Path journal = write("assigned-cost.journal", """
                2022-01-01
                    assets:eur  €10
                    equity

                2022-01-02
                    assets:eur      = €1 @ $1
                    assets:usd
                """);
        assertTrue(Hledger.check(journal).succeeded() || !Hledger.isAvailable(), "hledger reads it");
        JournalImportException refused = assertThrows(JournalImportException.class,
                () -> importAndCompare(journal, ledger()));
        assertMentions(refused.getMessage(), "assigned-cost.journal:6", "balance assignment with a cost",
                "write the posting's amount");
        // written as the refusal says, it imports and agrees
        Path rewritten = write("assigned-cost-rewritten.journal", """
                2022-01-01
                    assets:eur  €10
                    equity

                2022-01-02
                    assets:eur      €-10
                    assets:eur      €1 @ $1 = €1
                    assets:usd
                """);
        importAndCompare(rewritten, ledger(), date("2022-01-01"));
        assertEquals(Hledger.balancesAtEnd(rewritten), Hledger.balancesAtEnd(export()));
    }

    @Test
    void a_format_sub_directive_under_a_commodity_directive_with_an_amount_is_refused_as_hledger_refuses_it() throws Exception {
        // hledger/test/journal/directive-commodity.test 9: hledger 1.25 refuses "commodity A 1." followed by "format";
        // the import read it, the format line overriding the directive's own (here: 1,5 A read with a decimal comma)
        Path journal = assertRefused("two-formats.journal", "commodity A 1.\n  format 1,0 A\n\n2020-01-01\n  (a)  1,5 A\n",
                "two-formats.journal:2", "format sub-directive", "keep one");
        assertFalse(Hledger.isAvailable() && Hledger.check(journal).succeeded(), "hledger refuses it");
    }

    @Test
    void a_year_of_more_than_four_digits_is_refused_saying_so() throws Exception {
        // hledger/test/close.test 15: hledger 1.25 reads 999999-12-31; the refusal said to write YYYY-MM-DD, as if the
        // date were mistyped
        assertRefused("far-year.journal", "999999-12-31\n  (a)  1\n", "far-year.journal:1", "more than four digits");
    }

    @Test
    void a_market_price_without_a_commodity_is_refused_saying_what_to_write() throws Exception {
        // ledger-autosync writes "P 2016/10/08 07:30:08 SHSAX 47.8600000" (its format_position); the refusal came from
        // the domain after reading and said only '"" is not a usable commodity', naming no fix
        assertRefused("bare-price.journal", "P 2016/10/08 07:30:08 SHSAX 47.8600000\n\n2016/10/08 position\n"
                + "  Foo  10 SHSAX @ $47.86\n  Assets:Unknown\n", "bare-price.journal:1", "has no commodity", "47.8600000 USD");
        // with the commodity written, it imports and agrees
        Path fixed = write("priced.journal", "P 2016/10/08 07:30:08 SHSAX $47.8600000\n\n2016/10/08 position\n"
                + "  Foo  10 SHSAX @ $47.86\n  Assets:Unknown\n");
        importAndCompare(fixed, ledger());
    }

    @Test
    void an_include_naming_a_file_with_a_nul_character_is_refused_naming_the_line() throws Exception {
        // found by JournalFuzzProperties this session: the reader stopped with java.nio.file.InvalidPathException
        // ("Nul character not allowed"), a stack trace instead of one sentence naming the file and line
        assertRefused("nul-include.journal", "2024-01-01\n  a  1\n  b\n\ninclude \0 missing.journal\n",
                "nul-include.journal:5", "NUL character");
    }

    @Test
    void a_balance_assertion_with_a_cost_still_imports_its_cost_ignored_as_hledger_ignores_it() throws Exception {
        // hledger/test/journal/assertions.test 19 and 20: only an assignment (no amount before the =) is refused
        Path journal = write("asserted-cost.journal", """
                2023-01-01
                    (a)         1A @ 1B = 1A @ 2B
                    b           2C @@ 3B = 2C
                    c
                """);
        assertTrue(Hledger.check(journal).succeeded() || !Hledger.isAvailable(), "hledger reads it");
        importAndCompare(journal, ledger());
        assertEquals(Hledger.balancesAtEnd(journal), Hledger.balancesAtEnd(export()));
    }
}
