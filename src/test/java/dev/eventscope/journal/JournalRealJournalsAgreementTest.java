package dev.eventscope.journal;

import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.journal.testkit.Hledger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static dev.eventscope.journal.HledgerAgreement.importAndCompare;
import static dev.eventscope.testing.Texts.assertMentions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the corpus of real public journals (docs/journals.md, "How it is checked") found, each on a small journal
 * written for it: the imported ledger's balances equal {@code hledger bal} at the end and at two cut-off dates, the
 * export gives the same {@code hledger bal}, and what hledger refuses is refused naming the line.
 */
class JournalRealJournalsAgreementTest extends JournalAgreementFixture {

    @Test
    void negative_unit_and_total_costs_are_read_as_hledger_reads_them() throws Exception {
        // hledger's own test of cost signs (hledger/test/journal/costs.test): a total cost keeps its own sign
        Path journal = write("negative-costs.journal", """
                2022-01-01 Positive unit cost
                    a        A 1
                    b        B -1 @ A 1
                2022-01-01 Positive total cost
                    a        A 1
                    b        B -1 @@ A 1
                2022-01-02 Negative unit cost
                    a        A 1
                    b        B 1 @ A -1
                2022-01-02 Negative total cost
                    a        A 1
                    b        B 1 @@ A -1
                2022-01-03 Double negative unit cost
                    a        A -1
                    b        B -1 @ A -1
                2022-01-03 Double negative total cost
                    a        A -1
                    b        B -1 @@ A -1
                2022-01-04 Negative total cost with an elided amount
                    b        B 2 @@ A -3
                    a
                """);
        importAndCompare(journal, ledger(), date("2022-01-01"), date("2022-01-03"));
        assertEquals(Hledger.balancesAtEnd(journal), Hledger.balancesAtEnd(export()));
    }

    @Test
    void a_decimal_mark_directive_wins_over_the_commodity_directive_also_in_an_included_file() throws Exception {
        // hledger/test/journal/directive-decimal-mark.test: -199,00 RUB in the included file is -199
        write("commas.journal", """
                decimal-mark ,
                2021-05-01 YANDEX.PLUS
                    Assets:Yandex            -199,00 RUB
                    Expenses:Unknown:RUB
                """);
        Path journal = write("main.journal", """
                commodity 1000.00 RUB
                include commas.journal
                2021-05-19 MTS Phone
                    Assets:Yandex         -100.5 RUB
                    Expenses:Phone         100.5 RUB
                decimal-mark ,
                2021-06-01 in the same file, after the commodity directive
                    Assets:Yandex         -1,5 RUB
                    Expenses:Phone
                """);
        importAndCompare(journal, ledger(), date("2021-05-01"), date("2021-05-20"));
        assertEquals(Hledger.balancesAtEnd(journal), Hledger.balancesAtEnd(export()));
    }

    @Test
    void a_commodity_directive_without_a_decimal_mark_is_refused_as_hledger_refuses_it() throws Exception {
        for (String declaration : new String[] {"commodity 1000 EUR", "commodity 1 000 EUR",
                "decimal-mark ,\ncommodity 1000.00 RUB"}) {
            Path journal = write("no-mark.journal", declaration + "\n2021-01-01\n    a  1 EUR\n    b\n");
            assertFalse(Hledger.isAvailable() && Hledger.check(journal).succeeded(), "hledger refuses " + declaration);
            JournalImportException refused = assertThrows(JournalImportException.class,
                    () -> importAndCompare(journal, ledger()));
            assertMentions(refused.getMessage(), "no-mark.journal:" + declaration.lines().count(), "decimal mark");
        }
    }

