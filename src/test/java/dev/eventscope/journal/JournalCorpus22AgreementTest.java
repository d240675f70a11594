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
 * What the corpus of session 22 (docs/journals.md, "Session 22 (corpus)") and its brief found, each on the smallest
 * journal that shows it, checked against hledger 1.25 where it is installed (and against what it said, written out
 * here, where it is not).
 */
class JournalCorpus22AgreementTest extends JournalAgreementFixture {

    @Test
    void a_periodic_rule_with_a_period_hledger_cannot_read_is_refused_at_its_line() throws Exception {
        // hledger 1.25 refuses the whole journal for each of these, even without --forecast ("unexpected 'f'",
        // "remainder of period expression cannot be parsed"); until session 22 the import left the rule out with a
        // warning and read the journal
        String[][] unreadable = {
            {"foo", "\"foo\""},
            {"annually", "\"annually\""},
            {"Monthly Rent", "\"Monthly Rent\""}, // one space: the description needs two
            {"every  month", "\"every\""}, // two spaces end the period
            {"weekly on monday", "\"weekly on monday\""},
            {"every 1st", "\"every 1st\""},
            {"every months", "\"every months\""},
            {"monthly from 2024-01-01 until 2025", "until 2025"},
            {"every 25 nov", "\"every 25 nov\""},
            {"2024 2025", "\"2024 2025\""},
        };
        for (int i = 0; i < unreadable.length; i++) {
            String name = "unreadable" + i + ".journal";
            refused(name, "2024-01-01 x\n    a  1\n    b\n\n~ " + unreadable[i][0] + "\n    (budget:rent)  100\n",
                    name + ":5", "periodic transaction", unreadable[i][1], "hledger 1.25 reads");
        }
    }

    @Test
    void a_rule_starting_inside_its_interval_is_refused_also_when_its_start_is_written_another_way() throws Exception {
        // day 21 of any month is no month's first day, nor 15 any year's; a quarter's start in a span read as hledger
        // reads it (until session 22 only a date after the interval's words was looked at: "2024-02..2024-05" was read
        // as 2024, a first day)
        refused("day.journal", "~ monthly 21\n    (a)  1\n", "day.journal:1", "not the first day of a month");
        refused("year.journal", "~ yearly 15\n    (a)  1\n", "year.journal:1", "not the first day of a year");
        refused("span.journal", "~ quarterly 2024-02..2024-05\n    (a)  1\n", "span.journal:1", "2024-02-01",
                "not the first day of a quarter");
        refused("name.journal", "~ yearly from feb\n    (a)  1\n", "name.journal:1", "not the first day of a year");
    }

    @Test
    void the_periods_hledger_reads_are_read() throws Exception {
        // every period here is one hledger 1.25 reads (PeriodExpressionTest holds 392 of them); the rules are left out
        Path journal = write("periods.journal", """
                ~ every weekday  working days
                    (a)  1
                ~ every mon,wed,fri
                    (a)  1
                ~ in 3 days
                    (a)  1
                ~ 3 days ago to today
                    (a)  1
                ~ 2024q1
                    (a)  1
                ~ monthly q1 ; first quarter
                    (a)  1
                ~ every 2nd day of week
                    (a)  1
                ~ every nov 29th from 2009
                    (a)  1
                ~ jan-mar
                    (a)  1
                ~ 2024..2025
                    (a)  1
                ~ every2 months
                    (a)  1
                ~ last days
                    (a)  1
                ~ every 3rd thursday of month to 2009
                    (a)  1
                ~ fortnightly from 2024-01-01
                    (a)  1
                ~ until 2025
                    (a)  1
                ~ EVERY 2 MONTHS  Rent
                    (a)  1

                2024-01-01 x
                    a  1 EUR
                    b
                """);
        importAndCompare(journal, ledger(), date("2024-01-01"));
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
        }, name);
        assertMentions(refusal.getMessage(), mentions);
        assertTrue(!Hledger.isAvailable() || !Hledger.check(journal).succeeded(), "hledger refuses " + name + " too");
        assertTrue(Files.exists(journal));
        return journal;
    }
}
