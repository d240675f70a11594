package dev.eventscope.audit;

import dev.eventscope.codec.EventCodec;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.projection.PostingDates;
import dev.eventscope.statement.Column;
import dev.eventscope.statement.ColumnValuation;
import dev.eventscope.statement.Interval;
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
 * events the report lists.
 */
public final class ReportStatements {

    static final int DEPTH = 2;
    private static final int MOST_QUARTERS = 8;

    private ReportStatements() {
    }

    /** The statements of the ledger up to {@code position}; empty when it has no postings. */
    public static List<Statement> of(EventStore store, EventCodec codec, long position) {
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
        StatementBuilder builder = new StatementBuilder(replay::accountType, ColumnValuation.NONE);
        return List.of(builder.build(StatementKind.BALANCE_SHEET, columns, DEPTH, asOf::get),
                builder.build(StatementKind.INCOME, columns, DEPTH, asOf::get));
    }
}
