package dev.eventscope.domain.ledger;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The decimal places a ledger's journals gave each commodity they styled, as hledger 1.25 styles a commodity: its
 * {@code commodity} directive's format, else the most places of the amounts written in it in postings, a {@code D}
 * directive or a {@code P} price (never a posting's {@code @}/{@code @@} price alone). Reports show every amount of
 * a styled commodity at its places, sums and amounts inferred from prices too; a commodity that is not here (written
 * only as a price) is shown, per account, at the most places of the prices its amounts were inferred from
 * ({@code inferred}: account, commodity, places; hledger 1.25 gives an amount inferred from {@code @ 280.327} three
 * places, and a sum the most places of what it sums), else at the places of the amounts themselves. Recorded on each
 * import's {@link LedgerEvent.JournalImported}; several imports keep the most places any of them gave.
 */
public record CommodityStyles(Map<String, Integer> places, java.util.SortedMap<String, Map<String, Integer>> inferred) {

    public static final CommodityStyles NONE = new CommodityStyles(Map.of());

    public CommodityStyles {
        places = copyOf(places);
        inferred = copyOfInferred(inferred);
    }

    /** Styles without places inferred from prices. */
    public CommodityStyles(Map<String, Integer> places) {
        this(places, null);
    }

    /** {@code inferred} sorted by account, without empty or null entries; null is none. */
    public static java.util.SortedMap<String, Map<String, Integer>> copyOfInferred(Map<String, Map<String, Integer>> inferred) {
        TreeMap<String, Map<String, Integer>> copy = new TreeMap<>();
        if (inferred != null) {
            inferred.forEach((account, byCommodity) -> {
                Map<String, Integer> places = copyOf(byCommodity);
                if (account != null && !places.isEmpty()) {
                    copy.put(account, places);
                }
            });
        }
        return Collections.unmodifiableSortedMap(copy);
    }

    /**
     * For {@code account} and its sub-accounts, per commodity without a style, the most places of the prices their
     * amounts were inferred from: the places hledger 1.25 shows that account's rolled-up balance with.
     */
    public Map<String, Integer> inferredPlaces(String account) {
        Map<String, Integer> found = new TreeMap<>();
        java.util.function.Consumer<Map<String, Integer>> take = byCommodity -> byCommodity.forEach((commodity, count) -> {
            if (!places.containsKey(commodity)) {
                found.merge(commodity, count, Math::max);
            }
        });
        Map<String, Integer> own = inferred.get(account);
        if (own != null) {
            take.accept(own);
        }
        // the sub-accounts "account:..." sort together, before "account;" (';' follows ':')
        inferred.subMap(account + ":", account + ";").values().forEach(take);
        return found;
    }

    /** {@code places} sorted by commodity, without nulls or negative places; null is none. */
    public static Map<String, Integer> copyOf(Map<String, Integer> places) {
        TreeMap<String, Integer> copy = new TreeMap<>();
        if (places != null) {
            places.forEach((commodity, count) -> {
                if (commodity != null && count != null && count >= 0) {
                    copy.put(commodity, count);
                }
            });
        }
        return Collections.unmodifiableMap(copy);
    }

    /** These styles and {@code more} (another import's): each commodity at the most places either gives it. */
    public CommodityStyles plus(Map<String, Integer> more, Map<String, Map<String, Integer>> moreInferred) {
        if (more.isEmpty() && moreInferred.isEmpty()) {
            return this;
        }
        Map<String, Integer> merged = new TreeMap<>(places);
        more.forEach((commodity, count) -> merged.merge(commodity, count, Math::max));
        TreeMap<String, Map<String, Integer>> mergedInferred = new TreeMap<>();
        inferred.forEach((account, byCommodity) -> mergedInferred.put(account, new TreeMap<>(byCommodity)));
        moreInferred.forEach((account, byCommodity) -> byCommodity.forEach((commodity, count) ->
                mergedInferred.computeIfAbsent(account, key -> new TreeMap<>()).merge(commodity, count, Math::max)));
        return new CommodityStyles(merged, mergedInferred);
    }

    /**
     * {@code amount} as a report shows it: at {@code commodity}'s places, rounded half even as hledger 1.25 rounds
     * what it shows, when the journals styled it; else as it is. For display only: never sum what this returns.
     */
    public java.math.BigDecimal shown(String commodity, java.math.BigDecimal amount) {
        Integer count = places.get(commodity);
        return count == null ? amount : amount.setScale(count, java.math.RoundingMode.HALF_EVEN);
    }

    /**
     * {@code amount}, {@code account}'s own balance in {@code commodity}, as hledger 1.25's flat {@code bal} shows it:
     * a styled commodity at its places; one without a style at the most places of the prices the account's own
     * amounts in it were inferred from (the whole ledger's, not the asked date's; hledger's are those of the amounts
     * summed by the date); else as it is. For display only: never sum what this returns.
     */
    public java.math.BigDecimal shown(String account, String commodity, java.math.BigDecimal amount) {
        Map<String, Integer> own = places.containsKey(commodity) ? null : inferred.get(account);
        Integer count = own == null ? null : own.get(commodity);
        return count == null ? shown(commodity, amount) : amount.setScale(count, java.math.RoundingMode.HALF_EVEN);
    }

    /**
     * {@code total}, a sum over every account, as hledger 1.25 shows a report's total: a styled commodity at its places;
     * one without a style at the most places any account's amounts in it were inferred with; else as it is.
     */
    public java.math.BigDecimal shownTotal(String commodity, java.math.BigDecimal total) {
        if (places.containsKey(commodity)) {
            return shown(commodity, total);
        }
        int most = -1;
        for (Map<String, Integer> byCommodity : inferred.values()) {
            most = Math.max(most, byCommodity.getOrDefault(commodity, -1));
        }
        return most < 0 ? total : total.setScale(most, java.math.RoundingMode.HALF_EVEN);
    }

    /** Whether the journals gave {@code commodity} a style. */
    public boolean styled(String commodity) {
        return places.containsKey(commodity);
    }
}
