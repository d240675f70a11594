package dev.eventscope.ui.sandbox;

import dev.eventscope.ui.WindowTests;
import dev.eventscope.application.CommandContext;
import dev.eventscope.domain.ledger.EntryCommand;
import dev.eventscope.domain.ledger.EntryId;
import dev.eventscope.sandbox.SandboxFiles;
import dev.eventscope.sandbox.SandboxFixture;
import dev.eventscope.session.LedgerSession;
import dev.eventscope.session.TestSessions;
import dev.eventscope.statement.StatementKind;
import dev.eventscope.ui.FxTaskExecutor;
import dev.eventscope.ui.state.MoneyText;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The main flow of "Propose adjustments…" through the window, with the real command forms: open the sandbox at a past
 * point, propose a three-line entry, an account, a reversal and a close, see as posted beside as adjusted (balances,
 * trial balance, statements, timeline), see refusals explained as the real form explains them, move the base and let
 * the real ledger move on, export an hledger journal and apply.
 */
@ExtendWith(ApplicationExtension.class)
class SandboxFlowTest {

    @TempDir
    static Path folder;

    private FxTaskExecutor executor;
    private LedgerSession session;
    private Path ledger;
    private Path run;
    private Stage stage;
    private SandboxView view;

    private void open(FxRobot robot, boolean readOnly) throws Exception {
        run = Files.createTempDirectory(folder, "run");
        ledger = run.resolve("books.ledger");
        SandboxFixture.write(ledger);
        session = readOnly ? TestSessions.SQLITE.openReadOnly(ledger) : TestSessions.SQLITE.open(ledger);
        executor = new FxTaskExecutor();
        SandboxViewModel model = new SandboxViewModel(session, new SandboxFiles(run.resolve("sandboxes")), "auditor", executor,
                Clock.fixed(Instant.parse("2025-02-10T09:00:00Z"), ZoneOffset.UTC));
        view = new SandboxView(model);
        // Monocle's headless screen is 1280x800 unless -Dheadless.geometry=1920x1080-32 makes it larger (docs/sandbox.md)
        String[] size = System.getProperty("sandbox.window", "1280x800").split("x");
        robot.interact(() -> {
            stage = new Stage();
            view.show(stage, Double.parseDouble(size[0]), Double.parseDouble(size[1]));
        });
        waitUntil(() -> !robot.lookup("#asAdjustedTable").queryTableView().getItems().isEmpty());
    }

    @AfterEach
    void close() throws Exception {
        org.testfx.api.FxToolkit.cleanupStages();
        if (executor != null) {
            executor.close();
        }
        if (session != null) {
            session.close();
        }
    }

