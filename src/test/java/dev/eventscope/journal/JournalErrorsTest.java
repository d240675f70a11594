package dev.eventscope.journal;

import static dev.eventscope.journal.JournalText.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("journals that cannot be read")
class JournalErrorsTest {

    private static JournalParseException failure(String... lines) {
        return assertThrows(JournalParseException.class, () -> read(lines));
    }

    @Nested
    @DisplayName("balancing")
    class Balancing {

        @Test
        void anUnbalancedEntryNamesTheCommodityAndTheAmountItIsOffBy() {
            JournalParseException error = failure("", "2024-01-05 Groceries", "    expenses:food  10.00 EUR",
                    "    assets:cash  -9.50 EUR");
            assertEquals("test.journal:2: the transaction on 2024-01-05 \"Groceries\" does not balance:"
                    + " its postings add up to 0.50 EUR instead of zero", error.getMessage());
            assertEquals("test.journal", error.file());
            assertEquals(2, error.line());
        }

        @Test
        void unbalancedBalancedVirtualPostings() {
            JournalParseException error = failure("2024-01-05 x", "    a  1 EUR", "    b", "    [c]  2 EUR", "    [d]  -1 EUR");
            assertEquals("test.journal:1: the transaction on 2024-01-05 \"x\" does not balance: its balanced virtual"
                    + " postings add up to 1 EUR instead of zero", error.getMessage());
        }

        @Test
        void twoElidedAmounts() {
            JournalParseException error = failure("2024-01-05 x", "    a  1 EUR", "    b", "    c");
            assertEquals("test.journal:4: the transaction on 2024-01-05 \"x\" has more than one posting without an amount"
                    + " (b on line 3 and c on line 4), so neither amount can be inferred", error.getMessage());
        }

        @Test
        void aSingleNonZeroPostingDoesNotBalance() {
            assertEquals(1, failure("2024-01-05 x", "    a  1 EUR").line());
        }
    }

    @Nested
    @DisplayName("balance assignments out of date order are filled in date order, as hledger fills them")
    class AssignmentsOutOfDateOrder {

        private Amount assigned(int transaction, String... lines) {
            return read(lines).transactions().get(transaction).postings().get(0).amount();
        }

        @Test
        void aPostingDatedBeforeAnEarlierAssignmentCountsInIt() {
            // hledger: assets:bank 100, equity -70; filled in file order it would be 130 and -100
            assertEquals(Amount.of("70", "EUR"), assigned(0, "2024-01-10 set", "    assets:bank  = 100 EUR",
                    "    equity:open", "", "2024-01-05 earlier", "    assets:bank  30 EUR", "    income:x"));
        }

        @Test
        void aPostingDatedAfterALaterAssignmentAboveItIsLeftOutOfIt() {
            assertEquals(Amount.of("100", "EUR"), assigned(1, "2024-01-20 later", "    assets:bank  30 EUR",
                    "    income:x", "", "2024-01-10 set", "    assets:bank  = 100 EUR", "    equity:open"));
        }

        @Test
        void anInclusiveAssignmentCountsItsSubaccountsInDateOrder() {
            assertEquals(Amount.of("70", "EUR"), assigned(0, "2024-01-10 set", "    assets  =* 100 EUR",
                    "    equity:open", "", "2024-01-05 earlier", "    assets:bank  30 EUR", "    income:x"));
        }

        @Test
        void aFailedAssertionIsTheFirstInDateOrderNotInFileOrder() {
            JournalParseException error = failure("2024-01-10 b", "    a  1 EUR = 5 EUR", "    x", "",
                    "2024-01-05 a", "    a  1 EUR = 7 EUR", "    x");
            assertEquals(6, error.line());
        }
    }

    @Nested
    @DisplayName("balance assertions")
    class FailedAssertions {

        @Test
        void aFailedAssertionNamesTheAccountExpectedAndActual() {
            JournalParseException error = failure("2024-01-01 x", "    assets:checking  100.00 EUR", "    equity", "",
                    "2024-01-02 y", "    assets:checking  -10.00 EUR = 100.00 EUR", "    expenses");
            assertEquals("test.journal:6: the balance assertion on assets:checking failed: expected 100.00 EUR"
                    + " but the balance is 90.00 EUR", error.getMessage());
            assertEquals(33, error.column());
        }

