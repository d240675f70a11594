package dev.eventscope.ui.state;

import dev.eventscope.domain.ledger.AccountName;
import dev.eventscope.domain.ledger.AccountType;
import dev.eventscope.domain.ledger.Balances;
import dev.eventscope.projection.LedgerQueries;
import dev.eventscope.timetravel.BalanceChange;
import dev.eventscope.timetravel.LedgerBalances;
import dev.eventscope.timetravel.Point;
import dev.eventscope.timetravel.TimeTravel;

import java.math.BigDecimal;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.RandomAccess;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The whole ledger's state panel lines (every balance by account type, totals, trial balance), kept
 * between slider moves so that a move computes only what changed: a small move reads the register lines
 * between the two points, a long one asks time travel for the balances there (from its nearest
 * checkpoint) and compares them with the ones shown, in one ordered walk. The answer is an immutable
 * list of amounts whose lines are spelled out (formatted) only when read: a table reads the few lines it
 * shows, so a move over 10,000 balances formats a screenful, not 10,000. The lines are laid out anew only
 * when a balance appears or vanishes. Used by one background computation at a time (the timeline's
 * newest-wins queue).
 */
public final class WholeLedgerRows {

    /** Moves over at most this many events read the register in between instead of a checkpoint. */
    static final long SMALL_MOVE = 20_000;
    private static final List<String> TYPE_ORDER = List.of("Assets", "Liabilities", "Equity", "Income", "Expenses", "Other");
    /** "before" of a line that did not exist at the point shown before. */
    private static final BigDecimal WAS_ABSENT = new BigDecimal("0");

    private final TimeTravel timeTravel;
    private final LedgerQueries queries;
    private final long smallMove;
    private final Map<String, String> sections = new HashMap<>();
    private final Function<String, AccountType> accountTypes;
    /** The fixed parts of every balance line met so far, by account and commodity. */
    private final Map<Line, LineInfo> balanceLines = new HashMap<>();
    /** The fixed parts of every total line met so far, by key. */
    private final Map<String, LineInfo> totalLines = new HashMap<>();
    /** The balances shown, changed in place by small moves. */
    private Balances.Fold balances;
    private long position = -1;
    /** The lines in the order shown; the last {@link #ghostCount} are balances that vanished (shown as "—"). */
    private LineInfo[] layout = new LineInfo[0];
    /** Each line's amount now (null: a vanished line). */
    private BigDecimal[] amounts = new BigDecimal[0];
    /** Where each balance line stands in the layout. */
    private final Map<Line, Integer> balanceIndex = new HashMap<>();
    /** Where each total line (section totals, debits, credits) stands, by its key. */
    private final Map<String, Integer> totalIndex = new HashMap<>();
    private final Map<String, BigDecimal> totals = new HashMap<>();
    private int lineCount;
    private int ghostCount;
    private boolean shownByDate;
    private boolean valid;

    /** Each account in the section of its type as {@code accountTypes} gives it (declared types included). */
    public WholeLedgerRows(TimeTravel timeTravel, LedgerQueries queries, Function<String, AccountType> accountTypes) {
        this(timeTravel, queries, SMALL_MOVE, accountTypes);
    }

    /** Each account in the section its name gives it (the tests' ledgers declare no types). */
    WholeLedgerRows(TimeTravel timeTravel, LedgerQueries queries, long smallMove) {
        this(timeTravel, queries, smallMove, account -> AccountName.of(account).type());
    }

    /** With another limit for reading the register in between (tests take both paths on a small ledger). */
    WholeLedgerRows(TimeTravel timeTravel, LedgerQueries queries, long smallMove, Function<String, AccountType> accountTypes) {
        this.timeTravel = timeTravel;
        this.queries = queries;
        this.smallMove = smallMove;
        this.accountTypes = accountTypes;
    }

    /**
     * The whole ledger at {@code point}: every line, those that differ from the point shown before marked
     * with their value there (a balance that vanished is kept at the end as changed to "—").
     */
    public PointState at(Point point) {
        try {
            return compute(point);
        } catch (RuntimeException failed) {
            valid = false;
            throw failed;
        }
    }

