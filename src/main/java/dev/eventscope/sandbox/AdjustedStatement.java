package dev.eventscope.sandbox;

import dev.eventscope.domain.ledger.AccountType;
import dev.eventscope.statement.Column;
import dev.eventscope.statement.Statement;
import dev.eventscope.statement.StatementKind;
import dev.eventscope.statement.StatementLines;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A statement (balance sheet, income statement or trial balance) "as posted" (the real events up to the sandbox's
 * base) beside "as adjusted" (with the accepted proposals), drawn over the same columns, and its lines side by side:
 * each section heading, account row, section total and the net line with both amounts per column and, where they
 * differ, the proposals (by number) that cause the difference.
 */
public record AdjustedStatement(Statement asPosted, Statement asAdjusted, List<Line> lines) {

    /** Account names in tree order (a parent right before its sub-accounts), as the statements list them. */
    private static final Comparator<String> TREE_ORDER = Comparator.comparing(account -> account.replace(':', '\0'));

    public AdjustedStatement {
        lines = List.copyOf(lines);
    }

    /**
     * One line of both statements: its kind, section, label (an account's leaf name indented), full account name (empty
     * but for accounts), per column the amounts as posted and as adjusted (per commodity, in the section's sign), and
     * the proposals that change it (empty where nothing changed).
     */
    public record Line(StatementLines.Kind kind, String section, String label, String account,
                       List<SortedMap<String, BigDecimal>> asPosted, List<SortedMap<String, BigDecimal>> asAdjusted,
                       List<Integer> causedBy) {
        public Line {
            asPosted = List.copyOf(asPosted);
            asAdjusted = List.copyOf(asAdjusted);
            causedBy = List.copyOf(causedBy);
        }

        public boolean changed() {
            return !asPosted.equals(asAdjusted);
        }

        /** Per column, as adjusted less as posted, per commodity (zeros left out). */
        public List<SortedMap<String, BigDecimal>> change() {
            List<SortedMap<String, BigDecimal>> change = new ArrayList<>();
            for (int column = 0; column < asPosted.size(); column++) {
                SortedMap<String, BigDecimal> difference = new TreeMap<>(asAdjusted.get(column));
                asPosted.get(column).forEach((commodity, amount) -> difference.merge(commodity, amount.negate(), BigDecimal::add));
                difference.values().removeIf(amount -> amount.signum() == 0);
                difference.replaceAll((commodity, amount) -> dev.eventscope.domain.ledger.Amounts.normalise(amount));
                change.add(difference);
            }
            return change;
        }
    }

    /** Both statements (drawn over the same columns) side by side, each changed line linked to the accepted proposals that change it. */
    static AdjustedStatement of(Statement asPosted, Statement asAdjusted, List<DecidedProposal> proposals,
                                Function<String, AccountType> typeOf) {
        List<Column> columns = asAdjusted.columns();
        List<SortedMap<String, BigDecimal>> none = columns.stream().map(column -> (SortedMap<String, BigDecimal>) new TreeMap<String, BigDecimal>()).toList();
        Causes causes = new Causes(asAdjusted.kind(), columns, proposals, typeOf);
        List<Line> lines = new ArrayList<>();
        for (int index = 0; index < asAdjusted.sections().size(); index++) {
            Statement.Section posted = asPosted.sections().get(index);
            Statement.Section adjusted = asAdjusted.sections().get(index);
            Set<AccountType> types = asAdjusted.kind().sections().get(index).types();
            lines.add(new Line(StatementLines.Kind.SECTION, adjusted.name(), adjusted.name(), "", List.of(), List.of(), List.of()));
            Map<String, Statement.Row> postedRows = byAccount(posted);
            Map<String, Statement.Row> adjustedRows = byAccount(adjusted);
            TreeSet<String> accounts = new TreeSet<>(TREE_ORDER);
            accounts.addAll(postedRows.keySet());
            accounts.addAll(adjustedRows.keySet());
            for (String account : accounts) {
                Statement.Row row = adjustedRows.getOrDefault(account, postedRows.get(account));
                List<SortedMap<String, BigDecimal>> before = postedRows.containsKey(account) ? postedRows.get(account).amounts() : none;
                List<SortedMap<String, BigDecimal>> after = adjustedRows.containsKey(account) ? adjustedRows.get(account).amounts() : none;
                String label = "  ".repeat(row.level() - 1) + (row.level() == 1 ? account : row.leafName());
                lines.add(new Line(StatementLines.Kind.ACCOUNT, adjusted.name(), label, account, before, after,
                        before.equals(after) ? List.of() : causes.of(name -> name.equals(account) || name.startsWith(account + ":"), types)));
            }
            lines.add(new Line(StatementLines.Kind.TOTAL, adjusted.name(), "Total " + adjusted.name().toLowerCase(java.util.Locale.ROOT), "",
                    posted.totals(), adjusted.totals(), posted.totals().equals(adjusted.totals()) ? List.of() : causes.of(name -> true, types)));
        }
        Set<AccountType> all = new java.util.HashSet<>();
        asAdjusted.kind().sections().forEach(spec -> all.addAll(spec.types()));
        lines.add(new Line(StatementLines.Kind.NET, "", asAdjusted.netName(), "", asPosted.net(), asAdjusted.net(),
                asPosted.net().equals(asAdjusted.net()) ? List.of() : causes.of(name -> true, all)));
        return new AdjustedStatement(asPosted, asAdjusted, lines);
    }

    private static Map<String, Statement.Row> byAccount(Statement.Section section) {
        Map<String, Statement.Row> rows = new LinkedHashMap<>();
        section.rows().forEach(row -> rows.put(row.account(), row));
        return rows;
    }

    /** Which accepted proposals post, within some column, to accounts a line counts. */
    private record Causes(StatementKind kind, List<Column> columns, List<DecidedProposal> proposals,
                          Function<String, AccountType> typeOf) {

        List<Integer> of(java.util.function.Predicate<String> counted, Set<AccountType> types) {
            List<Integer> numbers = new ArrayList<>();
            for (DecidedProposal proposal : proposals) {
                if (proposal.accepted() && proposal.postings().stream().anyMatch(posting -> counted.test(posting.account())
                        && types.contains(typeOf.apply(posting.account())) && inSomeColumn(posting.date()))) {
                    numbers.add(proposal.proposal().number());
                }
            }
            return numbers;
        }

        private boolean inSomeColumn(LocalDate date) {
            for (Column column : columns) {
                boolean started = kind.balancesAtEnd() || column.start() == null || !date.isBefore(column.start());
                if (started && !date.isAfter(column.end())) {
                    return true;
                }
            }
            return false;
        }
    }
}
