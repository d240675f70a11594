package dev.eventscope.statement;

import dev.eventscope.domain.ledger.CommodityStyles;

import java.math.BigDecimal;
import java.util.List;
import java.util.SortedMap;

/**
 * A drawn statement: its columns, its sections of account rows (amounts per column and commodity, already in the
 * section's display sign) each with a total, and the net line (for a balance sheet assets less liabilities and
 * equity; for an income statement revenues less expenses; for a trial balance the sum of every balance, zero when
 * the ledger balances), and, when valued at market prices, how and at which prices, and the display styles of the
 * ledger's journals ({@code styles}: the places each styled commodity is shown with, {@link StatementLines#scales}).
 * An immutable value, written by {@link StatementText}, {@link StatementCsv} and {@link StatementHtml}.
 */
public record Statement(StatementKind kind, String title, List<Column> columns, int depth, List<Section> sections,
                        List<SortedMap<String, BigDecimal>> net, java.util.Optional<StatementValuation> valuation,
                        CommodityStyles styles) {

    public Statement {
        java.util.Objects.requireNonNull(valuation, "valuation");
        java.util.Objects.requireNonNull(styles, "styles");
        columns = List.copyOf(columns);
        sections = List.copyOf(sections);
        net = List.copyOf(net);
    }

    /** A statement of a ledger whose journals styled no commodity. */
    public Statement(StatementKind kind, String title, List<Column> columns, int depth, List<Section> sections,
                     List<SortedMap<String, BigDecimal>> net, java.util.Optional<StatementValuation> valuation) {
        this(kind, title, columns, depth, sections, net, valuation, CommodityStyles.NONE);
    }

    /** A section: its rows in tree order and its total per column. */
    public record Section(String name, List<Row> rows, List<SortedMap<String, BigDecimal>> totals) {
        public Section {
            rows = List.copyOf(rows);
            totals = List.copyOf(totals);
        }
    }

    /**
     * One account: its full name, its level (1 for a top account), and per column its balance per commodity,
     * rolled up (its own postings and every sub-account's, as hledger's tree shows it); empty where it is zero.
     */
    public record Row(String account, int level, List<SortedMap<String, BigDecimal>> amounts) {
        public Row {
            amounts = List.copyOf(amounts);
        }

        /** The last segment of the name, as an indented tree shows it. */
        public String leafName() {
            int colon = account.lastIndexOf(':');
            return colon < 0 ? account : account.substring(colon + 1);
        }
    }

    /** The heading of each column: its end date on a balance sheet or trial balance, its period on an income statement. */
    public List<String> columnHeadings() {
        return columns.stream().map(column -> kind.balancesAtEnd() ? column.endLabel() : column.label()).toList();
    }

    /** The name the net line is shown with. */
    public String netName() {
        return kind == StatementKind.TRIAL_BALANCE ? "Total" : "Net";
    }
}
