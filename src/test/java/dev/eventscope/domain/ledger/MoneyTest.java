package dev.eventscope.domain.ledger;

import static dev.eventscope.domain.ledger.Fixtures.decimal;
import static dev.eventscope.domain.ledger.Fixtures.money;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Money")
class MoneyTest {

    @Nested
    @DisplayName("is a value")
    class Value {

        @Test
        @DisplayName("12.50 EUR equals 12.5 EUR and hashes alike")
        void trailingZerosDoNotMatter() {
            assertEquals(money("12.5 EUR"), money("12.50 EUR"));
            assertEquals(money("12.5 EUR").hashCode(), money("12.50 EUR").hashCode());
        }

        @Test
        @DisplayName("whole amounts never get a negative scale")
        void wholeAmountsKeepScaleZero() {
            assertEquals(0, money("100.00 EUR").amount().scale());
            assertEquals("100", money("1E+2 EUR").amount().toPlainString());
            assertEquals(money("100 EUR"), new Money(new BigDecimal("1E+2"), "EUR"));
        }

        @Test
        @DisplayName("the same amount in different commodities differs")
        void commodityMatters() {
            assertNotEquals(money("10 EUR"), money("10 USD"));
        }

        @Test
        @DisplayName("formats with at least two decimals, keeping more when written")
        void formats() {
            assertEquals("10.00 EUR", money("10 EUR").toString());
            assertEquals("12.50 EUR", money("12.5 EUR").toString());
            assertEquals("-0.125 BTC", money("-0.1250 BTC").toString());
        }
    }

    @Nested
    @DisplayName("arithmetic")
    class Arithmetic {

        @Test
        void addsTheSameCommodity() {
            assertEquals(money("12.75 EUR"), money("10.25 EUR").plus(money("2.50 EUR")));
        }

        @Test
        void refusesToAddDifferentCommodities() {
            assertThrows(IllegalArgumentException.class, () -> money("1 EUR").plus(money("1 USD")));
        }

        @Test
        void negates() {
            assertEquals(money("-3.10 EUR"), money("3.1 EUR").negate());
            assertEquals(money("3.10 EUR"), money("-3.1 EUR").negate());
        }

        @Test
        void knowsZero() {
            assertTrue(money("0.00 EUR").amountIsZero());
            assertTrue(money("10 EUR").plus(money("-10.00 EUR")).amountIsZero());
            assertFalse(money("0.01 EUR").amountIsZero());
            assertEquals(money("0 EUR"), Money.zero("EUR"));
        }

        @Test
        void multiplies() {
            assertEquals(money("31.50 USD"), money("10.5 USD").times(decimal("3")));
        }
    }

    @Nested
    @DisplayName("refuses")
    class Refuses {

        @Test
        void nullAmountOrCommodity() {
            assertThrows(NullPointerException.class, () -> new Money(null, "EUR"));
            assertThrows(NullPointerException.class, () -> new Money(BigDecimal.ONE, null));
        }

        @ParameterizedTest(name = "commodity \"{0}\"")
        @ValueSource(strings = {"  ", " EUR", "EUR ", "EU\tR"})
        void unusableCommodities(String commodity) {
            InvalidCommodity violation = assertThrows(InvalidCommodity.class, () -> new Money(BigDecimal.ONE, commodity));
            assertEquals(commodity, violation.commodity());
            // named as it can be read: a tab shown as \u0009 (dev.eventscope.domain.PrintableText), never raw in the message
            assertTrue(violation.getMessage().contains("\"" + commodity.replace("\t", "\\u0009") + "\" is not a usable commodity"),
                    violation.getMessage());
            assertTrue(violation.getMessage().chars().noneMatch(Character::isISOControl), violation.getMessage());
        }

        @Test
        void acceptsTheNoSymbolCommodityAsACommodityOfItsOwn() {
            Money bare = new Money(new BigDecimal("5"), Money.NO_SYMBOL);
            assertEquals("5.00", bare.toString());
            assertThrows(IllegalArgumentException.class, () -> bare.plus(Money.of("1", "EUR")));
            assertThrows(InvalidCommodity.class, () -> Money.requireValidCommodity(""));
        }

        /** The checking loop refuses exactly what {@code isBlank}, {@code strip} and {@code isISOControl} over code points refuse. */
        @Test
        void refusesExactlyTheBlankPaddedAndControlledCommodities() {
            String[] parts = {"E", "€", "\uD83D\uDCB6", " ", "\t", "\u2003", "\u3000", "\u00a0", "\u0085", "\u009f", "\u007f",
                    "\u0000", "\u001f", "\u200b", "\uD800", "a b"};
            java.util.Random random = new java.util.Random(14);
            for (int i = 0; i < 20_000; i++) {
                StringBuilder text = new StringBuilder();
                for (int n = random.nextInt(5); n > 0; n--) {
                    text.append(parts[random.nextInt(parts.length)]);
                }
                String commodity = text.toString();
                boolean valid = !commodity.isBlank() && commodity.strip().equals(commodity)
                        && commodity.codePoints().noneMatch(Character::isISOControl);
                if (valid) {
                    Money.requireValidCommodity(commodity);
                } else {
                    assertThrows(InvalidCommodity.class, () -> Money.requireValidCommodity(commodity), commodity);
                }
            }
        }

        @Test
        void acceptsSymbolsAndQuotedNames() {
            assertEquals("€", money("1 €").commodity());
            assertEquals("ACME Inc", new Money(BigDecimal.ONE, "ACME Inc").commodity());
        }
    }
}
