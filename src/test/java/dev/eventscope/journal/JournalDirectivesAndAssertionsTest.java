package dev.eventscope.journal;

import static dev.eventscope.journal.JournalText.amount;
import static dev.eventscope.journal.JournalText.only;
import static dev.eventscope.journal.JournalText.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("balance assertions and directives")
class JournalDirectivesAndAssertionsTest {

    @Nested
    @DisplayName("balance assertions")
    class Assertions {

        @Test
        void anAssertionThatHoldsIsKeptOnThePosting() {
            JournalText text = read("2024-01-01 x", "    a  10 EUR", "    b", "", "2024-01-02 y", "    a  5 EUR = 15 EUR", "    b");
            assertEquals(new BalanceAssertion(amount("15", "EUR"), false),
                    text.transactions().get(1).postings().get(0).assertion());
        }

        @Test
        void aTotalAssertionWithDoubleEquals() {
            JournalPosting posting = only("2024-01-01 x", "    a  10 EUR == 10.00 EUR", "    b").postings().get(0);
            assertTrue(posting.assertion().total());
        }

        @Test
        void aSingleCommodityAssertionIgnoresOtherCommodities() {
            JournalText text = read("2024-01-01 x", "    a  $3", "    b", "", "2024-01-02 y", "    a  10 EUR = 10 EUR", "    b");
            assertEquals(2, text.transactions().size());
        }

        @Test
        void anAssertionOnAnElidedPostingChecksTheInferredAmount() {
            JournalTransaction transaction = only("2024-01-01 x", "    a  10 EUR", "    b  = -10 EUR");
            assertEquals(amount("-10", "EUR"), transaction.postings().get(1).amount());
        }

        @Test
        void aBalanceAssignmentSetsTheAmountFromTheRunningBalance() {
            JournalText text = read("2024-01-01 x", "    assets:bank  100 EUR", "    equity", "",
                    "2024-02-01 reconcile", "    assets:bank  = 80 EUR", "    expenses:fees");
            JournalTransaction reconcile = text.transactions().get(1);
            assertEquals(amount("-20", "EUR"), reconcile.postings().get(0).amount());
            assertEquals(amount("20", "EUR"), reconcile.postings().get(1).amount());
        }

        @Test
        void virtualPostingsCountTowardsTheRunningBalance() {
            JournalText text = read("2024-01-01 x", "    a  1 EUR", "    b", "    (budget)  5 EUR", "",
                    "2024-01-02 y", "    (budget)  1 EUR = 6 EUR");
            assertEquals(2, text.transactions().size());
        }
    }

    @Nested
    @DisplayName("kept directives")
    class KeptDirectives {

        @Test
        void accountDeclarationWithCommentAndTags() {
            JournalText text = read("account assets:bank:checking  ; type: A", "    ; opened: 2020");
            assertEquals(List.of(new JournalDirective.AccountDeclaration("assets:bank:checking", "type: A\nopened: 2020",
                    List.of(new Tag("type", "A"), new Tag("opened", "2020")), new SourceLocation("test.journal", 1))),
                    text.items);
        }

        @Test
        void commodityDeclarationWithSample() {
            JournalText text = read("commodity $1,000.00");
            assertEquals(new JournalDirective.CommodityDeclaration("$", new AmountStyle(true, false, '.', ',', 2),
                    new SourceLocation("test.journal", 1)), text.items.get(0));
        }

        @Test
        void commodityDeclarationWithFormatLine() {
            JournalText text = read("commodity EUR", "    format 1.000,00 EUR");
            JournalDirective.CommodityDeclaration declaration = (JournalDirective.CommodityDeclaration) text.items.get(0);
            assertEquals("EUR", declaration.commodity());
            assertEquals(',', declaration.style().decimalMark());
        }

        @Test
        void itemsComeInFileOrder() {
            JournalText text = read("account a", "2024-01-01 x", "    a  1 EUR", "    b", "account b");
            assertEquals(List.of(JournalDirective.AccountDeclaration.class, JournalTransaction.class,
                    JournalDirective.AccountDeclaration.class), text.items.stream().map(Object::getClass).toList());
        }
    }

