package dev.eventscope.domain.ledger;

import java.math.BigDecimal;
import java.util.AbstractMap;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * One account's balance per commodity in the form {@link Balances#copyOf} makes it: sorted by commodity, amounts
 * normalised, no zeros, unmodifiable. Only {@link Balances} makes one, from a map nobody else holds, so a map of this
 * class is canonical as it is: {@link Balances#copyOf} returns it without a copy and {@link Balances#plus} copies it
 * once (session 19: an account state after a posting copied its balances three times). As a {@link SortedMap}, Jackson's
 * {@code ORDER_MAP_ENTRIES_BY_KEYS} writes it without sorting a copy; equal to any map with the same entries.
 */
final class CanonicalBalanceMap extends AbstractMap<String, BigDecimal> implements SortedMap<String, BigDecimal> {

    static final CanonicalBalanceMap EMPTY = new CanonicalBalanceMap(new TreeMap<>());

    private final SortedMap<String, BigDecimal> balances;

    /** {@code owned} must be canonical and referenced by nothing else. */
    CanonicalBalanceMap(TreeMap<String, BigDecimal> owned) {
        this.balances = Collections.unmodifiableSortedMap(owned);
    }

    /** A modifiable copy, to work out the next canonical map from. */
    TreeMap<String, BigDecimal> mutableCopy() {
        return new TreeMap<>(balances);
    }

    @Override
    public Set<Entry<String, BigDecimal>> entrySet() {
        return balances.entrySet();
    }

    @Override
    public Set<String> keySet() {
        return balances.keySet();
    }

    @Override
    public Collection<BigDecimal> values() {
        return balances.values();
    }

    @Override
    public int size() {
        return balances.size();
    }

    @Override
    public boolean isEmpty() {
        return balances.isEmpty();
    }

    @Override
    public BigDecimal get(Object commodity) {
        return balances.get(commodity);
    }

    @Override
    public boolean containsKey(Object commodity) {
        return balances.containsKey(commodity);
    }

    @Override
    public BigDecimal getOrDefault(Object commodity, BigDecimal otherwise) {
        return balances.getOrDefault(commodity, otherwise);
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super BigDecimal> action) {
        balances.forEach(action);
    }

    @Override
    public Comparator<? super String> comparator() {
        return balances.comparator();
    }

    @Override
    public SortedMap<String, BigDecimal> subMap(String fromKey, String toKey) {
        return balances.subMap(fromKey, toKey);
    }

    @Override
    public SortedMap<String, BigDecimal> headMap(String toKey) {
        return balances.headMap(toKey);
    }

    @Override
    public SortedMap<String, BigDecimal> tailMap(String fromKey) {
        return balances.tailMap(fromKey);
    }

    @Override
    public String firstKey() {
        return balances.firstKey();
    }

    @Override
    public String lastKey() {
        return balances.lastKey();
    }

    @Override
    public boolean equals(Object other) {
        return other == this || balances.equals(other);
    }

    @Override
    public int hashCode() {
        return balances.hashCode();
    }

    /** The same text as a {@link TreeMap}'s: {@code {EUR=10.5, USD=-3}}. */
    @Override
    public String toString() {
        return balances.toString();
    }

    static boolean isCanonical(Map<String, BigDecimal> balances) {
        return balances instanceof CanonicalBalanceMap;
    }
}