    @Test
    void the_main_flow_from_a_past_point_to_apply(FxRobot robot) throws Exception {
        open(robot, false);
        TableView<SandboxViewModel.ProposalRow> proposals = robot.lookup("#proposalsTable").queryTableView();
        Label message = robot.lookup("#sandboxMessage").query();

        // open at a past point: before E2 (the sales) was posted
        long beforeSales = SandboxFixture.firstPositionOf(session, "entry-E2") - 1;
        fill(robot, robot.lookup("#sandboxBasePoint").query(), Long.toString(beforeSales));
        robot.clickOn("#moveBaseButton");
        waitUntil(() -> text(robot, "#sandboxBase").equals("Base: position " + beforeSales + "."));

        // a three-line entry, the balance shown live as it is typed
        Node entry = robot.lookup("#proposeEntryForm").query();
        reason(robot, "fees were booked as rent");
        robot.interact(() -> robot.from(entry).lookup("#dateField").queryAs(DatePicker.class).setValue(LocalDate.of(2025, 1, 31)));
        fill(robot, robot.from(entry).lookup("#descriptionField").query(), "Fees split");
        fill(robot, robot.from(entry).lookup("#account0").query(), "expenses:fees");
        fill(robot, robot.from(entry).lookup("#amount0").query(), "200");
        fill(robot, robot.from(entry).lookup("#account1").query(), "expenses:rent");
        fill(robot, robot.from(entry).lookup("#amount1").query(), "100");
        assertEquals("Off by 300.00 EUR", robot.from(entry).lookup("#imbalanceLabel").queryAs(Label.class).getText());
        fill(robot, robot.from(entry).lookup("#account2").query(), "assets:bank");
        assertEquals("Balanced: the empty amount takes -300.00 EUR", robot.from(entry).lookup("#imbalanceLabel").queryAs(Label.class).getText());
        robot.clickOn(robot.from(entry).lookup("#submitButton").queryButton());
        waitUntil(() -> proposals.getItems().size() == 1);
        assertEquals("Proposed 1: post E3 2025-01-31 Fees split (accepted).", message.getText());
        assertEquals(3, WindowTests.items(proposals).get(0).lines().split("\n").length, WindowTests.items(proposals).get(0).lines());
        assertEquals("", robot.lookup("#proposalReason").queryAs(TextField.class).getText(), "the reason is cleared for the next one");

        // as posted beside as adjusted at the base: the rent as posted 500, as adjusted 600, caused by #1; no sales yet
        TableView<SandboxViewModel.BalanceRow> adjusted = robot.lookup("#asAdjustedTable").queryTableView();
        SandboxViewModel.BalanceRow rent = row(adjusted, "expenses:rent");
        assertEquals(List.of(money("500"), money("600"), money("100"), "#1"), List.of(rent.asPosted(), rent.asAdjusted(), rent.change(), rent.changedBy()));
        assertTrue(WindowTests.items(adjusted).stream().noneMatch(row -> row.account().equals("income:sales")), "E2 is after the base");
        assertEquals("Trial balance: as posted debits " + MoneyText.of(new BigDecimal("500"), "EUR") + " = credits "
                + MoneyText.of(new BigDecimal("500"), "EUR") + "; as adjusted debits " + MoneyText.of(new BigDecimal("800"), "EUR")
                + " = credits " + MoneyText.of(new BigDecimal("800"), "EUR") + ".", text(robot, "#sandboxTrialBalance"));
        TableView<SandboxViewModel.TimelineRow> timeline = robot.lookup("#adjustedTimelineTable").queryTableView();
        assertTrue(WindowTests.items(timeline).stream().anyMatch(step -> step.date().equals("2025-01-31") && step.account().equals("expenses:fees")
                && step.changedBy().equals("#1")), WindowTests.items(timeline).toString());

        // the income statement as posted beside as adjusted, each changed line naming the proposal
        robot.interact(() -> robot.lookup("#sandboxResults").queryAs(TabPane.class).getSelectionModel().select(1));
        robot.interact(() -> kindChoice(robot).setValue(StatementKind.INCOME));
        TableView<StatementRow> statement = robot.lookup("#sandboxStatementTable").queryTableView();
        waitUntil(() -> statement.getItems().stream().anyMatch(line -> line.line().equals("Total expenses")));
        StatementRow expenses = WindowTests.items(statement).stream().filter(line -> line.line().equals("Total expenses")).findFirst().orElseThrow();
        assertEquals(List.of("500.00 EUR", "800.00 EUR", "300.00 EUR", "#1"), List.of(expenses.asPosted(), expenses.asAdjusted(), expenses.change(), expenses.changedBy()));
        StatementRow fees = WindowTests.items(statement).stream().filter(line -> line.line().equals("  fees")).findFirst().orElseThrow();
        assertEquals(List.of("0", "200.00 EUR", "#1"), List.of(fees.asPosted(), fees.asAdjusted(), fees.changedBy()));
        assertTrue(text(robot, "#sandboxStatementTitle").startsWith("Income Statement"), text(robot, "#sandboxStatementTitle"));

        // the entry-date clock: as of 30 January the proposal (dated the 31st) changes nothing yet
        robot.interact(() -> robot.lookup("#sandboxAsOf").queryAs(DatePicker.class).setValue(LocalDate.of(2025, 1, 30)));
        waitUntil(() -> text(robot, "#sandboxTrialBalance").startsWith("Trial balance as of 2025-01-30:"));
        assertTrue(WindowTests.items(adjusted).stream().noneMatch(SandboxViewModel.BalanceRow::changed), WindowTests.items(adjusted).toString());
        assertEquals("The proposals do not change profit.", text(robot, "#sandboxProfit"));
        robot.interact(() -> robot.lookup("#sandboxAsOf").queryAs(DatePicker.class).setValue(null));
        waitUntil(() -> text(robot, "#sandboxTrialBalance").startsWith("Trial balance: "));

        // an account, a reversal and a close, each from its own real form
        robot.interact(() -> robot.lookup("#proposalForms").queryAs(TabPane.class).getSelectionModel().select(2));
        Node open = robot.lookup("#proposeOpenForm").query();
        reason(robot, "accruals need an account");
        fill(robot, robot.from(open).lookup("#accountField").query(), "liabilities:accrued");
        robot.interact(() -> robot.from(open).lookup("#dateField").queryAs(DatePicker.class).setValue(LocalDate.of(2025, 1, 1)));
        robot.clickOn(robot.from(open).lookup("#submitButton").queryButton());
        waitUntil(() -> proposals.getItems().size() == 2);
        robot.interact(() -> robot.lookup("#proposalForms").queryAs(TabPane.class).getSelectionModel().select(1));
        Node reverse = robot.lookup("#proposeReverseForm").query();
        reason(robot, "the rent was for February");
        fill(robot, robot.from(reverse).lookup("#entryField").query(), "E1");
        robot.clickOn(robot.from(reverse).lookup("#submitButton").queryButton());
        waitUntil(() -> proposals.getItems().size() == 3);
        assertEquals("Proposed 3: reverse E1 of 2025-01-05 \"Rent\" on 2025-02-10 as E4 (accepted).", message.getText());
        robot.interact(() -> robot.lookup("#proposalForms").queryAs(TabPane.class).getSelectionModel().select(3));
        Node close = robot.lookup("#proposeCloseForm").query();
        reason(robot, "January is final");
        robot.interact(() -> robot.from(close).lookup("#dateField").queryAs(DatePicker.class).setValue(LocalDate.of(2025, 1, 31)));
        robot.clickOn(robot.from(close).lookup("#submitButton").queryButton());
        waitUntil(() -> proposals.getItems().size() == 4);

        // refusals read as the real post form shows them, beside what they concern, and keep nothing
        robot.interact(() -> robot.lookup("#proposalForms").queryAs(TabPane.class).getSelectionModel().select(0));
        reason(robot, "a late invoice");
        robot.interact(() -> robot.from(entry).lookup("#dateField").queryAs(DatePicker.class).setValue(LocalDate.of(2025, 1, 15)));
        fill(robot, robot.from(entry).lookup("#descriptionField").query(), "Late invoice");
        fill(robot, robot.from(entry).lookup("#account0").query(), "expenses:fees");
        fill(robot, robot.from(entry).lookup("#amount0").query(), "50");
        fill(robot, robot.from(entry).lookup("#account1").query(), "assets:bank");
        robot.clickOn(robot.from(entry).lookup("#submitButton").queryButton());
        Label dateError = robot.from(entry).lookup("#dateError").query();
        waitUntil(() -> !dateError.getText().isEmpty());
        String closedPeriod = realRefusal(new dev.eventscope.domain.ledger.PostingInClosedPeriod(
                EntryId.of("E5"), LocalDate.of(2025, 1, 15), LocalDate.of(2025, 1, 31)));
        assertEquals(closedPeriod, dateError.getText());
        assertEquals(4, WindowTests.items(proposals).size());
        robot.interact(() -> robot.from(entry).lookup("#dateField").queryAs(DatePicker.class).setValue(LocalDate.of(2025, 2, 3)));
        fill(robot, robot.from(entry).lookup("#amount1").query(), "-40");
        assertEquals("Off by 10.00 EUR", robot.from(entry).lookup("#imbalanceLabel").queryAs(Label.class).getText());
        robot.clickOn(robot.from(entry).lookup("#submitButton").queryButton());
        Label gridError = robot.from(entry).lookup("#gridError").query();
        waitUntil(() -> !gridError.getText().isEmpty());
        assertTrue(gridError.getText().contains("does not balance"), gridError.getText());
        assertEquals(4, WindowTests.items(proposals).size());

        // the base moved back before E1: the reversal of E1 no longer applies, and says why
        long beforeRent = SandboxFixture.firstPositionOf(session, "entry-E1") - 1;
        fill(robot, robot.lookup("#sandboxBasePoint").query(), Long.toString(beforeRent));
        robot.clickOn("#moveBaseButton");
        waitUntil(() -> proposals.getItems().get(2).status().startsWith("refused: "));
        assertTrue(WindowTests.items(proposals).get(2).status().contains("E1"), WindowTests.items(proposals).get(2).status());

        // back at the head; then the real ledger moves on (E1 reversed for real): deciding again refuses the proposed reversal
        fill(robot, robot.lookup("#sandboxBasePoint").query(), "head");
        robot.clickOn("#moveBaseButton");
        waitUntil(() -> proposals.getItems().get(2).status().equals("accepted"));
        session.commands().execute(new EntryCommand.ReverseEntry(EntryId.of("E1"), EntryId.of("X1"), LocalDate.of(2025, 2, 5), null),
                CommandContext.byUser("alice"));
        robot.clickOn("#decideAgainButton");
        waitUntil(() -> proposals.getItems().get(2).status().startsWith("refused: "));
        assertEquals("Decided every proposal again at position " + session.lastPosition() + ": 1 no longer apply; each says why.",
                message.getText());
        assertEquals(List.of("accepted", "accepted", "accepted"), List.of(WindowTests.items(proposals).get(0).status(),
                WindowTests.items(proposals).get(1).status(), WindowTests.items(proposals).get(3).status()));

        robot.interact(() -> robot.lookup("#sandboxResults").queryAs(TabPane.class).getSelectionModel().select(0));
        save(robot, Path.of(System.getProperty("sandbox.screenshot", "target/screenshots/sandbox.png")));

        // export an hledger journal of the proposals
        Path journal = run.resolve("proposals.journal");
        robot.interact(() -> view.setJournalChooser(window -> journal.toFile()));
        robot.clickOn("#exportJournalButton");
        waitUntil(() -> message.getText().startsWith("Wrote "));
        assertEquals("Wrote 1 proposed entries to " + journal + ".", message.getText());
        String written = Files.readString(journal);
        assertTrue(written.contains("2025-01-31 Fees split") && written.contains("account liabilities:accrued")
                && written.contains("; reason: the rent was for February"), written);

        // apply: the accepted proposals posted in one append by the user; the refused reversal is not
        long headBefore = session.lastPosition();
        robot.clickOn("#applyButton");
        waitUntil(() -> message.getText().startsWith("Applied "));
        assertEquals("Applied 3 proposals to the ledger as auditor.", message.getText());
        assertTrue(WindowTests.items(proposals).get(0).status().startsWith("applied by auditor"), WindowTests.items(proposals).get(0).status());
        assertTrue(session.lastPosition() > headBefore);
        assertEquals(0, new BigDecimal("200").compareTo(session.fullReplay().balances(Long.MAX_VALUE).balance("expenses:fees", "EUR")));
    }

