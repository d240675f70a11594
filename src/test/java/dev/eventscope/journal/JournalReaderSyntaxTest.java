package dev.eventscope.journal;

import dev.eventscope.domain.ledger.PostingKind;
import static dev.eventscope.journal.JournalText.amount;
import static dev.eventscope.journal.JournalText.only;
import static dev.eventscope.journal.JournalText.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("reading journal syntax")
class JournalReaderSyntaxTest {

    private static final String[] POSTINGS = {"    expenses:food    5 EUR", "    assets:cash"};

    private static String[] withPostings(String header) {
        return new String[] {header, POSTINGS[0], POSTINGS[1]};
    }

    @Nested
    @DisplayName("dates")
    class Dates {

        @Test
        void dashes() {
            assertEquals(LocalDate.of(2024, 3, 7), only(withPostings("2024-03-07 lunch")).date());
        }

        @Test
        void slashes() {
            assertEquals(LocalDate.of(2024, 3, 7), only(withPostings("2024/03/07 lunch")).date());
        }

        @Test
        void dots() {
            assertEquals(LocalDate.of(2024, 3, 7), only(withPostings("2024.03.07 lunch")).date());
        }

        @Test
        void oneDigitMonthAndDay() {
            assertEquals(LocalDate.of(2024, 3, 7), only(withPostings("2024/3/7 lunch")).date());
        }

        @Test
        void secondaryDateTakesTheYearOfThePrimaryWhenItHasNone() {
            JournalTransaction transaction = only(withPostings("2024-03-07=03-09 lunch"));
            assertEquals(LocalDate.of(2024, 3, 9), transaction.secondaryDate());
        }

        @Test
        void secondaryDateWithYear() {
            assertEquals(LocalDate.of(2025, 1, 2), only(withPostings("2024-12-30=2025-01-02 lunch")).secondaryDate());
        }

        @Test
        void noSecondaryDate() {
            assertNull(only(withPostings("2024-03-07 lunch")).secondaryDate());
        }

        @Test
        void yearDirectiveCompletesShortDates() {
            JournalText text = read("Y 2023", "", "3/7 lunch", POSTINGS[0], POSTINGS[1]);
            assertEquals(LocalDate.of(2023, 3, 7), text.transactions().get(0).date());
        }
    }

    @Nested
    @DisplayName("status, code and description")
    class Header {

        @Test
        void clearedStatusCodeAndDescription() {
            JournalTransaction transaction = only(withPostings("2024-01-01 * (INV-42) Bakery | bread"));
            assertEquals(Status.CLEARED, transaction.status());
            assertEquals("INV-42", transaction.code());
            assertEquals("Bakery | bread", transaction.description());
        }

        @Test
        void pendingStatus() {
            assertEquals(Status.PENDING, only(withPostings("2024-01-01 ! Bakery")).status());
        }

        @Test
        void noStatusNoCode() {
            JournalTransaction transaction = only(withPostings("2024-01-01 Bakery"));
            assertEquals(Status.UNMARKED, transaction.status());
            assertEquals("", transaction.code());
        }

        @Test
        void emptyDescription() {
            assertEquals("", only(withPostings("2024-01-01")).description());
        }

        @Test
        void postingStatus() {
            JournalTransaction transaction = only("2024-01-01 x", "    * a  1 EUR", "    ! b  -1 EUR");
            assertEquals(List.of(Status.CLEARED, Status.PENDING),
                    transaction.postings().stream().map(JournalPosting::status).toList());
        }
    }

    @Nested
    @DisplayName("comments and tags")
    class Comments {

        @Test
        void topLevelCommentLinesAndBlocksAreSkipped() {
            JournalText text = read("; semicolon", "# hash", "* star", "comment", "2024-01-01 not a transaction",
                    "    a  1", "end comment", "2024-01-02 real", POSTINGS[0], POSTINGS[1]);
            assertEquals(1, text.transactions().size());
            assertEquals("real", text.transactions().get(0).description());
            assertEquals(List.of(), text.warnings);
        }

        @Test
        void commentAfterTheTransactionLineAndIndentedBelowIt() {
            JournalTransaction transaction = only("2024-01-01 x  ; first", "    ; second", POSTINGS[0], POSTINGS[1]);
            assertEquals("first\nsecond", transaction.comment());
        }

