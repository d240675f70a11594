package dev.eventscope.ui.state;

import dev.eventscope.domain.ledger.AccountName;
import dev.eventscope.projection.LedgerQueries;
import dev.eventscope.timetravel.LedgerBalances;
import dev.eventscope.timetravel.Point;
import dev.eventscope.timetravel.TimeTravel;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The whole ledger's state panel lines (every balance by account type, totals, trial balance), kept
 * between slider moves so that a move computes and replaces only what changed: a small move reads the
 * register lines between the two points, a long one asks time travel for the balances there (from its
 * nearest checkpoint) and compares them with the ones shown. Only when a balance appears or vanishes is
 * the whole list rebuilt. Used by one background computation at a time (the timeline's newest-wins queue).
 */
public final class WholeLedgerRows {

    /** Moves over at most this many events read the register in between instead of a checkpoint. */
    static final long SMALL_MOVE = 20_000;
    /** More changed lines than this are sent as a whole new list (one table update instead of many). */
    static final int MOST_REPLACED = 500;
    private static final List<String> TYPE_ORDER = List.of("Assets", "Liabilities", "Equity", "Income", "Expenses", "Other");

    private final TimeTravel timeTravel;
    private final LedgerQueries queries;
    private final long smallMove;
    private final int mostReplaced;
    private final Map<String, String> sections = new HashMap<>();
    private SortedMap<String, SortedMap<String, BigDecimal>> balances;
    private long position = -1;
    private final List<StateRow> shown = new ArrayList<>();
    /** Where each balance line stands in {@link #shown}. */
    private final Map<Line, Integer> balanceIndex = new HashMap<>();
    /** Where each total line (section totals, debits, credits) stands, by its key. */
    private final Map<String, Integer> totalIndex = new HashMap<>();
    /** The lines shown marked as changed. */
    private final BitSet marked = new BitSet();
    private final Map<String, BigDecimal> totals = new HashMap<>();
    private int lineCount;
    private int ghostCount;
    private boolean shownByDate;
    private boolean valid;

    public WholeLedgerRows(TimeTravel timeTravel, LedgerQueries queries) {
        this(timeTravel, queries, SMALL_MOVE);
    }

    /** With another limit for reading the register in between (tests take both paths on a small ledger). */
    WholeLedgerRows(TimeTravel timeTravel, LedgerQueries queries, long smallMove) {
        this(timeTravel, queries, smallMove, MOST_REPLACED);
    }

    /** With other limits, for tests: {@code mostReplaced} changed lines at most are sent as a patch. */
    WholeLedgerRows(TimeTravel timeTravel, LedgerQueries queries, long smallMove, int mostReplaced) {
        this.timeTravel = timeTravel;
        this.queries = queries;
        this.smallMove = smallMove;
        this.mostReplaced = mostReplaced;
    }

    /** What the panel must change to show the whole ledger at {@code point} instead of the point shown before. */
    public StateUpdate at(Point point) {
        try {
            return compute(point);
        } catch (RuntimeException failed) {
            valid = false;
            throw failed;
        }
    }

    private StateUpdate compute(Point point) {
        if (!valid) {
            shownByDate = point instanceof Point.AsOfDate;
            LedgerBalances at = timeTravel.ledgerBalancesAt(point);
            return rebuild(point, at.position(), copy(at.balances()));
        }
        boolean byDate = point instanceof Point.AsOfDate || shownByDate;
        shownByDate = point instanceof Point.AsOfDate;
        long target = byDate ? -1 : timeTravel.positionOf(point);
        List<Change> changes;
        if (!byDate && Math.abs(target - position) <= smallMove && queries.registerPosition() >= Math.max(target, position)) {
            changes = movements(position, target);
        } else {
            LedgerBalances at = timeTravel.ledgerBalancesAt(point);
            changes = differences(balances, at.balances());
            // the engine's answer is a fresh map: it becomes the balances shown
            if (ghostCount > 0 || changes.stream().anyMatch(WholeLedgerRows::structural)) {
                return rebuild(point, at.position(), at.balances());
            }
            balances = at.balances();
            position = at.position();
            return patch(point, changes);
        }
        boolean structural = ghostCount > 0;
        for (Change change : changes) {
            structural |= structural(change);
            apply(change);
        }
        position = target;
        if (structural) {
            return rebuild(point, target, balances);
        }
        return patch(point, changes);
    }

    /** A balance that appears or vanishes: the list of lines changes, not only values. */
    private static boolean structural(Change change) {
        return change.before().signum() == 0 || change.after().signum() == 0;
    }

    private record Change(String account, String commodity, BigDecimal before, BigDecimal after) {
    }

    private List<Change> movements(long from, long to) {
        Map<String, Map<String, BigDecimal>> moved = new LinkedHashMap<>();
        queries.movementsBetween(Math.min(from, to), Math.max(from, to), (account, commodity, amount) ->
                moved.computeIfAbsent(account, ignored -> new HashMap<>()).merge(commodity, amount, BigDecimal::add));
        List<Change> changes = new ArrayList<>();
        moved.forEach((account, byCommodity) -> byCommodity.forEach((commodity, amount) -> {
            if (amount.signum() != 0) {
                BigDecimal before = balanceOf(balances, account, commodity);
                changes.add(new Change(account, commodity, before, to > from ? before.add(amount) : before.subtract(amount)));
            }
        }));
        return changes;
    }

    /** The balances that differ between two maps sorted by account (and commodity): one ordered walk over both. */
    private static List<Change> differences(SortedMap<String, SortedMap<String, BigDecimal>> before,
                                            SortedMap<String, SortedMap<String, BigDecimal>> after) {
        List<Change> changes = new ArrayList<>();
        Iterator<Map.Entry<String, SortedMap<String, BigDecimal>>> was = before.entrySet().iterator();
        Iterator<Map.Entry<String, SortedMap<String, BigDecimal>>> is = after.entrySet().iterator();
        Map.Entry<String, SortedMap<String, BigDecimal>> old = was.hasNext() ? was.next() : null;
        Map.Entry<String, SortedMap<String, BigDecimal>> now = is.hasNext() ? is.next() : null;
        while (old != null || now != null) {
            int order = old == null ? 1 : now == null ? -1 : old.getKey().compareTo(now.getKey());
            if (order == 0) {
                commodityDifferences(old.getKey(), old.getValue(), now.getValue(), changes);
            } else if (order < 0) {
                commodityDifferences(old.getKey(), old.getValue(), Collections.emptySortedMap(), changes);
            } else {
                commodityDifferences(now.getKey(), Collections.emptySortedMap(), now.getValue(), changes);
            }
            if (order <= 0) {
                old = was.hasNext() ? was.next() : null;
            }
            if (order >= 0) {
                now = is.hasNext() ? is.next() : null;
            }
        }
        return changes;
    }

    private static void commodityDifferences(String account, SortedMap<String, BigDecimal> was, SortedMap<String, BigDecimal> is,
                                             List<Change> changes) {
        if (was.size() == 1 && is.size() == 1) {
            // the usual case: one commodity
            String commodity = was.firstKey();
            if (commodity.equals(is.firstKey())) {
                BigDecimal old = was.get(commodity);
                BigDecimal now = is.get(commodity);
                if (old.compareTo(now) != 0) {
                    changes.add(new Change(account, commodity, old, now));
                }
                return;
            }
        }
        TreeSet<String> commodities = new TreeSet<>(was.keySet());
        commodities.addAll(is.keySet());
        for (String commodity : commodities) {
            BigDecimal old = was.getOrDefault(commodity, BigDecimal.ZERO);
            BigDecimal now = is.getOrDefault(commodity, BigDecimal.ZERO);
            if (old.compareTo(now) != 0) {
                changes.add(new Change(account, commodity, old, now));
            }
        }
    }

    private static BigDecimal balanceOf(SortedMap<String, SortedMap<String, BigDecimal>> balances, String account, String commodity) {
        SortedMap<String, BigDecimal> byCommodity = balances.get(account);
        return byCommodity == null ? BigDecimal.ZERO : byCommodity.getOrDefault(commodity, BigDecimal.ZERO);
    }

    private void apply(Change change) {
        if (change.after().signum() == 0) {
            SortedMap<String, BigDecimal> byCommodity = balances.get(change.account());
            if (byCommodity != null) {
                byCommodity.remove(change.commodity());
                if (byCommodity.isEmpty()) {
                    balances.remove(change.account());
                }
            }
        } else {
            balances.computeIfAbsent(change.account(), ignored -> new TreeMap<>()).put(change.commodity(), change.after());
        }
    }

    /** One balance line: an account in one commodity. */
    private record Line(String account, String commodity) {
    }

    /** A total line's key before it is spelled out: kind "total" (with its section), "debits" or "credits". */
    private record Total(String kind, String section, String commodity) {
        String key() {
            return section == null ? kind + ":" + commodity : kind + ":" + section + ":" + commodity;
        }
    }

    /** Only the changed balances, their section totals and the trial balance's totals; lines marked before are unmarked. */
    private StateUpdate patch(Point point, List<Change> changes) {
        int size = shown.size();
        StateRow[] replaced = new StateRow[size];
        BitSet touched = new BitSet(size);
        BitSet nowMarked = new BitSet(size);
        Map<Total, BigDecimal> deltas = new HashMap<>();
        for (Change change : changes) {
            String commodity = change.commodity();
            Integer index = balanceIndex.get(new Line(change.account(), commodity));
            if (index != null) {
                // each balance changes once per move: the line's value is still the one at the point shown before
                StateRow row = shown.get(index);
                replaced[index] = marking(row, row.value(), MoneyText.of(change.after(), commodity), nowMarked, index);
                touched.set(index);
            }
            String section = sections.computeIfAbsent(change.account(), WholeLedgerRows::typeOf);
            deltas.merge(new Total("total", section, commodity), change.after().subtract(change.before()), BigDecimal::add);
            deltas.merge(new Total("debits", null, commodity), positive(change.after()).subtract(positive(change.before())),
                    BigDecimal::add);
            deltas.merge(new Total("credits", null, commodity),
                    positive(change.after().negate()).subtract(positive(change.before().negate())), BigDecimal::add);
        }
        deltas.forEach((total, delta) -> {
            if (delta.signum() == 0) {
                return;
            }
            String key = total.key();
            BigDecimal amount = totals.merge(key, delta, BigDecimal::add);
            Integer index = totalIndex.get(key);
            if (index != null) {
                StateRow row = shown.get(index);
                replaced[index] = marking(row, row.value(), MoneyText.of(amount, total.commodity()), nowMarked, index);
                touched.set(index);
            }
        });
        for (int index = marked.nextSetBit(0); index >= 0; index = marked.nextSetBit(index + 1)) {
            if (!touched.get(index)) {
                replaced[index] = plain(shown.get(index));
                touched.set(index);
            }
        }
        marked.clear();
        marked.or(nowMarked);
        int[] indices = new int[touched.cardinality()];
        List<StateRow> rows = new ArrayList<>(indices.length);
        int at = 0;
        for (int index = touched.nextSetBit(0); index >= 0; index = touched.nextSetBit(index + 1)) {
            indices[at++] = index;
            rows.add(replaced[index]);
            shown.set(index, replaced[index]);
        }
        String heading = heading(point);
        if (indices.length > mostReplaced) {
            return StateUpdate.whole(new PointState(point, position, heading, List.copyOf(shown)));
        }
        return new StateUpdate(new PointState(point, position, heading, List.of()), true, indices, List.copyOf(rows));
    }

    /** The line with its new value, marked as changed from {@code original} unless it is back to it. */
    private static StateRow marking(StateRow row, String original, String text, BitSet nowMarked, int index) {
        StateRow now = new StateRow(row.key(), row.section(), row.label(), text, null, false, row.account(), row.commodity(), row.position());
        if (original.equals(text)) {
            return now;
        }
        nowMarked.set(index);
        return now.changedFrom(original);
    }

    private static StateRow plain(StateRow row) {
        return row.changed() ? new StateRow(row.key(), row.section(), row.label(), row.value(), null, false, row.account(),
                row.commodity(), row.position()) : row;
    }

    private static BigDecimal positive(BigDecimal amount) {
        return amount.signum() > 0 ? amount : BigDecimal.ZERO;
    }

    /** Every line anew, marked against the lines shown before (a balance that vanished is kept as changed to "—"). */
    private StateUpdate rebuild(Point point, long at, SortedMap<String, SortedMap<String, BigDecimal>> now) {
        List<StateRow> previous = valid ? List.copyOf(shown.subList(0, shown.size() - ghostCount)) : null;
        balances = now;
        position = at;
        totals.clear();
        List<StateRow> fresh = rows(now, totals, sections);
        List<StateRow> marking = StateRows.compare(previous, fresh);
        ghostCount = marking.size() - fresh.size();
        shown.clear();
        shown.addAll(marking);
        balanceIndex.clear();
        totalIndex.clear();
        marked.clear();
        for (int index = 0; index < shown.size(); index++) {
            StateRow row = shown.get(index);
            if (row.explainable()) {
                balanceIndex.put(new Line(row.account(), row.commodity()), index);
            } else {
                totalIndex.put(row.key(), index);
            }
            if (row.changed()) {
                marked.set(index);
            }
        }
        lineCount = 0;
        now.values().forEach(byCommodity -> lineCount += byCommodity.size());
        valid = true;
        return StateUpdate.whole(new PointState(point, at, heading(point), List.copyOf(shown)));
    }

    private String heading(Point point) {
        return "Whole ledger at " + (point.toString().startsWith("#") ? point.toString() : point + " (#" + position + ")")
                + " · " + lineCount + " balances";
    }

    private static SortedMap<String, SortedMap<String, BigDecimal>> copy(SortedMap<String, SortedMap<String, BigDecimal>> balances) {
        SortedMap<String, SortedMap<String, BigDecimal>> copy = new TreeMap<>();
        balances.forEach((account, byCommodity) -> copy.put(account, new TreeMap<>(byCommodity)));
        return copy;
    }

    /**
     * The lines for these balances: by account type (assets, liabilities, equity, income, expenses, other),
     * each balance, then the type's total per commodity; then the trial balance's debits and credits per
     * commodity. {@code totals} receives every total by its line's key.
     */
    static List<StateRow> rows(SortedMap<String, SortedMap<String, BigDecimal>> balances, Map<String, BigDecimal> totals,
                               Map<String, String> sections) {
        SortedMap<Integer, List<StateRow>> byType = new TreeMap<>();
        SortedMap<Integer, SortedMap<String, BigDecimal>> typeTotals = new TreeMap<>();
        SortedMap<String, BigDecimal> debits = new TreeMap<>();
        SortedMap<String, BigDecimal> credits = new TreeMap<>();
        balances.forEach((account, byCommodity) -> byCommodity.forEach((commodity, amount) -> {
            String section = sections.computeIfAbsent(account, WholeLedgerRows::typeOf);
            int order = TYPE_ORDER.indexOf(section);
            byType.computeIfAbsent(order, ignored -> new ArrayList<>()).add(StateRow.balance("balance:" + account + ":" + commodity,
                    section, account, MoneyText.of(amount, commodity), account, commodity));
            typeTotals.computeIfAbsent(order, ignored -> new TreeMap<>()).merge(commodity, amount, BigDecimal::add);
            debits.merge(commodity, positive(amount), BigDecimal::add);
            credits.merge(commodity, positive(amount.negate()), BigDecimal::add);
        }));
        List<StateRow> rows = new ArrayList<>();
        byType.forEach((order, lines) -> {
            String section = TYPE_ORDER.get(order);
            rows.addAll(lines);
            typeTotals.get(order).forEach((commodity, total) -> {
                String key = "total:" + section + ":" + commodity;
                totals.put(key, total);
                rows.add(StateRow.of(key, section, "Total " + section.toLowerCase(Locale.ROOT) + " (" + commodity + ")",
                        MoneyText.of(total, commodity)));
            });
        });
        debits.forEach((commodity, debit) -> {
            BigDecimal credit = credits.getOrDefault(commodity, BigDecimal.ZERO);
            totals.put("debits:" + commodity, debit);
            totals.put("credits:" + commodity, credit);
            rows.add(StateRow.of("debits:" + commodity, "Trial balance", "Debits (" + commodity + ")", MoneyText.of(debit, commodity)));
            rows.add(StateRow.of("credits:" + commodity, "Trial balance", "Credits (" + commodity + ")", MoneyText.of(credit, commodity)));
        });
        return rows;
    }

    static String typeOf(String account) {
        try {
            String type = AccountName.of(account).type().name();
            return type.charAt(0) + type.substring(1).toLowerCase(Locale.ROOT);
        } catch (RuntimeException unknownType) {
            return "Other";
        }
    }
}