    @Test
    void indented_comment_lines_at_the_top_level_may_start_with_a_star() throws Exception {
        // hledger/test/journal/comments.test: file comments need not start in column 0
        Path journal = write("comments.journal", """
                ; file comments, ignored
                # file comment using a hash
                * file comment using a star (org node)
                 ; file comments need not
                 # start in
                 * column 0

                2009/1/1 x ; transaction same line comment
                      ; transaction new line comment
                    a  1  ; posting 1 same line comment
                    ; posting 1 new line comment
                    a:b
                      ; posting 2 new line comment

                 * a star line after the transaction, with a blank line before it: a comment

                2009/1/2 y
                    a  2
                    b
                """);
        assertTrue(Hledger.check(journal).succeeded() || !Hledger.isAvailable(), "hledger reads it");
        importAndCompare(journal, ledger(), date("2009-01-01"));
    }

    @Test
    void numbers_with_more_decimal_places_than_hledgers_json_shows_are_kept_exactly() throws Exception {
        // hledger/test/journal/numbers.test: hledger reads every place (its text output shows them); its JSON
        // output rounds to 10 places, which the corpus comparison allows for
        Path journal = write("long.journal", """
                2021-01-01
                    (a)      -0.12345678901234567890123456 EUR
                2021-01-02
                    b      1.00000000005 EUR
                    c
                """);
        try (SqliteEventStore store = SqliteEventStore.open(ledger())) {
            new JournalImporter(dev.eventscope.application.LedgerCommandService.create(store)).importJournal(journal,
                    JournalImporter.Options.defaults(), dev.eventscope.application.CommandContext.byUser("alice"),
                    ImportProgress.NONE);
        }
        Map<String, Map<String, BigDecimal>> ours = HledgerAgreement.ours(ledger(), null);
        assertEquals(new BigDecimal("-0.12345678901234567890123456"), ours.get("a").get("EUR"));
        assertEquals(new BigDecimal("1.00000000005"), ours.get("b").get("EUR"));
        if (Hledger.isAvailable()) {
            assertEquals(Hledger.balancesAtEnd(journal), Hledger.asJsonShowsThem(ours));
            assertTrue(Hledger.run(java.util.List.of("-f", journal.toString(), "print")).standardOutput()
                    .contains("-0.12345678901234567890123456 EUR"), "hledger reads every place");
        }
    }

    @Test
    void crlf_line_endings_tabs_trailing_spaces_and_very_long_lines_read_as_hledger_reads_them() throws Exception {
        String longDescription = "a description ".repeat(1500);
        String longAccount = "expenses:" + "x".repeat(400) + ":" + "y".repeat(400);
        String text = "commodity $1,000.00\t; a tab before the comment   \n"
                + "2024-01-01 * (#1) " + longDescription + "   ; " + "comment ".repeat(1000) + "\n"
                + "\t" + longAccount + "\t\t$1,234.50   \n"
                + "    assets:checking   \n"
                + "\n"
                + "2024-02-01 second\t\n"
                + "    assets:checking \t$-0.50 = $-1,235.00\n"
                + "    income:misc\n";
        Path journal = write("crlf.journal", text.replace("\n", "\r\n"));
        assertTrue(Hledger.check(journal).succeeded() || !Hledger.isAvailable(), "hledger reads it");
        importAndCompare(journal, ledger(), date("2024-01-01"), date("2024-01-31"));
        assertEquals(Hledger.balancesAtEnd(journal), Hledger.balancesAtEnd(export()));
    }

    @Test
    void one_tab_between_account_and_amount_is_a_space_in_the_name_as_in_hledger() throws Exception {
        // hledger 1.25 reads "a<TAB>5" as the account "a 5" with no amount (its balance 5 is inferred)
        Path journal = write("tab.journal", "2024-01-01\n    a\t5\n    b  -5\n2024-01-02\n\ta\t\t5\n\tb \t-5\n\tc\t \t0\n");
        if (Hledger.isAvailable()) {
            assertEquals(BigDecimal.valueOf(5), Hledger.balancesAtEnd(journal).get("a 5").get(""));
        }
        importAndCompare(journal, ledger(), date("2024-01-01"));
        assertEquals(Hledger.balancesAtEnd(journal), Hledger.balancesAtEnd(export()));
    }

