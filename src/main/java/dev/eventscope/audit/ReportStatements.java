package dev.eventscope.audit;

import dev.eventscope.codec.EventCodec;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.projection.PostingDates;
import dev.eventscope.statement.AccountSections;
import dev.eventscope.statement.Column;
import dev.eventscope.statement.ColumnValuation;
import dev.eventscope.domain.ledger.Valuation;
import dev.eventscope.domain.ledger.ValuationTarget;
import dev.eventscope.statement.Interval;
import dev.eventscope.statement.MarketColumnValuation;
import dev.eventscope.statement.StatementValue;
import dev.eventscope.statement.ReportPeriod;
import dev.eventscope.statement.Statement;
import dev.eventscope.statement.StatementBuilder;
import dev.eventscope.statement.StatementKind;
import dev.eventscope.timetravel.FullReplay;

import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The report's "Statements" section: the balance sheet and the income statement of the ledger as the report's
 * verification read it (events up to that position), every entry from the first to the last, one column per
 * quarter (per year when that would make more than eight columns), accounts to two levels. Folded in one pass
 * over the events ({@link FullReplay#balancesAsOf}), so the section needs no read model and agrees with the
 * events the report lists. A ledger with market prices also gets both valued in its base commodity.
 */
public final class ReportStatements {

    static final int DEPTH = 2;
    private static final int MOST_QUARTERS = 8;

    private ReportStatements() {
    }

    /** The statements of the ledger up to {@code position}; empty when it has no postings. */
    public static List<Statement> of(EventStore store, EventCodec codec, long position) {
        return of(store, codec, position, null);
    }

    /**
     * As {@link #of(EventStore, EventCodec, long)}, and, when the ledger had recorded market prices by then and has a
     * base commodity, the two statements again valued in it, each column at its end (as {@code statement --value}).
     */
    public static List<Statement> of(EventStore store, EventCodec codec, long position, String baseCommodity) {
        FullReplay replay = new FullReplay(store, codec);
        PostingDates dates = replay.postingDates(position).orElse(null);
        if (dates == null) {
            return List.of();
        }
        List<Column> columns = ReportPeriod.all().columns(Interval.QUARTERLY, dates.first(), dates.last());
        if (columns.size() > MOST_QUARTERS) {
            columns = ReportPeriod.all().columns(Interval.YEARLY, dates.first(), dates.last());
        }
        SortedSet<LocalDate> asked = new TreeSet<>(StatementBuilder.datesAsked(StatementKind.BALANCE_SHEET, columns));
        asked.addAll(StatementBuilder.datesAsked(StatementKind.INCOME, columns));
        SortedMap<LocalDate, dev.eventscope.domain.ledger.Balances> asOf = replay.balancesAsOf(position, asked);
        // the sections as hledger 1.25 chooses them: by the imported journals' type declarations, if any, as recorded
        // by the report's position (a later import's declarations must not move an account between sections)
        AccountSections sections = AccountSections.of(dev.eventscope.application.RecordedImports.declaredAccountTypes(store, position),
                replay::accountType);
        dev.eventscope.domain.ledger.CommodityStyles styles = dev.eventscope.application.RecordedImports.commodityStyles(store, position);
        StatementBuilder builder = new StatementBuilder(sections, ColumnValuation.NONE).withStyles(styles);
        List<Statement> statements = new java.util.ArrayList<>(List.of(builder.build(StatementKind.BALANCE_SHEET, columns, DEPTH, asOf::get),
                builder.build(StatementKind.INCOME, columns, DEPTH, asOf::get)));
        dev.eventscope.domain.ledger.MarketPrices prices = dev.eventscope.application.MarketPriceHistory.readThrough(store, codec, position);
        if (baseCommodity != null && !baseCommodity.isBlank() && !prices.isEmpty()) {
            Valuation valuation = new Valuation(prices);
            StatementValue value = StatementValue.atPeriodEnds(ValuationTarget.in(baseCommodity));
            for (StatementKind kind : List.of(StatementKind.BALANCE_SHEET, StatementKind.INCOME)) {
                statements.add(new StatementBuilder(sections, new MarketColumnValuation(value, column -> valuation)).withStyles(styles)
                        .build(kind, columns, DEPTH, asOf::get));
            }
        }
        return statements;
    }
}
