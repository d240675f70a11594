package dev.eventscope.ui.statements;

import dev.eventscope.session.LedgerSession;
import dev.eventscope.session.TestSessions;
import dev.eventscope.statement.Interval;
import dev.eventscope.statement.StatementKind;
import dev.eventscope.statement.StatementLines;
import dev.eventscope.ui.SameThreadExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Statements view's model without a screen: a same-thread executor, the small-business sample. */
class StatementsViewModelTest {

    @TempDir
    Path folder;

    private LedgerSession session;
    private StatementsViewModel model;

    @BeforeEach
    void open() throws Exception {
        Path ledger = Files.copy(Path.of("sample-data/ledgers/small-business.ledger"), folder.resolve("small-business.ledger"));
        session = TestSessions.SQLITE.open(ledger);
        model = new StatementsViewModel(session, new SameThreadExecutor());
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void a_period_it_cannot_read_is_one_sentence_and_nothing_is_drawn() {
        model.periodProperty().set("2025-13");
        model.show();

        assertTrue(model.messageProperty().get().startsWith("The period \"2025-13\" cannot be read"), model.messageProperty().get());
        assertNull(model.statementProperty().get());
        List<String> done = new ArrayList<>();
        model.exportCsv(folder.resolve("nothing.csv"), done::add);
        assertEquals(List.of("Show a statement first; there is nothing to export yet."), done);
        assertFalse(Files.exists(folder.resolve("nothing.csv")));
    }

    @Test
    void draws_the_chosen_statement_and_exports_what_is_shown() throws Exception {
        model.kindProperty().set(StatementKind.TRIAL_BALANCE);
        model.periodProperty().set("2025");
        model.intervalProperty().set(Interval.YEARLY);
        model.depthProperty().set(1);
        model.show();

        assertEquals("", model.messageProperty().get());
        StatementLines.Line total = model.lines().get(model.lines().size() - 1);
        assertEquals(StatementLines.Kind.NET, total.kind());
        assertEquals(List.of(List.of("0.00")), total.cells(), "a balanced ledger's trial balance totals zero, at the euro's decimals");
        assertTrue(model.lines().stream().anyMatch(line -> line.account().equals("assets")));

        Path csv = folder.resolve("trial-balance.csv");
        List<String> done = new ArrayList<>();
        model.exportCsv(csv, done::add);
        assertEquals(List.of("Exported Trial Balance 2025-12-31 to trial-balance.csv."), done);
        assertEquals("section,account,level,commodity,2025-12-31", Files.readAllLines(csv).get(0));
    }

    @Test
    void a_zero_in_a_statement_of_one_commodity_reads_as_a_figure_of_its_column() throws Exception {
        // session 19's shot: the quarterly income statement showed interest and accounting as "0" beside "44.70"
        model.kindProperty().set(StatementKind.INCOME);
        model.periodProperty().set("2025");
        model.intervalProperty().set(Interval.QUARTERLY);
        model.depthProperty().set(0);
        model.show();

        assertEquals("", model.messageProperty().get());
        StatementLines.Line interest = model.lines().stream().filter(line -> line.account().equals("income:interest")).findFirst().orElseThrow();
        assertEquals(List.of(List.of("0.00"), List.of("0.00"), List.of("0.00"), List.of("412.37")), interest.cells());
        assertTrue(model.lines().stream().flatMap(line -> line.cells().stream()).flatMap(List::stream)
                .allMatch(amount -> amount.matches("-?[0-9,]+\\.[0-9]{2}")), "every amount has the euro's two decimals");
        // the exports keep what hledger and spreadsheets read: the CSV a plain 0, the text statement hledger's "0"
        Path csv = folder.resolve("income.csv");
        model.exportCsv(csv, done -> { });
        assertTrue(Files.readAllLines(csv).stream().anyMatch(line -> line.startsWith("Revenues,income:interest,") && line.endsWith(",0,0,0,412.37")),
                String.join("\n", Files.readAllLines(csv)));
        assertTrue(StatementLines.of(model.statementProperty().get()).stream().filter(line -> line.account().equals("income:interest"))
                .findFirst().orElseThrow().cells().get(0).equals(List.of("0")));
    }
}
