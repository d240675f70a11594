package dev.eventscope.domain.ledger;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SortedMap;
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
 * {@code inferredByDate} holds the same per posting date: hledger shows a sum at the most places of the amounts it
 * sums, so a report at a date (or for a period) shows the places of the amounts dated by then (or within it) only
 * ({@link #between}); an import recorded before session 24 has no dates, and its places count on every date.
 */
public record CommodityStyles(Map<String, Integer> places, SortedMap<String, Map<String, Integer>> inferred,
                              SortedMap<String, Map<String, NavigableMap<LocalDate, Integer>>> inferredByDate) {

    public static final CommodityStyles NONE = new CommodityStyles(Map.of());

    /** The date the places of an import recorded without dates are kept at: they count in every window. */
    private static final LocalDate ALWAYS = LocalDate.MIN;

    public CommodityStyles {
        places = copyOf(places);
        inferred = copyOfInferred(inferred);
        inferredByDate = inferredByDate == null ? undated(inferred) : copyOfByDate(inferredByDate);
    }

    /** Styles whose inferred places have no dates: they count on every date. */
    public CommodityStyles(Map<String, Integer> places, SortedMap<String, Map<String, Integer>> inferred) {
        this(places, inferred, null);
    }

    /** Styles without places inferred from prices. */
    public CommodityStyles(Map<String, Integer> places) {
        this(places, null, null);
    }

    private static SortedMap<String, Map<String, NavigableMap<LocalDate, Integer>>> undated(Map<String, Map<String, Integer>> inferred) {
        TreeMap<String, Map<String, NavigableMap<LocalDate, Integer>>> dated = new TreeMap<>();
        inferred.forEach((account, byCommodity) -> byCommodity.forEach((commodity, count) -> dated
                .computeIfAbsent(account, key -> new TreeMap<>()).put(commodity, new TreeMap<>(Map.of(ALWAYS, count)))));
        return copyOfByDate(dated);
    }

    private static SortedMap<String, Map<String, NavigableMap<LocalDate, Integer>>> copyOfByDate(
            Map<String, Map<String, NavigableMap<LocalDate, Integer>>> dated) {
        TreeMap<String, Map<String, NavigableMap<LocalDate, Integer>>> copy = new TreeMap<>();
        dated.forEach((account, byCommodity) -> {
            TreeMap<String, NavigableMap<LocalDate, Integer>> commodities = new TreeMap<>();
            byCommodity.forEach((commodity, byDate) -> {
                TreeMap<LocalDate, Integer> dates = new TreeMap<>();
                byDate.forEach((date, count) -> {
                    if (date != null && count != null && count >= 0) {
                        dates.merge(date, count, Math::max);
                    }
                });
                if (commodity != null && !dates.isEmpty()) {
                    commodities.put(commodity, Collections.unmodifiableNavigableMap(dates));
                }
            });
            if (account != null && !commodities.isEmpty()) {
                copy.put(account, Collections.unmodifiableMap(commodities));
            }
        });
        return Collections.unmodifiableSortedMap(copy);
    }

    /**
     * An event's places per account, commodity and posting date (ISO text), sorted, without null or negative entries or
     * texts that are no date; null is none.
     */
    public static Map<String, Map<String, Map<String, Integer>>> copyOfDated(Map<String, Map<String, Map<String, Integer>>> dated) {
        TreeMap<String, Map<String, Map<String, Integer>>> copy = new TreeMap<>();
        if (dated != null) {
            dated.forEach((account, byCommodity) -> {
                TreeMap<String, Map<String, Integer>> commodities = new TreeMap<>();
                if (byCommodity != null) {
                    byCommodity.forEach((commodity, byDate) -> {
                        Map<String, Integer> dates = copyOf(byDate);
                        dates.keySet().forEach(LocalDate::parse);
                        if (commodity != null && !dates.isEmpty()) {
                            commodities.put(commodity, dates);
                        }
                    });
                }
                if (account != null && !commodities.isEmpty()) {
                    copy.put(account, Collections.unmodifiableMap(commodities));
                }
            });
        }
        return Collections.unmodifiableMap(copy);
    }

    /**
     * These styles as a report of the amounts dated from {@code from} to {@code to} (inclusive; null: from the first,
     * to the last) shows them: each account's inferred places the most of its amounts dated in that window (and of
     * imports recorded without dates), none for an account with no such amounts there. hledger 1.25 shows the balance
     * at 2024-01-15 of {@code 1.5 A @ 2.1 B} at one place though a later {@code @ 2.123 B} gives the account three.
     */
    public CommodityStyles between(LocalDate from, LocalDate to) {
        if (from == null && to == null) {
            return this;
        }
        LocalDate first = from == null ? ALWAYS : from;
        LocalDate last = to == null ? LocalDate.MAX : to;
        TreeMap<String, Map<String, Integer>> window = new TreeMap<>();
        inferredByDate.forEach((account, byCommodity) -> byCommodity.forEach((commodity, byDate) -> {
            Integer most = byDate.get(ALWAYS);
            if (!first.isAfter(last)) {
                for (int count : byDate.subMap(first, true, last, true).values()) {
                    most = most == null ? count : Math.max(most, count);
                }
            }
            if (most != null) {
                window.computeIfAbsent(account, key -> new TreeMap<>()).put(commodity, most);
            }
        }));
        return new CommodityStyles(places, window, inferredByDate);
    }

    /** {@code inferred} sorted by account, without empty or null entries; null is none. */
    public static SortedMap<String, Map<String, Integer>> copyOfInferred(Map<String, Map<String, Integer>> inferred) {
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

    /** These styles and {@code more} (another import's, recorded without dates): each commodity at the most places either gives it. */
    public CommodityStyles plus(Map<String, Integer> more, Map<String, Map<String, Integer>> moreInferred) {
        return plus(more, moreInferred, Map.of());
    }

    /**
     * These styles and {@code more} (another import's): each commodity at the most places either gives it, and the
     * places per date of both ({@code moreByDate}, ISO dates; empty for an import recorded before session 24, whose
     * {@code moreInferred} then counts on every date).
     */
    public CommodityStyles plus(Map<String, Integer> more, Map<String, Map<String, Integer>> moreInferred,
                                Map<String, Map<String, Map<String, Integer>>> moreByDate) {
        if (more.isEmpty() && moreInferred.isEmpty() && moreByDate.isEmpty()) {
            return this;
        }
        Map<String, Integer> merged = new TreeMap<>(places);
        more.forEach((commodity, count) -> merged.merge(commodity, count, Math::max));
        TreeMap<String, Map<String, Integer>> mergedInferred = new TreeMap<>();
        inferred.forEach((account, byCommodity) -> mergedInferred.put(account, new TreeMap<>(byCommodity)));
        moreInferred.forEach((account, byCommodity) -> byCommodity.forEach((commodity, count) ->
                mergedInferred.computeIfAbsent(account, key -> new TreeMap<>()).merge(commodity, count, Math::max)));
        TreeMap<String, Map<String, NavigableMap<LocalDate, Integer>>> dated = new TreeMap<>();
        inferredByDate.forEach((account, byCommodity) -> byCommodity.forEach((commodity, byDate) ->
                datesOf(dated, account, commodity).putAll(byDate)));
        if (moreByDate.isEmpty()) {
            moreInferred.forEach((account, byCommodity) -> byCommodity.forEach((commodity, count) ->
                    datesOf(dated, account, commodity).merge(ALWAYS, count, Math::max)));
        } else {
            moreByDate.forEach((account, byCommodity) -> byCommodity.forEach((commodity, byDate) -> byDate.forEach(
                    (date, count) -> datesOf(dated, account, commodity).merge(LocalDate.parse(date), count, Math::max))));
        }
        return new CommodityStyles(merged, mergedInferred, dated);
    }

    private static NavigableMap<LocalDate, Integer> datesOf(Map<String, Map<String, NavigableMap<LocalDate, Integer>>> dated,
                                                           String account, String commodity) {
        return dated.computeIfAbsent(account, key -> new TreeMap<>()).computeIfAbsent(commodity, key -> new TreeMap<>());
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
     * amounts in it were inferred from (of the amounts dated in the asked window when these styles are
     * {@link #between} dates, as hledger's; else the whole ledger's); else as it is. For display only: never sum what this returns.
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