    @Test
    void an_alias_that_empties_an_account_name_is_refused_naming_the_posting_line() throws Exception {
        // hledger/test/account-aliases.test 16: hledger 1.25 keeps a posting with an empty account name (#1788)
        Path journal = write("erase.journal", "alias /a:.*/=\n2021-01-01\n  a:aa     1\n  b\n");
        assertTrue(Hledger.check(journal).succeeded() || !Hledger.isAvailable(), "hledger reads it");
        JournalImportException refused = assertThrows(JournalImportException.class,
                () -> importAndCompare(journal, ledger()));
        assertMentions(refused.getMessage(), "erase.journal:3", "a:aa", "empty name");
    }

    @Test
    void include_of_dev_null_reads_as_an_empty_file_as_in_hledger() throws Exception {
        // hledger's journal cheatsheet (hledger/test/ledger-compat/syntax/hledger-main.test) holds "include /dev/null"
        Path journal = write("devnull.journal", """
                include /dev/null
                payee Whole Foods
                    ; a comment line under a payee directive
                tag receipt
                  ; and under a tag directive
                ~ monthly    budget goals  ; a periodic transaction, left out as hledger leaves it out
                    expenses:food       $400
                    budgeted
                2022-01-01 Whole Foods | payee and note  ; tag1:
                    expenses:food              $50
                    assets:checking           $-50
                     ; date:2022-01-03, the checking posting cleared two days later.
                2022.01.02 dots
                    assets:pouch                10 gold
                    revenues:gifts              -2 "Liquorice Wands"
                    assets:bag                   2 "Liquorice Wands"
                    assets:gringotts           -10 gold
                """);
        assertTrue(Hledger.check(journal).succeeded() || !Hledger.isAvailable(), "hledger reads it");
        importAndCompare(journal, ledger(), date("2022-01-01"), date("2022-01-02"));
    }

    @Test
    void lines_hledger_refuses_that_the_import_used_to_read_are_refused_naming_the_line() throws Exception {
        // from hledger's tests: balance-assertions.test 12, posting-dates.test 2 and 4, scientific.test 6; comment
        // lines under payee and tag directives stay allowed (include_of_dev_null_reads_as_an_empty_file_as_in_hledger)
        Map<String, String> refusedLines = new java.util.LinkedHashMap<>();
        refusedLines.put("2013/1/1\n  a    $1  =$1\n  b         =$-1  ; date:2012/1/1\n", "3: this balance assignment");
        refusedLines.put("2000/1/1\n   a  1   ; date: 3.32\n   b\n", "2: \"3.32\"");
        refusedLines.put("2000/1/2\n   a  1   ; [1/1=1/2/3/4] bad second date\n   b\n", "2: \"1/2/3/4\"");
        refusedLines.put("2018/1/1\n   (a)  1,000.5e-1\n", "2: \"1,000.5e-1\" is not an amount");
        // ledger's test/baseline/dir-payee.test and dir-tag.test: sub-directives hledger 1.25 does not read
        refusedLines.put("payee KFC\n    alias Kentucky Fried Chicken\n2012-03-25 * KFC\n    A  10\n    B\n",
                "2: \"alias Kentucky Fried Chicken\" under the payee directive");
        refusedLines.put("tag Happy\n    check value == 'Valley'\n2012-02-27 * KFC\n    A  10\n    B\n",
                "2: \"check value == 'Valley'\" under the tag directive");
        for (Map.Entry<String, String> example : refusedLines.entrySet()) {
            Path journal = write("refused.journal", example.getKey());
            assertFalse(Hledger.isAvailable() && Hledger.check(journal).succeeded(), "hledger refuses " + example.getKey());
            JournalImportException refused = assertThrows(JournalImportException.class,
                    () -> importAndCompare(journal, ledger()), example.getKey());
            assertMentions(refused.getMessage(), "refused.journal:" + example.getValue());
        }
    }

