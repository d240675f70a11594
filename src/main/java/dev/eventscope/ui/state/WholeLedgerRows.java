package dev.eventscope.ui.state;

import dev.eventscope.domain.ledger.AccountName;
import dev.eventscope.domain.ledger.AccountType;
import dev.eventscope.domain.ledger.Balances;
import dev.eventscope.projection.LedgerQueries;
import dev.eventscope.timetravel.LedgerBalances;
import dev.eventscope.timetravel.Point;
import dev.eventscope.timetravel.TimeTravel;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The whole ledger's state panel lines (every balance by account type, parent subtotals, totals, trial balance), kept
 * between slider moves so that a move computes only what changed: a small move reads the register lines between the
 * two points, a long one asks time travel for the balances there (from its nearest checkpoint);
 * {@link WholeLedgerLines}, which holds the balances shown, patches the lines with what changed. The answer is an immutable list of amounts whose lines are spelled out (formatted) only when read: a
 * table reads the few lines it shows, so a move over 10,000 balances formats a screenful, not 10,000. Used by one
 * background computation at a time (the timeline's newest-wins queue).
 */
public final class WholeLedgerRows {

    /** Moves over at most this many events read the register in between instead of a checkpoint. */
    static final long SMALL_MOVE = 20_000;

    private final TimeTravel timeTravel;
    private final LedgerQueries queries;
    private final long smallMove;
    private final Map<String, String> sections = new HashMap<>();
    private final Function<String, AccountType> accountTypes;
    /** The lines shown (null: none yet, or the last move failed). */
    private WholeLedgerLines lines;
    private long position = -1;
    private boolean shownByDate;

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
            // the next answer starts afresh
            lines = null;
            throw failed;
        }
    }

    private PointState compute(Point point) {
        boolean byDate = point instanceof Point.AsOfDate || shownByDate;
        shownByDate = point instanceof Point.AsOfDate;
        if (lines == null) {
            lines = new WholeLedgerLines(account -> sections.computeIfAbsent(account, this::sectionOf));
            byDate = true;
        }
        long target = byDate ? -1 : timeTravel.positionOf(point);
        if (!byDate && Math.abs(target - position) <= smallMove && queries.registerPosition() >= Math.max(target, position)) {
            return show(point, target, lines.moveBy(registerAmounts(position, target)));
        }
        // the lines hold the balances shown: the engine's answer is compared with them
        LedgerBalances at = timeTravel.ledgerBalancesAt(point);
        return show(point, at.position(), lines.moveTo(at.balances()));
    }

    private PointState show(Point point, long at, List<StateRow> rows) {
        position = at;
        return new PointState(point, at, heading(point), rows);
    }

    /** The trial balance at the point last answered: per commodity, the debits ({@code [0]}) and the credits ({@code [1]}). */
    public SortedMap<String, BigDecimal[]> trialBalance() {
        return lines == null ? new TreeMap<>() : lines.trialBalance();
    }

    /** The register amounts between two positions, negated for a move back. */
    private Balances registerAmounts(long from, long to) {
        Balances.Fold step = Balances.fold();
        boolean forward = to > from;
        queries.registerAmountsBetween(Math.min(from, to), Math.max(from, to),
                (account, commodity, amount) -> step.add(account, commodity, forward ? amount : amount.negate()));
        return step.balances();
    }

    private String heading(Point point) {
        return "Whole ledger at " + (point.toString().startsWith("#") ? point.toString() : point + " (#" + position + ")")
                + " · " + lines.balanceCount() + " balances";
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
            int order = WholeLedgerLines.TYPE_ORDER.indexOf(section);
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
            String section = WholeLedgerLines.TYPE_ORDER.get(order);
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
