package dev.eventscope.cli;

import dev.eventscope.session.LedgerSession;
import dev.eventscope.session.TestSessions;
import dev.eventscope.statement.Interval;
import dev.eventscope.statement.ReportPeriod;
import dev.eventscope.statement.StatementClock;
import dev.eventscope.statement.StatementCsv;
import dev.eventscope.statement.StatementKind;
import dev.eventscope.statement.StatementRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code eventscope statement} on a copy of the small-business sample ledger. */
class StatementCommandTest {

    @TempDir
    Path folder;

    private Path ledger;

    @BeforeEach
    void copyTheSample() throws Exception {
        ledger = Files.copy(Path.of("sample-data/ledgers/small-business.ledger"), folder.resolve("small-business.ledger"));
    }

    private CliRun statement(String... options) {
        String[] args = new String[options.length + 3];
        args[0] = "statement";
        args[1] = "--ledger";
        args[2] = ledger.toString();
        System.arraycopy(options, 0, args, 3, options.length);
        return CliRun.run(new FakeLedgerStores().with(ledger), args);
    }

    @Test
    void an_income_statement_per_quarter_as_csv() {
        CliRun run = statement("income", "--period", "2025", "--quarterly", "--depth", "1", "--format", "csv");

        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertEquals(List.of(
                "section,account,level,commodity,2025Q1,2025Q2,2025Q3,2025Q4",
                "Revenues,income,1,EUR,59680,44540,47810,34352.37",
                "Revenues,total,,EUR,59680,44540,47810,34352.37",
                "Expenses,expenses,1,EUR,33557.57,34011.62,35922.37,49245.24",
                "Expenses,total,,EUR,33557.57,34011.62,35922.37,49245.24",
                ",Net,,EUR,26122.43,10528.38,11887.63,-14892.87"), run.out().lines().toList());
    }

    @Test
    void a_period_it_cannot_read_is_one_sentence_naming_it() {
        CliRun run = statement("balance-sheet", "--period", "2025Q5");

        assertEquals(ExitCodes.USAGE_OR_UNREADABLE_LEDGER, run.exitCode());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().startsWith("The period \"2025Q5\" cannot be read"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void an_unknown_statement_is_named() {
        CliRun run = statement("cash-flow");

        assertEquals(ExitCodes.USAGE_OR_UNREADABLE_LEDGER, run.exitCode());
        assertTrue(run.err().contains("\"cash-flow\""), run.err());
    }

    @Test
    void the_read_models_and_the_replay_give_the_same_statement_on_either_clock() {
        String fromReadModels = statement("balance-sheet", "-p", "2025", "-M", "--depth", "2", "--format", "csv").out();
        String replayed = statement("balance-sheet", "-p", "2025", "-M", "--depth", "2", "--format", "csv", "--replay").out();
        assertEquals(replayed, fromReadModels);

        CliRun json = statement("trial-balance", "--format", "json");
        assertEquals(ExitCodes.OK, json.exitCode(), json.err());
        assertTrue(json.out().contains("\"statement\" : \"trial-balance\""), json.out());
        CliRun html = statement("income", "-Y", "--format", "html");
        assertTrue(html.out().contains("<table class=\"statement\">"), html.out());
    }

    @Test
    void at_a_position_it_counts_only_the_events_recorded_up_to_it() {
        String atPosition = statement("balance-sheet", "-p", "2025", "-Q", "--at-position", "300", "--format", "csv").out();
        try (LedgerSession session = TestSessions.SQLITE.openReadOnly(ledger)) {
            StatementRequest request = new StatementRequest(StatementKind.BALANCE_SHEET, ReportPeriod.parse("2025"), Interval.QUARTERLY,
                    0, StatementClock.ENTRY_DATE);
            String expected = StatementCsv.records(session.statements().replayed(request, 300)).stream()
                    .map(record -> String.join(",", record)).collect(Collectors.joining("\n", "", "\n"));
            assertEquals(expected, atPosition);
            String now = StatementCsv.records(session.statements().replayed(request, Long.MAX_VALUE)).stream()
                    .map(record -> String.join(",", record)).collect(Collectors.joining("\n", "", "\n"));
            assertTrue(!now.equals(atPosition), "position 300 is before the ledger's last event");
        }
    }
}