    @Nested
    @DisplayName("directives hledger ignores for balances are reported with their line")
    class SkippedDirectives {

        private void assertSkipped(String expectedWords, int expectedLine, String... lines) {
            JournalText text = read(lines);
            assertEquals(1, text.warnings.size(), () -> text.warnings.toString());
            JournalWarning warning = text.warnings.get(0);
            assertEquals(expectedLine, warning.location().line());
            assertTrue(warning.message().contains(expectedWords), warning.message());
            assertTrue(warning.message().contains("as hledger"), warning.message());
        }

        @Test
        void aMarketPriceIsKeptNotSkipped() {
            JournalText text = read("; prices", "P 2024-01-01 EUR $1.10");
            assertEquals(List.of(), text.warnings, "a P directive is read as a market price (issue 18)");
            assertEquals(List.of(new JournalDirective.MarketPrice(LocalDate.of(2024, 1, 1), "EUR",
                    new Amount(new java.math.BigDecimal("1.10"), "$"), new SourceLocation("test.journal", 2))), text.items);
        }

        @Test
        void periodicTransactionWithItsPostings() {
            assertSkipped("periodic transaction is left out, as hledger leaves it out without --forecast (with its 2"
                    + " indented lines)", 1, "~ monthly", "    expenses:rent  $1000", "    assets:bank");
        }

        @Test
        void automatedTransactionWithItsPostings() {
            assertSkipped("automated transaction is left out", 1, "= expenses:food", "    (budget:food)  *-1");
        }

        @Test
        void payee() {
            assertSkipped("\"payee\" directive", 1, "payee Bakery");
        }

        @Test
        void transactionsAfterASkippedDirectiveAreStillRead() {
            JournalText text = read("P 2024-01-01 EUR $1.10", "2024-01-02 x", "    a  1 EUR", "    b");
            assertEquals(1, text.transactions().size());
        }
    }

    @Nested
    @DisplayName("lines hledger refuses, or that would change accounts, are refused with their line")
    class RefusedLines {

        @Test
        void aHeaderThatIsNotADateLine() {
            JournalParseException error = assertThrows(JournalParseException.class,
                    () -> read("Jan 5 2025 Groceries", "    expenses:food  1 EUR", "    assets:bank"));
            assertEquals(1, error.line());
            assertTrue(error.getMessage().contains("\"Jan 5 2025 Groceries\" is neither a transaction"), error.getMessage());
        }

        @Test
        void aLedgerOnlyDirective() {
            assertEquals(5, assertThrows(JournalParseException.class,
                    () -> read("2025-01-01 x", "    a  1", "    b", "", "define x=1")).line());
        }

        @Test
        void applyOtherThanAccount() {
            assertTrue(assertThrows(JournalParseException.class, () -> read("apply tag business"))
                    .getMessage().contains("only \"apply account NAME\""));
        }

        @Test
        void endApplyAccountWithoutApplyAccount() {
            assertEquals(1, assertThrows(JournalParseException.class, () -> read("end apply account")).line());
        }

        @Test
        void arabicIndicDigitsInAnAmount() {
            JournalParseException error = assertThrows(JournalParseException.class,
                    () -> read("2025-01-01 x", "    a  \u0661\u0662 EUR", "    b"));
            assertEquals(2, error.line());
            assertTrue(error.getMessage().contains("digits"), error.getMessage());
        }
    }

    @Nested
    @DisplayName("D, the default commodity")
    class DefaultCommodity {

        @Test
        void givesBareAmountsItsCommodityAndItsDecimalMark() {
            JournalTransaction transaction = only("D 1.000,00 EUR", "2025-01-01 x", "    a  1.000", "    b  -1.000 USD @ 1 EUR");
            assertEquals(JournalText.amount("1000", "EUR"), transaction.postings().get(0).amount());
            assertEquals(JournalText.amount("-1000", "USD"), transaction.postings().get(1).amount());
        }
    }
}