        @Test
        void commentAfterAPostingAndIndentedBelowIt() {
            JournalTransaction transaction = only("2024-01-01 x", "    a  1 EUR  ; on the line",
                    "      ; below it", "    b");
            assertEquals("on the line\nbelow it", transaction.postings().get(0).comment());
            assertEquals("", transaction.postings().get(1).comment());
        }

        @Test
        void tagsWithValuesUpToAComma() {
            JournalTransaction transaction = only("2024-01-01 x  ; trip: paris 2024, billable:, note text",
                    "    ; client:acme", POSTINGS[0], POSTINGS[1]);
            assertEquals(List.of(new Tag("trip", "paris 2024"), new Tag("billable", ""), new Tag("client", "acme")),
                    transaction.tags());
        }

        @Test
        void tagsOnAPosting() {
            JournalTransaction transaction = only("2024-01-01 x", "    a  1 EUR  ; receipt: 17", "    b");
            assertEquals(List.of(new Tag("receipt", "17")), transaction.postings().get(0).tags());
            assertEquals(List.of(), transaction.tags());
        }

        @Test
        void aCommentWithoutTagsHasNone() {
            assertEquals(List.of(), only("2024-01-01 x  ; just words", POSTINGS[0], POSTINGS[1]).tags());
        }
    }

    @Nested
    @DisplayName("postings")
    class Postings {

        @Test
        void indentedByATab() {
            // two tabs (or a space and a tab) end the account name; one tab alone is a space in it, as in hledger 1.25
            JournalTransaction transaction = only("2024-01-01 x", "\tassets:cash\t\t5 EUR", "\tincome \t-5 EUR",
                    "\tequity\topening");
            assertEquals("assets:cash", transaction.postings().get(0).account());
            assertEquals(amount("5", "EUR"), transaction.postings().get(0).amount());
            assertEquals(amount("-5", "EUR"), transaction.postings().get(1).amount());
            assertEquals("equity opening", transaction.postings().get(2).account());
        }

        @Test
        void accountNamesMayHoldSingleSpacesAndUnicode() {
            JournalTransaction transaction = only("2024-01-01 x", "    Aktiva:Girokonto Sparkasse ÄÖÜ  5 €",
                    "    Erträge:Gehalt März");
            assertEquals("Aktiva:Girokonto Sparkasse ÄÖÜ", transaction.postings().get(0).account());
            assertEquals("Erträge:Gehalt März", transaction.postings().get(1).account());
        }

        @Test
        void theAccountNameEndsAtTwoSpacesNotOne() {
            JournalTransaction transaction = only("2024-01-01 x", "    a  5 EUR", "    b ; not a comment");
            assertEquals("b ; not a comment", transaction.postings().get(1).account());
        }

        @Test
        void unbalancedVirtualPostingsAreKeptOutOfTheBalance() {
            JournalTransaction transaction = only("2024-01-01 x", "    a  5 EUR", "    b  -5 EUR", "    (budget:food)  -5 EUR");
            JournalPosting virtual = transaction.postings().get(2);
            assertEquals(PostingKind.VIRTUAL, virtual.kind());
            assertEquals("budget:food", virtual.account());
        }

        @Test
        void balancedVirtualPostingsBalanceAmongThemselves() {
            JournalTransaction transaction = only("2024-01-01 x", "    a  5 EUR", "    b", "    [savings]  10 EUR",
                    "    [checking]");
            assertEquals(PostingKind.BALANCED_VIRTUAL, transaction.postings().get(3).kind());
            assertEquals(amount("-10", "EUR"), transaction.postings().get(3).amount());
            assertEquals(amount("-5", "EUR"), transaction.postings().get(1).amount());
        }

        @Test
        void aBlankLineEndsTheTransaction() {
            JournalText text = read("2024-01-01 x", POSTINGS[0], POSTINGS[1], "   ", "2024-01-02 y", POSTINGS[0], POSTINGS[1]);
            assertEquals(2, text.transactions().size());
        }

        @Test
        void theLocationIsTheFirstLine() {
            JournalText text = read("; header", "", "2024-01-01 x", POSTINGS[0], POSTINGS[1]);
            assertEquals(new SourceLocation("test.journal", 3), text.transactions().get(0).location());
        }
    }
}