        @Test
        void aTotalAssertionFailsWhenAnotherCommodityIsHeld() {
            JournalParseException error = failure("2024-01-01 x", "    a  $5", "    b", "",
                    "2024-01-02 y", "    a  10 EUR == 10 EUR", "    b");
            assertEquals("test.journal:6: the total balance assertion on a failed: expected only 10 EUR but the account"
                    + " also holds $5", error.getMessage());
        }

        @Test
        void aFailingAssertionIncludingSubaccounts() {
            assertEquals("test.journal:3: the balance assertion on a and its subaccounts failed: expected 2 EUR but the"
                    + " balance is 3 EUR", failure("2024-01-01 x", "    a:b  2 EUR", "    a  1 EUR =* 2 EUR", "    b")
                    .getMessage());
        }
    }

    @Nested
    @DisplayName("syntax")
    class Syntax {

        @Test
        void anUnparsableAmountGivesItsColumn() {
            JournalParseException error = failure("2024-01-01 x", "    a  12..5 EUR", "    b");
            assertEquals("test.journal:2: \"12..5 EUR\" is not an amount: its digit groups are not separated by single '.' marks",
                    error.getMessage());
            assertEquals(8, error.column());
        }

        @Test
        void anAmountWithTrailingText() {
            assertEquals("test.journal:2: \"5 EUR extra\" is not an amount: unexpected \"extra\"",
                    failure("2024-01-01 x", "    a  5 EUR extra", "    b").getMessage());
        }

        @Test
        void anEmptyDigitGroup() {
            assertEquals("test.journal:2: \"1,,000.00 INR\" is not an amount: its digit groups are not separated by single"
                    + " ',' marks", failure("2024-01-01 x", "    a  1,,000.00 INR", "    b").getMessage());
        }

        @Test
        void aBadDate() {
            JournalParseException error = failure("2024-13-01 x", "    a  1 EUR", "    b");
            assertEquals("test.journal:1: \"2024-13-01\" is not a date on the calendar (month 13, day 1)", error.getMessage());
            assertEquals(1, error.column());
        }

        @Test
        void aMalformedDate() {
            assertEquals("test.journal:1: \"2024_01_01\" is not a date: write it as YYYY-MM-DD, YYYY/MM/DD or YYYY.MM.DD",
                    failure("2024_01_01 x", "    a  1 EUR", "    b").getMessage());
        }

        @Test
        void aBadSecondaryDateGivesItsColumn() {
            JournalParseException error = failure("2024-01-01=2024-02-31 x", "    a  1 EUR", "    b");
            assertEquals(12, error.column());
        }

        @Test
        void aShortDateThatIsNoDate() {
            assertEquals("test.journal:1: \"1/15/3\" is not a date: write it as YYYY-MM-DD, YYYY/MM/DD or YYYY.MM.DD",
                    failure("1/15/3 x", "    a  1 EUR", "    b").getMessage());
        }

        @Test
        void aStrayIndentedLine() {
            assertEquals(3, failure("2024-01-01 x", "    a  1 EUR", "    b", "", "    c  1 EUR").line() - 2);
        }

        @Test
        void anUnclosedLotPrice() {
            assertEquals("test.journal:2: the lot price that starts here has no closing }",
                    failure("2024-01-01 x", "    a  1 AAPL {$100", "    b").getMessage());
        }

        @Test
        void aLotNoteWhichHledgerRefusesToo() {
            assertEquals(2, failure("2024-01-01 x", "    a  1 AAPL {$100} (lot1)", "    b  $-100").line());
        }
    }

    @Nested
    @DisplayName("a price or an assertion with no amount says what was found and where (session 20)")
    class MissingAmounts {

        @Test
        void ledgersFixedPriceFormIsNamedWithItsColumnAndTheFix() {
            JournalParseException error = failure("2024-01-01 x", "    x    10 AAPL @ =$50.00", "    y");
            assertEquals("test.journal:2: the price \"@ =$50.00\" at column 20 is ledger's fixed-price form (@ =PRICE),"
                    + " which hledger 1.25 and Eventscope do not read: write it \"@ $50.00\"", error.getMessage());
            assertEquals(20, error.column());
        }