    private PointState compute(Point point) {
        if (!valid) {
            shownByDate = point instanceof Point.AsOfDate;
            LedgerBalances at = timeTravel.ledgerBalancesAt(point);
            return relayout(point, at.position(), at.balances());
        }
        boolean byDate = point instanceof Point.AsOfDate || shownByDate;
        shownByDate = point instanceof Point.AsOfDate;
        long target = byDate ? -1 : timeTravel.positionOf(point);
        if (!byDate && Math.abs(target - position) <= smallMove && queries.registerPosition() >= Math.max(target, position)) {
            List<BalanceChange> changes = registerAmounts(position, target);
            changes.forEach(change -> balances.add(change.account(), change.commodity(), change.change()));
            if (ghostCount > 0 || changes.stream().anyMatch(WholeLedgerRows::structural)) {
                return relayout(point, target, balances.balances());
            }
            position = target;
            return changed(point, changes);
        }
        // the engine's answer becomes the balances shown
        LedgerBalances at = timeTravel.ledgerBalancesAt(point);
        List<BalanceChange> changes = BalanceChange.between(balances.balances(), at.balances());
        if (ghostCount > 0 || changes.stream().anyMatch(WholeLedgerRows::structural)) {
            return relayout(point, at.position(), at.balances());
        }
        balances = at.balances().toFold();
        position = at.position();
        return changed(point, changes);
    }

