package dev.eventscope.journal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks balance assertions and fills balance assignments in hledger 1.25's order, which is date order, not file
 * order. hledger first balances every transaction without an assignment and splits it into its postings; it then
 * sorts those postings (by their own date, {@code ; date:} included) together with the transactions that hold an
 * assignment (by the transaction's date), keeping file order within a date, and walks them with a running balance
 * per account: each posting is added and its assertion checked; a transaction with an assignment has its
 * postings added, assigned and checked in turn, is then balanced (inferring an elided amount), and the inferred
 * amount is added. The first assertion that fails in that order is the one reported, as hledger reports it.
 *
 * <p>While the journal is read, every posting is kept in compact arrays (about 21 bytes each: its date, account,
 * commodity and quantity), since an assertion late in the file may need postings from anywhere in it; each
 * transaction with an assignment is kept whole. {@link #finish} then sorts and walks them, keeping running balances
 * only for the accounts an assertion or assignment names (with their subaccounts for {@code =*} and {@code ==*}),
 * and returns the amounts the assignments get, which the reading that records the journal then uses.
 */
final class DatedBalanceCheck {

    private static final long DATE_OFFSET = 1_000_000_000L;

    /** An assertion to check after the posting at its item. */
    private record Asserted(String file, int line, int column, String account, BalanceAssertion assertion) {
    }

    /** A transaction with a balance assignment, kept whole until its place in date order is reached. */
    record Deferred(long sequence, String file, TransactionBalancer.EntryName entryName, int headerLine, List<PostingDraft> drafts,
                    String description, AutomatedRules automated) {
    }

    private int size;
    private int[] dates = new int[1024];
    private int[] accounts = new int[1024];
    private int[] commodities = new int[1024];
    private long[] unscaled = new long[1024];
    private byte[] scales = new byte[1024];
    private final Map<Integer, BigDecimal> largeQuantities = new HashMap<>();
    private final Map<Integer, Asserted> assertions = new HashMap<>();
    private final Map<Integer, Deferred> deferred = new HashMap<>();
    private final Map<String, Integer> accountIds = new HashMap<>();
    private final List<String> accountNames = new ArrayList<>();
    private final Map<String, Integer> commodityIds = new HashMap<>();
    private final List<String> commodityNames = new ArrayList<>();

    /** The postings of a balanced transaction without assignments; {@code assertedAfter} maps each to its assertion. */
    void record(String file, LocalDate date, List<JournalPosting> postings, Map<JournalPosting, PostingDraft> assertedAfter) {
        for (JournalPosting posting : postings) {
            int item = add(posting.date() != null ? posting.date() : date, posting.account(), posting.amount());
            PostingDraft asserted = assertedAfter.get(posting);
            if (asserted != null) {
                assertions.put(item, new Asserted(file, asserted.line, asserted.assertionColumn, asserted.account,
                        asserted.assertion));
            }
        }
    }

    /** A transaction with an assignment, walked at its date. */
    void defer(LocalDate date, Deferred transaction) {
        int item = add(date, null, null);
        deferred.put(item, transaction);
    }

    /**
     * Walks everything recorded in date order; returns each deferred transaction's assigned amounts (by its
     * sequence number), or throws {@link JournalParseException} for the first assertion that fails, or the first
     * deferred transaction that does not balance, in that order.
     */
    AssignedAmounts finish(TransactionBalancer balancer) {
        if (assertions.isEmpty() && deferred.isEmpty()) {
            return AssignedAmounts.NONE;
        }
        boolean[] relevant = relevantAccounts();
        long[] order = new long[size];
        for (int item = 0; item < size; item++) {
            order[item] = ((dates[item] + DATE_OFFSET) << 32) | item;
        }
        Arrays.sort(order);
        RunningBalances book = new RunningBalances();
        Map<Long, List<List<Amount>>> assigned = new HashMap<>();
        for (long key : order) {
            int item = (int) key;
            int account = accounts[item];
            if (account < 0) {
                Deferred transaction = deferred.get(item);
                assigned.put(transaction.sequence(), walk(transaction, balancer, book));
            } else if (relevant[account]) {
                book.add(accountNames.get(account), new Amount(quantity(item), commodityNames.get(commodities[item])));
                Asserted asserted = assertions.get(item);
                if (asserted != null) {
                    check(asserted.file(), asserted.line(), asserted.column(), asserted.account(), asserted.assertion(), book);
                }
            }
        }
        return new AssignedAmounts(assigned);
    }

    private List<List<Amount>> walk(Deferred transaction, TransactionBalancer balancer, RunningBalances book) {
        List<List<Amount>> amounts = new ArrayList<>();
        Set<PostingDraft> written = Collections.newSetFromMap(new IdentityHashMap<>());
        for (PostingDraft draft : transaction.drafts()) {
            if (draft.amount == null && draft.assertion != null) {
                assign(draft, book);
                amounts.add(draft.amounts());
            } else if (draft.amount == null) {
                continue;
            }
            written.add(draft);
            draft.amounts().forEach(amount -> book.add(draft.account, amount));
            if (draft.assertion != null) {
                check(transaction.file(), draft.line, draft.assertionColumn, draft.account, draft.assertion, book);
            }
        }
        TransactionBalancer.Balanced balanced = balancer.balance(transaction.file(), transaction.entryName(),
                transaction.headerLine(), transaction.drafts(), transaction.description(), transaction.automated());
        Set<JournalPosting> alreadyAdded = Collections.newSetFromMap(new IdentityHashMap<>());
        balanced.byDraft().forEach((draft, postings) -> {
            if (written.contains(draft)) {
                alreadyAdded.addAll(postings);
            }
        });
        for (JournalPosting posting : balanced.postings()) {
            if (!alreadyAdded.contains(posting)) {
                book.add(posting.account(), posting.amount());
            }
        }
        return amounts;
    }

    /**
     * Fills a balance assignment as hledger 1.25 does: {@code =} sets that commodity's balance; {@code ==}, {@code =*}
     * and {@code ==*} set the whole balance (of the account, or of it with its subaccounts) to exactly the asserted
     * amount, so every other commodity it holds is brought to zero and the posting may get one amount per commodity.
     */
    private static void assign(PostingDraft draft, RunningBalances book) {
        BalanceAssertion assertion = draft.assertion;
        Amount expected = assertion.expected();
        boolean inclusive = assertion.includingSubaccounts();
        Map<String, BigDecimal> current = new TreeMap<>(inclusive ? book.balancesIncludingSubaccounts(draft.account)
                : book.balances(draft.account));
        if (!assertion.total() && !inclusive) {
            BigDecimal held = current.getOrDefault(expected.commodity(), BigDecimal.ZERO);
            draft.amount = new Amount(expected.quantity().subtract(held), expected.commodity());
            return;
        }
        Map<String, BigDecimal> difference = new TreeMap<>();
        current.forEach((commodity, quantity) -> difference.put(commodity, quantity.negate()));
        difference.merge(expected.commodity(), expected.quantity(), BigDecimal::add);
        List<Amount> amounts = new ArrayList<>();
        difference.forEach((commodity, quantity) -> {
            if (quantity.signum() != 0) {
                amounts.add(new Amount(quantity, commodity));
            }
        });
        if (amounts.isEmpty()) {
            amounts.add(new Amount(BigDecimal.ZERO, expected.commodity()));
        }
        draft.amount = amounts.get(0);
        draft.assigned = amounts.size() > 1 ? List.copyOf(amounts) : null;
    }

    private static void check(String file, int line, int column, String account, BalanceAssertion assertion,
                              RunningBalances book) {
        Amount expected = assertion.expected();
        Map<String, BigDecimal> held = assertion.includingSubaccounts() ? book.balancesIncludingSubaccounts(account)
                : book.balances(account);
        BigDecimal actual = held.getOrDefault(expected.commodity(), BigDecimal.ZERO);
        if (actual.compareTo(expected.quantity()) != 0) {
            throw new JournalParseException(file, line, column, "the balance assertion on " + account
                    + (assertion.includingSubaccounts() ? " and its subaccounts" : "") + " failed: expected " + expected
                    + " but the balance is " + new Amount(actual, expected.commodity()));
        }
        if (assertion.total()) {
            for (Map.Entry<String, BigDecimal> other : held.entrySet()) {
                if (!other.getKey().equals(expected.commodity()) && other.getValue().signum() != 0) {
                    throw new JournalParseException(file, line, column, "the total balance assertion on "
                            + account + " failed: expected only " + expected + " but the account also holds "
                            + new Amount(other.getValue(), other.getKey()));
                }
            }
        }
    }

    /** The accounts an assertion or assignment names, and the subaccounts of those it names with {@code *}. */
    private boolean[] relevantAccounts() {
        Set<String> exact = new HashSet<>();
        Set<String> withSubaccounts = new HashSet<>();
        assertions.values().forEach(asserted ->
                (asserted.assertion().includingSubaccounts() ? withSubaccounts : exact).add(asserted.account()));
        for (Deferred transaction : deferred.values()) {
            for (PostingDraft draft : transaction.drafts()) {
                if (draft.assertion != null) {
                    (draft.assertion.includingSubaccounts() ? withSubaccounts : exact).add(draft.account);
                }
            }
        }
        boolean[] relevant = new boolean[accountNames.size()];
        for (int id = 0; id < relevant.length; id++) {
            String name = accountNames.get(id);
            relevant[id] = exact.contains(name) || withSubaccounts.contains(name) || coveredBy(name, withSubaccounts);
        }
        return relevant;
    }

    private static boolean coveredBy(String account, Set<String> parents) {
        for (int colon = account.lastIndexOf(':'); colon > 0; colon = account.lastIndexOf(':', colon - 1)) {
            if (parents.contains(account.substring(0, colon))) {
                return true;
            }
        }
        return false;
    }

    private int add(LocalDate date, String account, Amount amount) {
        if (size == dates.length) {
            int capacity = size + (size >> 1);
            dates = Arrays.copyOf(dates, capacity);
            accounts = Arrays.copyOf(accounts, capacity);
            commodities = Arrays.copyOf(commodities, capacity);
            unscaled = Arrays.copyOf(unscaled, capacity);
            scales = Arrays.copyOf(scales, capacity);
        }
        int item = size++;
        dates[item] = (int) date.toEpochDay();
        if (account == null) {
            accounts[item] = -1;
            return item;
        }
        // a look-up, not computeIfAbsent with a lambda that captures this list: one of these per posting (session 18)
        accounts[item] = idOf(account, accountIds, accountNames);
        commodities[item] = idOf(amount.commodity(), commodityIds, commodityNames);
        BigDecimal quantity = amount.quantity();
        if (quantity.precision() <= 18 && quantity.scale() >= Byte.MIN_VALUE && quantity.scale() <= Byte.MAX_VALUE) {
            unscaled[item] = quantity.unscaledValue().longValueExact();
            scales[item] = (byte) quantity.scale();
        } else {
            largeQuantities.put(item, quantity);
        }
        return item;
    }

    private static int idOf(String name, Map<String, Integer> ids, List<String> names) {
        Integer id = ids.get(name);
        if (id == null) {
            id = names.size();
            names.add(name);
            ids.put(name, id);
        }
        return id;
    }

    private BigDecimal quantity(int item) {
        BigDecimal large = largeQuantities.get(item);
        return large != null ? large : BigDecimal.valueOf(unscaled[item], scales[item]);
    }
}
