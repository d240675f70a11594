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
 * What the corpus of session 15 (docs/journals.md, "The corpus (session 15)") found in ledger-style journals, each on
 * a small journal written for it: the imported ledger's balances equal {@code hledger bal} at the end and at cut-off
 * dates, the export gives the same {@code hledger bal}, and what hledger refuses is refused naming the line.
 */
class JournalLedgerSyntaxAgreementTest extends JournalAgreementFixture {

    @Test
    void a_lot_date_is_read_in_any_place_after_the_quantity_with_or_without_a_lot_price() throws Exception {
        // hledger/test/journal/lots.test 3: "3 MSFT [2026-01-03]" (a lot date with no lot price) was refused as not an
        // amount; hledger 1.25 reads a lot price, a lot date and a cost in any order after the quantity
        Path journal = write("lot-dates.journal", """
                2026-01-02 cost basis and date
                    assets:investment    5 TSLA {$200} [2026-01-02]
                    assets:cash
                2026-01-03 date only
                    assets:investment    3 MSFT [2026-01-03]
                    assets:cash         $-300
                2026-01-04 date before the lot price
                    assets:investment    2 GOOG [2026-01-04] {$50}
                    assets:cash
                2026-01-05 a cost, then the date
                    assets:investment    1 AAPL @ $150 [ 2026-01-05 ]
                    assets:cash
                2026-01-06 all three
                    assets:investment    -1 AAPL [2026-01-05] @ $160 {$150}
                    assets:cash          $160
                """);
        assertTrue(Hledger.check(journal).succeeded() || !Hledger.isAvailable(), "hledger reads it");
        importAndCompare(journal, ledger(), date("2026-01-02"), date("2026-01-04"));
        assertEquals(Hledger.balancesAtEnd(journal), Hledger.balancesAtEnd(export()));
    }

    @Test
    void lot_annotations_hledger_refuses_are_refused_naming_the_line() throws Exception {
        // a lot date not on the calendar, a lot price or lot date with no quantity before it (the import used to read
        // these two as a posting with an elided amount), and two lot dates
        for (String amount : new String[] {"3 MSFT [2026-13-03]", "{$5}", "[2026-01-01]", "1 X [2026-01-01] [2026-01-02]"}) {
            Path journal = write("bad-lot.journal", "2026-01-03\n    a    " + amount + "\n    b    $-300\n");
            assertFalse(Hledger.isAvailable() && Hledger.check(journal).succeeded(), "hledger refuses " + amount);
            JournalImportException refused = assertThrows(JournalImportException.class,
                    () -> importAndCompare(journal, ledger()), amount);
            assertMentions(refused.getMessage(), "bad-lot.journal:2");
        }
    }

    @Test
    void an_empty_lot_price_and_a_lot_note_are_refused_saying_what_they_are() throws Exception {
        // hledger/test/journal/lots.test 1 and 5: the refusals said '"" is not an amount' and showed the note after a
        // row of spaces where the lot price had been
        Path empty = write("empty-lot.journal", "2026-01-01\n    a    10 AAPL {}\n    b\n");
        assertFalse(Hledger.isAvailable() && Hledger.check(empty).succeeded(), "hledger refuses {}");
        assertMentions(assertThrows(JournalImportException.class, () -> importAndCompare(empty, ledger())).getMessage(),
                "empty-lot.journal:2", "lot price {} is empty");
        Path note = write("lot-note.journal", "2026-01-01\n    a    10 AAPL @ $100 {$100} [2026-01-01] (lot A)\n    b\n");
        assertFalse(Hledger.isAvailable() && Hledger.check(note).succeeded(), "hledger refuses the note");
        assertMentions(assertThrows(JournalImportException.class, () -> importAndCompare(note, ledger())).getMessage(),
                "lot-note.journal:2", "lot note (lot A)", "comment");
    }

    @Test
    void an_account_name_with_an_empty_part_is_refused_naming_the_line_and_what_to_do() throws Exception {
        // ledger's test/regress/1133.test: hledger 1.25 reads "Assets::Cash" (an empty part between the colons), a
        // ledger account cannot hold it; the refusal named the line but not what to do
        Path journal = write("double-colon.journal", "account Assets:Cash\n\n2024/01/01 Test\n    Assets::Cash    $10.00\n"
                + "    Expenses:Food\n");
        assertTrue(Hledger.check(journal).succeeded() || !Hledger.isAvailable(), "hledger reads it");
        JournalImportException refused = assertThrows(JournalImportException.class,
                () -> importAndCompare(journal, ledger()));
        assertMentions(refused.getMessage(), "double-colon.journal:3", "Assets::Cash", "rename the account");
    }
}
