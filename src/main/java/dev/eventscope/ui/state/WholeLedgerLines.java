package dev.eventscope.ui.state;

import dev.eventscope.domain.ledger.Balances;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The whole ledger's lines kept from point to point and patched with the balances that changed between two points:
 * every balance, parent subtotal, section total and trial-balance total is a slot that a change adds its difference
 * to, so a move touches only the changed balances and the totals above them. How many balances lie beneath each
 * subtotal, in each section and in each commodity is counted as well, which is all the layout needs: it is walked
 * again (over the slots, already in order) only when a balance appears or vanishes. The result is exactly
 * {@link WholeLedgerRows#rows} of the new balances compared with those of the old ({@link StateRows#compare}).
 * Mutable, used by one computation at a time.
 */
final class WholeLedgerLines {

    static final List<String> TYPE_ORDER = List.of("Assets", "Liabilities", "Equity", "Income", "Expenses", "Other");

    private final Function<String, String> sectionOf;
    /** Every balance slot met so far (zero ones included), by account and commodity: looked up by hash, walked in order. */
    private final Map<Key, BalanceSlot> balanceSlots = new HashMap<>();
    private final TreeMap<Key, BalanceSlot> ordered = new TreeMap<>();
    private BalanceSlot[] inOrder = new BalanceSlot[0];
    private final Map<String, TotalSlot> subtotals = new HashMap<>();
    private final TreeMap<String, CommoditySlots> commodities = new TreeMap<>();
    /** The lines shown, in order; the last {@link #ghostCount} vanished at the last move (shown as "—"). */
    private Slot[] layout = new Slot[0];
    private LineInfo[] infos = new LineInfo[0];
    private BigDecimal[] amounts = new BigDecimal[0];
    private int ghostCount;
    private int balanceCount;
    private boolean shown;
    /** Marks slots touched (or laid out) in the current move. */
    private int epoch;
    private final List<Slot> touched = new ArrayList<>();

    WholeLedgerLines(Function<String, String> sectionOf) {
        this.sectionOf = sectionOf;
    }

    /** How many balances there are now (lines that are neither totals nor vanished). */
    int balanceCount() {
        return balanceCount;
    }

    /**
     * The lines at a point whose balances are {@code now} (a long jump), marked against the lines before (nothing is
     * marked on the first move). The slots hold the balances shown, so the changes are found in one ordered walk over
     * the slots and {@code now} (both sorted by account and commodity): no lookup by name, whose fresh strings from
     * every answer made each lookup compare two equal names character by character at a random place in memory.
     */
    List<StateRow> moveTo(Balances now) {
        begin();
        BalanceSlot[] slots = inOrder();
        int next = 0;
        boolean structural = false;
        for (Map.Entry<String, SortedMap<String, BigDecimal>> account : now.asMap().entrySet()) {
            String name = account.getKey();
            for (Map.Entry<String, BigDecimal> balance : account.getValue().entrySet()) {
                String commodity = balance.getKey();
                int order = 1;
                while (next < slots.length && (order = slots[next].compareTo(name, commodity)) < 0) {
                    // a balance shown before that {@code now} does not have: it vanished
                    BalanceSlot gone = slots[next++];
                    structural |= gone.amount.signum() != 0 && apply(gone, BigDecimal.ZERO);
                }
                BalanceSlot slot = order == 0 ? slots[next++] : slot(name, commodity);
                if (slot.amount.compareTo(balance.getValue()) != 0) {
                    structural |= apply(slot, balance.getValue());
                }
            }
        }
        while (next < slots.length) {
            BalanceSlot gone = slots[next++];
            structural |= gone.amount.signum() != 0 && apply(gone, BigDecimal.ZERO);
        }
        return end(structural);
    }

    /** The lines after adding {@code step} (register amounts between two near points) to the balances shown. */
    List<StateRow> moveBy(Balances step) {
        begin();
        boolean[] structural = {false};
        step.forEach((account, commodity, amount) -> {
            BalanceSlot slot = slot(account, commodity);
            structural[0] |= apply(slot, slot.amount.add(amount));
        });
        return end(structural[0]);
    }

    private void begin() {
        epoch++;
        touched.clear();
    }

    private List<StateRow> end(boolean changedLines) {
        if (changedLines || !shown || ghostCount > 0) {
            return relayout();
        }
        BigDecimal[] now = amounts.clone();
        BigDecimal[] before = new BigDecimal[now.length];
        for (Slot slot : touched) {
            if (slot.index >= 0) {
                now[slot.index] = slot.amount;
                before[slot.index] = slot.was.compareTo(slot.amount) == 0 ? null : slot.was;
            }
        }
        amounts = now;
        return new AmountLines(infos, now, before);
    }

    /** The trial balance now: per commodity, the debits ({@code [0]}) and the credits ({@code [1]}). */
    SortedMap<String, BigDecimal[]> trialBalance() {
        SortedMap<String, BigDecimal[]> sums = new TreeMap<>();
        commodities.forEach((commodity, slots) -> {
            if (slots.debits.count > 0) {
                sums.put(commodity, new BigDecimal[] {slots.debits.amount, slots.credits.amount});
            }
        });
        return sums;
    }

    /**
     * Sets one balance (each at most once a move) and adds its change to every total above it; true when the balance
     * appears or vanishes.
     */
    private boolean apply(BalanceSlot slot, BigDecimal after) {
        BigDecimal before = slot.amount;
        int count = before.signum() == 0 ? 1 : after.signum() == 0 ? -1 : 0;
        touch(slot).amount = after;
        BigDecimal difference = after.subtract(before);
        for (TotalSlot total : slot.above) {
            touch(total).add(difference, count);
        }
        touch(slot.debits).add(Balances.debit(after).subtract(Balances.debit(before)), count);
        touch(slot.credits).add(Balances.credit(after).subtract(Balances.credit(before)), count);
        balanceCount += count;
        return count != 0;
    }

    /** Every balance slot in the order of {@link Balances} (made again only after new slots were made). */
    private BalanceSlot[] inOrder() {
        if (inOrder.length != ordered.size()) {
            inOrder = ordered.values().toArray(new BalanceSlot[0]);
        }
        return inOrder;
    }

    private <S extends Slot> S touch(S slot) {
        if (slot.touched != epoch) {
            slot.touched = epoch;
            slot.was = slot.amount;
            touched.add(slot);
        }
        return slot;
    }

    /**
     * The lines laid out anew (a balance appeared or vanished, or the first move): as {@link WholeLedgerRows#rows} lays
     * them out, each compared with its amount at the point shown before; the lines that vanished follow at the end.
     */
    private List<StateRow> relayout() {
        List<List<Slot>> bySection = new ArrayList<>();
        TYPE_ORDER.forEach(section -> bySection.add(new ArrayList<>()));
        for (BalanceSlot slot : ordered.values()) {
            if (slot.amount.signum() == 0) {
                continue;
            }
            List<Slot> lines = bySection.get(slot.order);
            for (int above = 0; above < slot.above.length - 2; above++) {
                // the subtotals of its parents, from the top: a subtotal line comes before the first balance beneath it
                TotalSlot parent = slot.above[above];
                if (parent.count >= 2 && parent.placed != epoch) {
                    parent.placed = epoch;
                    parent.order = slot.order;
                    lines.add(parent);
                }
            }
            slot.placed = epoch;
            lines.add(slot);
        }
        List<Slot> lines = new ArrayList<>(layout.length + 16);
        for (int order = 0; order < TYPE_ORDER.size(); order++) {
            if (bySection.get(order).isEmpty()) {
                continue;
            }
            lines.addAll(bySection.get(order));
            for (CommoditySlots slots : commodities.values()) {
                TotalSlot total = slots.sections[order];
                if (total != null && total.count > 0) {
                    total.placed = epoch;
                    lines.add(total);
                }
            }
        }
        for (CommoditySlots slots : commodities.values()) {
            if (slots.debits.count > 0) {
                slots.debits.placed = epoch;
                slots.credits.placed = epoch;
                lines.add(slots.debits);
                lines.add(slots.credits);
            }
        }
        int shownBefore = layout.length - ghostCount;
        int ghosts = 0;
        for (int index = 0; index < shownBefore; index++) {
            ghosts += layout[index].placed == epoch ? 0 : 1;
        }
        int size = lines.size();
        Slot[] next = new Slot[size + ghosts];
        LineInfo[] nextInfos = new LineInfo[size + ghosts];
        BigDecimal[] now = new BigDecimal[size + ghosts];
        BigDecimal[] before = new BigDecimal[size + ghosts];
        for (int index = 0; index < size; index++) {
            Slot slot = lines.get(index);
            next[index] = slot;
            nextInfos[index] = slot.info();
            now[index] = slot.amount;
            if (shown) {
                BigDecimal old = slot.index < 0 ? AmountLines.WAS_ABSENT : amounts[slot.index];
                before[index] = old != AmountLines.WAS_ABSENT && old.compareTo(slot.amount) == 0 ? null : old;
            }
        }
        int ghost = size;
        for (int index = 0; index < shownBefore; index++) {
            if (layout[index].placed != epoch) {
                // vanished since the point shown before: "old → —"
                next[ghost] = layout[index];
                nextInfos[ghost] = infos[index];
                before[ghost++] = amounts[index];
            }
        }
        for (Slot slot : layout) {
            slot.index = -1;
        }
        for (int index = 0; index < size; index++) {
            next[index].index = index;
        }
        layout = next;
        infos = nextInfos;
        amounts = now;
        ghostCount = ghosts;
        shown = true;
        return new AmountLines(infos, now, before);
    }

    private BalanceSlot slot(String account, String commodity) {
        Key key = new Key(account, commodity);
        BalanceSlot slot = balanceSlots.get(key);
        if (slot == null) {
            String section = sectionOf.apply(account);
            int order = TYPE_ORDER.indexOf(section);
            CommoditySlots slots = commodities.computeIfAbsent(commodity, CommoditySlots::new);
            List<String> parents = Subtotals.parents(account);
            TotalSlot[] above = new TotalSlot[parents.size() + 2];
            for (int index = 0; index < parents.size(); index++) {
                above[index] = subtotal(parents.get(index), commodity);
            }
            above[parents.size()] = subtotal(account, commodity);
            above[parents.size() + 1] = slots.section(order);
            LineInfo info = new LineInfo("balance:" + account + ":" + commodity, section, account, account, commodity, commodity);
            slot = new BalanceSlot(info, order, above, slots.debits, slots.credits);
            balanceSlots.put(key, slot);
            ordered.put(key, slot);
        }
        return slot;
    }

    private TotalSlot subtotal(String parent, String commodity) {
        return subtotals.computeIfAbsent(Subtotals.key(parent, commodity),
                key -> new TotalSlot(key, Subtotals.label(parent), commodity));
    }

    /** A balance line's key: an account in one commodity, in the order of {@link Balances}. */
    private record Key(String account, String commodity) implements Comparable<Key> {
        @Override
        public int compareTo(Key other) {
            int byAccount = account.compareTo(other.account);
            return byAccount != 0 ? byAccount : commodity.compareTo(other.commodity);
        }
    }

    /** One line's amount now, where it stands in the layout (-1: not shown) and what it was before this move. */
    private abstract static class Slot {
        BigDecimal amount = BigDecimal.ZERO;
        BigDecimal was;
        int index = -1;
        int touched;
        int placed;
        int order;

        abstract LineInfo info();
    }

    private static final class BalanceSlot extends Slot {
        private final LineInfo info;
        private final String account;
        private final String commodity;
        /** The subtotals of its parents (from the top) and of its own account, then its section's total. */
        private final TotalSlot[] above;
        private final TotalSlot debits;
        private final TotalSlot credits;

        BalanceSlot(LineInfo info, int order, TotalSlot[] above, TotalSlot debits, TotalSlot credits) {
            this.info = info;
            this.account = info.account();
            this.commodity = info.commodity();
            this.order = order;
            this.above = above;
            this.debits = debits;
            this.credits = credits;
        }

        @Override
        LineInfo info() {
            return info;
        }

        /** This slot's place before (negative), at (0) or after (positive) the balance of {@code account} in {@code commodity}. */
        int compareTo(String otherAccount, String otherCommodity) {
            int byAccount = account.compareTo(otherAccount);
            return byAccount != 0 ? byAccount : commodity.compareTo(otherCommodity);
        }
    }

    /** A total and how many balances it adds up; a subtotal is shown in the section of its first balance. */
    private static final class TotalSlot extends Slot {
        private final String key;
        private final String label;
        private final String commodity;
        private final LineInfo[] infos = new LineInfo[TYPE_ORDER.size() + 1];
        int count;

        TotalSlot(String key, String label, String commodity) {
            this.key = key;
            this.label = label;
            this.commodity = commodity;
        }

        TotalSlot(String key, String label, String commodity, int order) {
            this(key, label, commodity);
            this.order = order;
        }

        void add(BigDecimal difference, int balances) {
            if (difference.signum() != 0) {
                amount = amount.add(difference);
            }
            count += balances;
        }

        @Override
        LineInfo info() {
            LineInfo info = infos[order];
            if (info == null) {
                info = new LineInfo(key, order == TYPE_ORDER.size() ? "Trial balance" : TYPE_ORDER.get(order), label, null, null,
                        commodity);
                infos[order] = info;
            }
            return info;
        }
    }

    /** One commodity's section totals (made when a balance in that section is first met) and trial-balance totals. */
    private static final class CommoditySlots {
        private final String commodity;
        private final TotalSlot[] sections = new TotalSlot[TYPE_ORDER.size()];
        private final TotalSlot debits;
        private final TotalSlot credits;

        CommoditySlots(String commodity) {
            this.commodity = commodity;
            this.debits = new TotalSlot("debits:" + commodity, "Debits (" + commodity + ")", commodity, TYPE_ORDER.size());
            this.credits = new TotalSlot("credits:" + commodity, "Credits (" + commodity + ")", commodity, TYPE_ORDER.size());
        }

        TotalSlot section(int order) {
            if (sections[order] == null) {
                String section = TYPE_ORDER.get(order);
                sections[order] = new TotalSlot("total:" + section + ":" + commodity,
                        "Total " + section.toLowerCase(Locale.ROOT) + " (" + commodity + ")", commodity, order);
            }
            return sections[order];
        }
    }
}
