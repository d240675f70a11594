package dev.eventscope.journal;

import dev.eventscope.application.CommandContext;
import dev.eventscope.application.LedgerCommandService;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.journal.testkit.Hledger;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;

import static dev.eventscope.journal.HledgerAgreement.importAndCompare;
import static dev.eventscope.testing.Texts.assertMentions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the corpus of session 23 (docs/journals.md, "Session 23 (corpus)") and its brief found, each on the smallest
 * journal that shows it, checked against hledger 1.25 where it is installed (and against what it said, written out
 * here, where it is not).
 */
class JournalCorpus23AgreementTest extends JournalAgreementFixture {

    @Test
    void a_weekly_rule_from_a_month_name_is_refused_in_a_year_whose_first_of_january_is_no_monday() throws Exception {
        // hledger 1.25 fixes "jan" (and 1/1, q1, today, in 3 days...) from 1 January of the Y year in force, and refuses
        // the whole journal when the rule's start is no first day of its interval, even without --forecast:
        // "Unable to generate transactions according to "weekly from jan" because 2023-01-01 is not a first day of the
        // Week". Until session 23 the import left such a start unchecked and read the journal.
        refused("jan2023.journal", "Y 2023\n\n2023-01-02 x\n    a  1\n    b\n\n~ weekly from jan\n    (budget:food)  50\n",
                "jan2023.journal:7", "2023-01-01", "not the first day of a week", "Y year");
        refused("today2025.journal", "Y 2025\n~ weekly today\n    (a)  1\n", "today2025.journal:2", "2025-01-01",
                "not the first day of a week");
        refused("days2024.journal", "Y 2024\n~ monthly in 3 days\n    (a)  1\n", "days2024.journal:2", "2024-01-04",
                "not the first day of a month");
        refused("day2024.journal", "Y 2024\n~ monthly 15\n    (a)  1\n", "day2024.journal:2", "2024-01-15",
                "not the first day of a month");
        refused("span2023.journal", "Y 2023\n~ every 2 weeks from jan to dec  pay\n    (a)  1\n", "span2023.journal:2",
                "2023-01-01", "not the first day of a week");
        refused("month2023.journal", "Y 2023\n~ weekly this month\n    (a)  1\n", "month2023.journal:2", "2023-01-01");
        refused("next2026.journal", "Y 2026\n~ weekly next month\n    (a)  1\n", "next2026.journal:2", "2026-02-01");
        refused("quarter2026.journal", "Y 2026\n~ quarterly dec\n    (a)  1\n", "quarter2026.journal:2", "2026-12-01",
                "not the first day of a quarter");
    }

    @Test
    void the_same_rules_are_read_in_a_year_whose_first_of_january_starts_them() throws Exception {
        // 1 January 2024 is a Monday: hledger reads every rule here, and leaves them out of balances
        Path journal = write("read2024.journal", """
                Y 2024
                ~ weekly from jan
                    (budget:food)  50
                ~ weekly today
                    (a)  1
                ~ every 2 weeks from jan to dec  pay
                    (a)  1
                ~ weekly in 2 weeks
                    (a)  1
                ~ weekly 1 weeks ago
                    (a)  1
                ~ weekly last week
                    (a)  1
                ~ monthly in 1 months
                    (a)  1
                ~ quarterly oct
                    (a)  1
                ~ biweekly q1
                    (a)  1

                2024-01-01 x
                    a  1
                    b
                """);
        importAndCompare(journal, ledger(), date("2024-01-01"));
    }

    @Test
    void a_y_directive_in_an_included_file_does_not_fix_the_including_files_rules() throws Exception {
        // Y stays in the file that sets it (docs/journals.md, directive scope), for rules as for dates: hledger fixes
        // "jan" in main.journal from the current year, not 2024; and a Y before an include holds inside it
        write("y2024.journal", "Y 2024\n");
        Path main = write("main.journal", "include y2024.journal\n~ weekly jan\n    (a)  1\n");
        boolean currentYearStartsOnMonday = LocalDate.of(Year.now().getValue(), 1, 1).getDayOfWeek() == DayOfWeek.MONDAY;
        assertEquals(currentYearStartsOnMonday, imports(main), "the current year's 1 January decides");
        if (Hledger.isAvailable()) {
            assertEquals(Hledger.check(main).succeeded(), imports(main), "hledger 1.25 on the same day");
        }
        write("rule.journal", "~ weekly jan\n    (a)  1\n");
        Path outer = write("outer.journal", "Y 2024\ninclude rule.journal\n\n2024-01-01 x\n    a  1\n    b\n");
        importAndCompare(outer, ledger(), date("2024-01-01"));
    }

    @Test
    void a_space_between_a_symbol_and_its_number_after_a_minus_sign_is_read() throws Exception {
        // a VAT journal's "-£ 20.00" beside "-£100.00" and "£120.00" (talex5/hmrc-vat-mtd-hledger-bridge's example;
        // these lines are written here, not copied), and a posting separated from its amount by tabs
        Path journal = write("vat.journal", "2020-07-01 Invoice\n"
                + "    income:job                -£100.00  ; VAT:20\n"
                + "    liabilities:output-vat    -£ 20.00\n"
                + "\texpenses:goods\t\t\t-£0.01\n"
                + "    assets:receivable          £120.01\n");
        importAndCompare(journal, ledger(), date("2020-07-01"));
    }

    private boolean imports(Path journal) throws Exception {
        Path ledger = folder.resolve(journal.getFileName() + ".ledger");
        try (SqliteEventStore store = SqliteEventStore.open(ledger)) {
            new JournalImporter(LedgerCommandService.create(store))
                    .importJournal(journal, JournalImporter.Options.defaults(), CommandContext.byUser("alice"),
                            ImportProgress.NONE);
            return true;
        } catch (JournalImportException refused) {
            assertMentions(refused.getMessage(), "not the first day of a week");
            return false;
        }
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
        assertTrue(!Hledger.isAvailable() || !Hledger.check(journal).succeeded(), "hledger refuses " + name + " too");
    }
}
