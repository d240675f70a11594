package dev.eventscope.ui.state;

import dev.eventscope.domain.ledger.MarketPrices;
import dev.eventscope.domain.ledger.Money;
import dev.eventscope.domain.ledger.PriceEvent.PriceRecorded;
import dev.eventscope.domain.ledger.Valuation;
import dev.eventscope.timetravel.Point;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class ValuedTotalsTest {

    private static final Valuation PRICES = new Valuation(new MarketPrices(List.of(
            new PriceRecorded(LocalDate.of(2025, 1, 31), "EUR", Money.of("1.10", "USD"), 2),
            new PriceRecorded(LocalDate.of(2025, 2, 28), "EUR", Money.of("1.05", "USD"), 2))));

    private static SortedMap<String, BigDecimal[]> trialBalance() {
        SortedMap<String, BigDecimal[]> sides = new TreeMap<>();
        sides.put("CZK", new BigDecimal[] {new BigDecimal("2000"), new BigDecimal("2000")});
        sides.put("EUR", new BigDecimal[] {new BigDecimal("1000"), new BigDecimal("1000")});
        sides.put("USD", new BigDecimal[] {new BigDecimal("500"), new BigDecimal("400")});
        return sides;
    }

    private static List<String> texts(PointState state) {
        return state.rows().stream().map(row -> row.label() + ": " + row.value()).toList();
    }

    @Test
    void an_entry_date_point_is_valued_at_its_date_and_a_commodity_without_price_stays_out() {
        PointState state = new PointState(new Point.AsOfDate(LocalDate.of(2025, 2, 15)), 9, "Whole ledger", List.of());
        PointState valued = ValuedTotals.appendTo(state, trialBalance(), PRICES, "USD");
        assertEquals(List.of("Debits in USD: " + MoneyText.of(new BigDecimal("1600.00"), "USD"),
                "Credits in USD: " + MoneyText.of(new BigDecimal("1500.00"), "USD"),
                "Difference in USD: " + MoneyText.of(new BigDecimal("100.00"), "USD"),
                "CZK not converted: no price",
                "EUR → USD: × 1.10 (P 2025-01-31)"), texts(valued));
        assertEquals("Trial balance in USD (prices of 2025-02-15)", valued.rows().get(0).section());
    }

    @Test
    void a_position_is_valued_at_the_latest_price_it_knows() {
        PointState state = new PointState(new Point.AtPosition(40), 40, "Whole ledger", List.of());
        PointState valued = ValuedTotals.appendTo(state, trialBalance(), PRICES, "EUR");
        assertEquals("Trial balance in EUR (prices of 2025-02-28)", valued.rows().get(0).section());
        assertEquals("USD → EUR: ÷ 1.05 (P 2025-02-28)", texts(valued).get(4));
    }

    @Test
    void a_ledger_without_prices_shows_nothing_more() {
        PointState state = new PointState(new Point.Latest(), 40, "Whole ledger", List.of());
        assertSame(state, ValuedTotals.appendTo(state, trialBalance(), new Valuation(MarketPrices.none()), "EUR"));
    }

    @Test
    void a_chain_is_told_by_its_rate_and_length() {
        Valuation chained = new Valuation(new MarketPrices(List.of(
                new PriceRecorded(LocalDate.of(2025, 1, 31), "EUR", Money.of("1.10", "USD"), 2),
                new PriceRecorded(LocalDate.of(2025, 1, 31), "EUR", Money.of("25", "CZK"), 0))));
        // CZK to EUR reversed (1/25), then EUR to USD (1.10)
        assertEquals("× 0.044 (2 prices)",
                ValuedTotals.brief(chained.prices().lookup(LocalDate.of(2025, 2, 1), "CZK", "USD").orElseThrow()));
    }
}
