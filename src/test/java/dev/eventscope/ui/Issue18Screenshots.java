package dev.eventscope.ui;

import static dev.eventscope.testing.FxShots.onFx;
import static dev.eventscope.testing.FxShots.save;
import static dev.eventscope.testing.FxShots.waitFor;

import dev.eventscope.eventstore.StreamId;
import dev.eventscope.statement.Interval;
import dev.eventscope.statement.StatementKind;
import dev.eventscope.ui.shell.MainWindowViewModel;
import dev.eventscope.ui.statements.StatementsView;
import javafx.scene.control.Button;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The screenshots of issue 18's screens in docs/screenshots (run on demand under Xvfb, never in CI):
 * {@code xvfb-run -a -s "-screen 0 1920x1080x24" java -cp ... dev.eventscope.ui.Issue18Screenshots SAMPLES OUT}:
 * {@code known-at.png} (audit-case: as of 2025-03-31 known at 2025-04-15 against now, the late correction selected, the
 * state panel widened by its divider so the restating postings show every column),
 * {@code statements-income-quarterly.png} (audit-case: income statement per quarter at depth 2) and
 * {@code statements-valued.png} (household: balance sheet per quarter at depth 2 valued in EUR, the prices used under it).
 */
public final class Issue18Screenshots {

    private static Stage stage;
    private static MainWindowViewModel model;

    private Issue18Screenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path samples = Path.of(args[0]).toAbsolutePath();
        Path out = Files.createDirectories(Path.of(args[1]));
        Path settings = Files.createTempDirectory("shots");
        FxTaskExecutor executor = new FxTaskExecutor();
        stage = AppScreenshots.openWindow(samples, settings, executor, 1920, 1080);
        model = AppScreenshots.model();
        open(settings, samples.resolve("audit-case.ledger"));
        onFx(() -> {
            model.explorerProperty().get().sidebar().select(StreamId.of("account-expenses:freight"));
            return null;
        });
        Thread.sleep(2000);
        onFx(() -> {
            ((TextField) stage.getScene().lookup("#knownAtAsOf")).setText("2025-03-31");
            ((TextField) stage.getScene().lookup("#knownAtPoint")).setText("2025-04-15");
            ((Button) stage.getScene().lookup("#knownAtShow")).fire();
            return null;
        });
        waitFor(() -> !((TableView<?>) stage.getScene().lookup("#knownAtLines")).getItems().isEmpty());
        onFx(() -> {
            // as a reader would drag the divider: the state panel wide enough for every column of the restating postings
            ((javafx.scene.control.SplitPane) stage.getScene().lookup(".main-split")).setDividerPositions(0.16, 0.5);
            return null;
        });
        Thread.sleep(800);
        onFx(() -> {
            ((TableView<?>) stage.getScene().lookup("#knownAtLines")).getSelectionModel().select(0);
            return null;
        });
        Thread.sleep(2500);
        save(stage.getScene(), out.resolve("known-at.png"));

        onFx(() -> {
            ((javafx.scene.control.SplitPane) stage.getScene().lookup(".main-split")).setDividerPositions(0.21, 0.7);
            return null;
        });
        statement(StatementKind.INCOME, "2025", Interval.QUARTERLY, 2, "");
        save(stage.getScene(), out.resolve("statements-income-quarterly.png"));

        open(settings, samples.resolve("household-two-currencies.ledger"));
        statement(StatementKind.BALANCE_SHEET, "2025", Interval.QUARTERLY, 2, "EUR");
        save(stage.getScene(), out.resolve("statements-valued.png"));
        executor.close();
        System.exit(0);
    }

    private static void open(Path settings, Path sample) throws Exception {
        Path copy = Files.copy(sample, settings.resolve(sample.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        onFx(() -> {
            model.open(copy, false);
            return null;
        });
        waitFor(() -> model.explorerProperty().get() != null && model.explorerProperty().get().session().file().equals(copy)
                && stage.getScene().lookup("#streamTree") != null);
        waitFor(() -> ((javafx.scene.control.Label) stage.getScene().lookup("#statusProjections")).getText().startsWith("Projections live"));
    }

    /** Brings the Statements tab forward and shows the statement asked for. */
    @SuppressWarnings("unchecked")
    private static void statement(StatementKind kind, String period, Interval interval, int depth, String valuation) throws Exception {
        onFx(() -> {
            TabPane tabs = (TabPane) stage.getScene().lookup("#statePanel");
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(tab -> "statementsTab".equals(tab.getId())).findFirst().orElseThrow());
            return null;
        });
        waitFor(() -> stage.getScene().lookup("#statementsView") != null);
        if (!valuation.isEmpty()) {
            waitFor(() -> ((StatementsView) stage.getScene().lookup("#statementsView")).model().valuationChoices().contains(valuation));
        }
        onFx(() -> {
            var statements = ((StatementsView) stage.getScene().lookup("#statementsView")).model();
            statements.kindProperty().set(kind);
            statements.periodProperty().set(period);
            statements.intervalProperty().set(interval);
            ((javafx.scene.control.Spinner<Integer>) stage.getScene().lookup("#statementDepth")).getValueFactory().setValue(depth);
            statements.valuationProperty().set(valuation);
            ((Button) stage.getScene().lookup("#showStatement")).fire();
            return null;
        });
        waitFor(() -> !((TableView<?>) stage.getScene().lookup("#statementTable")).getItems().isEmpty()
                && !((StatementsView) stage.getScene().lookup("#statementsView")).model().runningProperty().get());
        Thread.sleep(2000);
    }
}