    @Test
    void a_read_only_ledger_shows_statements_side_by_side_and_cannot_be_applied(FxRobot robot) throws Exception {
        open(robot, true);
        String bytes = SandboxFixture.sha256(ledger);
        TableView<SandboxViewModel.ProposalRow> proposals = robot.lookup("#proposalsTable").queryTableView();
        Node entry = robot.lookup("#proposeEntryForm").query();
        reason(robot, "audit fee not accrued");
        robot.interact(() -> robot.from(entry).lookup("#dateField").queryAs(DatePicker.class).setValue(LocalDate.of(2025, 1, 31)));
        fill(robot, robot.from(entry).lookup("#descriptionField").query(), "Accrued audit fee");
        fill(robot, robot.from(entry).lookup("#account0").query(), "expenses:fees");
        fill(robot, robot.from(entry).lookup("#amount0").query(), "300");
        fill(robot, robot.from(entry).lookup("#account1").query(), "expenses:rent");
        fill(robot, robot.from(entry).lookup("#amount1").query(), "-100");
        fill(robot, robot.from(entry).lookup("#account2").query(), "assets:bank");
        robot.clickOn(robot.from(entry).lookup("#submitButton").queryButton());
        waitUntil(() -> proposals.getItems().size() == 1);
        assertTrue(robot.lookup("#applyButton").queryButton().isDisabled(), "a read-only ledger cannot be applied to");

        robot.interact(() -> robot.lookup("#sandboxResults").queryAs(TabPane.class).getSelectionModel().select(1));
        TableView<StatementRow> statement = robot.lookup("#sandboxStatementTable").queryTableView();
        waitUntil(() -> statement.getItems().stream().anyMatch(line -> line.line().equals("Net")));
        StatementRow bank = WindowTests.items(statement).stream().filter(line -> line.line().equals("  bank")).findFirst().orElseThrow();
        assertEquals(List.of("700.00 EUR", "500.00 EUR", "-200.00 EUR", "#1"), List.of(bank.asPosted(), bank.asAdjusted(), bank.change(), bank.changedBy()));
        StatementRow net = WindowTests.items(statement).stream().filter(line -> line.line().equals("Net")).findFirst().orElseThrow();
        assertEquals("#1", net.changedBy());
        // choosing a changed line selects the proposal that changes it
        robot.clickOn(robot.from(statement).lookup(".table-row-cell").match(node -> ((javafx.scene.control.TableRow<?>) node).getItem() == bank)
                .queryAs(Node.class));
        waitUntil(() -> proposals.getSelectionModel().getSelectedItem() != null
                && proposals.getSelectionModel().getSelectedItem().number().equals("1"));
        save(robot, Path.of(System.getProperty("sandbox.statements.screenshot", "target/screenshots/sandbox-statements.png")));
        // a period that is none is refused in a sentence
        fill(robot, robot.lookup("#sandboxStatementPeriod").query(), "last year");
        robot.clickOn("#sandboxStatementShow");
        waitUntil(() -> text(robot, "#sandboxMessage").contains("last year"));
        assertFalse(WindowTests.items(statement).isEmpty());
        assertEquals(bytes, SandboxFixture.sha256(ledger));
    }

