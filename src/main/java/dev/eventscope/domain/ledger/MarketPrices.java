package dev.eventscope.domain.ledger;

import dev.eventscope.domain.ledger.PriceEvent.PriceRecorded;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every market price of a ledger, in the order recorded, and hledger 1.25's price lookup over them. On a date,
 * the price of A in B is, in this order: the latest recorded price of A in B on or before that date (of two on the
 * same date, the later recorded); the reverse of such a price of B in A; the shortest chain of recorded prices from
 * A to B; the shortest chain of recorded and reversed prices. Of two chains of equal length the first in the order of
 * commodity pairs wins, as in hledger's breadth-first search. Immutable.
 */
public final class MarketPrices {

    /** hledger divides at more places than it shows; a reverse rate is kept at 34 significant digits. */
    private static final MathContext REVERSE = MathContext.DECIMAL128;

    private final List<PriceRecorded> prices;

    public MarketPrices(List<PriceRecorded> prices) {
        this.prices = List.copyOf(prices);
    }

    public static MarketPrices none() {
        return new MarketPrices(List.of());
    }

    /** The recorded prices, in the order recorded. */
    public List<PriceRecorded> recorded() {
        return prices;
    }

    public boolean isEmpty() {
        return prices.isEmpty();
    }

    /** The price of one {@code from} in {@code to} on {@code date}; empty when none can be found or they are the same. */
    public Optional<PriceUsed> lookup(LocalDate date, String from, String to) {
        if (from.equals(to)) {
            return Optional.empty();
        }
        List<PriceUsed.Step> forward = forwardEdges(date);
        Optional<List<PriceUsed.Step>> path = shortestPath(from, to, forward);
        if (path.isEmpty()) {
            List<PriceUsed.Step> all = new ArrayList<>(forward);
            Set<String> forwardPairs = new HashSet<>();
            forward.forEach(step -> forwardPairs.add(step.from() + "\u0000" + step.to()));
            for (PriceUsed.Step step : forward) {
                PriceUsed.Step reversed = new PriceUsed.Step(step.price(), true);
                if (!forwardPairs.contains(reversed.from() + "\u0000" + reversed.to())) {
                    all.add(reversed);
                }
            }
            path = shortestPath(from, to, all);
        }
        return path.map(steps -> new PriceUsed(from, to, rate(steps), steps));
    }

    /**
     * hledger's default valuation commodity of {@code from} on {@code date} (its {@code -V}): the commodity of its
     * latest price on or before the date, or, when no price at all is that old, of its latest price on any date.
     */
    public Optional<String> defaultValuationCommodity(LocalDate date, String from) {
        boolean anyVisible = prices.stream().anyMatch(price -> !price.date().isAfter(date));
        PriceRecorded latest = null;
        for (PriceRecorded price : prices) {
            if (!price.commodity().equals(from) || (anyVisible && price.date().isAfter(date))) {
                continue;
            }
            if (latest == null || !price.date().isBefore(latest.date())) {
                latest = price;
            }
        }
        return Optional.ofNullable(latest).map(price -> price.price().commodity());
    }

    /** The most decimal places a price in {@code commodity} was written with; empty when it prices nothing. */
    public Optional<Integer> decimalPlacesIn(String commodity) {
        return prices.stream().filter(price -> price.price().commodity().equals(commodity))
                .map(PriceRecorded::decimalPlaces).max(Integer::compare);
    }

    /** The latest price of each pair on or before the date, sorted by (from, to) as hledger sorts its edges. */
    private List<PriceUsed.Step> forwardEdges(LocalDate date) {
        Map<List<String>, PriceRecorded> latest = new HashMap<>();
        for (PriceRecorded price : prices) {
            if (price.date().isAfter(date)) {
                continue;
            }
            latest.merge(List.of(price.commodity(), price.price().commodity()), price,
                    (kept, next) -> next.date().isBefore(kept.date()) ? kept : next);
        }
        TreeMap<String, TreeMap<String, PriceRecorded>> sorted = new TreeMap<>();
        latest.forEach((pair, price) -> sorted.computeIfAbsent(pair.get(0), ignored -> new TreeMap<>()).put(pair.get(1), price));
        List<PriceUsed.Step> edges = new ArrayList<>();
        sorted.values().forEach(byTarget -> byTarget.values().forEach(price -> edges.add(new PriceUsed.Step(price, false))));
        return edges;
    }

    /** Breadth first, each path using an edge at most once and never coming back to a commodity it passed. */
    private static Optional<List<PriceUsed.Step>> shortestPath(String start, String end, List<PriceUsed.Step> edges) {
        record Partial(List<PriceUsed.Step> path, List<PriceUsed.Step> unused) {
        }
        List<Partial> paths = List.of(new Partial(List.of(), edges));
        while (true) {
            List<Partial> extended = new ArrayList<>();
            for (Partial partial : paths) {
                Set<String> visited = new HashSet<>();
                visited.add(start);
                partial.path().forEach(step -> visited.add(step.to()));
                String at = partial.path().isEmpty() ? start : partial.path().get(partial.path().size() - 1).to();
                List<PriceUsed.Step> next = new ArrayList<>();
                List<PriceUsed.Step> remaining = new ArrayList<>();
                partial.unused().forEach(edge -> (edge.from().equals(at) ? next : remaining).add(edge));
                for (PriceUsed.Step edge : next) {
                    List<PriceUsed.Step> path = new ArrayList<>(partial.path());
                    path.add(edge);
                    List<PriceUsed.Step> unused = new ArrayList<>();
                    for (PriceUsed.Step other : remaining) {
                        if (!visited.contains(other.to()) && !other.to().equals(edge.to())) {
                            unused.add(other);
                        }
                    }
                    extended.add(new Partial(path, unused));
                }
            }
            if (extended.isEmpty()) {
                return Optional.empty();
            }
            for (Partial partial : extended) {
                if (partial.path().get(partial.path().size() - 1).to().equals(end)) {
                    return Optional.of(partial.path());
                }
            }
            paths = extended;
        }
    }

    private static BigDecimal rate(List<PriceUsed.Step> steps) {
        BigDecimal rate = BigDecimal.ONE;
        for (PriceUsed.Step step : steps) {
            BigDecimal recorded = step.price().price().amount();
            BigDecimal factor = !step.reversed() ? recorded
                    : recorded.signum() == 0 ? BigDecimal.ZERO : BigDecimal.ONE.divide(recorded, REVERSE);
            rate = rate.multiply(factor);
        }
        return rate;
    }
}
