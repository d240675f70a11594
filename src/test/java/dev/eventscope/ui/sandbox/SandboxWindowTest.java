package dev.eventscope.ui.sandbox;

import dev.eventscope.ui.WindowTests;
import dev.eventscope.ui.state.MoneyText;
import dev.eventscope.sandbox.SandboxFiles;
import dev.eventscope.sandbox.SandboxFixture;
import dev.eventscope.session.LedgerSession;
import dev.eventscope.session.TestSessions;
import dev.eventscope.ui.FxTaskExecutor;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Propose adjustments…" on a ledger opened read-only: proposals made elsewhere show whole; moving the base re-decides them. */
@ExtendWith(ApplicationExtension.class)
class SandboxWindowTest {

    @TempDir
    static Path folder;

    private FxTaskExecutor executor;
    private LedgerSession session;
    private Path ledger;
    private String bytes;
    private Stage stage;
    private Path run;
    private SandboxViewModel model;

    @Start
    void start(Stage stage) throws Exception {
        run = Files.createTempDirectory(folder, "run");
        ledger = run.resolve("books.ledger");
        SandboxFixture.write(ledger);
        bytes = SandboxFixture.sha256(ledger);
        session = TestSessions.SQLITE.openReadOnly(ledger);
        executor = new FxTaskExecutor();
        // a window of its own, as the app opens it (the primary stage may still carry another test's bindings)
        this.stage = new Stage();
        model = new SandboxViewModel(session, new SandboxFiles(run.resolve("sandboxes")), "auditor", executor,
                Clock.fixed(Instant.parse("2025-02-10T09:00:00Z"), ZoneOffset.UTC));
        // Monocle's headless screen is 1280x800 unless -Dheadless.geometry=1920x1080-32 makes it larger (docs/sandbox.md)
        String[] size = System.getProperty("sandbox.window", "1200x760").split("x");
        new SandboxView(model).show(this.stage, Double.parseDouble(size[0]), Double.parseDouble(size[1]));
    }

    @AfterEach
    void close() throws Exception {
        org.testfx.api.FxToolkit.cleanupStages();
        executor.close();
        session.close();
    }

    private static void waitUntil(Callable<Boolean> condition) {
        WindowTests.waitUntil(condition); // evaluated on the FX thread
    }

    private void fill(FxRobot robot, String id, String text) {
        robot.interact(() -> ((TextField) robot.lookup(id).query()).setText(text));
    }

