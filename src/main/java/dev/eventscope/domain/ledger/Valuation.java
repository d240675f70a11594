package dev.eventscope.domain.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Values balances at a date in market prices, as {@code hledger bal -X COMM} (or {@code -V}) does: each account's
 * balance in each commodity is multiplied by the price {@link MarketPrices#lookup} finds on the valuation date
 * (direct, reverse or chained); the product is kept whole (a reverse rate at 34 significant digits), so sums of
 * values round as hledger's do. A balance
 * with no price stays in its own commodity and its line says so. The one place where balances are valued: the CLI,
 * the app and statements call {@link #value}.
 */
public final class Valuation {

    private final MarketPrices prices;

    public Valuation(MarketPrices prices) {
        this.prices = Objects.requireNonNull(prices, "prices");
    }

    public MarketPrices prices() {
        return prices;
    }

    /** Every line of {@code balances}, valued on {@code date} into {@code target}, with the price used for each. */
    public ValuedBalances value(Balances balances, LocalDate date, ValuationTarget target) {
        Objects.requireNonNull(date, "date");
        List<ValuedLine> lines = new ArrayList<>();
        // one price lookup per commodity: every line of a commodity takes the same price
        Map<String, Resolution> resolved = new HashMap<>();
        balances.forEach((account, commodity, amount) -> lines.add(resolved
                .computeIfAbsent(commodity, each -> resolve(each, date, target)).line(account, commodity, amount)));
        return new ValuedBalances(date, target, lines);
    }

    /** One amount valued on {@code date} into {@code target}. */
    public ValuedLine line(String account, String commodity, BigDecimal amount, LocalDate date, ValuationTarget target) {
        return resolve(commodity, date, target).line(account, commodity, amount);
    }

    /** What a commodity becomes on a date: the commodity of its value, the price (if any) and why. */
    private record Resolution(String into, Optional<PriceUsed> price, ValuedLine.Status status) {
        ValuedLine line(String account, String commodity, BigDecimal amount) {
            BigDecimal value = price.map(used -> Amounts.normalise(amount.multiply(used.rate()))).orElse(amount);
            return new ValuedLine(account, commodity, amount, into, value, price, status);
        }
    }

    private Resolution resolve(String commodity, LocalDate date, ValuationTarget target) {
        Optional<String> into = target instanceof ValuationTarget.InCommodity in ? Optional.of(in.commodity())
                : prices.defaultValuationCommodity(date, commodity);
        if (into.isEmpty()) {
            return new Resolution(commodity, Optional.empty(), ValuedLine.Status.NO_PRICE);
        }
        if (into.get().equals(commodity)) {
            return new Resolution(commodity, Optional.empty(), ValuedLine.Status.IN_TARGET);
        }
        Optional<PriceUsed> price = prices.lookup(date, commodity, into.get());
        return price.isEmpty() ? new Resolution(commodity, Optional.empty(), ValuedLine.Status.NO_PRICE)
                : new Resolution(into.get(), price, ValuedLine.Status.CONVERTED);
    }

    /**
     * The decimal places a value in {@code commodity} is shown with: the most its recorded prices were written with,
     * else {@code fallback} (a ledger keeps no commodity display styles; hledger would use the journal's).
     */
    public int displayPlaces(String commodity, int fallback) {
        return prices.decimalPlacesIn(commodity).map(places -> Math.max(places, fallback)).orElse(fallback);
    }
}