    /** The sentence the real service gives for {@code violation}: the form must show the same. */
    private static String realRefusal(RuntimeException violation) {
        return violation.getMessage();
    }

    @SuppressWarnings("unchecked")
    private static ChoiceBox<StatementKind> kindChoice(FxRobot robot) {
        return (ChoiceBox<StatementKind>) robot.lookup("#sandboxStatementKind").queryAs(ChoiceBox.class);
    }

    private static String money(String amount) {
        return MoneyText.of(new BigDecimal(amount));
    }

    private static SandboxViewModel.BalanceRow row(TableView<SandboxViewModel.BalanceRow> table, String account) {
        return WindowTests.items(table).stream().filter(row -> row.account().equals(account)).findFirst().orElseThrow();
    }

    private static void reason(FxRobot robot, String text) {
        fill(robot, robot.lookup("#proposalReason").query(), text);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static void fill(FxRobot robot, TextField field, String text) {
        robot.interact(() -> field.setText(text));
    }

    private static void waitUntil(Callable<Boolean> condition) {
        WindowTests.waitUntil(condition); // evaluated on the FX thread
    }

    private void save(FxRobot robot, Path file) throws Exception {
        Files.createDirectories(file.toAbsolutePath().getParent());
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get();
        java.awt.image.BufferedImage picture = new java.awt.image.BufferedImage((int) image.getWidth(), (int) image.getHeight(),
                java.awt.image.BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < picture.getHeight(); y++) {
            for (int x = 0; x < picture.getWidth(); x++) {
                picture.setRGB(x, y, image.getPixelReader().getArgb(x, y));
            }
        }
        javax.imageio.ImageIO.write(picture, "png", file.toFile());
    }
}