    @Test
    void a_proposal_made_elsewhere_while_the_window_is_open_is_never_lost_by_the_window_s_next_one(FxRobot robot) throws Exception {
        TableView<SandboxViewModel.BalanceRow> adjusted = robot.lookup("#asAdjustedTable").queryTableView();
        waitUntil(() -> !adjusted.getItems().isEmpty());
        Instant now = Instant.parse("2025-02-10T09:00:00Z");
        java.util.function.Function<String, dev.eventscope.domain.ledger.EntryCommand.PostEntry> entry = id ->
                dev.eventscope.domain.ledger.EntryCommand.PostEntry.simple(dev.eventscope.domain.ledger.EntryId.of(id),
                        java.time.LocalDate.of(2025, 1, 31), "Fees " + id, java.util.List.of(posting("expenses:fees", "10"),
                                posting("assets:bank", "-10")));
        // two proposals from the window in a row: what it wrote is what it expects to find the second time
        for (String id : java.util.List.of("W1", "W2")) {
            robot.interact(() -> model.reason().set("fees"));
            model.proposing().execute(ids -> entry.apply(id));
            robot.interact(model::proposalMade);
        }
        // the command line proposes meanwhile (session 16's adversary: the window's next write dropped it)
        SandboxFiles files = new SandboxFiles(run.resolve("sandboxes"));
        dev.eventscope.sandbox.SandboxContents read = files.read(dev.eventscope.sandbox.Sandbox.ledgerId(session), "auditor")
                .orElseThrow();
        assertEquals(2, read.proposals().size());
        files.replace(read, dev.eventscope.sandbox.Sandbox.open(session, read).propose(ids -> entry.apply("C1"), "elsewhere",
                "auditor", now).contents());

        robot.interact(() -> model.reason().set("fees"));
        RuntimeException refused = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                () -> model.proposing().execute(ids -> entry.apply("W3")));
        assertTrue(refused.getMessage().contains("Another process changed the sandbox"), refused.getMessage());
        assertEquals(java.util.List.of("Fees W1", "Fees W2", "Fees C1"), files.read(dev.eventscope.sandbox.Sandbox.ledgerId(session),
                "auditor").orElseThrow().proposals().stream()
                .map(proposal -> proposal.summary().substring(proposal.summary().lastIndexOf("Fees "))).toList());
    }

    @Test
    void every_proposed_entry_shows_with_all_its_lines_and_the_base(FxRobot robot) throws Exception {
        TableView<SandboxViewModel.ProposalRow> proposals = robot.lookup("#proposalsTable").queryTableView();
        TableView<SandboxViewModel.BalanceRow> adjusted = robot.lookup("#asAdjustedTable").queryTableView();
        waitUntil(() -> !adjusted.getItems().isEmpty());
        // proposed elsewhere (the command line): a three-line entry and a reversal, in the same sandbox file
        SandboxFiles files = new SandboxFiles(run.resolve("sandboxes"));
        dev.eventscope.sandbox.Sandbox sandbox = dev.eventscope.sandbox.Sandbox.open(session, new dev.eventscope.sandbox.SandboxContents(
                dev.eventscope.sandbox.Sandbox.ledgerId(session), "auditor", dev.eventscope.sandbox.SandboxBase.HEAD, java.util.List.of()));
        Instant now = Instant.parse("2025-02-10T09:00:00Z");
        dev.eventscope.domain.ledger.EntryCommand.PostEntry split = dev.eventscope.domain.ledger.EntryCommand.PostEntry.simple(
                dev.eventscope.domain.ledger.EntryId.of("A1"), java.time.LocalDate.of(2025, 1, 31), "Fees split", java.util.List.of(
                        posting("expenses:fees", "200"), posting("expenses:rent", "100"), posting("assets:bank", "-300")));
        sandbox = sandbox.propose(ids -> split, "fees booked as rent", "auditor", now);
        sandbox = sandbox.propose(ids -> new dev.eventscope.domain.ledger.EntryCommand.ReverseEntry(
                dev.eventscope.domain.ledger.EntryId.of("E1"), dev.eventscope.domain.ledger.EntryId.of("R1"),
                java.time.LocalDate.of(2025, 1, 31), "Rent reversed"), "rent was for February", "auditor", now);
        files.write(sandbox.contents());
        robot.interact(model::load);
        waitUntil(() -> proposals.getItems().size() == 2);

        String euro300 = MoneyText.of(new java.math.BigDecimal("-300"), "EUR");
        assertEquals("expenses:fees  " + MoneyText.of(new java.math.BigDecimal("200"), "EUR") + "\n"
                + "expenses:rent  " + MoneyText.of(new java.math.BigDecimal("100"), "EUR") + "\n"
                + "assets:bank  " + euro300, WindowTests.items(proposals).get(0).lines());
        assertEquals(java.util.Set.of("expenses:rent  " + MoneyText.of(new java.math.BigDecimal("-500"), "EUR"),
                "assets:bank  " + MoneyText.of(new java.math.BigDecimal("500"), "EUR")),
                java.util.Set.copyOf(java.util.List.of(WindowTests.items(proposals).get(1).lines().split("\n"))), "the reversal's lines");
        assertTrue(((Label) robot.lookup("#sandboxBase").query()).getText().startsWith("Base: the head (position "),
                ((Label) robot.lookup("#sandboxBase").query()).getText());
        SandboxViewModel.BalanceRow rent = WindowTests.items(adjusted).stream().filter(row -> row.account().equals("expenses:rent"))
                .findFirst().orElseThrow();
        assertEquals("#1, #2", rent.changedBy());

        // the timeline as adjusted: on 2025-01-31 (both proposals' date) rent as posted 500, as adjusted 100; choosing it
        // selects the proposal that caused it
        TableView<SandboxViewModel.TimelineRow> timeline = robot.lookup("#adjustedTimelineTable").queryTableView();
        SandboxViewModel.TimelineRow rentStep = WindowTests.items(timeline).stream().filter(row -> row.account().equals("expenses:rent"))
                .findFirst().orElseThrow();
        assertEquals(new SandboxViewModel.TimelineRow("2025-01-31", "expenses:rent", "EUR", MoneyText.of(new java.math.BigDecimal("500")),
                MoneyText.of(new java.math.BigDecimal("100")), MoneyText.of(new java.math.BigDecimal("-400")), "#1, #2", java.util.List.of(1, 2)),
                rentStep);
        robot.interact(() -> robot.lookup("#sandboxResults").queryAs(javafx.scene.control.TabPane.class).getSelectionModel().select(2));
        robot.clickOn(robot.lookup("#adjustedTimelineTable .table-row-cell").nth(WindowTests.items(timeline).indexOf(rentStep)).queryAs(javafx.scene.Node.class));
        waitUntil(() -> proposals.getSelectionModel().getSelectedItem() != null
                && proposals.getSelectionModel().getSelectedItem().number().equals("2"));

        // moved back before E1 was posted: the reversal of E1 no longer applies, and says why
        long beforeRent = SandboxFixture.firstPositionOf(session, "entry-E1") - 1;
        fill(robot, "#sandboxBasePoint", Long.toString(beforeRent));
        robot.clickOn("#moveBaseButton");
        waitUntil(() -> proposals.getItems().get(1).status().startsWith("refused"));
        assertEquals("Base: position " + beforeRent + ".",
                ((Label) robot.lookup("#sandboxBase").query()).getText());
        fill(robot, "#sandboxBasePoint", "yesterday");
        robot.clickOn("#moveBaseButton");
        assertEquals("The base \"yesterday\" is not \"head\", a position such as #12 or a recorded time such as 2025-01-31T12:00:00Z.",
                ((Label) robot.lookup("#sandboxMessage").query()).getText());
        assertEquals(bytes, SandboxFixture.sha256(ledger));
    }

    private static dev.eventscope.domain.ledger.Posting posting(String account, String amount) {
        return dev.eventscope.domain.ledger.Posting.of(dev.eventscope.domain.ledger.AccountName.of(account),
                dev.eventscope.domain.ledger.Money.of(amount, "EUR"));
    }
}
