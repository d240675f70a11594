package dev.eventscope.ui.timeline;

import dev.eventscope.cli.EventscopeCli;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.ui.FxTaskExecutor;
import dev.eventscope.ui.WindowTests;
import dev.eventscope.ui.explorer.EventRow;
import javafx.application.Platform;
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
import org.testfx.util.WaitForAsyncUtils;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.testfx.matcher.control.LabeledMatchers.hasText;

/**
 * Issue 16, correctness: every panel follows the ledger's last position after appends by another
 * process (here a second connection, through the command line), clicks in the sidebar after it re-listed
 * its streams and after a search raise no exception, and switching the clock keeps the point shown.
 */
@ExtendWith(ApplicationExtension.class)
class LivePanelsWindowTest {

    private static final String ENTRY = "INV-2025-010";

    @TempDir
    static Path folder;

    private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();
    private FxTaskExecutor executor;
    private Path data;

    @Start
    void start(Stage stage) throws Exception {
        Path run = Files.createTempDirectory(folder, "run");
        Path samples = Files.createDirectories(run.resolve("samples"));
        Files.copy(Path.of("sample-data/ledgers/small-business.ledger"), samples.resolve("small-business.ledger"));
        data = run.resolve("data");
        Thread.currentThread().setUncaughtExceptionHandler((thread, failure) -> uncaught.add(failure));
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> uncaught.add(failure));
        executor = new FxTaskExecutor();
        WindowTests.show(stage, WindowTests.model(executor, run, samples));
        stage.setWidth(1240);
        stage.setHeight(700);
    }

    @AfterEach
    void closeWindow() throws Exception {
        WindowTests.close(executor);
        Thread.setDefaultUncaughtExceptionHandler(null);
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WindowTests.waitUntil(condition);
    }

    private void assertNoUncaughtExceptions() {
        StringWriter traces = new StringWriter();
        uncaught.forEach(failure -> failure.printStackTrace(new PrintWriter(traces)));
        assertEquals(List.of(), uncaught, traces.toString());
    }

    private static TimelineViewModel timeline(FxRobot robot) {
        return robot.lookup("#timelineBar").queryAs(TimelineBar.class).model();
    }

    private static StatePanelModels statePanel(FxRobot robot) {
        return robot.lookup("#statePanel").queryAs(StatePanelView.class).models();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @SuppressWarnings("unchecked")
    private static TableView<EventRow> history(FxRobot robot) {
        return robot.lookup("#historyTable").queryAs(TableView.class);
    }

    /** The sidebar's row labelled {@code text} (the same text may be shown in other panels too). */
    private static javafx.scene.control.Labeled inSidebar(FxRobot robot, String text) {
        return robot.from(robot.lookup("#streamTree").queryAs(javafx.scene.Node.class)).lookup(hasText(text)).queryLabeled();
    }

    private static boolean sidebarShows(FxRobot robot, String text) {
        return robot.from(robot.lookup("#streamTree").queryAs(javafx.scene.Node.class)).lookup(hasText(text)).tryQuery().isPresent();
    }

    private Path openedLedger() throws Exception {
        try (var files = Files.walk(data)) {
            return files.filter(file -> file.getFileName().toString().equals("small-business.ledger")).findFirst().orElseThrow();
        }
    }

    private void open(FxRobot robot) throws Exception {
        robot.clickOn(robot.lookup(hasText("small-business.ledger")).queryLabeled());
        waitUntil(() -> !robot.lookup(hasText("checking")).queryAll().isEmpty());
    }

    /** Another process's command: the CLI on its own connection to the same file. */
    private void fromAnotherProcess(String... args) throws Exception {
        int exit = EventscopeCli.commandLine(dev.eventscope.session.TestSessions.SQLITE).execute(args);
        assertEquals(0, exit, String.join(" ", args));
    }

    @Test
    void after_a_search_and_an_external_reverse_every_panel_shows_the_reversal(FxRobot robot) throws Exception {
        open(robot);
        long before = Long.parseLong(text(robot, "#statusPosition").replaceAll("\\D", ""));
        // read once: the count, not the "Opening…" shown until the ledger's first read
        assertTrue(text(robot, "#statusEvents").matches("[\\d,]+ events"), text(robot, "#statusEvents"));
        assertTrue(text(robot, "#statusPosition").matches("last position #\\d+"), text(robot, "#statusPosition"));

        // the sidebar search, then a click on what it found
        robot.clickOn("#streamSearch").write(ENTRY);
        waitUntil(() -> sidebarShows(robot, ENTRY));
        robot.clickOn(inSidebar(robot, ENTRY));
        waitUntil(() -> StreamId.of("entry-" + ENTRY).equals(timeline(robot).scope())
                && text(robot, "#timelineStatus").startsWith("1 event in entry-" + ENTRY));
        waitUntil(() -> history(robot).getItems().size() == 1);

        fromAnotherProcess("reverse", ENTRY, "--ledger", openedLedger().toString(), "--on", "2025-12-30", "--id", "REV-1");

        // within a second or two the other connection's append reaches every panel, without a click
        waitUntil(() -> history(robot).getItems().size() == 2);
        waitUntil(() -> text(robot, "#timelineStatus").startsWith("2 events in entry-" + ENTRY));
        waitUntil(() -> timeline(robot).indexProperty().get() == timeline(robot).timelineProperty().get().lastIndex()
                && statePanel(robot).state().rows().stream().anyMatch(row -> row.value().toLowerCase().contains("reversed")
                && !row.value().toLowerCase().contains("not")));
        waitUntil(() -> Long.parseLong(text(robot, "#statusPosition").replaceAll("\\D", "")) > before);
        waitUntil(() -> text(robot, "#stateHeading").contains("#" + text(robot, "#statusPosition").replaceAll("\\D", ""))
                || text(robot, "#stateHeading").contains("version 2"));

        // "Reversed by REV-1" is a link to the reversal
        waitUntil(() -> robot.from(robot.lookup("#stateTable").queryAs(javafx.scene.Node.class)).lookup(hasText("REV-1"))
                .tryQuery().isPresent());
        robot.clickOn(robot.from(robot.lookup("#stateTable").queryAs(javafx.scene.Node.class)).lookup(hasText("REV-1"))
                .queryAs(javafx.scene.Node.class));
        waitUntil(() -> StreamId.of("entry-REV-1").equals(timeline(robot).scope()));

        // clicks in the re-listed sidebar: another search, then the whole list again
        Platform.runLater(() -> robot.lookup("#streamSearch").queryAs(TextField.class).setText("REV-"));
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil(() -> sidebarShows(robot, "REV-1"));
        robot.clickOn(inSidebar(robot, "REV-1"));
        waitUntil(() -> StreamId.of("entry-REV-1").equals(timeline(robot).scope()));
        Platform.runLater(() -> robot.lookup("#streamSearch").queryAs(TextField.class).setText("bank"));
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil(() -> sidebarShows(robot, "checking"));
        robot.clickOn(inSidebar(robot, "checking"));
        waitUntil(() -> StreamId.of("account-assets:bank:checking").equals(timeline(robot).scope()));
        assertNoUncaughtExceptions();
    }

    @Test
    void switching_the_clock_keeps_the_point_shown_and_the_count_agrees_with_the_status_bar(FxRobot robot) throws Exception {
        open(robot);
        robot.clickOn("#scopeLedger");
        waitUntil(() -> timeline(robot).scope() == null && timeline(robot).timelineProperty().get() != null
                && timeline(robot).timelineProperty().get().wholeLedger());
        String lastPosition = text(robot, "#statusPosition").replaceAll("\\D", "");
        waitUntil(() -> text(robot, "#timelineStatus").startsWith(String.format(java.util.Locale.ROOT, "%,d events",
                Long.parseLong(lastPosition))));

        // a point in the middle of the year: position 400
        Platform.runLater(() -> timeline(robot).moveTo(400));
        waitUntil(() -> timeline(robot).timelineProperty().get().positionAt(timeline(robot).indexProperty().get()) == 400);

        robot.clickOn("#axis-entry_date");
        waitUntil(() -> timeline(robot).timelineProperty().get().axis() == TimelineAxis.ENTRY_DATE
                && timeline(robot).indexProperty().get() >= 0);
        Timeline byDate = timeline(robot).timelineProperty().get();
        int dateStep = timeline(robot).indexProperty().get();
        assertTrue(dateStep > 0 && dateStep < byDate.lastIndex(), "a date in the middle, not the end: step " + dateStep
                + " of " + byDate.lastIndex() + " (" + byDate.labelAt(dateStep) + ")");

        robot.clickOn("#axis-recorded_time");
        waitUntil(() -> timeline(robot).timelineProperty().get().axis() == TimelineAxis.RECORDED_TIME
                && timeline(robot).indexProperty().get() >= 0);
        Timeline byRecorded = timeline(robot).timelineProperty().get();
        long position = byRecorded.positionAt(timeline(robot).indexProperty().get());
        assertTrue(position > 300 && position < 500, "near position 400 again, not the end: #" + position);
        assertTrue(text(robot, "#timelineStatus").startsWith(String.format(java.util.Locale.ROOT, "%,d events",
                Long.parseLong(lastPosition))), text(robot, "#timelineStatus"));
        assertNoUncaughtExceptions();
    }

    @Test
    void clicking_around_the_sidebar_while_it_re_lists_its_streams_raises_nothing(FxRobot robot) throws Exception {
        open(robot);
        Path ledger = openedLedger();
        for (int round = 0; round < 3; round++) {
            fromAnotherProcess("post", "--ledger", ledger.toString(), "--date", "2025-12-2" + round, "--description",
                    "round " + round, "--posting", "assets:bank:checking  1.00 EUR", "--posting", "income:sales:design-services  -1.00 EUR");
            java.util.List<javafx.scene.Node> cells = new java.util.ArrayList<>(robot.lookup("#streamTree .tree-cell").queryAll());
            for (int click = 0; click < Math.min(6, cells.size()); click++) {
                javafx.scene.Node cell = cells.get((round * 7 + click * 3) % cells.size());
                if (cell.isVisible() && ((javafx.scene.control.TreeCell<?>) cell).getItem() != null) {
                    robot.clickOn(cell);
                }
                javafx.scene.Node arrow = cell.lookup(".tree-disclosure-node");
                if (arrow != null && arrow.isVisible() && click % 2 == 0) {
                    robot.clickOn(arrow);
                }
            }
            robot.clickOn("#streamSearch").write("a");
            robot.eraseText(1);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertNoUncaughtExceptions();
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_balance_chart_draws_steps_on_an_axis_named_after_the_commodity_and_says_when_there_is_nothing(FxRobot robot)
            throws Exception {
        open(robot);
        Platform.runLater(() -> robot.lookup("#streamSearch").queryAs(TextField.class).setText("checking"));
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil(() -> sidebarShows(robot, "checking"));
        robot.clickOn(inSidebar(robot, "checking"));
        robot.clickOn(robot.lookup(hasText("Balance chart")).queryAs(javafx.scene.Node.class));
        waitUntil(() -> !robot.lookup("#balanceChart").queryAs(javafx.scene.chart.LineChart.class).getData().isEmpty());
        javafx.scene.chart.LineChart<Number, Number> chart = robot.lookup("#balanceChart").queryAs(javafx.scene.chart.LineChart.class);
        // read on the FX thread, which draws the chart: a refill while the test read the points would race
        var points = dev.eventscope.ui.WindowTests.onFx(() -> List.copyOf(chart.getData().get(0).getData()));
        assertEquals("Balance in EUR", chart.getYAxis().getLabel());
        for (int at = 1; at < points.size(); at += 2) {
            // every change is a vertical step: the same x twice, the old balance first
            assertEquals(points.get(at).getXValue(), points.get(at + 1 < points.size() ? at + 1 : at).getXValue());
            assertEquals(points.get(at - 1).getYValue(), points.get(at).getYValue());
        }

        fromAnotherProcess("open-account", "assets:bank:new-account", "--ledger", openedLedger().toString(), "--on", "2025-01-01");
        Platform.runLater(() -> robot.lookup("#streamSearch").queryAs(TextField.class).setText("new-account"));
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil(() -> sidebarShows(robot, "new-account"));
        robot.clickOn(inSidebar(robot, "new-account"));
        waitUntil(() -> robot.lookup("#emptyChart").queryAs(Label.class).isVisible());
        assertEquals("Nothing to chart: this account has no postings yet.", text(robot, "#emptyChart"));
        assertNoUncaughtExceptions();
    }

    @Test
    void the_history_and_the_slider_follow_each_other(FxRobot robot) throws Exception {
        open(robot);
        Platform.runLater(() -> robot.lookup("#streamSearch").queryAs(TextField.class).setText("checking"));
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil(() -> sidebarShows(robot, "checking"));
        robot.clickOn(inSidebar(robot, "checking"));
        waitUntil(() -> history(robot).getItems().size() > 5 && timeline(robot).timelineProperty().get() != null
                && StreamId.of("account-assets:bank:checking").equals(timeline(robot).timelineProperty().get().stream()));

        // an event picked in the history: the slider goes to it
        robot.clickOn(robot.lookup("#historyTable .table-row-cell").nth(3).queryAs(javafx.scene.Node.class));
        EventRow picked = history(robot).getSelectionModel().getSelectedItem();
        waitUntil(() -> timeline(robot).positionShown() == picked.position());

        // the slider moved: the history highlights the event at that point
        Platform.runLater(() -> timeline(robot).select(2));
        waitUntil(() -> history(robot).getSelectionModel().getSelectedItem() != null
                && history(robot).getSelectionModel().getSelectedItem().position() == timeline(robot).positionShown());
        assertNoUncaughtExceptions();
    }
}