    @Test
    void timeclock_timedot_and_csv_files_are_refused_with_how_to_convert_them() throws Exception {
        Path timeclock = write("work.timeclock", "i 2024-01-01 09:00:00 work:project  meeting\no 2024-01-01 10:30:00\n");
        Path timedot = write("work.timedot", "2024-01-01\nfos.haskell  .... ..\n");
        Path csv = write("bank.csv", "date,amount\n2024-01-01,5\n");
        for (Path file : new Path[] {timeclock, timedot, csv}) {
            JournalImportException refused = assertThrows(JournalImportException.class,
                    () -> importAndCompare(file, ledger()));
            assertMentions(refused.getMessage(), file.getFileName() + ":1", "hledger -f " + file.getFileName() + " print");
            assertFalse(Files.exists(ledger()) && !HledgerAgreement.ours(ledger(), null).isEmpty(), "nothing written");
        }
        Path including = write("with-timeclock.journal", "2024-01-02\n    a  1\n    b\ninclude work.timeclock\n");
        assertTrue(Hledger.check(including).succeeded() || !Hledger.isAvailable(), "hledger reads the include");
        JournalImportException refused = assertThrows(JournalImportException.class,
                () -> importAndCompare(including, ledger()));
        assertMentions(refused.getMessage(), "with-timeclock.journal:4", "names work.timeclock, and work.timeclock is a"
                + " timeclock file", "print");
    }

    @Test
    void ledger_forms_that_hledger_reads_are_imported_as_hledger_reads_them() throws Exception {
        // the corpus of session 13: apauley/hledger-flow's generated !include tree, ledger's test/regress 1038 (Y2014),
        // 1046 and 1050 (virtual costs (@) and (@@)) and 1091 (a line holding only a no-break space)
        write("savings.journal", "2017-12-28 Savings Account Opening Balance\n    assets:savings   R2000.00\n"
                + "    equity:opening\n");
        Path journal = write("ledger-forms.journal", """
                ### Generated by hledger-makeitso - DO NOT EDIT ###
                !include savings.journal
                !account assets:bank
                !alias cash=assets:cash
                Y2014

                04/13 Bank
                    Expenses:Loan          $400
                    cash
                 
                2014-05-01 * Test 1
                    A                  1.00 GBP (@) 1.23 EUR
                    B                 -1.23 EUR

                2014-05-02 * Test 2
                    A                  1.00 GBP (@@) 1.25 EUR
                    assets:bank
                """);
        assertTrue(Hledger.check(journal).succeeded() || !Hledger.isAvailable(), "hledger reads it");
        importAndCompare(journal, ledger(), date("2014-04-13"), date("2014-05-01"));
        assertEquals(Hledger.balancesAtEnd(journal), Hledger.balancesAtEnd(export()));
    }

    @Test
    void commodity_sub_directives_other_than_format_are_refused_as_hledger_refuses_them() throws Exception {
        // ledger's test/baseline/dir-commodity-alias.test: ledger reads USD as $ (25 $ in A); hledger 1.25 refuses the
        // line, and the import used to skip it with a warning, giving $10 and 15 USD, a number neither would give
        Path journal = write("commodity-alias.journal", """
                commodity $
                    ; a comment line is fine
                    alias USD

                2012-03-12 * $
                    A    $10.00
                    B

                2012-03-12 * USD
                    A     15.00 USD
                    B
                """);
        assertFalse(Hledger.isAvailable() && Hledger.check(journal).succeeded(), "hledger refuses it");
        JournalImportException refused = assertThrows(JournalImportException.class,
                () -> importAndCompare(journal, ledger()));
        assertMentions(refused.getMessage(), "commodity-alias.journal:3", "alias USD", "only format");
        assertFalse(Files.exists(ledger()) && !HledgerAgreement.ours(ledger(), null).isEmpty(), "nothing written");
    }

