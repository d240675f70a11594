package dev.eventscope.ui.workbench;

import dev.eventscope.audit.findings.Finding;
import dev.eventscope.audit.tests.FlaggedEntry;
import dev.eventscope.audit.tests.TestResult;
import dev.eventscope.projection.search.SearchHit;
import dev.eventscope.ui.FxTaskExecutor;
import dev.eventscope.ui.WindowTests;
import dev.eventscope.ui.explorer.EventRow;
import dev.eventscope.ui.shell.MainWindowViewModel;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.control.ListView;
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

import java.nio.file.Path;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.testfx.matcher.control.LabeledMatchers.hasText;

/**
 * Issue 19: the auditor's workbench driven in the real window on the audit-case sample: the tests with
 * their flagged entries and the Benford chart, a flagged entry and a search hit opening their events in the
 * explorer, and a flagged entry marked as a finding.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchWindowTest {

    @TempDir
    static Path folder;

    private FxTaskExecutor executor;
    private MainWindowViewModel model;

    @Start
    void start(Stage stage) throws Exception {
        Path run = WindowTests.runWithSamples(folder, "audit-case");
        Path samples = WindowTests.samples(run);
        executor = new FxTaskExecutor();
        model = WindowTests.show(stage, WindowTests.model(executor, run, samples));
    }

    @AfterEach
    void closeWindow() throws Exception {
        WindowTests.close(executor);
    }

    private static void waitUntil(Callable<Boolean> condition) {
        WindowTests.waitUntil(condition);
    }

    private void openTheAuditCase(FxRobot robot) throws Exception {
        robot.clickOn(robot.lookup(hasText("audit-case.ledger")).queryLabeled());
        waitUntil(() -> model.explorerProperty().get() != null && !robot.lookup("#streamTree").queryAll().isEmpty());
    }

    private static void shortcut(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, key).release(key, KeyCode.SHIFT, KeyCode.CONTROL);
    }

    @SuppressWarnings("unchecked")
    private static <T> TableView<T> table(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TableView.class);
    }

    /** Brings the workbench back in front of the main window, as a user clicking on it would. */
    private static void toFront(FxRobot robot) {
        Stage workbench = (Stage) robot.window(window -> window instanceof Stage stage && stage.getTitle() != null
                && stage.getTitle().startsWith("Auditor's workbench"));
        // the look every screen shares comes first (without it the workbench came up in JavaFX's own grey look)
        assertTrue(workbench.getScene().getStylesheets().get(0).endsWith("/dev/eventscope/ui/shell/main-window.css"),
                "the workbench's style sheets: " + workbench.getScene().getStylesheets());
        robot.interact(() -> robot.window(window -> window instanceof Stage stage && stage.getTitle() != null
                && stage.getTitle().startsWith("Auditor's workbench")).requestFocus());
        robot.interact(() -> ((Stage) robot.window(window -> window instanceof Stage stage && stage.getTitle() != null
                && stage.getTitle().startsWith("Auditor's workbench"))).toFront());
    }

    private long selectedInExplorer() {
        EventRow row = model.explorerProperty().get().history().selectedProperty().get();
        return row == null ? 0 : row.position();
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_tests_list_their_flags_a_flag_opens_its_event_and_becomes_a_finding(FxRobot robot) throws Exception {
        openTheAuditCase(robot);
        shortcut(robot, KeyCode.T);
        waitUntil(() -> robot.lookup("#testList").tryQuery().isPresent()
                && robot.lookup("#testList").queryAs(ListView.class).getItems().size() == 12);
        ListView<TestResult> tests = robot.lookup("#testList").queryAs(ListView.class);
        robot.clickOn(robot.lookup(hasText("Late postings  (1)")).queryLabeled());
        waitUntil(() -> WindowTests.items(table(robot, "#flaggedTable")).size() == 1);
        FlaggedEntry late = (FlaggedEntry) WindowTests.items(table(robot, "#flaggedTable")).get(0);
        assertEquals("JE-2025-0100", late.entryId());

        WindowTests.doubleClick(robot, robot.lookup("#flaggedTable .table-row-cell").nth(0).queryAs(Node.class));
        waitUntil(() -> selectedInExplorer() == late.position());
        toFront(robot);

        robot.clickOn(robot.lookup("#flaggedTable .table-row-cell").nth(0).queryAs(Node.class));
        robot.clickOn("#markFlagged");
        waitUntil(() -> robot.lookup("#findingNote").tryQuery().isPresent());
        robot.clickOn("#findingNote").write("Posted into a closed quarter after a reopening");
        robot.clickOn(robot.lookup(hasText("OK")).queryButton());
        waitUntil(() -> WindowTests.items(table(robot, "#findingsTable")).size() == 1);
        assertEquals(1, new dev.eventscope.audit.findings.FindingsFile(dev.eventscope.audit.findings.FindingsFile.defaultDirectory(),
                model.explorerProperty().get().session().readAt(1).orElseThrow().eventId(),
                dev.eventscope.application.CommandContext.osUser().user()).list().size(), "kept in the findings file");
        Finding finding = (Finding) WindowTests.items(table(robot, "#findingsTable")).get(0);
        assertEquals("test:late-postings/JE-2025-0100", finding.target().toString());
        assertEquals("Posted into a closed quarter after a reopening", finding.note());
        // the When column reads as the history's recorded times do (local, to the second), not "2026-12-05T11:16:33Z"
        TableColumn<?, ?> when = table(robot, "#findingsTable").getColumns().stream()
                .filter(column -> column.getText().equals("When")).findFirst().orElseThrow();
        assertEquals(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                .format(finding.createdAt().atZone(java.time.ZoneId.systemDefault())), when.getCellObservableValue(0).getValue());

        toFront(robot);
        robot.clickOn(robot.lookup(hasText("Benford's law, first digits  (0)")).queryLabeled());
        waitUntil(() -> robot.lookup("#benfordChart").queryAs(BarChart.class).getData().size() == 2);
        assertTrue(robot.lookup("#benfordChart").queryAs(BarChart.class).getTitle().startsWith("assets: 201 postings"),
                robot.lookup("#benfordChart").queryAs(BarChart.class).getTitle());
        assertEquals(12, WindowTests.items(tests).size());
    }

    @Test
    @SuppressWarnings("unchecked")
    void hits_show_their_recorded_time_as_the_history_does_sorted_by_the_instant_and_an_empty_answer_says_nothing_found(FxRobot robot)
            throws Exception {
        // session 17's last look: the Recorded column showed ISO text, and the empty table kept saying "Search, or search …"
        openTheAuditCase(robot);
        shortcut(robot, KeyCode.F);
        waitUntil(() -> robot.lookup("#hitPlaceholder").tryQuery().isPresent());
        javafx.scene.control.Label placeholder = robot.lookup("#hitPlaceholder").queryAs(javafx.scene.control.Label.class);
        waitUntil(() -> SearchViewModel.BEFORE_SEARCH.equals(placeholder.getText()));
        robot.clickOn("#searchField").write("JE-2025-0197").type(KeyCode.ENTER);
        waitUntil(() -> WindowTests.items(table(robot, "#hitTable")).size() == 3);
        TableView<SearchHit> hits = table(robot, "#hitTable");
        java.time.format.DateTimeFormatter local = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        java.util.List<javafx.scene.control.TableCell<?, ?>> cells = robot.lookup("#hitTable .table-cell").queryAllAs(
                javafx.scene.control.TableCell.class).stream().filter(cell -> cell.getTableColumn() != null
                && "hitRecorded".equals(cell.getTableColumn().getId()) && cell.getTableRow() != null
                && cell.getTableRow().getItem() != null).<javafx.scene.control.TableCell<?, ?>>map(cell -> cell).toList();
        assertEquals(3, cells.size(), "a Recorded cell per hit");
        for (javafx.scene.control.TableCell<?, ?> cell : cells) {
            SearchHit hit = (SearchHit) cell.getTableRow().getItem();
            assertEquals(local.format(hit.recordedAt().atZone(java.time.ZoneId.systemDefault())), cell.getText());
            assertTrue(cell.getTooltip().getText().startsWith(hit.recordedAt().toString()), "the exact instant on hover: "
                    + cell.getTooltip().getText());
            javafx.scene.text.Text shown = (javafx.scene.text.Text) cell.lookup(".text");
            assertEquals(cell.getText(), shown.getText(), "the recorded time reads whole");
        }
        // sorted by the instant: a click on the header sorts up, a second one down
        robot.clickOn("#hitRecorded");
        robot.clickOn("#hitRecorded");
        waitUntil(() -> !hits.getSortOrder().isEmpty() && hits.getSortOrder().get(0).getSortType() == TableColumn.SortType.DESCENDING);
        java.util.List<java.time.Instant> order = WindowTests.items(hits).stream().map(SearchHit::recordedAt).toList();
        java.util.List<java.time.Instant> newestFirst = new java.util.ArrayList<>(order);
        newestFirst.sort(java.util.Comparator.reverseOrder());
        assertEquals(newestFirst, order);

        robot.clickOn("#searchField").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL).write("zzqxnothingmatches").type(KeyCode.ENTER);
        waitUntil(() -> hits.getItems().isEmpty() && SearchViewModel.NOTHING_FOUND.equals(placeholder.getText()));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.text.Text said = (javafx.scene.text.Text) placeholder.lookup(".text");
        assertTrue(placeholder.isVisible() && placeholder.getScene() != null, "the empty table says it");
        assertEquals(SearchViewModel.NOTHING_FOUND, said.getText().replace("\n", " "), "said whole");
    }

    @Test
    void a_search_hit_opens_its_event_in_the_explorer(FxRobot robot) throws Exception {
        openTheAuditCase(robot);
        shortcut(robot, KeyCode.F);
        waitUntil(() -> robot.lookup("#searchField").tryQuery().isPresent());
        robot.clickOn("#searchField").write("JE-2025-0197").type(KeyCode.ENTER);
        waitUntil(() -> WindowTests.items(table(robot, "#hitTable")).size() == 3);
        SearchHit second = (SearchHit) WindowTests.items(table(robot, "#hitTable")).get(1);
        assertEquals("p.brandt", second.user());
        WindowTests.doubleClick(robot, robot.lookup("#hitTable .table-row-cell").nth(1).queryAs(Node.class));
        waitUntil(() -> selectedInExplorer() == second.position());
    }

    @Test
    void a_keyboard_user_searches_moves_down_the_hits_and_opens_one_with_enter(FxRobot robot) throws Exception {
        // session 20's walk: the hits were reached only by tabbing through the Search button and nine filters
        openTheAuditCase(robot);
        shortcut(robot, KeyCode.F);
        waitUntil(() -> robot.lookup("#searchField").tryQuery().isPresent());
        robot.clickOn("#searchField").write("JE-2025-0197").type(KeyCode.ENTER);
        waitUntil(() -> WindowTests.items(table(robot, "#hitTable")).size() == 3);
        TableView<?> hits = table(robot, "#hitTable");
        robot.type(KeyCode.DOWN);
        waitUntil(() -> hits.isFocused() && hits.getSelectionModel().getSelectedIndex() == 0);
        robot.type(KeyCode.DOWN);
        waitUntil(() -> hits.getSelectionModel().getSelectedIndex() == 1);
        SearchHit second = (SearchHit) WindowTests.items(hits).get(1);
        robot.type(KeyCode.ENTER);
        waitUntil(() -> selectedInExplorer() == second.position());
    }

    /**
     * Session 20 (ui2)'s keyboard walk of the Tests and Findings tabs: their buttons had no letter, and a finding could be
     * removed only by tabbing to its button. Each button has a letter of its own in its tab; Delete removes the chosen finding.
     */
    @Test
    void a_keyboard_user_removes_a_finding_with_delete_and_every_button_has_a_letter(FxRobot robot) throws Exception {
        openTheAuditCase(robot);
        dev.eventscope.session.LedgerSession session = model.explorerProperty().get().session();
        dev.eventscope.audit.findings.FindingsFile findingsFile = new dev.eventscope.audit.findings.FindingsFile(
                dev.eventscope.audit.findings.FindingsFile.defaultDirectory(), session.readAt(1).orElseThrow().eventId(),
                dev.eventscope.application.CommandContext.osUser().user());
        findingsFile.add(dev.eventscope.audit.findings.FindingTarget.time(session.readAt(3).orElseThrow().recordedAt()),
                dev.eventscope.audit.findings.Severity.LOW, "Removed by the Delete key", java.time.Clock.systemUTC());
        try {
            shortcut(robot, KeyCode.T);
            waitUntil(() -> robot.lookup("#findingsTable").tryQuery().isPresent());
            java.util.List<String> unlettered = new java.util.ArrayList<>();
            robot.interact(() -> {
                for (String id : java.util.List.of("#runTests", "#markFlagged", "#removeFinding")) {
                    javafx.scene.control.Button button = robot.lookup(id).queryButton();
                    if (!button.isMnemonicParsing() || button.getText().indexOf('_') < 0) {
                        unlettered.add(button.getText());
                    }
                }
            });
            assertEquals(java.util.List.of(), unlettered, "buttons without a letter");
            TableView<Finding> findings = table(robot, "#findingsTable");
            waitUntil(() -> findings.getItems().stream().anyMatch(finding -> finding.note().equals("Removed by the Delete key")));
            toFront(robot);
            robot.interact(() -> {
                robot.lookup("#workbenchTabs").queryAs(javafx.scene.control.TabPane.class).getSelectionModel().select(2);
                findings.requestFocus();
                findings.getSelectionModel().select(findings.getItems().stream()
                        .filter(finding -> finding.note().equals("Removed by the Delete key")).findFirst().orElseThrow());
            });
            waitUntil(findings::isFocused);
            robot.type(KeyCode.DELETE);
            waitUntil(() -> findings.getItems().stream().noneMatch(finding -> finding.note().equals("Removed by the Delete key")));
            assertTrue(findingsFile.list().stream().noneMatch(finding -> finding.note().equals("Removed by the Delete key")),
                    "removed from the findings file");
        } finally {
            // the findings file is per ledger id and user, shared by the copies of the sample the other tests open
            findingsFile.list().stream().filter(finding -> finding.note().equals("Removed by the Delete key"))
                    .forEach(finding -> findingsFile.remove(finding.id()));
        }
    }

    @Test
    void a_finding_about_a_point_in_time_moves_the_explorers_timeline_there(FxRobot robot) throws Exception {
        openTheAuditCase(robot);
        dev.eventscope.session.LedgerSession session = model.explorerProperty().get().session();
        java.time.Instant moment = session.readAt(335).orElseThrow().recordedAt().plusSeconds(60);
        long expected = 0;
        try (dev.eventscope.eventstore.EventCursor events = session.readAll(0)) {
            while (events.hasNext()) {
                dev.eventscope.eventstore.RecordedEvent event = events.next();
                if (!event.recordedAt().isAfter(moment)) {
                    expected = event.position();
                }
            }
        }
        assertTrue(expected >= 335 && expected < session.lastPosition(), "a moment in the middle of the ledger: " + expected);
        new dev.eventscope.audit.findings.FindingsFile(dev.eventscope.audit.findings.FindingsFile.defaultDirectory(),
                session.readAt(1).orElseThrow().eventId(), dev.eventscope.application.CommandContext.osUser().user())
                .add(dev.eventscope.audit.findings.FindingTarget.time(moment), dev.eventscope.audit.findings.Severity.HIGH,
                        "What the books said when the quarter was reported", java.time.Clock.systemUTC());
        dev.eventscope.ui.timeline.TimelineViewModel timeline = model.explorerProperty().get().timeline();
        assertTrue(timeline.positionShown() != expected, "the slider starts elsewhere");

        try {
            openTheFindingAndSeeTheTimelineMove(robot, timeline, expected);
        } finally {
            // the findings file is per ledger id and user, shared by the copies of the sample the other tests open
            dev.eventscope.audit.findings.FindingsFile findingsFile = new dev.eventscope.audit.findings.FindingsFile(
                    dev.eventscope.audit.findings.FindingsFile.defaultDirectory(), session.readAt(1).orElseThrow().eventId(),
                    dev.eventscope.application.CommandContext.osUser().user());
            findingsFile.list().stream().filter(finding -> finding.target().kind() == dev.eventscope.audit.findings.FindingTarget.Kind.TIME)
                    .forEach(finding -> findingsFile.remove(finding.id()));
        }
    }

    private void openTheFindingAndSeeTheTimelineMove(FxRobot robot, dev.eventscope.ui.timeline.TimelineViewModel timeline, long expected) {
        shortcut(robot, KeyCode.F);
        waitUntil(() -> robot.lookup("#searchField").tryQuery().isPresent());
        robot.clickOn(robot.lookup(".tab-pane .tab-header-area .tab-label").match(hasText("Findings")).queryLabeled());
        waitUntil(() -> robot.lookup("#findingsTable").tryQuery().isPresent() && WindowTests.items(table(robot, "#findingsTable")).stream()
                .anyMatch(item -> ((Finding) item).target().kind() == dev.eventscope.audit.findings.FindingTarget.Kind.TIME));
        int row = WindowTests.items(table(robot, "#findingsTable")).indexOf(WindowTests.items(table(robot, "#findingsTable")).stream()
                .filter(item -> ((Finding) item).target().kind() == dev.eventscope.audit.findings.FindingTarget.Kind.TIME)
                .findFirst().orElseThrow());
        WindowTests.doubleClick(robot, robot.lookup("#findingsTable .table-row-cell").nth(row).queryAs(Node.class));
        final long wanted = expected;
        waitUntil(() -> timeline.wholeLedgerProperty().get() && timeline.axisProperty().get() == dev.eventscope.ui.timeline.TimelineAxis.RECORDED_TIME
                && timeline.timelineProperty().get() != null
                && timeline.timelineProperty().get().axis() == dev.eventscope.ui.timeline.TimelineAxis.RECORDED_TIME
                && timeline.positionShown() == wanted);
    }

    /**
     * Session 21: the Tests tab walked by keys as a whole. Before, the list, the flagged table and the Benford chooser
     * had no label and no letter (reached by Tab only). Alt+T moves to the tests, Down chooses one, Alt+F to its flagged
     * entries (the first chosen), Enter opens one in the explorer, Alt+B to the Benford chooser (Down shows the next
     * group), Alt+R runs the tests again.
     */
    @Test
    @SuppressWarnings("unchecked")
    void a_keyboard_user_walks_the_tests_tab_the_list_the_flagged_entries_benford_and_runs_them_again(FxRobot robot) throws Exception {
        openTheAuditCase(robot);
        shortcut(robot, KeyCode.T);
        waitUntil(() -> robot.lookup("#testList").tryQuery().isPresent()
                && robot.lookup("#testList").queryAs(ListView.class).getItems().size() == 12);
        toFront(robot);
        ListView<TestResult> tests = robot.lookup("#testList").queryAs(ListView.class);
        chooseByKeys(robot, tests, "Late postings");
        TableView<FlaggedEntry> flagged = table(robot, "#flaggedTable");
        waitUntil(() -> flagged.getItems().size() == 1);

        alt(robot, KeyCode.F);
        waitUntil(() -> flagged.isFocused() && flagged.getSelectionModel().getSelectedItem() != null);
        FlaggedEntry late = flagged.getSelectionModel().getSelectedItem();
        robot.type(KeyCode.ENTER);
        waitUntil(() -> selectedInExplorer() == late.position());
        toFront(robot);

        // the Benford chooser is shown with its test
        chooseByKeys(robot, tests, "Benford's law, first digits");
        javafx.scene.control.ComboBox<dev.eventscope.audit.tests.BenfordGroup> benford = robot.lookup("#benfordType")
                .queryAs(javafx.scene.control.ComboBox.class);
        waitUntil(() -> benford.getItems().size() > 1 && benford.getValue() != null);
        alt(robot, KeyCode.B);
        waitUntil(benford::isFocused);
        dev.eventscope.audit.tests.BenfordGroup shown = benford.getValue();
        String title = robot.lookup("#benfordChart").queryAs(BarChart.class).getTitle();
        robot.type(benford.getSelectionModel().getSelectedIndex() + 1 < WindowTests.items(benford).size() ? KeyCode.DOWN : KeyCode.UP);
        waitUntil(() -> benford.getValue() != shown && !robot.lookup("#benfordChart").queryAs(BarChart.class).getTitle().equals(title));

        TestResult first = WindowTests.items(tests).get(0);
        alt(robot, KeyCode.R);
        waitUntil(() -> tests.getItems().size() == 12 && tests.getItems().get(0) != first);
    }

    /** Alt+T to the tests, Home, then Down until the test titled {@code title} is chosen. */
    private static void chooseByKeys(FxRobot robot, ListView<TestResult> tests, String title) {
        alt(robot, KeyCode.T);
        waitUntil(tests::isFocused);
        robot.type(KeyCode.HOME);
        waitUntil(() -> tests.getSelectionModel().getSelectedIndex() == 0);
        for (int step = 0; step < 12 && !title.equals(tests.getSelectionModel().getSelectedItem().title()); step++) {
            int before = tests.getSelectionModel().getSelectedIndex();
            robot.type(KeyCode.DOWN);
            waitUntil(() -> tests.getSelectionModel().getSelectedIndex() != before);
        }
        assertEquals(title, tests.getSelectionModel().getSelectedItem().title(), "Down reached " + title);
    }

    private static void alt(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.ALT, key).release(key, KeyCode.ALT);
    }
}
