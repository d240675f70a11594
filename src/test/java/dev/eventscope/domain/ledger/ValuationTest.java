package dev.eventscope.domain.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventscope.domain.ledger.PriceEvent.PriceRecorded;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** hledger 1.25's price lookup (its own unit examples) and what a valuation makes of balances. */
class ValuationTest {

    private static final LocalDate Y2000 = LocalDate.of(2000, 1, 1);

    private static PriceRecorded price(LocalDate date, String from, String rate, String to) {
        return new PriceRecorded(date, from, Money.of(rate, to), 0);
    }

    /** hledger's own example: A 10 B, B 10 C, C 10 D, E 2 D on 2000-01-01, and A 11 B from 2001. */
    private static final MarketPrices HLEDGER_EXAMPLE = new MarketPrices(List.of(
            price(Y2000, "A", "10", "B"), price(Y2000, "B", "10", "C"), price(Y2000, "C", "10", "D"),
            price(Y2000, "E", "2", "D"), price(LocalDate.of(2001, 1, 1), "A", "11", "B")));

    private static BigDecimal rate(MarketPrices prices, LocalDate date, String from, String to) {
        return prices.lookup(date, from, to).orElseThrow().rate();
    }

    @Test
    void findsThePricesHledgerFinds() {
        assertEquals(Optional.empty(), HLEDGER_EXAMPLE.lookup(LocalDate.of(1999, 1, 1), "A", "B"), "no price yet");
        assertEquals(0, new BigDecimal("10").compareTo(rate(HLEDGER_EXAMPLE, Y2000, "A", "B")));
        assertEquals(0, new BigDecimal("0.1").compareTo(rate(HLEDGER_EXAMPLE, Y2000, "B", "A")), "reverse");
        assertEquals(0, new BigDecimal("500").compareTo(rate(HLEDGER_EXAMPLE, Y2000, "A", "E")),
                "A>B>C>D forward, then D>E reversed: 10 x 10 x 10 / 2");
        assertEquals(0, new BigDecimal("11").compareTo(rate(HLEDGER_EXAMPLE, LocalDate.of(2001, 6, 1), "A", "B")),
                "the latest price on or before the date");
        assertEquals(Optional.of("B"), HLEDGER_EXAMPLE.defaultValuationCommodity(Y2000, "A"));
        assertEquals(Optional.empty(), HLEDGER_EXAMPLE.defaultValuationCommodity(Y2000, "D"), "D is never priced");
    }

    @Test
    void namesEachRecordedPriceOfAChain() {
        PriceUsed used = HLEDGER_EXAMPLE.lookup(Y2000, "A", "E").orElseThrow();
        assertEquals("P 2000-01-01 A 10 B then P 2000-01-01 B 10 C then P 2000-01-01 C 10 D"
                + " then reverse of P 2000-01-01 E 2 D", used.describe());
        assertFalse(used.direct());
        assertTrue(HLEDGER_EXAMPLE.lookup(Y2000, "A", "B").orElseThrow().direct());
    }

    @Test
    void ofTwoPricesOfTheSameDayTheLaterRecordedWins() {
        LocalDate day = LocalDate.of(2025, 2, 1);
        MarketPrices prices = new MarketPrices(List.of(price(day, "EUR", "1.05", "$"), price(day, "EUR", "1.07", "$"),
                price(day.minusDays(1), "EUR", "1.50", "$")));
        assertEquals(0, new BigDecimal("1.07").compareTo(rate(prices, day, "EUR", "$")));
    }

    @Test
    void valuesEachLineAndSaysWhichHadNoPrice() {
        LocalDate day = LocalDate.of(2025, 1, 31);
        Valuation valuation = new Valuation(new MarketPrices(List.of(price(day, "EUR", "1.08", "$"))));
        Balances balances = Balances.of(Map.of("assets:eur", Map.of("EUR", new BigDecimal("100")),
                "assets:usd", Map.of("$", new BigDecimal("50")), "assets:czk", Map.of("Kč", new BigDecimal("1000"))));
        ValuedBalances valued = valuation.value(balances, day, ValuationTarget.in("$"));
        List<ValuedLine> lines = valued.lines();
        assertEquals(List.of("assets:czk", "assets:eur", "assets:usd"), lines.stream().map(ValuedLine::account).toList());
        assertEquals(ValuedLine.Status.NO_PRICE, lines.get(0).status());
        assertEquals("no price of Kč found; kept in Kč", lines.get(0).priceNote());
        assertEquals(new BigDecimal("108"), lines.get(1).value());
        assertEquals("P 2025-01-31 EUR 1.08 $", lines.get(1).priceNote());
        assertEquals(ValuedLine.Status.IN_TARGET, lines.get(2).status());
        assertEquals(Map.of("$", new BigDecimal("158"), "Kč", new BigDecimal("1000")), valued.totals());
        assertFalse(valued.complete());
        assertEquals(ValuedLine.Status.NO_PRICE, valuation.value(balances, day.minusDays(1), ValuationTarget.in("$"))
                .lines().get(1).status(), "a price dated after the valuation date is not used");
    }

    @Test
    void exportsAReverseValueAtTenPlacesAsHledgerDoes() {
        LocalDate day = LocalDate.of(2025, 2, 1);
        Valuation valuation = new Valuation(new MarketPrices(List.of(price(day, "EUR", "1.07", "$"))));
        ValuedLine line = valuation.line("assets:usd", "$", new BigDecimal("50"), day, ValuationTarget.in("EUR"));
        assertEquals(new BigDecimal("46.7289719626"), ValuedBalances.exported(line.value()), "hledger -O json shows 46.7289719626");
        assertEquals(new BigDecimal("46.73"), ValuedBalances.shown(line.value(), 2));
        assertEquals(new BigDecimal("0.12"), ValuedBalances.shown(new BigDecimal("0.125"), 2), "half to even, as hledger");
    }
}