    @Test
    void brackets_inside_a_virtual_postings_brackets_are_taken_off_as_hledger_takes_them_off() throws Exception {
        // the corpus of session 14: hledger/test/journal/parens-in-account-name.test 2. hledger 1.25 takes off up to
        // three pairs of brackets around a virtual posting's account (the outer pair gives the kind); the import took
        // off one and gave [(b:bb)] the account "(b:bb)" where hledger's balance is in "b:bb"
        Path journal = write("nested.journal", """
                2023-01-01
                  [(b:bb)]   1
                  [b:[bbb]]
                  (((a)))    5
                  [([c])]    2
                  [d]       -2
                """);
        if (Hledger.isAvailable()) {
            assertEquals(BigDecimal.ONE, Hledger.balancesAtEnd(journal).get("b:bb").get(""));
        }
        importAndCompare(journal, ledger(), date("2023-01-01"));
        assertEquals(Hledger.balancesAtEnd(journal), Hledger.balancesAtEnd(export()));
        // a name still in brackets after that ([([(a)])] is the account "(a)") would be written back as [(a)], which
        // hledger reads as "a": refused naming the line
        Path still = write("still.journal", "2023-01-01\n  [([(a)])]  1\n  [b]\n");
        assertTrue(Hledger.check(still).succeeded() || !Hledger.isAvailable(), "hledger reads it");
        JournalImportException refused = assertThrows(JournalImportException.class,
                () -> importAndCompare(still, folder.resolve("still.ledger")));
        assertMentions(refused.getMessage(), "still.journal:2", "\"(a)\"", "rename the account");
    }

    @Test
    void a_named_pipe_as_an_include_is_refused_naming_the_line_instead_of_waiting_for_a_writer() throws Exception {
        // the adversarial input of session 14: "include pipe.fifo" waited for ever, also with a writer feeding the pipe
        // (so on the old code this test waits rather than fails), and "include /dev/zero" ran out of memory; a pipe, a
        // device or a socket is refused naming the include line, the null device aside (it reads as empty, above)
        Path fifo = folder.resolve("pipe.fifo");
        Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo works");
        Path journal = write("pipe.journal", "2024-01-01\n  a  1\n  b\ninclude pipe.fifo\n");
        JournalImportException refused = assertThrows(JournalImportException.class,
                () -> importAndCompare(journal, ledger()));
        assertMentions(refused.getMessage(), "pipe.journal:4", "pipe.fifo", "not a regular file");
        assertFalse(Files.exists(ledger()) && !HledgerAgreement.ours(ledger(), null).isEmpty(), "nothing written");
        if (Files.exists(Path.of("/dev/zero"))) {
            Path zero = write("zero.journal", "2024-01-01\n  a  1\n  b\ninclude /dev/zero\n");
            assertMentions(assertThrows(JournalImportException.class, () -> importAndCompare(zero,
                    folder.resolve("zero.ledger"))).getMessage(), "zero.journal:4", "/dev/zero", "not a regular file");
            assertMentions(assertThrows(JournalImportException.class, () -> importAndCompare(Path.of("/dev/zero"),
                    folder.resolve("device.ledger"))).getMessage(), "zero:1", "/dev/zero", "not a regular file");
        }
    }

    @Test
    void an_include_glob_that_cannot_be_read_is_refused_naming_the_line() throws Exception {
        // the corpus of session 14: hledger/test/journal/include.test 4, "include [.journal", which hledger refuses;
        // the import stopped with the glob library's own three-line message ("Missing ']' near index 8")
        Path journal = write("glob.journal", "2024-01-01\n  a  1\n  b\ninclude [.journal\n");
        assertFalse(Hledger.isAvailable() && Hledger.check(journal).succeeded(), "hledger refuses it");
        JournalImportException refused = assertThrows(JournalImportException.class,
                () -> importAndCompare(journal, ledger()));
        assertMentions(refused.getMessage(), "glob.journal:4", "[.journal", "not a glob");
    }
}
