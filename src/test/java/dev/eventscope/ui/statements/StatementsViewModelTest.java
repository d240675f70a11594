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
        assertEquals(List.of(List.of("0")), total.cells(), "a balanced ledger's trial balance totals zero");
        assertTrue(model.lines().stream().anyMatch(line -> line.account().equals("assets")));

        Path csv = folder.resolve("trial-balance.csv");
        List<String> done = new ArrayList<>();
        model.exportCsv(csv, done::add);
        assertEquals(List.of("Exported Trial Balance 2025-12-31 to trial-balance.csv."), done);
        assertEquals("section,account,level,commodity,2025-12-31", Files.readAllLines(csv).get(0));
    }
}
