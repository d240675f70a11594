package dev.eventscope.ui.state;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class InsightsTest {

    @Test
    void a_numeric_field_shows_its_signed_change() {
        assertEquals("+136", Insights.numericChange("0", "136"));
        assertEquals("-14.9", Insights.numericChange("100.10", "85.20"));
        assertEquals("0", Insights.numericChange("5", "5.0"));
    }

    @Test
    void a_number_that_appears_or_vanishes_counts_from_or_to_zero() {
        assertEquals("+48879.42", Insights.numericChange(null, "48879.42"));
        assertEquals("-12.5", Insights.numericChange("12.5", null));
    }

    @Test
    void text_and_dates_show_no_change() {
        assertEquals("", Insights.numericChange("NOT_OPENED", "OPEN"));
        assertEquals("", Insights.numericChange(null, "2025-01-01"));
        assertEquals("", Insights.numericChange(null, "assets:bank:checking"));
    }
}
