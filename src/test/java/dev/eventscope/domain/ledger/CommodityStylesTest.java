package dev.eventscope.domain.ledger;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The places a ledger's imports gave its commodities, as the reports ask them (session 21). */
class CommodityStylesTest {

    private final CommodityStyles styles = new CommodityStyles(Map.of("EUR", 2),
            new java.util.TreeMap<>(Map.of("assets:bank", Map.of("", 4, "EUR", 5), "assets:bank:coin", Map.of("", 3),
                    "assets:bankx", Map.of("", 7), "assets", Map.of("$", 1))));

    @Test
    void an_account_takes_the_most_places_of_itself_and_its_sub_accounts_never_of_a_sibling_whose_name_starts_alike() {
        assertEquals(Map.of("", 4), styles.inferredPlaces("assets:bank"), "assets:bankx is no sub-account; EUR is styled");
        assertEquals(Map.of("", 3), styles.inferredPlaces("assets:bank:coin"));
        assertEquals(Map.of("", 7, "$", 1), styles.inferredPlaces("assets"));
        assertEquals(Map.of(), styles.inferredPlaces("income"));
    }

    @Test
    void a_styled_amount_is_shown_at_its_places_rounded_half_even_and_any_other_as_it_is() {
        assertEquals(new BigDecimal("11.38"), styles.shown("EUR", new BigDecimal("11.375")));
        assertEquals(new BigDecimal("1.12"), styles.shown("EUR", new BigDecimal("1.125")));
        assertEquals(new BigDecimal("10.00"), styles.shown("EUR", new BigDecimal("10")));
        assertEquals(new BigDecimal("3.1845"), styles.shown("$", new BigDecimal("3.1845")));
    }

    @Test
    void an_account_s_own_amount_without_a_style_is_shown_at_its_own_inferred_places_and_a_total_at_the_most() {
        // session 23: the balance and trial-balance text, as hledger 1.25's flat bal shows them
        assertEquals(new BigDecimal("-3.1500"), styles.shown("assets:bank", "", new BigDecimal("-3.15")));
        assertEquals(new BigDecimal("-3.2"), new CommodityStyles(Map.of(), new java.util.TreeMap<>(Map.of("b", Map.of("B", 1))))
                .shown("b", "B", new BigDecimal("-3.15")), "half even, as hledger: 3.15 at one place is 3.2");
        assertEquals(new BigDecimal("11.38"), styles.shown("assets:bank", "EUR", new BigDecimal("11.375")), "EUR is styled");
        assertEquals(new BigDecimal("2.5"), styles.shown("income", "", new BigDecimal("2.5")), "no places: as it is");
        assertEquals(new BigDecimal("1.0000000"), styles.shownTotal("", BigDecimal.ONE), "the most of any account");
        assertEquals(new BigDecimal("1.0"), styles.shownTotal("$", BigDecimal.ONE));
        assertEquals(new BigDecimal("7.125"), styles.shownTotal("GBP", new BigDecimal("7.125")));
    }

    @Test
    void several_imports_keep_the_most_places_either_gave() {
        CommodityStyles merged = styles.plus(Map.of("EUR", 1, "$", 3), Map.of("assets:bank:coin", Map.of("", 5)));
        assertEquals(Map.of("EUR", 2, "$", 3), merged.places());
        assertEquals(Map.of("", 5), merged.inferredPlaces("assets:bank:coin"));
        assertEquals(merged, merged.plus(Map.of(), Map.of()));
    }

    @Test
    void between_dates_an_account_takes_the_most_places_of_its_amounts_dated_in_the_window_only() {
        // session 24: hledger 1.25 shows a sum at the most places of the amounts it sums, so a balance at a date
        // shows the places of the amounts dated by then, a period's change those of the amounts within it
        CommodityStyles dated = CommodityStyles.NONE.plus(Map.of(), Map.of("b", Map.of("B", 3), "b:c", Map.of("B", 5)),
                Map.of("b", Map.of("B", Map.of("2024-01-01", 1, "2024-02-01", 3)), "b:c", Map.of("B", Map.of("2024-03-01", 5))));
        assertEquals(Map.of("B", 5), dated.inferredPlaces("b"), "no dates asked: the whole ledger's");
        assertEquals(Map.of("B", 1), dated.between(null, java.time.LocalDate.parse("2024-01-31")).inferredPlaces("b"));
        assertEquals(Map.of("B", 3), dated.between(null, java.time.LocalDate.parse("2024-02-01")).inferredPlaces("b"));
        assertEquals(Map.of("B", 5), dated.between(null, java.time.LocalDate.parse("2024-03-01")).inferredPlaces("b"));
        assertEquals(Map.of("B", 3), dated.between(java.time.LocalDate.parse("2024-01-15"), java.time.LocalDate.parse("2024-02-29"))
                .inferredPlaces("b"), "a period: only the amounts dated within it");
        assertEquals(Map.of(), dated.between(null, java.time.LocalDate.parse("2023-12-31")).inferredPlaces("b"));
        assertEquals(new BigDecimal("-3.2"), dated.between(null, java.time.LocalDate.parse("2024-01-15"))
                .shown("b", "B", new BigDecimal("-3.15")));
        assertEquals(new BigDecimal("-3.2"), dated.between(null, java.time.LocalDate.parse("2024-01-15"))
                .shownTotal("B", new BigDecimal("-3.15")), "the total at the most of the amounts dated by then");
        assertEquals(Map.of(), dated.between(java.time.LocalDate.parse("2024-03-02"), java.time.LocalDate.parse("2024-03-01"))
                .inferredPlaces("b"), "an empty window");
    }

    @Test
    void places_an_import_recorded_without_dates_gave_count_on_every_date() {
        // events written before session 24 hold the whole journal's places only: reports keep showing them
        CommodityStyles merged = CommodityStyles.NONE.plus(Map.of(), Map.of("b", Map.of("B", 2)))
                .plus(Map.of(), Map.of("b", Map.of("B", 4)), Map.of("b", Map.of("B", Map.of("2024-06-01", 4))));
        assertEquals(Map.of("B", 2), merged.between(null, java.time.LocalDate.parse("2024-01-01")).inferredPlaces("b"));
        assertEquals(Map.of("B", 4), merged.between(null, java.time.LocalDate.parse("2024-06-01")).inferredPlaces("b"));
        assertEquals(Map.of("B", 2), merged.between(java.time.LocalDate.parse("2030-01-01"), null).inferredPlaces("b"));
        assertEquals(Map.of("", 4), styles.between(null, java.time.LocalDate.parse("2000-01-01")).inferredPlaces("assets:bank"),
                "styles made without dates: every date");
    }
}
