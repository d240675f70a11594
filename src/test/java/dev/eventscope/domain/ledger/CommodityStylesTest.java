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
    void several_imports_keep_the_most_places_either_gave() {
        CommodityStyles merged = styles.plus(Map.of("EUR", 1, "$", 3), Map.of("assets:bank:coin", Map.of("", 5)));
        assertEquals(Map.of("EUR", 2, "$", 3), merged.places());
        assertEquals(Map.of("", 5), merged.inferredPlaces("assets:bank:coin"));
        assertEquals(merged, merged.plus(Map.of(), Map.of()));
    }
}
