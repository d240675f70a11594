package dev.eventscope.ui.state;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Issue 16.9: changes in money format, counts, and colour by effect rather than by sign. */
class ComparisonTest {

    @Test
    void income_growing_is_favourable_though_its_balance_falls() {
        assertEquals(Comparison.Effect.FAVOURABLE, Comparison.effect("income:sales", new BigDecimal("-100")));
        assertEquals(Comparison.Effect.UNFAVOURABLE, Comparison.effect("income:sales", new BigDecimal("100")));
        assertEquals(Comparison.Effect.FAVOURABLE, Comparison.effect("assets:bank", new BigDecimal("5")));
        assertEquals(Comparison.Effect.UNFAVOURABLE, Comparison.effect("expenses:rent", new BigDecimal("5")));
        assertEquals(Comparison.Effect.UNFAVOURABLE, Comparison.effect("liabilities:loan", new BigDecimal("-5")));
        assertEquals(Comparison.Effect.FAVOURABLE, Comparison.effect("Revenue:Consulting", new BigDecimal("-5")));
        assertEquals(Comparison.Effect.NEUTRAL, Comparison.effect("transfers:out", new BigDecimal("5")));
        assertEquals(Comparison.Effect.NEUTRAL, Comparison.effect("assets:bank", BigDecimal.ZERO));
    }

    @Test
    void amounts_are_signed_and_formatted_as_everywhere_else() {
        java.util.Locale saved = java.util.Locale.getDefault(java.util.Locale.Category.FORMAT);
        java.util.Locale.setDefault(java.util.Locale.Category.FORMAT, java.util.Locale.US);
        try {
            assertEquals("+1,250.00 EUR", Comparison.signed(new BigDecimal("1250"), "EUR"));
            assertEquals("-3.50 USD", Comparison.signed(new BigDecimal("-3.5"), "USD"));
            assertEquals("", Comparison.signed(new BigDecimal("0.00"), "USD"));
        } finally {
            java.util.Locale.setDefault(java.util.Locale.Category.FORMAT, saved);
        }
    }

    @Test
    void counts_change_by_their_difference_and_text_not_at_all() {
        assertEquals("+6", Comparison.countChange("1,234", "1,240"));
        assertEquals("+3", Comparison.countChange(StateRows.ABSENT, "3"));
        assertEquals("", Comparison.countChange("Open", "Frozen"));
        assertEquals("", Comparison.countChange("2025-01-01", "2025-02-01"));
        assertEquals("", Comparison.countChange("12.50", "13.50"));
    }
}
