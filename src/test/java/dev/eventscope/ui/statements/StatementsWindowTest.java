package dev.eventscope.ui.statements;

import dev.eventscope.statement.StatementLines;
import dev.eventscope.ui.FxTaskExecutor;
import dev.eventscope.ui.WindowTests;
import dev.eventscope.ui.state.MoneyText;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.testfx.matcher.control.LabeledMatchers.hasText;

/**
 * Drives the real window: the Statements tab beside State, an income statement per quarter at depth 2 (amounts
 * grouped and right-aligned), exported to CSV in plain numbers; a balance sheet of the household sample valued in EUR.
 */
@ExtendWith(ApplicationExtension.class)
class StatementsWindowTest {

    @TempDir
    static Path folder;

    private FxTaskExecutor executor;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path run = WindowTests.runWithSamples(folder, "small-business", "household-two-currencies");
        Path samples = WindowTests.samples(run);
        executor = new FxTaskExecutor();
        WindowTests.show(stage, WindowTests.model(executor, run, samples));
        stage.setWidth(1240);
        stage.setHeight(780);
    }

    @AfterEach
    void closeWindow() throws Exception {
        WindowTests.close(executor);
    }

    @SuppressWarnings("unchecked")
    private static TableView<StatementLines.Line> table(FxRobot robot) {
        return robot.lookup("#statementTable").queryAs(TableView.class);
    }

    /** The cell of the line labelled {@code label} in column {@code column} (1: the first period). */
    private static String cell(FxRobot robot, String label, int column) {
        return WindowTests.items(table(robot)).stream().filter(line -> line.label().strip().equals(label)).findFirst()
                .map(line -> String.join(" / ", line.cells().get(column - 1))).orElse("(no line " + label + ")");
    }

    /** An amount as the app writes it; a statement in one commodity names it in its heading, not in each cell. */
    private static String money(String amount) {
        return MoneyText.of(new java.math.BigDecimal(amount));
    }

    /** The first shown cell of amount column {@code column} (1: the first period). */
    private static javafx.scene.control.TableCell<?, ?> shownCell(FxRobot robot, int column) {
        String heading = table(robot).getColumns().get(column).getText();
        return robot.lookup("#statementTable .table-cell").match(node -> node instanceof javafx.scene.control.TableCell<?, ?> cell
                && cell.getTableColumn() != null && cell.getTableColumn().getText().equals(heading) && cell.getText() != null
                && !cell.getText().isEmpty()).queryAs(javafx.scene.control.TableCell.class);
    }

    private static void openStatements(FxRobot robot, String ledger) {
        robot.clickOn(robot.lookup(hasText(ledger)).queryLabeled());
        WindowTests.waitUntil(() -> robot.lookup(hasText("Statements")).tryQuery().isPresent());
        robot.clickOn(robot.lookup(".tab-pane > .tab-header-area .tab").match(node -> node.lookup(".tab-label") != null
                && hasText("Statements").matches(node.lookup(".tab-label"))).queryAs(javafx.scene.Node.class));
        WindowTests.waitUntil(() -> robot.lookup("#statementKind").tryQuery().isPresent());
    }

    @Test
    void every_label_beside_a_field_names_it_and_its_letter_reaches_it(FxRobot robot) {
        // session 17: StatementsView.fxml named its fields by labelFor before they were declared (FXML resolves no forward
        // reference), so the labels named no field: Alt+letter did nothing and a screen reader read unlabelled fields. The same
        // held for the As known bar, the Compare tab and the balance chart's commodity.
        openStatements(robot, "small-business.ledger");
        robot.clickOn(robot.lookup(".tab-pane > .tab-header-area .tab").match(node -> node.lookup(".tab-label") != null
                && hasText("Compare").matches(node.lookup(".tab-label"))).queryAs(javafx.scene.Node.class));
        WindowTests.waitUntil(() -> robot.lookup("#compareFrom").tryQuery().isPresent());
        robot.clickOn(robot.lookup(".tab-pane > .tab-header-area .tab").match(node -> node.lookup(".tab-label") != null
                && hasText("Statements").matches(node.lookup(".tab-label"))).queryAs(javafx.scene.Node.class));
        java.util.Map<String, String> expected = new java.util.LinkedHashMap<>();
        expected.put("_Period", "statementPeriod");
        expected.put("_Depth (0: all)", "statementDepth");
        expected.put("As _of", "knownAtAsOf");
        expected.put("_known at", "knownAtPoint");
        expected.put("F_rom", "compareFrom");
        expected.put("_until", "compareTo");
        expected.put("_Statement", "statementKind");
        java.util.List<String> problems = new java.util.ArrayList<>();
        for (var named : expected.entrySet()) {
            java.util.Optional<javafx.scene.control.Label> label = robot.lookup(".label").match(node -> node instanceof javafx.scene.control.Label l
                    && named.getKey().equals(l.getText()) && l.getLabelFor() != null).tryQueryAs(javafx.scene.control.Label.class);
            if (label.isEmpty()) {
                problems.add(named.getKey() + " names no field");
            } else if (!named.getValue().equals(label.get().getLabelFor().getId())) {
                problems.add(named.getKey() + " names " + label.get().getLabelFor().getId() + ", not " + named.getValue());
            }
        }
        for (String choice : java.util.List.of("#statementKind", "#statementColumns", "#statementClock", "#statementValuation")) {
            String said = robot.lookup(choice).query().getAccessibleText();
            if (said == null || said.isBlank()) {
                problems.add(choice + " has no name for a screen reader");
            }
        }
        assertEquals(java.util.List.of(), problems);
        // the letters reach the fields from anywhere in the window
        robot.clickOn("#showStatement");
        robot.press(javafx.scene.input.KeyCode.ALT, javafx.scene.input.KeyCode.P).release(javafx.scene.input.KeyCode.P, javafx.scene.input.KeyCode.ALT);
        WindowTests.waitUntil(() -> robot.lookup("#statementPeriod").query().isFocused());
        robot.press(javafx.scene.input.KeyCode.ALT, javafx.scene.input.KeyCode.D).release(javafx.scene.input.KeyCode.D, javafx.scene.input.KeyCode.ALT);
        WindowTests.waitUntil(() -> robot.lookup("#statementDepth").queryAs(javafx.scene.control.Spinner.class).getEditor().isFocused()
                || robot.lookup("#statementDepth").query().isFocused());
        robot.press(javafx.scene.input.KeyCode.ALT, javafx.scene.input.KeyCode.O).release(javafx.scene.input.KeyCode.O, javafx.scene.input.KeyCode.ALT);
        WindowTests.waitUntil(() -> robot.lookup("#knownAtAsOf").query().isFocused());
    }

    /** Session 21 (ui2): before Show the table drew an empty grey header strip (no columns) above what to do. */
    @Test
    void before_show_the_empty_table_says_what_to_do_without_an_empty_header(FxRobot robot) {
        openStatements(robot, "household-two-currencies.ledger");
        WindowTests.waitUntil(() -> table(robot).lookup(".column-header-background") != null);
        javafx.scene.Node header = table(robot).lookup(".column-header-background");
        assertTrue(!header.isVisible() || header.getLayoutBounds().getHeight() < 1,
                "an empty header " + Math.round(header.getLayoutBounds().getHeight()) + " px tall above the sentence");
        robot.clickOn("#showStatement");
        WindowTests.waitUntil(() -> !WindowTests.items(table(robot)).isEmpty());
        javafx.scene.Node shown = table(robot).lookup(".column-header-background");
        assertTrue(shown.isVisible() && shown.getLayoutBounds().getHeight() > 10, "the statement's column titles are hidden");
    }

    @Test
    void a_balance_sheet_valued_in_euros_shows_each_quarter_at_its_end_and_the_prices_used(FxRobot robot) {
        openStatements(robot, "household-two-currencies.ledger");
        WindowTests.waitUntil(() -> robot.lookup("#statementValuation").queryAs(javafx.scene.control.ChoiceBox.class).isVisible());

        robot.clickOn("#statementPeriod").write("2025");
        robot.clickOn("#statementColumns").clickOn("Quarterly");
        Spinner<?> depth = robot.lookup("#statementDepth").queryAs(Spinner.class);
        robot.doubleClickOn(depth.getEditor()).press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write("1");
        robot.clickOn("#statementValuation").clickOn("In EUR at market prices");
        robot.clickOn("#showStatement");
        WindowTests.waitUntil(() -> !WindowTests.items(table(robot)).isEmpty());

        // hledger bs -X EUR -Q -p 2025 --depth 1 on the household journal: 31,149.33 EUR ... 49,768.51 EUR
        assertEquals(money("31149.33"), cell(robot, "assets", 1));
        assertEquals(money("49768.51"), cell(robot, "assets", 4));
        String title = robot.lookup("#statementTitle").queryAs(javafx.scene.control.Label.class).getText();
        assertTrue(title.endsWith(", valued in EUR at period ends \u00b7 amounts in EUR"), title);
        String prices = robot.lookup("#statementPrices").queryAs(javafx.scene.control.Label.class).getText();
        assertTrue(prices.contains("2025-03-31  $ \u2192 EUR \u00d7 0.9259259259 (reverse of P 2025-03-31 EUR 1.08 $)"), prices);
    }

    @Test
    void an_income_statement_per_quarter_at_depth_two_shows_the_figures_and_exports_them(FxRobot robot) throws Exception {
        openStatements(robot, "small-business.ledger");
        assertTrue(!robot.lookup("#statementValuation").queryAs(javafx.scene.control.ChoiceBox.class).isVisible(),
                "a ledger without market prices offers no valuation");

        robot.clickOn("#statementKind").clickOn("Income Statement");
        robot.clickOn("#statementPeriod").write("2025");
        robot.clickOn("#statementColumns").clickOn("Quarterly");
        Spinner<?> depth = robot.lookup("#statementDepth").queryAs(Spinner.class);
        robot.doubleClickOn(depth.getEditor()).press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write("2");
        robot.clickOn("#showStatement");
        WindowTests.waitUntil(() -> !WindowTests.items(table(robot)).isEmpty());

        assertEquals(List.of("Account", "2025Q1", "2025Q2", "2025Q3", "2025Q4"),
                table(robot).getColumns().stream().map(column -> column.getText()).toList());
        // amounts as the rest of the app writes them (thousands grouped); the CSV below keeps plain numbers
        assertEquals(money("59680.00"), cell(robot, "income", 1));
        assertEquals(money("412.37"), cell(robot, "interest", 4));
        assertEquals(money("26887.50"), cell(robot, "salaries", 2));
        assertEquals(money("-14892.87"), cell(robot, "Net", 4));
        assertEquals(javafx.geometry.Pos.TOP_RIGHT, shownCell(robot, 1).getAlignment(), "amounts are right-aligned");
        assertEquals("Income Statement 2025Q1..2025Q4 \u00b7 amounts in EUR",
                robot.lookup("#statementTitle").queryAs(javafx.scene.control.Label.class).getText());
        assertTrue(WindowTests.items(table(robot)).stream().noneMatch(line -> line.account().split(":").length > 2), "depth 2");

        Path csv = folder.resolve("income-2025.csv");
        robot.lookup("#statementsView").queryAs(StatementsView.class).setExportTarget(owner -> Optional.of(csv));
        robot.clickOn("#exportStatement");
        WindowTests.waitUntil(() -> Files.exists(csv));
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals("section,account,level,commodity,2025Q1,2025Q2,2025Q3,2025Q4", lines.get(0).replace("\uFEFF", ""));
        assertTrue(lines.contains("Revenues,income,1,EUR,59680,44540,47810,34352.37"), String.join("\n", lines));
        assertTrue(lines.contains(",Net,,EUR,26122.43,10528.38,11887.63,-14892.87"), String.join("\n", lines));
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_quarterly_statement_wider_than_the_panel_says_what_is_to_the_right_and_opens_whole_in_a_window(FxRobot robot) {
        // session 17: at 1280 px the quarterly statement ran off the panel's right edge behind a thin scroll bar, unsaid
        robot.interact(() -> stage.setWidth(1280));
        openStatements(robot, "small-business.ledger");
        robot.clickOn("#statementKind").clickOn("Income Statement");
        robot.clickOn("#statementPeriod").write("2025");
        robot.clickOn("#statementColumns").clickOn("Quarterly");
        robot.clickOn("#showStatement");
        WindowTests.waitUntil(() -> !WindowTests.items(table(robot)).isEmpty());
        javafx.scene.control.Label wider = robot.lookup("#statementWider").queryAs(javafx.scene.control.Label.class);
        WindowTests.waitUntil(() -> wider.isVisible() && wider.getText().contains("2025Q4"));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.text.Text said = (javafx.scene.text.Text) wider.lookup(".text");
        assertEquals(wider.getText(), said.getText(), "the line reads whole");
        assertTrue(said.getLayoutBounds().getHeight() <= wider.getHeight() + 0.5, "no line cut below");
        assertTrue(wider.getText().startsWith("Wider than this panel: ") && wider.getText().endsWith("to the right (scroll sideways)."),
                wider.getText());

        robot.clickOn("#statementWindow");
        WindowTests.waitUntil(() -> robot.lookup("#statementWholeTable").tryQuery().isPresent());
        TableView<StatementLines.Line> whole = robot.lookup("#statementWholeTable").queryAs(TableView.class);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("Account", "2025Q1", "2025Q2", "2025Q3", "2025Q4"),
                whole.getColumns().stream().map(column -> column.getText()).toList());
        double columns = whole.getColumns().stream().mapToDouble(TableColumn::getWidth).sum();
        assertTrue(columns <= whole.getWidth(), "every column in the window: " + columns + " px in " + whole.getWidth());
        assertTrue(whole.lookupAll(".scroll-bar").stream().noneMatch(node -> node instanceof javafx.scene.control.ScrollBar bar
                && bar.getOrientation() == javafx.geometry.Orientation.HORIZONTAL && bar.isVisible()), "no sideways scroll in the window");
        // Escape closes it, as it closes the other windows over the main one (session 19: it did nothing)
        javafx.stage.Window window = whole.getScene().getWindow();
        robot.interact(whole::requestFocus);
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        WindowTests.waitUntil(() -> !window.isShowing());
    }

    private static void alt(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.ALT, key).release(key, KeyCode.ALT);
    }

    /**
     * Session 21's keyboard walk: the statement's choice had no label or letter, and Export had no letter. A keyboard
     * user chooses the income statement (Alt+S, Down), a period (Alt+P, "2025"), quarterly
     * columns (Tab to Columns, Down, Down), shows it with Enter, opens it in a window (Alt+W) and leaves it
     * with Escape, and exports it (Alt+X) — no mouse after the tab is chosen.
     */
    @Test
    void a_keyboard_user_chooses_a_statement_and_period_opens_it_in_a_window_and_exports_it(FxRobot robot) throws Exception {
        robot.interact(() -> stage.setWidth(1280));
        openStatements(robot, "small-business.ledger");
        javafx.scene.control.ChoiceBox<?> kind = robot.lookup("#statementKind").queryAs(javafx.scene.control.ChoiceBox.class);
        alt(robot, KeyCode.S);
        WindowTests.waitUntil(kind::isFocused);
        // Down on the closed choice chooses the next statement (before: nothing; the list had to be opened with Space)
        robot.type(KeyCode.DOWN);
        try {
            WindowTests.waitUntil(() -> kind.getValue() == dev.eventscope.statement.StatementKind.INCOME && !kind.isShowing());
        } catch (org.awaitility.core.ConditionTimeoutException timeout) {
            throw new AssertionError("after Down: " + kind.getValue() + " at " + kind.getSelectionModel().getSelectedIndex() + ", showing "
                    + kind.isShowing() + ", focused " + kind.isFocused() + ", focus owner " + stage.getScene().getFocusOwner(), timeout);
        }

        alt(robot, KeyCode.P);
        WindowTests.waitUntil(() -> robot.lookup("#statementPeriod").query().isFocused());
        robot.write("2025");
        robot.type(KeyCode.TAB);
        javafx.scene.control.ChoiceBox<Object> columns = cast(robot.lookup("#statementColumns").query());
        WindowTests.waitUntil(columns::isFocused);
        robot.type(KeyCode.DOWN).type(KeyCode.DOWN);
        WindowTests.waitUntil(() -> "Quarterly".equals(columns.getConverter().toString(columns.getValue())) && !columns.isShowing());
        // Enter shows it (Show is the tab's default button), from the field just left as from anywhere in the tab
        alt(robot, KeyCode.P);
        WindowTests.waitUntil(() -> robot.lookup("#statementPeriod").query().isFocused());
        robot.type(KeyCode.ENTER);
        WindowTests.waitUntil(() -> !WindowTests.items(table(robot)).isEmpty());
        assertEquals("Income Statement 2025Q1..2025Q4 \u00b7 amounts in EUR",
                robot.lookup("#statementTitle").queryAs(javafx.scene.control.Label.class).getText());

        // wider than the panel at 1280 px: Alt+W opens it in a window of its own; Escape leaves it
        WindowTests.waitUntil(() -> robot.lookup("#statementWindow").query().isVisible());
        alt(robot, KeyCode.W);
        WindowTests.waitUntil(() -> robot.lookup("#statementWholeTable").tryQuery().isPresent());
        javafx.stage.Window window = robot.lookup("#statementWholeTable").query().getScene().getWindow();
        WindowTests.waitUntil(window::isFocused);
        robot.type(KeyCode.ESCAPE);
        WindowTests.waitUntil(() -> !window.isShowing());

        // Alt+X exports it
        Path csv = folder.resolve("income-2025-by-keys.csv");
        robot.lookup("#statementsView").queryAs(StatementsView.class).setExportTarget(owner -> Optional.of(csv));
        robot.interact(() -> stage.requestFocus());
        alt(robot, KeyCode.X);
        WindowTests.waitUntil(() -> Files.exists(csv));
        assertEquals("section,account,level,commodity,2025Q1,2025Q2,2025Q3,2025Q4",
                Files.readAllLines(csv, StandardCharsets.UTF_8).get(0).replace("\uFEFF", ""));
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }
}
