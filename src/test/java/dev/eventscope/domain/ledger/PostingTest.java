package dev.eventscope.domain.ledger;

import static dev.eventscope.domain.ledger.Fixtures.money;
import static dev.eventscope.domain.ledger.Fixtures.posting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A posting's cost")
class PostingTest {

    @Test
    @DisplayName("is the amount when unpriced")
    void unpriced() {
        assertEquals(money("-42.10 EUR"), posting("assets:bank", "-42.10 EUR").cost());
    }

    @Test
    @DisplayName("is amount × unit price for @")
    void unitPrice() {
        assertEquals(money("1505.00 USD"), posting("assets:stocks", "10 AAPL", "@", "150.50 USD").cost());
        assertEquals(money("-1505.00 USD"), posting("assets:stocks", "-10 AAPL", "@", "150.50 USD").cost());
    }

    @Test
    @DisplayName("is sign(amount) × total price for @@")
    void totalPrice() {
        assertEquals(money("110.00 USD"), posting("assets:usd", "100 EUR", "@@", "110 USD").cost().negate().negate());
        assertEquals(money("-110.00 USD"), posting("assets:usd", "-100 EUR", "@@", "110 USD").cost());
        assertEquals(money("0 USD"), posting("assets:usd", "0 EUR", "@@", "110 USD").cost());
    }

    @Test
    @DisplayName("flips with the amount when negated, keeping the price")
    void negated() {
        Posting original = posting("assets:stocks", "10 AAPL", "@", "150.50 USD");
        Posting negated = original.negated();
        assertEquals(money("-10 AAPL"), negated.amount());
        assertEquals(original.price(), negated.price());
        assertEquals(original.cost().negate(), negated.cost());
    }

    @Test
    @DisplayName("refuses a negative price")
    void negativePrice() {
        NegativePrice violation = assertThrows(NegativePrice.class, () -> PostingPrice.unit(money("-1.10 USD")));
        assertEquals(money("-1.10 USD"), violation.price());
        assertEquals("The price -1.10 USD is negative; write the price as a positive amount and put the sign on the"
                + " posting's amount.", violation.getMessage());
    }
}
