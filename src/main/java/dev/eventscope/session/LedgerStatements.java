package dev.eventscope.session;

import dev.eventscope.domain.ledger.Balances;
import dev.eventscope.domain.ledger.MarketPrices;
import dev.eventscope.domain.ledger.PriceEvent.PriceRecorded;
import dev.eventscope.domain.ledger.Valuation;
import dev.eventscope.projection.LedgerQueries;
import dev.eventscope.projection.PostingDates;
import dev.eventscope.statement.AccountSections;
import dev.eventscope.statement.Column;
import dev.eventscope.statement.ColumnValuation;
import dev.eventscope.statement.MarketColumnValuation;
import dev.eventscope.statement.Statement;
import dev.eventscope.statement.StatementBuilder;
import dev.eventscope.statement.StatementClock;
import dev.eventscope.statement.StatementRequest;
import dev.eventscope.timetravel.Point;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.function.Function;

/**
 * Financial statements of one session's ledger: each column's balances come from the read models (the balances
 * projection's date checkpoints plus the register lines after them, {@code TimeTravel.ledgerBalancesAt}), or,
 * with {@link #replayed}, from a full replay per column end, the reference the tests compare them with. The
 * read models must be open and caught up (the CLI opens them first; the app has them open).
 */
public final class LedgerStatements {

    private final LedgerSession session;

    LedgerStatements(LedgerSession session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    /** The statement, answered from the read models; valued, if the request says so, at the prices recorded so far. */
    public Statement draw(StatementRequest request) {
        LedgerQueries queries = session.queries();
        long last = session.lastPosition();
        boolean entryClock = request.clock() == StatementClock.ENTRY_DATE;
        Function<LocalDate, Balances> asOf = entryClock
                ? date -> session.timeTravel().ledgerBalancesAt(new Point.AsOfDate(date)).balances()
                : date -> session.timeTravel().ledgerBalancesAt(new Point.AtRecordedTime(endOfDay(date))).balances();
        ColumnValuation valuation = ColumnValuation.NONE;
        MarketPrices known = null;
        if (request.value().isPresent()) {
            Valuation now = session.valuation(Long.MAX_VALUE);
            known = now.prices();
            // on the recorded clock a column is valued at the prices the ledger had recorded by the end of its day
            Map<Long, Valuation> byPosition = new HashMap<>();
            valuation = new MarketColumnValuation(request.value().get(), entryClock ? column -> now
                    : column -> byPosition.computeIfAbsent(session.timeTravel().positionOf(
                            new Point.AtRecordedTime(endOfDay(column.end()))), session::valuation));
        }
        List<Column> columns = columns(request, queries, last, entryClock ? known : null);
        return build(request, valuation, columns, asOf, entryClock ? last : recordedBy(columns, last));
    }

    /**
     * The position {@link #draw} answers {@code request} at: the head on the entry-date clock; on the recorded clock
     * the last event recorded by the end of its last column's day. The read models must be open.
     */
    public long position(StatementRequest request) {
        long last = session.lastPosition();
        if (request.clock() == StatementClock.ENTRY_DATE) {
            return last;
        }
        return recordedBy(columns(request, session.queries(), last, null), last);
    }

    /**
     * The position a statement on the recorded clock stands at: the last event recorded by the end of its last
     * column's day (the head when it has no column). Its sections are chosen by what was declared by then, as on the
     * ledger cut there; before session 19 they were chosen by every declaration, later ones too.
     */
    private long recordedBy(List<Column> columns, long last) {
        if (columns.isEmpty()) {
            return last;
        }
        long position = session.timeTravel().positionOf(new Point.AtRecordedTime(endOfDay(columns.get(columns.size() - 1).end())));
        return Math.min(last, position);
    }

    /**
     * The statement from a full replay of the events up to {@code upToPosition} ({@link Long#MAX_VALUE}: all) for
     * each column end, on the entry-date clock: no read model is used, so it also answers both clocks at once
     * (entries dated by the column end, as recorded up to a position); valued, if asked, at the prices recorded by then.
     */
    public Statement replayed(StatementRequest request, long upToPosition) {
        if (request.clock() != StatementClock.ENTRY_DATE) {
            throw new IllegalArgumentException("A replayed statement reads its columns on the entry-date clock; for the"
                    + " recorded clock give the position alone.");
        }
        var replay = session.fullReplay();
        PostingDates dates = replay.postingDates(upToPosition).orElse(null);
        ColumnValuation valuation = ColumnValuation.NONE;
        LocalDate lastDate = dates == null ? null : dates.last();
        if (request.value().isPresent()) {
            Valuation known = session.valuation(upToPosition);
            valuation = new MarketColumnValuation(request.value().get(), column -> known);
            lastDate = lastDay(request, lastDate, known.prices());
        }
        List<Column> columns = request.period().columns(request.interval(), dates == null ? null : dates.first(), lastDate);
        // one pass over the events for every date the statement asks, not one replay per date
        SortedMap<LocalDate, Balances> asOf = replay.balancesAsOf(upToPosition, StatementBuilder.datesAsked(request.kind(), columns));
        return build(request, valuation, columns, asOf::get, upToPosition);
    }

    /**
     * The last day an open-ended statement runs to: the last entry's, or, valued at period ends, the last price's if
     * later (hledger 1.25 closes a report valued at period ends at its last price directive too).
     */
    private static LocalDate lastDay(StatementRequest request, LocalDate lastEntry, MarketPrices prices) {
        if (lastEntry == null || prices == null || request.value().map(value -> !value.atEachColumnEnd()).orElse(true)) {
            return lastEntry;
        }
        LocalDate last = lastEntry;
        for (PriceRecorded price : prices.recorded()) {
            if (price.date().isAfter(last)) {
                last = price.date();
            }
        }
        return last;
    }

    /** The statement, its sections chosen by the account types declared at or before {@code upToPosition}, never later. */
    private Statement build(StatementRequest request, ColumnValuation valuation, List<Column> columns,
                            Function<LocalDate, Balances> asOf, long upToPosition) {
        AccountSections sections = AccountSections.of(session.declaredAccountTypes(upToPosition), session::accountType);
        return new StatementBuilder(sections, valuation).withStyles(session.commodityStyles(upToPosition))
                .build(request.kind(), columns, request.depth(), asOf);
    }

    /** The columns the request asks for, the open sides of its period filled from the ledger's first and last day on its clock. */
    public List<Column> columns(StatementRequest request, LedgerQueries queries, long upTo) {
        return columns(request, queries, upTo, null);
    }

    private List<Column> columns(StatementRequest request, LedgerQueries queries, long upTo, MarketPrices prices) {
        LocalDate first = null;
        LocalDate last = null;
        if (request.clock() == StatementClock.ENTRY_DATE) {
            PostingDates dates = queries.postingDates(upTo).orElse(null);
            if (dates != null) {
                first = dates.first();
                last = dates.last();
            }
        } else {
            SortedMap<LocalDate, Long> days = queries.countsByDay();
            if (!days.isEmpty()) {
                first = days.firstKey();
                last = days.lastKey();
            }
        }
        return request.period().columns(request.interval(), first, lastDay(request, last, prices));
    }

    private static java.time.Instant endOfDay(LocalDate date) {
        return date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1_000);
    }
}
