package dev.eventscope.statement;

import dev.eventscope.domain.ledger.AccountType;
import dev.eventscope.domain.ledger.Amounts;
import dev.eventscope.domain.ledger.Balances;
import dev.eventscope.domain.ledger.CommodityStyles;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Draws a {@link Statement} from every account's balances as of a date ({@code balancesAsOf}, asked once per
 * column end, and once per column start on an income statement). Pure: it folds and rolls up
 * {@link Balances} with {@link Balances#rolledUp()}, sorts accounts as a tree and applies the section signs;
 * where the balances come from (read models, a replay, a sandbox) is the caller's choice.
 */
public final class StatementBuilder {

    /** Orders account names as a tree: segment by segment, so a parent comes right before its sub-accounts. */
    static final Comparator<String> TREE_ORDER = (left, right) -> {
        String[] a = left.split(":", -1);
        String[] b = right.split(":", -1);
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            int compared = a[i].compareTo(b[i]);
            if (compared != 0) {
                return compared;
            }
        }
        return Integer.compare(a.length, b.length);
    };

    private final AccountSections accountSections;
    private final ColumnValuation valuation;
    private final CommodityStyles styles;

    /** {@code typeOf} gives an account's type (as {@code LedgerSession.accountType} infers it, hledger's way). */
    public StatementBuilder(Function<String, AccountType> typeOf, ColumnValuation valuation) {
        this(AccountSections.byType(typeOf), valuation);
    }

    /** {@code accountSections} says which accounts each section holds (hledger 1.25's way, declared types first). */
    public StatementBuilder(AccountSections accountSections, ColumnValuation valuation) {
        this(accountSections, valuation, CommodityStyles.NONE);
    }

    private StatementBuilder(AccountSections accountSections, ColumnValuation valuation, CommodityStyles styles) {
        this.accountSections = Objects.requireNonNull(accountSections, "accountSections");
        this.valuation = Objects.requireNonNull(valuation, "valuation");
        this.styles = Objects.requireNonNull(styles, "styles");
    }

    /** This builder, its statements shown in the journals' display {@code styles} (they change no figure). */
    public StatementBuilder withStyles(CommodityStyles styles) {
        return new StatementBuilder(accountSections, valuation, styles);
    }

    /**
     * The statement of {@code kind} over {@code columns}, accounts rolled up to {@code depth} levels (0: every
     * level). {@code balancesAsOf} gives every account's balances counting the postings dated on or before a date.
     */
    public Statement build(StatementKind kind, List<Column> columns, int depth, Function<LocalDate, Balances> balancesAsOf) {
        Map<LocalDate, Balances> asOf = new HashMap<>();
        Function<LocalDate, Balances> cached = date -> asOf.computeIfAbsent(date, balancesAsOf);
        List<Balances> perColumn = new ArrayList<>();
        for (Column column : columns) {
            Balances atEnd = cached.apply(column.end());
            Balances shown = kind.balancesAtEnd() || column.start() == null
                    ? atEnd : atEnd.minus(cached.apply(column.start().minusDays(1)));
            perColumn.add(valuation.value(shown, column, kind.balancesAtEnd()));
        }
        return build(kind, columns, depth, perColumn, valuation.used(columns));
    }

    /** The dates {@link #build(StatementKind, List, int, Function)} asks balances as of: each column's end, and on an income statement the day before each start. */
    public static java.util.SortedSet<LocalDate> datesAsked(StatementKind kind, List<Column> columns) {
        java.util.SortedSet<LocalDate> dates = new java.util.TreeSet<>();
        for (Column column : columns) {
            dates.add(column.end());
            if (!kind.balancesAtEnd() && column.start() != null) {
                dates.add(column.start().minusDays(1));
            }
        }
        return dates;
    }

    /** The statement from each column's balances as they are to be shown (balances at its end, or its changes). */
    public Statement build(StatementKind kind, List<Column> columns, int depth, List<Balances> perColumn) {
        return build(kind, columns, depth, perColumn, java.util.Optional.empty());
    }

    private Statement build(StatementKind kind, List<Column> columns, int depth, List<Balances> perColumn,
                            java.util.Optional<StatementValuation> valued) {
        List<Statement.Section> sections = new ArrayList<>();
        List<Fold> net = folds(columns.size());
        for (StatementKind.SectionSpec spec : kind.sections()) {
            Map<String, Boolean> held = new HashMap<>();
            List<Balances> sectionColumns = new ArrayList<>();
            List<Fold> totals = folds(columns.size());
            for (int column = 0; column < perColumn.size(); column++) {
                Balances.Fold fold = Balances.fold();
                Fold total = totals.get(column);
                Fold netColumn = net.get(column);
                perColumn.get(column).forEach((account, commodity, amount) -> {
                    if (held.computeIfAbsent(account, name -> accountSections.holds(spec, name))) {
                        BigDecimal shown = spec.sign() < 0 ? amount.negate() : amount;
                        fold.add(account, commodity, shown);
                        total.add(commodity, shown);
                        netColumn.add(commodity, kind == StatementKind.INCOME ? amount.negate() : amount);
                    }
                });
                sectionColumns.add(fold.balances().rolledUp());
            }
            sections.add(new Statement.Section(spec.name(), rows(sectionColumns, depth), totals.stream().map(Fold::value).toList()));
        }
        String title = kind.title() + (columns.isEmpty() ? "" : " " + span(kind, columns))
                + valued.map(how -> ", " + how.description()).orElse("");
        return new Statement(kind, title, columns, depth, sections, net.stream().map(Fold::value).toList(), valued, styles);
    }

    private static String span(StatementKind kind, List<Column> columns) {
        Column first = columns.get(0);
        Column last = columns.get(columns.size() - 1);
        if (kind.balancesAtEnd()) {
            return columns.size() == 1 ? last.endLabel() : first.endLabel() + ".." + last.endLabel();
        }
        return columns.size() == 1 ? first.label() : first.label() + ".." + last.label();
    }

    /** Rows of every account at {@code depth} or above that is not zero in some column or has such a sub-account shown. */
    private static List<Statement.Row> rows(List<Balances> rolledUp, int depth) {
        SortedMap<String, Boolean> accounts = new TreeMap<>(TREE_ORDER);
        for (Balances column : rolledUp) {
            column.asMap().keySet().forEach(account -> {
                if (depth <= 0 || level(account) <= depth) {
                    accounts.put(account, true);
                }
            });
        }
        // a parent whose rolled-up balance is zero everywhere is still shown above a shown sub-account, as hledger's tree does
        for (String account : List.copyOf(accounts.keySet())) {
            for (int colon = account.indexOf(':'); colon > 0; colon = account.indexOf(':', colon + 1)) {
                accounts.putIfAbsent(account.substring(0, colon), true);
            }
        }
        List<Statement.Row> rows = new ArrayList<>();
        for (String account : accounts.keySet()) {
            rows.add(new Statement.Row(account, level(account), rolledUp.stream().map(column -> column.account(account)).toList()));
        }
        return rows;
    }

    static int level(String account) {
        int level = 1;
        for (int i = 0; i < account.length(); i++) {
            if (account.charAt(i) == ':') {
                level++;
            }
        }
        return level;
    }

    private static List<Fold> folds(int count) {
        List<Fold> folds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            folds.add(new Fold());
        }
        return folds;
    }

    /** One column's sum per commodity. */
    private static final class Fold {
        private final SortedMap<String, BigDecimal> sum = new TreeMap<>();

        void add(String commodity, BigDecimal amount) {
            sum.merge(commodity, amount, BigDecimal::add);
        }

        SortedMap<String, BigDecimal> value() {
            SortedMap<String, BigDecimal> nonZero = new TreeMap<>();
            sum.forEach((commodity, amount) -> {
                if (amount.signum() != 0) {
                    nonZero.put(commodity, Amounts.normalise(amount));
                }
            });
            return Collections.unmodifiableSortedMap(nonZero);
        }
    }
}