        @Test
        void aFixedTotalPrice() {
            assertEquals("test.journal:2: the price \"@@ =$500.00\" at column 21 is ledger's fixed-price form (@@ =PRICE),"
                    + " which hledger 1.25 and Eventscope do not read: write it \"@@ $500.00\"",
                    failure("2024-01-01 x", "    x    10 AAPL @@ =$500.00", "    y").getMessage());
        }

        @Test
        void anAtSignWithNothingAfterIt() {
            JournalParseException error = failure("2024-01-01 x", "    x    10 AAPL @  ; no price", "    y");
            assertEquals("test.journal:2: the @ at column 18 has no price after it (hledger 1.25 refuses it too): write the"
                    + " price after it, as in \"@ $1.50\", or take the @ out", error.getMessage());
            assertEquals(18, error.column());
            assertTrue(failure("2024-01-01 x", "    x    10 AAPL @@", "    y").getMessage()
                    .contains("the @@ at column 18 has no price after it"));
            assertTrue(failure("2024-01-01 x", "    x    10 AAPL @ =", "    y").getMessage()
                    .contains("the @ at column 18 has no price after it"));
        }

        @Test
        void anAssertionWithNoAmount() {
            JournalParseException error = failure("2024-01-01 x", "    x    10 EUR ==* ", "    y");
            assertEquals("test.journal:2: the balance assertion \"==*\" at column 17 has no amount after it (hledger 1.25"
                    + " refuses it too): write the balance expected after the ==*, or take the ==* out", error.getMessage());
            assertEquals(17, error.column());
            assertTrue(failure("2024-01-01 x", "    x    5 EUR = @ 2 $", "    y").getMessage()
                    .contains("the balance assertion \"=\" at column 16 has no amount after it"));
        }

        @Test
        void aNumberMissingNamesWhatStandsInItsPlace() {
            assertEquals("test.journal:2: \"--5\" is not an amount: a number was expected where \"-5\" stands",
                    failure("2024-01-01 x", "    x    --5", "    y").getMessage());
            assertEquals("test.journal:2: \"@ $3\" is not an amount: a number was expected where \"@ $3\" stands",
                    failure("2024-01-01 x", "    x    10 AAPL @ @ $3", "    y").getMessage());
            assertEquals("test.journal:2: \"$\" is not an amount: a number is missing",
                    failure("2024-01-01 x", "    x    $", "    y").getMessage());
        }

        @Test
        void anExponentOfFourDigitsIsRefusedSayingSo() {
            assertEquals("test.journal:2: \"1e5000\" is not an amount the import reads: its exponent e5000 has more than"
                    + " three digits (hledger 1.25 reads it as a number of thousands of digits)",
                    failure("2024-01-01 x", "    x    1e5000", "    y").getMessage());
        }

        @Test
        void aDirectiveWithNoFormatSaysSo() {
            String expected = "the directive has no commodity format after it (hledger 1.25 refuses it too): write a sample"
                    + " amount, such as 1,000.00 EUR";
            assertEquals("test.journal:1: " + expected, failure("D ").getMessage());
            // the sub-directive "format" alone was called "not one hledger reads (it reads only format ...)"
            assertEquals("test.journal:2: " + expected, failure("commodity EUR", "  format ").getMessage());
        }

        @Test
        void noRefusalOfTheAmountParserIsEmpty() {
            // a small fuzz of malformed amounts: every refusal quotes what it found, never an empty ""
            String[] malformed = {"@", "@@", "@ ", "= ", "== ", "=* ", "@ =", "@@ =$1", "@ = 5", "= @ 2 $", "@ $", "{}",
                "--5", "+-5", "$ 5 $", "@ @ $3", "= = 5 EUR", "@ (1*3 GBP)", "@ $50.00 @ $3", "@ 2 $ = ", "1e5000"};
            for (String tail : malformed) {
                String posting = tail.matches("[-+$1].*") ? tail : "10 AAPL " + tail;
                String message = failure("2024-01-01 x", "    x    " + posting, "    y").getMessage();
                assertTrue(!message.contains("\"\"") && message.startsWith("test.journal:2: "), posting + ": " + message);
            }
        }
    }
}