    /** The trial balance at the point last answered: per commodity, the debits ({@code [0]}) and the credits ({@code [1]}). */
    public SortedMap<String, BigDecimal[]> trialBalance() {
        SortedMap<String, BigDecimal[]> sums = new TreeMap<>();
        if (balances != null) {
            balances.forEach((account, commodity, amount) -> {
                BigDecimal[] sides = sums.computeIfAbsent(commodity, ignored -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                sides[0] = sides[0].add(Balances.debit(amount));
                sides[1] = sides[1].add(Balances.credit(amount));
            });
        }
        return sums;
    }

    /** A balance that appears or vanishes: the list of lines changes, not only values. */
    private static boolean structural(BalanceChange change) {
        return change.before().signum() == 0 || change.after().signum() == 0;
    }

    private List<BalanceChange> registerAmounts(long from, long to) {
        Balances.Fold moved = Balances.fold();
        queries.registerAmountsBetween(Math.min(from, to), Math.max(from, to), moved::add);
        List<BalanceChange> changes = new ArrayList<>();
        moved.forEach((account, commodity, amount) -> {
            if (amount.signum() != 0) {
                BigDecimal before = balances.balance(account, commodity);
                changes.add(new BalanceChange(account, commodity, before, to > from ? before.add(amount) : before.subtract(amount)));
            }
        });
        return changes;
    }

    /** One balance line: an account in one commodity (a map key looked up 10,000 times a move: plain equals and hash). */
    private static final class Line {
        private final String account;
        private final String commodity;
        private final int hash;

        Line(String account, String commodity) {
            this.account = account;
            this.commodity = commodity;
            this.hash = 31 * account.hashCode() + commodity.hashCode();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Line line && hash == line.hash && account.equals(line.account) && commodity.equals(line.commodity);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /**
     * What a line keeps from point to point: its key, section and label; {@code account} (null for totals)
     * and {@code commodity} (null for totals) as its row names them; {@code unit}, the commodity its amount is in.
     */
    private record LineInfo(String key, String section, String label, String account, String commodity, String unit) {
    }

    /** Same lines as before, new amounts: the changed balances, their section totals and the trial balance's totals. */
    private PointState changed(Point point, List<BalanceChange> changes) {
        BigDecimal[] now = amounts.clone();
        BigDecimal[] before = new BigDecimal[now.length];
        // per commodity: the change of each section's total (by type order), then of the debits and of the credits
        Map<String, BigDecimal[]> deltas = new HashMap<>();
        int debits = TYPE_ORDER.size();
        int credits = debits + 1;
        for (BalanceChange change : changes) {
            String commodity = change.commodity();
            Integer index = balanceIndex.get(new Line(change.account(), commodity));
            if (index != null) {
                // each balance changes once per move
                before[index] = now[index];
                now[index] = change.after();
            }
            rollUp(change, now, before);
            String section = sections.computeIfAbsent(change.account(), this::sectionOf);
            BigDecimal[] sums = deltas.computeIfAbsent(commodity, ignored -> new BigDecimal[credits + 1]);
            add(sums, TYPE_ORDER.indexOf(section), change.after().subtract(change.before()));
            add(sums, debits, Balances.debit(change.after()).subtract(Balances.debit(change.before())));
            add(sums, credits, Balances.credit(change.after()).subtract(Balances.credit(change.before())));
        }
        deltas.forEach((commodity, sums) -> {
            for (int slot = 0; slot < sums.length; slot++) {
                if (sums[slot] == null || sums[slot].signum() == 0) {
                    continue;
                }
                String key = slot == debits ? "debits:" + commodity : slot == credits ? "credits:" + commodity
                        : "total:" + TYPE_ORDER.get(slot) + ":" + commodity;
                BigDecimal total = totals.merge(key, sums[slot], BigDecimal::add);
                Integer index = totalIndex.get(key);
                if (index != null) {
                    before[index] = now[index];
                    now[index] = total;
                }
            }
        });
        amounts = now;
        return new PointState(point, position, heading(point), new Lines(layout, now, before));
    }

    /** Adds a changed balance to the subtotal lines of its parents (a line whose total comes back is not marked). */
    private void rollUp(BalanceChange change, BigDecimal[] now, BigDecimal[] before) {
        for (String parent : Subtotals.parents(change.account())) {
            String key = Subtotals.key(parent, change.commodity());
            Integer index = totalIndex.get(key);
            if (index != null) {
                BigDecimal total = totals.merge(key, change.after().subtract(change.before()), BigDecimal::add);
                BigDecimal was = before[index] == null ? now[index] : before[index];
                before[index] = was.compareTo(total) == 0 ? null : was;
                now[index] = total;
            }
        }
    }

    /**
     * The lines laid out anew for {@code now} (a balance appeared or vanished, or the first answer), each
     * compared with its amount at the point shown before; the balances that vanished follow at the end.
     */
    private PointState relayout(Point point, long at, Balances now) {
        // line infos are made once per line and kept, so the same line is the same object from layout to layout
        Map<LineInfo, BigDecimal> previous = new IdentityHashMap<>();
        if (valid) {
            for (int index = 0; index < layout.length - ghostCount; index++) {
                previous.put(layout[index], amounts[index]);
            }
        }
        List<LineInfo> lines = new ArrayList<>();
        List<BigDecimal> values = new ArrayList<>();
        totals.clear();
        lay(now, lines, values);
        List<BigDecimal> befores = new ArrayList<>(lines.size());
        for (int index = 0; index < lines.size(); index++) {
            if (!valid) {
                befores.add(null);
                continue;
            }
            BigDecimal old = previous.remove(lines.get(index));
            befores.add(old == null ? WAS_ABSENT : old.compareTo(values.get(index)) == 0 ? null : old);
        }
        int ghosts = 0;
        if (valid) {
            for (int index = 0; index < layout.length - ghostCount; index++) {
                BigDecimal old = previous.get(layout[index]);
                if (old != null) {
                    // vanished since the point shown before: "old → —"
                    lines.add(layout[index]);
                    values.add(null);
                    befores.add(old);
                    ghosts++;
                }
            }
        }
        balances = now.toFold();
        position = at;
        layout = lines.toArray(new LineInfo[0]);
        amounts = values.toArray(new BigDecimal[0]);
        ghostCount = ghosts;
        balanceIndex.clear();
        totalIndex.clear();
        for (int index = 0; index < layout.length; index++) {
            LineInfo line = layout[index];
            if (line.account() != null) {
                balanceIndex.put(new Line(line.account(), line.commodity()), index);
            } else {
                totalIndex.put(line.key(), index);
            }
        }
        lineCount = (int) now.lines();
        valid = true;
        return new PointState(point, at, heading(point), new Lines(layout, amounts.clone(), befores.toArray(new BigDecimal[0])));
    }

    /** The lines of {@link #rows} for these balances, without spelling them out; fills {@link #totals}. */
    private void lay(Balances now, List<LineInfo> lines, List<BigDecimal> values) {
        List<List<LineInfo>> linesByType = new ArrayList<>();
        List<List<BigDecimal>> valuesByType = new ArrayList<>();
        List<SortedMap<String, BigDecimal>> typeTotals = new ArrayList<>();
        for (int order = 0; order < TYPE_ORDER.size(); order++) {
            linesByType.add(new ArrayList<>());
            valuesByType.add(new ArrayList<>());
            typeTotals.add(new TreeMap<>());
        }
        Subtotals subtotals = new Subtotals(now);
        now.forEach((account, commodity, amount) -> {
            String section = sections.computeIfAbsent(account, this::sectionOf);
            int order = TYPE_ORDER.indexOf(section);
            for (String parent : subtotals.due(account, commodity)) {
                String key = Subtotals.key(parent, commodity);
                BigDecimal subtotal = subtotals.amount(parent, commodity);
                totals.put(key, subtotal);
                linesByType.get(order).add(totalLines.computeIfAbsent(key,
                        ignored -> new LineInfo(key, section, Subtotals.label(parent), null, null, commodity)));
                valuesByType.get(order).add(subtotal);
            }
            linesByType.get(order).add(balanceLines.computeIfAbsent(new Line(account, commodity),
                    line -> new LineInfo("balance:" + account + ":" + commodity, section, account, account, commodity, commodity)));
            valuesByType.get(order).add(amount);
            typeTotals.get(order).merge(commodity, amount, BigDecimal::add);
        });
        for (int order = 0; order < TYPE_ORDER.size(); order++) {
            if (linesByType.get(order).isEmpty()) {
                continue;
            }
            String section = TYPE_ORDER.get(order);
            lines.addAll(linesByType.get(order));
            values.addAll(valuesByType.get(order));
            typeTotals.get(order).forEach((commodity, total) -> {
                String key = "total:" + section + ":" + commodity;
                totals.put(key, total);
                lines.add(totalLines.computeIfAbsent(key, ignored -> new LineInfo(key, section,
                        "Total " + section.toLowerCase(Locale.ROOT) + " (" + commodity + ")", null, null, commodity)));
                values.add(total);
            });
        }
        SortedMap<String, BigDecimal> credits = now.creditTotals();
        now.debitTotals().forEach((commodity, debit) -> {
            BigDecimal credit = credits.getOrDefault(commodity, BigDecimal.ZERO);
            totals.put("debits:" + commodity, debit);
            totals.put("credits:" + commodity, credit);
            lines.add(totalLines.computeIfAbsent("debits:" + commodity,
                    key -> new LineInfo(key, "Trial balance", "Debits (" + commodity + ")", null, null, commodity)));
            values.add(debit);
            lines.add(totalLines.computeIfAbsent("credits:" + commodity,
                    key -> new LineInfo(key, "Trial balance", "Credits (" + commodity + ")", null, null, commodity)));
            values.add(credit);
        });
    }

    /**
     * The lines at one point, immutable: each is spelled out when read (a table reads those it shows).
     * {@code before[i]} is the amount at the point shown before when the line changed (null when it did not).
     */
    private static final class Lines extends AbstractList<StateRow> implements RandomAccess {
        private final LineInfo[] layout;
        private final BigDecimal[] now;
        private final BigDecimal[] before;

        Lines(LineInfo[] layout, BigDecimal[] now, BigDecimal[] before) {
            this.layout = layout;
            this.now = now;
            this.before = before;
        }

        @Override
        public StateRow get(int index) {
            LineInfo line = layout[index];
            String value = now[index] == null ? StateRows.ABSENT : MoneyText.of(now[index], line.unit());
            BigDecimal old = before[index];
            if (old == null) {
                return new StateRow(line.key(), line.section(), line.label(), value, null, false, line.account(), line.commodity(), 0);
            }
            String was = old == WAS_ABSENT ? StateRows.ABSENT : MoneyText.of(old, line.unit());
            return new StateRow(line.key(), line.section(), line.label(), value, was, true, line.account(), line.commodity(), 0);
        }

        @Override
        public int size() {
            return layout.length;
        }
    }

    private static void add(BigDecimal[] sums, int slot, BigDecimal amount) {
        sums[slot] = sums[slot] == null ? amount : sums[slot].add(amount);
    }

    private String heading(Point point) {
        return "Whole ledger at " + (point.toString().startsWith("#") ? point.toString() : point + " (#" + position + ")")
                + " · " + lineCount + " balances";
    }

    /**
     * The lines for these balances: by account type (assets, liabilities, equity, income, expenses, other),
     * each balance, then the type's total per commodity; then the trial balance's debits and credits per
     * commodity. {@code totals} receives every total by its line's key.
     */
    static List<StateRow> rows(Balances balances, Map<String, BigDecimal> totals,
                               Map<String, String> sections, Function<String, String> sectionOf) {
        SortedMap<Integer, List<StateRow>> byType = new TreeMap<>();
        SortedMap<Integer, SortedMap<String, BigDecimal>> typeTotals = new TreeMap<>();
        Subtotals subtotals = new Subtotals(balances);
        balances.forEach((account, commodity, amount) -> {
            String section = sections.computeIfAbsent(account, sectionOf);
            int order = TYPE_ORDER.indexOf(section);
            for (String parent : subtotals.due(account, commodity)) {
                byType.computeIfAbsent(order, ignored -> new ArrayList<>()).add(StateRow.of(Subtotals.key(parent, commodity),
                        section, Subtotals.label(parent), MoneyText.of(subtotals.amount(parent, commodity), commodity)));
            }
            byType.computeIfAbsent(order, ignored -> new ArrayList<>()).add(StateRow.balance("balance:" + account + ":" + commodity,
                    section, account, MoneyText.of(amount, commodity), account, commodity));
            typeTotals.computeIfAbsent(order, ignored -> new TreeMap<>()).merge(commodity, amount, BigDecimal::add);
        });
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
        SortedMap<String, BigDecimal> credits = balances.creditTotals();
        balances.debitTotals().forEach((commodity, debit) -> {
            BigDecimal credit = credits.getOrDefault(commodity, BigDecimal.ZERO);
            totals.put("debits:" + commodity, debit);
            totals.put("credits:" + commodity, credit);
            rows.add(StateRow.of("debits:" + commodity, "Trial balance", "Debits (" + commodity + ")", MoneyText.of(debit, commodity)));
            rows.add(StateRow.of("credits:" + commodity, "Trial balance", "Credits (" + commodity + ")", MoneyText.of(credit, commodity)));
        });
        return rows;
    }

    private String sectionOf(String account) {
        return accountTypes.apply(account).statementSection();
    }
}
