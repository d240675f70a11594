package dev.eventscope.session;

import dev.eventscope.domain.ledger.Balances;
import dev.eventscope.projection.ProgressListener;
import dev.eventscope.statement.Column;
import dev.eventscope.statement.ColumnValuation;
import dev.eventscope.statement.Interval;
import dev.eventscope.statement.ReportPeriod;
import dev.eventscope.statement.Statement;
import dev.eventscope.statement.StatementBuilder;
import dev.eventscope.statement.StatementClock;
import dev.eventscope.statement.StatementKind;
import dev.eventscope.statement.StatementRequest;
import dev.eventscope.timetravel.Point;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Statements on the recorded-time clock equal a full replay of the events recorded by each column's end. */
class LedgerStatementsTest {

    @TempDir
    Path folder;

    @Test
    void on_the_recorded_clock_each_column_is_what_the_ledger_held_at_the_end_of_its_last_day() throws Exception {
        Path ledger = Files.copy(Path.of("sample-data/ledgers/audit-case.ledger"), folder.resolve("audit-case.ledger"));
        try (LedgerSession session = TestSessions.SQLITE.open(ledger)) {
            session.projections().open(ProgressListener.NONE);
            for (StatementKind kind : List.of(StatementKind.BALANCE_SHEET, StatementKind.INCOME)) {
                StatementRequest request = new StatementRequest(kind, ReportPeriod.all(), Interval.MONTHLY, 2, StatementClock.RECORDED);
                Statement drawn = session.statements().draw(request);

                List<Balances> expected = new ArrayList<>();
                Balances before = Balances.empty();
                for (Column column : drawn.columns()) {
                    long position = session.timeTravel().positionOf(new Point.AtRecordedTime(
                            column.end().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1_000)));
                    Balances atEnd = session.fullReplay().balances(position);
                    expected.add(kind.balancesAtEnd() ? atEnd : atEnd.minus(before));
                    before = atEnd;
                }
                assertEquals(new StatementBuilder(session::accountType, ColumnValuation.NONE).build(kind, drawn.columns(), 2, expected),
                        drawn, kind.title());
            }
        }
    }
}
