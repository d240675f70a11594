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
}
