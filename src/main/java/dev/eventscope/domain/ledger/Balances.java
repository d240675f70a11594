package dev.eventscope.domain.ledger;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Every account's balance per commodity: an immutable value, sorted by account and commodity, amounts
 * normalised ({@link Amounts#normalise}), zero balances left out, so that equal balances are equal values.
 * Postings are folded into balances in one place, {@link Fold}, which projections, time travel, reports
 * and the UI all use. The static helpers below work on one account's balances, the
 * {@code Map<String commodity, BigDecimal>} that account states keep.
 */
public final class Balances {

    private static final Balances EMPTY = new Balances(Collections.emptySortedMap());

    /** account → commodity → amount; unmodifiable, normalised, without zeros. */
    private final SortedMap<String, SortedMap<String, BigDecimal>> accounts;

    private Balances(SortedMap<String, SortedMap<String, BigDecimal>> accounts) {
        this.accounts = accounts;
    }

    /** Receives one account's balance in one commodity. */
    @FunctionalInterface
    public interface Line {
        void accept(String account, String commodity, BigDecimal amount);
    }

    public static Balances empty() {
        return EMPTY;
    }

    /** The balances of an account → commodity → amount map (any scale, zeros allowed: they are left out). */
    public static Balances of(Map<String, ? extends Map<String, BigDecimal>> balances) {
        Fold fold = new Fold();
        balances.forEach((account, perCommodity) -> perCommodity.forEach(
                (commodity, amount) -> fold.add(account, commodity, amount)));
        return fold.balances();
    }

    /** An empty fold, to add postings to one by one. */
    public static Fold fold() {
        return new Fold();
    }

    /** A fold that starts from these balances. */
    public Fold toFold() {
        Fold fold = new Fold();
        forEach(fold::add);
        return fold;
    }

    /** These balances after one more posting. */
    public Balances plus(String account, Money amount) {
        Fold fold = toFold();
        fold.add(account, amount);
        return fold.balances();
    }

    /** These balances minus {@code other}'s, account by account and commodity by commodity: what changed from {@code other} to these. */
    public Balances minus(Balances other) {
        Fold fold = toFold();
        other.forEach((account, commodity, amount) -> fold.add(account, commodity, amount.negate()));
        return fold.balances();
    }

    /**
     * These balances plus {@code other}'s, account by account and commodity by commodity (the same as folding both):
     * a few changes to many balances copy the account index once and only the accounts {@code other} names.
     */
    public Balances plus(Balances other) {
        if (other.isEmpty()) {
            return this;
        }
        TreeMap<String, SortedMap<String, BigDecimal>> sum = new TreeMap<>(accounts);
        other.accounts.forEach((account, perCommodity) -> {
            TreeMap<String, BigDecimal> merged = new TreeMap<>(account(account));
            perCommodity.forEach((commodity, amount) -> {
                BigDecimal after = Amounts.normalise(merged.getOrDefault(commodity, BigDecimal.ZERO).add(amount));
                if (after.signum() == 0) {
                    merged.remove(commodity);
                } else {
                    merged.put(commodity, after);
                }
            });
            if (merged.isEmpty()) {
                sum.remove(account);
            } else {
                sum.put(account, Collections.unmodifiableSortedMap(merged));
            }
        });
        return sum.isEmpty() ? EMPTY : new Balances(Collections.unmodifiableSortedMap(sum));
    }

    /** The balance of one account in one commodity; zero when it has none. */
    public BigDecimal balance(String account, String commodity) {
        return account(account).getOrDefault(commodity, BigDecimal.ZERO);
    }

    /** One account's balance per commodity (empty when it has none). */
    public SortedMap<String, BigDecimal> account(String account) {
        SortedMap<String, BigDecimal> balances = accounts.get(account);
        return balances == null ? Collections.emptySortedMap() : balances;
    }

    /** account → commodity → amount, unmodifiable. */
    public SortedMap<String, SortedMap<String, BigDecimal>> asMap() {
        return accounts;
    }

    public boolean isEmpty() {
        return accounts.isEmpty();
    }

    /** How many account and commodity balances there are. */
    public long lines() {
        return accounts.values().stream().mapToLong(Map::size).sum();
    }

    /** Every balance, by account and then commodity. */
    public void forEach(Line line) {
        accounts.forEach((account, perCommodity) -> perCommodity.forEach(
                (commodity, amount) -> line.accept(account, commodity, amount)));
    }

    /** The sum of all balances per commodity (zero for balanced postings). */
    public SortedMap<String, BigDecimal> totals() {
        return totals(amount -> amount);
    }

    /** The sum of the positive balances per commodity: the debit column of a trial balance. */
    public SortedMap<String, BigDecimal> debitTotals() {
        return totals(Balances::debit);
    }

    /** The sum of the negative balances per commodity, as positive amounts: the credit column of a trial balance. */
    public SortedMap<String, BigDecimal> creditTotals() {
        return totals(Balances::credit);
    }

    /** A balance as a debit: itself when positive, else zero. */
    public static BigDecimal debit(BigDecimal balance) {
        return balance.signum() > 0 ? balance : BigDecimal.ZERO;
    }

    /** A balance as a credit: its negation when negative, else zero. */
    public static BigDecimal credit(BigDecimal balance) {
        return balance.signum() < 0 ? balance.negate() : BigDecimal.ZERO;
    }

    /** Per commodity, the sum of {@code part} of every balance (commodities whose part is zero everywhere are left out). */
    private SortedMap<String, BigDecimal> totals(Function<BigDecimal, BigDecimal> part) {
        SortedMap<String, BigDecimal> totals = new TreeMap<>();
        forEach((account, commodity, amount) -> totals.merge(commodity, part.apply(amount), BigDecimal::add));
        totals.replaceAll((commodity, total) -> Amounts.normalise(total));
        return Collections.unmodifiableSortedMap(totals);
    }

    /** Per account type (as {@code typeOf} classifies each account), the sum of its accounts' balances per commodity. */
    public SortedMap<AccountType, SortedMap<String, BigDecimal>> totalsByType(Function<String, AccountType> typeOf) {
        SortedMap<AccountType, SortedMap<String, BigDecimal>> totals = new TreeMap<>();
        forEach((account, commodity, amount) -> totals.computeIfAbsent(typeOf.apply(account), type -> new TreeMap<>())
                .merge(commodity, amount, BigDecimal::add));
        totals.replaceAll((type, perCommodity) -> {
            perCommodity.replaceAll((commodity, total) -> Amounts.normalise(total));
            return Collections.unmodifiableSortedMap(perCommodity);
        });
        return Collections.unmodifiableSortedMap(totals);
    }

    /**
     * Every account with every parent it names (as hledger's tree shows them): {@code assets:bank:checking}
     * adds to {@code assets:bank} and {@code assets}, so a parent holds its own postings plus its children's.
     */
    public Balances rolledUp() {
        Fold fold = new Fold();
        forEach((account, commodity, amount) -> {
            fold.add(account, commodity, amount);
            for (int colon = account.lastIndexOf(':'); colon > 0; colon = account.lastIndexOf(':', colon - 1)) {
                fold.add(account.substring(0, colon), commodity, amount);
            }
        });
        return fold.balances();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Balances balances && accounts.equals(balances.accounts);
    }

    @Override
    public int hashCode() {
        return accounts.hashCode();
    }

    @Override
    public String toString() {
        return accounts.toString();
    }

    /**
     * Postings folded into balances, one at a time: the one place where amounts are added up. Mutable and
     * not thread-safe; {@link #balances()} gives the immutable value. Lookups by account are hashed, the
     * iteration order is sorted.
     */
    public static final class Fold {

        private final Map<String, SortedMap<String, BigDecimal>> byAccount = new HashMap<>();
        private final SortedMap<String, SortedMap<String, BigDecimal>> sorted = new TreeMap<>();

        private Fold() {
        }

        /** Adds an amount to an account's balance in a commodity and returns the balance after it (normalised, maybe zero). */
        public BigDecimal add(String account, String commodity, BigDecimal amount) {
            SortedMap<String, BigDecimal> balances = byAccount.get(account);
            if (balances == null) {
                balances = new TreeMap<>();
                byAccount.put(account, balances);
                sorted.put(account, balances);
            }
            BigDecimal before = balances.get(commodity);
            BigDecimal after = Amounts.normalise(before == null ? amount : before.add(amount));
            balances.put(commodity, after);
            return after;
        }

        /** Adds a posting's amount to an account; returns the account's balance in its commodity after it. */
        public BigDecimal add(String account, Money amount) {
            return add(account, amount.commodity(), amount.amount());
        }

        /** Adds every balance of {@code balances}. */
        public Fold addAll(Balances balances) {
            balances.forEach(this::add);
            return this;
        }

        /** The account's balance in a commodity so far (zero when none). */
        public BigDecimal balance(String account, String commodity) {
            SortedMap<String, BigDecimal> balances = byAccount.get(account);
            BigDecimal balance = balances == null ? null : balances.get(commodity);
            return balance == null ? BigDecimal.ZERO : balance;
        }

        /** Every balance so far, zero ones included, by account and then commodity. */
        public void forEach(Line line) {
            sorted.forEach((account, perCommodity) -> perCommodity.forEach(
                    (commodity, amount) -> line.accept(account, commodity, amount)));
        }

        /** How many accounts have been posted to. */
        public int accounts() {
            return sorted.size();
        }

        /**
         * The balances so far, as a value (zeros left out). Copied from maps already in order (no comparisons, no
         * rebalancing): time travel makes one of 10,000 accounts on every whole-ledger slider jump.
         */
        public Balances balances() {
            TreeMap<String, SortedMap<String, BigDecimal>> copy = new TreeMap<>(sorted);
            boolean zeros = false;
            for (Map.Entry<String, SortedMap<String, BigDecimal>> account : copy.entrySet()) {
                SortedMap<String, BigDecimal> nonZero = withoutZeros(account.getValue());
                zeros |= nonZero.isEmpty();
                account.setValue(Collections.unmodifiableSortedMap(nonZero));
            }
            if (zeros) {
                copy.values().removeIf(Map::isEmpty);
            }
            return copy.isEmpty() ? EMPTY : new Balances(Collections.unmodifiableSortedMap(copy));
        }

        private static SortedMap<String, BigDecimal> withoutZeros(SortedMap<String, BigDecimal> balances) {
            TreeMap<String, BigDecimal> copy = new TreeMap<>(balances);
            copy.values().removeIf(amount -> amount.signum() == 0);
            return copy;
        }
    }

    // One account's balances, as account states keep them.

    /**
     * The canonical, unmodifiable copy of one account's balance map (sorted by commodity, normalised, no zeros); a map
     * this method or {@link #plus(Map, Money)} made is canonical already and returned as it is.
     */
    public static Map<String, BigDecimal> copyOf(Map<String, BigDecimal> balances) {
        if (CanonicalBalanceMap.isCanonical(balances)) {
            return balances;
        }
        TreeMap<String, BigDecimal> canonical = new TreeMap<>();
        balances.forEach((commodity, amount) -> {
            BigDecimal normalised = Amounts.normalise(amount);
            if (normalised.signum() != 0) {
                canonical.put(commodity, normalised);
            }
        });
        return canonical.isEmpty() ? CanonicalBalanceMap.EMPTY : new CanonicalBalanceMap(canonical);
    }

    /**
     * One account's balances after adding {@code money}. From a canonical map (every account state's), one copy with
     * the one commodity changed: the others are normalised and nonzero already (session 19: three copies before, the
     * sum then every amount normalised again; {@code BalancesPlusProperties} compares the two).
     */
    public static Map<String, BigDecimal> plus(Map<String, BigDecimal> balances, Money money) {
        if (!(balances instanceof CanonicalBalanceMap canonical)) {
            TreeMap<String, BigDecimal> sum = new TreeMap<>(balances);
            sum.merge(money.commodity(), money.amount(), BigDecimal::add);
            return copyOf(sum);
        }
        TreeMap<String, BigDecimal> sum = canonical.mutableCopy();
        BigDecimal before = sum.get(money.commodity());
        BigDecimal after = Amounts.normalise(before == null ? money.amount() : before.add(money.amount()));
        if (after.signum() == 0) {
            sum.remove(money.commodity());
        } else {
            sum.put(money.commodity(), after);
        }
        return sum.isEmpty() ? CanonicalBalanceMap.EMPTY : new CanonicalBalanceMap(sum);
    }

    /** Sums amounts per commodity; zero sums are left out. */
    public static Map<String, BigDecimal> sum(Iterable<Money> amounts) {
        TreeMap<String, BigDecimal> sum = new TreeMap<>();
        for (Money money : amounts) {
            sum.merge(money.commodity(), money.amount(), BigDecimal::add);
        }
        return copyOf(sum);
    }
}
