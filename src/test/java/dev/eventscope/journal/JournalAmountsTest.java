package dev.eventscope.journal;

import dev.eventscope.domain.ledger.PriceKind;
import static dev.eventscope.journal.JournalText.amount;
import static dev.eventscope.journal.JournalText.only;
import static dev.eventscope.journal.JournalText.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("reading amounts, prices and balancing")
class JournalAmountsTest {

    /** The amount of the first posting of a transaction whose second posting balances it. */
    private static Amount firstAmount(String amountText) {
        return only("2024-01-01 x", "    a  " + amountText, "    b").postings().get(0).amount();
    }

    @Nested
    @DisplayName("amounts")
    class Amounts {

        @Test
        void symbolBeforeTheNumber() {
            assertEquals(amount("12.50", "$"), firstAmount("$12.50"));
        }

        @Test
        void minusBeforeTheSymbol() {
            assertEquals(amount("-5", "$"), firstAmount("-$5"));
        }

        @Test
        void minusAfterTheSymbol() {
            assertEquals(amount("-5", "$"), firstAmount("$-5"));
        }

        @Test
        void plusSign() {
            assertEquals(amount("10", "EUR"), firstAmount("+10 EUR"));
        }

        @Test
        void commodityAfterTheNumberWithASpace() {
            assertEquals(amount("12.50", "EUR"), firstAmount("12.50 EUR"));
        }

        @Test
        void commodityAfterTheNumberWithoutASpace() {
            assertEquals(amount("500.00", "€"), firstAmount("500.00€"));
        }

        @Test
        void commodityBeforeTheNumberWithASpace() {
            assertEquals(amount("10", "GBP"), firstAmount("GBP 10"));
            assertEquals(amount("-10", "GBP"), firstAmount("GBP -10"));
        }

        @Test
        void quotedCommodity() {
            assertEquals(amount("5", "quoted commodity"), firstAmount("\"quoted commodity\" 5"));
            assertEquals(amount("3", "ACME 2030"), firstAmount("3 \"ACME 2030\""));
        }

        @Test
        void bareNumberHasAnEmptyCommodity() {
            assertEquals(amount("7", ""), firstAmount("7"));
        }

        @Test
        void thousandsSeparatorsWithDecimalPoint() {
            assertEquals(amount("1234567.89", "$"), firstAmount("$1,234,567.89"));
        }

        @Test
        void thousandsSeparatorsWithDecimalCommaWhenBothMarksAppear() {
            assertEquals(amount("1000.00", "EUR"), firstAmount("1.000,00 EUR"));
        }

        @Test
        void commodityDirectiveFixesTheDecimalMark() {
            JournalText text = read("commodity 1.000,00 EUR", "", "2024-01-01 x", "    a  1.000 EUR", "    b");
            assertEquals(amount("1000", "EUR"), text.transactions().get(0).postings().get(0).amount());
        }

        @Test
        void decimalMarkDirectiveAppliesToEveryCommodity() {
            JournalText text = read("decimal-mark ,", "", "2024-01-01 x", "    a  1.234,5 SEK", "    b");
            assertEquals(amount("1234.5", "SEK"), text.transactions().get(0).postings().get(0).amount());
        }

        @Test
        void aLoneCommaFollowedByThreeDigitsIsADecimalMarkAsInHledgerWithAWarning() {
            JournalText text = read("2024-01-01 x", "    a  1,000 EUR", "    b");
            assertEquals(amount("1.000", "EUR"), text.transactions().get(0).postings().get(0).amount());
            assertEquals(1, text.warnings.size());
            assertTrue(text.warnings.get(0).message().contains("decimal mark"), text.warnings.get(0).message());
        }
    }

    @Nested
    @DisplayName("elided amounts")
    class ElidedAmounts {

        @Test
        void theElidedAmountBalancesTheOthers() {
            JournalTransaction transaction = only("2024-01-01 x", "    a  3.50 EUR", "    b  1.25 EUR", "    c");
            assertEquals(amount("-4.75", "EUR"), transaction.postings().get(2).amount());
        }

        @Test
        void oneInferredPostingPerCommodityInCommodityOrderAsInHledger() {
            JournalTransaction transaction = only("2024-01-01 x", "    a  10 EUR", "    a  $5", "    b");
            assertEquals(List.of(amount("10", "EUR"), amount("5", "$"), amount("-5", "$"), amount("-10", "EUR")),
                    transaction.postings().stream().map(JournalPosting::amount).toList());
            assertEquals("b", transaction.postings().get(2).account());
            assertEquals("b", transaction.postings().get(3).account());
        }

        @Test
        void theElidedAmountBalancesAtCost() {
            JournalTransaction transaction = only("2024-01-01 x", "    assets:eur  10 EUR @ $1.10", "    assets:usd");
            assertEquals(0, transaction.postings().get(1).amount().quantity().compareTo(new java.math.BigDecimal("-11")));
            assertEquals("$", transaction.postings().get(1).amount().commodity());
        }

        @Test
        void anElidedAmountWhenTheOthersSumToZeroIsZero() {
            JournalTransaction transaction = only("2024-01-01 x", "    a  1 X", "    a  -1 X", "    b");
            assertTrue(transaction.postings().get(2).amount().isZero());
        }
    }

    @Nested
    @DisplayName("prices")
    class Prices {

        @Test
        void unitPrice() {
            JournalPosting posting = only("2024-01-01 x", "    a  10 EUR @ $1.10", "    b  $-11").postings().get(0);
            assertEquals(new Price(PriceKind.UNIT, amount("1.10", "$")), posting.price());
            assertEquals(0, posting.cost().quantity().compareTo(new java.math.BigDecimal("11")));
        }

        @Test
        void totalPrice() {
            JournalPosting posting = only("2024-01-01 x", "    a  10 EUR @@ $11", "    b  $-11").postings().get(0);
            assertEquals(new Price(PriceKind.TOTAL, amount("11", "$")), posting.price());
        }

        @Test
        void aNegativeAmountWithATotalPriceCostsANegativeTotal() {
            JournalPosting posting = only("2024-01-01 x", "    a  -10 EUR @@ $11", "    b  $11").postings().get(0);
            assertEquals(amount("-11", "$"), posting.cost());
        }

        @Test
        void anUnpricedTwoCommodityEntryGetsATotalPriceOnItsFirstCommodity() {
            JournalTransaction transaction = only("2024-01-01 x", "    assets:usd  -11 USD", "    assets:eur  10 EUR");
            assertEquals(new Price(PriceKind.TOTAL, amount("10", "EUR")), transaction.postings().get(0).price());
            assertNull(transaction.postings().get(1).price());
        }

        @Test
        void severalPostingsInTheConvertedCommodityGetAUnitPrice() {
            JournalTransaction transaction = only("2024-01-01 x", "    c  10 EUR", "    c  20 EUR", "    d  -33 USD");
            assertEquals(new Price(PriceKind.UNIT, amount("1.10", "USD")), transaction.postings().get(0).price());
            assertEquals(new Price(PriceKind.UNIT, amount("1.10", "USD")), transaction.postings().get(1).price());
        }

        @Test
        void balanceIsCheckedAtTheCommodityDisplayPrecision() {
            JournalTransaction transaction = only("2024-01-01 x", "    a  3 X @ 1.1234 Y", "    b  -3.37 Y");
            assertEquals(2, transaction.postings().size());
        }
    }
}
