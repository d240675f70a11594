package dev.eventscope.journal;

import dev.eventscope.application.CommandContext;
import dev.eventscope.application.LedgerCommandService;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.journal.testkit.Hledger;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.eventscope.journal.HledgerAgreement.importAndCompare;
import static dev.eventscope.testing.Texts.assertMentions;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the corpus of session 21 (docs/journals.md, "Session 21 (corpus)") found, each on the smallest journal that
 * shows it, checked against hledger 1.25 where it is installed (and against what it said, written out here, where it
 * is not).
 */
class JournalCorpus21AgreementTest extends JournalAgreementFixture {

    @Test
    void a_commodity_conversion_without_two_amounts_is_refused_at_the_line_hledger_refuses() throws Exception {
        // cbarrete/tree-sitter-ledger's tests write "C EUR = 1.20 USD" and C "Foo" = 1.20 "Foo Bar", which hledger 1.25
        // refuses ("unexpected '=', expecting '+', '-', or number"); the import skipped every C line and read the journal
        Path journal = refused("conversion.journal", """
                C 1.00 EUR = 1.20 USD

                C EUR = 1.20 USD

                2020-12-02 x
                    a  1 EUR
                    b
                """, "conversion.journal:3", "C directive", "C 1.00 EUR = 1.20 USD");
        assertTrue(!Hledger.isAvailable() || Hledger.check(journal).standardError().contains("conversion.journal:3:"),
                "hledger refuses line 3 too");
        refused("second.journal", "C 1.00 EUR = USD\n", "second.journal:1", "second amount");
        refused("equals.journal", "C 1 EUR == 3 USD\n", "equals.journal:1", "second amount");
        refused("nothing.journal", "C 1.00 EUR\n", "nothing.journal:1", "no \"=\"");
    }

    @Test
    void an_ignored_price_commodity_without_a_symbol_is_refused_as_hledger_refuses_it() throws Exception {
        refused("bare.journal", "N\n", "bare.journal:1", "N directive");
        refused("digit.journal", "N 5\n", "digit.journal:1", "N directive");
    }

    @Test
    void a_periodic_transaction_without_a_period_is_refused_as_hledger_refuses_it() throws Exception {
        // cbarrete/tree-sitter-ledger's tests/corpus/periodic_transactions.txt: "~" alone over a posting, which hledger
        // 1.25 refuses ("unexpected newline") even without --forecast; the import left the rule out and read the journal
        refused("tilde.journal", """

                ~
                    State:2021:Tax
                """, "tilde.journal:2", "no period");
        refused("comment.journal", "~  ; comment\n    a  1\n    b\n", "comment.journal:1", "no period");
        Path periods = write("periods.journal", """
                ~ monthly
                    State:2021:Tax

                ~ yEaRlY
                    State:2021:Tax

                ~ eVerY 20 wEeKs
                    Expenses:Groceries:Chocolate  2000 EUR ; don't ask questions

                ~monthly  description
                    a  1
                    b

                2021-01-01 x
                    a  1 EUR
                    b
                """);
        importAndCompare(periods, ledger(), date("2021-01-01"));
    }

    @Test
    void the_conversion_and_ignored_price_forms_hledger_reads_are_read() throws Exception {
        // every form here is read by hledger 1.25 (checked by hand: C with a comment, without spaces around =, with a
        // price on either side, with text after the second amount; N with a quoted symbol or text after it)
        Path journal = write("forms.journal", """
                C 1.00 EUR = 1.20 USD
                C 1 EUR = 1.20 USD ; comment
                C 1 EUR=1.20 USD
                C 1.00 EUR = 1.20 USD junk
                C 1 EUR @ 2 USD = 3 USD
                C 1 EUR = 3 USD @ 2 X
                C 1,000.00 EUR = 1,20 USD
                C 1 EUR = 3 USD;c
                N EUR
                N EUR junk
                N "A B"

                2020-01-01 x
                    a  1 EUR
                    b
                """);
        importAndCompare(journal, ledger(), date("2020-01-01"));
    }

    @Test
    void vendored_journals_of_the_corpus_agree_with_hledger() throws Exception {
        // conservancy/npo-ledger-cli (CC0) and cbarrete/tree-sitter-ledger (MIT): ledger files with metadata lines under
        // postings, codes, $-100,000.00, account blocks with note and assert, virtual postings, effective dates
        for (String name : new String[] {"npo-main-org-transactions-with-format-only.journal",
                "ts-misc-virtual-postings-u.journal", "ts-misc-price-effective-date.journal"}) {
            Path journal = folder.resolve(name);
            Files.copy(Path.of("src/test/resources/corpus21/" + name), journal);
            Path ledger = folder.resolve(name + ".ledger");
            importAndCompare(journal, ledger, HledgerAgreement.firstAndLastDates(journal).toArray(java.time.LocalDate[]::new));
        }
    }

    /** Writes {@code text} as {@code name} and checks the import refuses it (hledger or not) naming {@code mentions}. */
    private Path refused(String name, String text, String... mentions) throws Exception {
        Path journal = write(name, text);
        Path ledger = folder.resolve(name + ".ledger");
        JournalImportException refusal = assertThrows(JournalImportException.class, () -> {
            try (SqliteEventStore store = SqliteEventStore.open(ledger)) {
                new JournalImporter(LedgerCommandService.create(store))
                        .importJournal(journal, JournalImporter.Options.defaults(), CommandContext.byUser("alice"),
                                ImportProgress.NONE);
            }
        });
        assertMentions(refusal.getMessage(), mentions);
        assertTrue(!Hledger.isAvailable() || !Hledger.check(journal).succeeded(), "hledger refuses it too");
        return journal;
    }
}
