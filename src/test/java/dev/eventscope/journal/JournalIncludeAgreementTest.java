package dev.eventscope.journal;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.eventscope.journal.HledgerAgreement.importAndCompare;
import static dev.eventscope.journal.HledgerAgreement.ours;
import static dev.eventscope.testing.Texts.assertMentions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * include, alias and apply account (issue 12, A and E), each on a small journal written for it: the imported
 * ledger's balances equal {@code hledger bal} at the end and at two cut-off dates ({@code --as-of D} inclusive
 * is hledger's {@code -e D+1}).
 */
class JournalIncludeAgreementTest extends JournalAgreementFixture {

    @Nested
    @DisplayName("include")
    class Includes {

        @Test
        void follows_includes_relative_to_the_including_file_with_globs_in_sorted_order() throws Exception {
            write("books/sub/commodities.journal", "commodity 1,000.00 \"ball bearings\"\n");
            write("books/sub/b.journal", "2025-02-03 second by name\n    assets:k  2 EUR\n    equity\n");
            write("books/sub/a.journal", "2025-02-01 first by name\n    assets:k  1,5 EUR\n    equity\n");
            write("books/year.journal", "Y 2024\ndecimal-mark ,\n1/5 child's year\n    assets:y  1.000 EUR\n    equity\n");
            Path journal = write("books/main.journal", """
                    include sub/commodities.journal
                    2025-01-01 bearings
                        assets:a  1,000 "ball bearings"
                        equity
                    include sub/*.journal
                    include year.journal
                    2025-03-01 the child's decimal mark stays in the child
                        assets:a  1.000 EUR
                        equity
                    """);
            ImportSummary summary = importAndCompare(journal, ledger(), date("2025-01-31"), date("2025-02-02"));
            assertEquals(new BigDecimal("1000"), ours(ledger(), null).get("assets:a").get("ball bearings"));
            assertEquals(new BigDecimal("1"), ours(ledger(), null).get("assets:a").get("EUR"));
            assertEquals(5, summary.entries());
        }

        @Test
        void a_double_star_matches_no_folder_too() throws Exception {
            write("deep/top.journal", "2025-01-01 top\n    assets:a  1\n    equity\n");
            write("deep/sub/inner.journal", "2025-01-02 inner\n    assets:b  2\n    equity\n");
            Path journal = write("deep/main.ledger", "include **/*.journal\n");
            ImportSummary summary = importAndCompare(journal, ledger(), date("2025-01-01"), date("2025-01-02"));
            assertEquals(2, summary.entries());
        }

        @Test
        void an_include_loop_is_refused_naming_the_line() throws Exception {
            write("loop/b.journal", "2025-01-02 x\n    a  1\n    b\n\ninclude a.journal\n");
            Path journal = write("loop/a.journal", "; the loop\ninclude b.journal\n");
            JournalImportException error = assertThrows(JournalImportException.class,
                    () -> importAndCompare(journal, ledger()));
            assertMentions(error.getMessage(), "b.journal:5", "loop");
        }

        @Test
        void a_missing_file_is_refused_naming_the_line() throws Exception {
            Path journal = write("missing.journal", "2025-01-02 x\n    a  1\n    b\n\ninclude nothere/*.journal\n");
            JournalImportException error = assertThrows(JournalImportException.class,
                    () -> importAndCompare(journal, ledger()));
            assertMentions(error.getMessage(), "missing.journal:5", "no existing file matches");
            assertTrue(Files.notExists(ledger()) || ours(ledger(), null).isEmpty());
        }

        @Test
        void a_tilde_is_the_home_folder() throws Exception {
            write("home/ledgers/2025.journal", "2025-01-02 x\n    a  1\n    b\n");
            String home = System.getProperty("user.home");
            System.setProperty("user.home", folder.resolve("home").toString());
            try {
                assertEquals(List.of(folder.resolve("home/ledgers/2025.journal").toRealPath()),
                        IncludeResolver.resolve("~/ledgers/*.journal", folder, "main.journal", 1).stream()
                                .map(path -> {
                                    try {
                                        return path.toRealPath();
                                    } catch (java.io.IOException e) {
                                        throw new java.io.UncheckedIOException(e);
                                    }
                                }).toList());
            } finally {
                System.setProperty("user.home", home);
            }
        }
    }

    @Nested
    @DisplayName("alias and apply account")
    class Renaming {

        @Test
        void rename_accounts_as_hledger_does() throws Exception {
            write("renamed/child.journal", "alias expenses = leaks:not\n2025-01-08 child\n    cash  2\n    bank  -2\n");
            Path journal = write("renamed/main.journal", """
                    alias checking = assets:bank:checking
                    alias /^exp(enses)?:/ = expenses:
                    alias expenses:food = expenses:groceries
                    2025-01-01 plain, regex and most recent first
                        checking  10
                        exp:food  -4
                        expenses:food:x  -6
                    apply account assets
                    2025-01-05 prefixed
                        cash  1
                        bank  -1
                    apply account sub
                    2025-01-06 nested prefixes
                        x  1
                        y  -1
                    end apply account
                    include child.journal
                    end apply account
                    end aliases
                    2025-01-09 no more aliases
                        expenses:food  1
                        assets:bank
                    """);
            importAndCompare(journal, ledger(), date("2025-01-04"), date("2025-01-06"));
            assertEquals(new BigDecimal("-3"), ours(ledger(), null).get("expenses:food").get(""));
            assertEquals(new BigDecimal("3"), ours(ledger(), null).get("assets:cash").get(""));
        }
    }
}
