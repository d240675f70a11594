package dev.eventscope.journal;

import dev.eventscope.application.CommandContext;
import dev.eventscope.application.LedgerCommandService;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.journal.testkit.Hledger;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static dev.eventscope.journal.HledgerAgreement.importAndCompare;
import static dev.eventscope.testing.Texts.assertMentions;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the corpus of session 24 (docs/journals.md, "Session 24 (corpus)") found, each on the smallest journal that
 * shows it, checked against hledger 1.25 where it is installed (and against what it said, written out here, where it
 * is not). The places a report shows at a date, item 1 of the brief, are in {@code cli.BalanceTextPlacesAtDateTest}.
 */
class JournalCorpus24AgreementTest extends JournalAgreementFixture {

    @Test
    void a_rule_posting_amount_hledger_cannot_read_is_refused_though_the_rule_is_left_out() throws Exception {
        // olexsmir/clerk's parser case "automated transaction" (MIT): hledger 1.25 reads a rule's postings as it reads a
        // transaction's, with or without --auto, and refuses the journal at "(amount * 0.5)" ("unexpected '*'
        // expecting '+', '-', or number", line 3). Until session 24 the import left the rule out unread and
        // imported the journal; with --auto it refused it already.
        refused("expr.journal", "= income:salary\n    budget:savings  *0.5\n    budget:more  (amount * 0.5)\n",
                "expr.journal:3", "(amount * 0.5)");
        // the same in a periodic rule, and amounts hledger cannot read there: two amounts, words, a multiplier
        refused("pexpr.journal", "~ monthly\n    budget  (amount * 0.5)\n    x\n", "pexpr.journal:2", "periodic");
        refused("ptwo.journal", "2024-01-01 x\n    a  $1\n    b\n\n~ monthly\n    budget  $1 $2\n    x\n", "ptwo.journal:6");
        refused("pwords.journal", "~ monthly\n    ; a comment\n    budget  abc def\n    x\n", "pwords.journal:3");
        refused("pmult.journal", "~ monthly\n    budget  *2\n    x\n", "pmult.journal:2");
        refused("atwo.journal", "= expenses\n    budget  $1 $2\n", "atwo.journal:2", "automated");
    }

    @Test
    void rule_postings_hledger_reads_are_read_and_the_rules_left_out() throws Exception {
        // hledger 1.25 reads each of these rules' postings (and leaves the rules out of balances without --auto and
        // --forecast): no amount, a price, an assertion, a lot, a multiplier with a commodity, a status mark, comments
        Path journal = write("rules.journal", """
                commodity 1.000,00 EUR

                = expenses
                    (budget)
                    budget:a  $1 @ 2 EUR
                    budget:b  $1 = $5  ; an assertion
                    budget:c  *0.5 USD
                    budget:d  1,5 EUR
                    ; a comment

                ~ monthly from 2024-01
                    * expenses:rent  1 AAA {$2} @ $3
                    expenses:food  $1 == $1
                    (budget)
                    assets  -1.234,50 EUR

                2024-01-01 x
                    expenses:a  $1
                    assets
                """);
        importAndCompare(journal, ledger(), date("2024-01-01"));
    }

    /** Writes {@code text} as {@code name} and checks the import refuses it (hledger or not) naming {@code mentions}. */
    private void refused(String name, String text, String... mentions) throws Exception {
        Path journal = write(name, text);
        Path ledger = folder.resolve(name + ".ledger");
        JournalImportException refusal = assertThrows(JournalImportException.class, () -> {
            try (SqliteEventStore store = SqliteEventStore.open(ledger)) {
                new JournalImporter(LedgerCommandService.create(store))
                        .importJournal(journal, JournalImporter.Options.defaults(), CommandContext.byUser("alice"),
                                ImportProgress.NONE);
            }
        }, name);
        assertMentions(refusal.getMessage(), mentions);
        if (Hledger.isAvailable()) {
            dev.eventscope.journal.testkit.HledgerRun checked = Hledger.run(List.of("-f", journal.toString(), "bal"));
            assertTrue(!checked.succeeded(), "hledger refuses " + name + " too");
            assertMentions(checked.standardError(), mentions[0]);
        }
    }
}
