package dev.eventscope.ui.explorer;

import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.ExpectedVersion;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.ui.FxTaskExecutor;
import dev.eventscope.ui.WindowTests;
import dev.eventscope.ui.shell.MainWindowViewModel;
import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Session 23's walk: on a journal of 100,000 entries imported (397,020 events), the history's "#" column at 1280 × 720
 * read "35…" for every event, and at 1920 × 1080 "Ver" cut a five-digit version: both columns kept a width for the
 * samples' three-digit numbers. A first fix (session 23) widened them and the history then scrolled sideways. Every
 * position and version shown reads whole (six digits from the ledger, then a row at 9,999,999 put beside them), at both
 * sizes, and the history never shows a horizontal scroll bar.
 */
@ExtendWith(ApplicationExtension.class)
class HistoryNumbersWindowTest {

    private static final StreamId CHECKING = StreamId.of("account-assets:bank:checking");
    /** Enough for six-digit positions and versions. */
    private static final int POSTINGS = 100_000;

    /**
     * Made and removed here, not by {@code @TempDir}: the app's work on the 100,001-event ledger (its first open writes
     * read models and checkpoints them on a thread of its own) may still be ending when the class ends, and a fresh-clone
     * CI found JUnit's one attempt to delete the folder failing while files were still being written into it.
     */
    private static final dev.eventscope.testing.TemporaryFolders FOLDERS = new dev.eventscope.testing.TemporaryFolders();
    private static Path folder;
    private static Path ledger;

    private FxTaskExecutor executor;
    private MainWindowViewModel model;
    private Stage stage;

    @BeforeAll
    static void busyLedger() throws Exception {
        folder = FOLDERS.create("history-numbers");
        ledger = folder.resolve("busy.ledger");
        try (SqliteEventStore store = SqliteEventStore.open(ledger)) {
            List<NewEvent> events = new ArrayList<>(POSTINGS + 1);
            events.add(new NewEvent("opened", "AccountOpened", 1, "{\"account\":\"assets:bank:checking\",\"type\":\"assets\"}",
                    new EventMetadata("alice", "c-open", null, "OpenAccount")));
            for (int number = 1; number <= POSTINGS; number++) {
                events.add(new NewEvent("posting-" + number, "PostingRecorded", 1, "{\"entryId\":\"E" + number
                        + "\",\"amount\":\"1.00 EUR\",\"description\":\"Coffee " + number + "\"}",
                        new EventMetadata("alice", "c-" + number, null, "PostEntry")));
            }
            store.append(CHECKING, ExpectedVersion.NO_STREAM, events);
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        executor = new FxTaskExecutor();
        Path run = Files.createTempDirectory(folder, "run");
        model = WindowTests.show(stage, WindowTests.model(executor, run, Files.createDirectories(WindowTests.samples(run))));
    }

    @AfterEach
    void closeWindow() throws Exception {
        WindowTests.close(executor);
    }

    /** Removes the folder once nothing writes into it any more (the app's work on the ledger may still be ending). */
    @AfterAll
    static void removeFolder() {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).pollInterval(java.time.Duration.ofMillis(200))
                .until(() -> {
                    try {
                        FOLDERS.deleteAll();
                        return true;
                    } catch (java.io.UncheckedIOException stillWritten) {
                        return false;
                    }
                });
    }

    @Test
    void at_1280_by_720_every_position_reads_whole(FxRobot robot) throws Exception {
        TableView<?> history = openBusyAccount(robot, 1280, 720);
        assertEquals(List.of(), cutNumbers(robot, history, "# 100"), "the history's six-digit numbers at 1280 × 720");
        assertEquals(List.of(), sevenDigitsCut(robot, history), "a seven-digit row at 1280 × 720");
    }

    @Test
    void at_1920_by_1080_every_position_and_version_reads_whole(FxRobot robot) throws Exception {
        TableView<?> history = openBusyAccount(robot, 1920, 1080);
        assertEquals(List.of(), cutNumbers(robot, history, "# 100"), "the history's six-digit numbers at 1920 × 1080");
        assertEquals(List.of(), sevenDigitsCut(robot, history), "a seven-digit row at 1920 × 1080");
    }

    /** Opens the ledger at this size and shows the busy account's history, scrolled to its end. */
    private TableView<?> openBusyAccount(FxRobot robot, double width, double height) {
        robot.interact(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
            model.open(ledger, false);
        });
        WindowTests.waitUntil(() -> model.explorerProperty().get() != null && !robot.lookup("#streamTree").queryAll().isEmpty());
        robot.interact(() -> model.explorerProperty().get().sidebar().select(CHECKING));
        TableView<?> history = robot.lookup("#historyTable").queryAs(TableView.class);
        WindowTests.waitUntil(() -> history.getItems().size() > 1000);
        return history;
    }

    /**
     * Puts a row at position and version 9,999,999 (the event at the end, renumbered) after the history's rows, as a
     * ledger of ten million events would show it, and returns the table.
     */
    /**
     * {@link #cutNumbers} of the history with a row at 9,999,999 put beside the ledger's. The app may still reload the
     * history once as its first open of the ledger ends, which drops that row: then it is put back and looked at again
     * (at most five times); a row that is there and not drawn whole fails at once.
     */
    private List<String> sevenDigitsCut(FxRobot robot, TableView<?> history) {
        for (int attempt = 1; ; attempt++) {
            withSevenDigits(robot, history);
            try {
                return cutNumbers(robot, history, "# 9999999");
            } catch (org.opentest4j.AssertionFailedError notSeen) {
                boolean reloaded = WindowTests.onFx(() -> history.getItems().stream()
                        .noneMatch(row -> ((EventRow) row).position() == 9_999_999L));
                if (!reloaded || attempt == 5) {
                    throw notSeen;
                }
            }
        }
    }

    private TableView<?> withSevenDigits(FxRobot robot, TableView<?> history) {
        robot.interact(() -> {
            HistoryViewModel rows = model.explorerProperty().get().history();
            EventRow last = rows.rows().get(rows.rows().size() - 1);
            dev.eventscope.eventstore.RecordedEvent event = last.event();
            @SuppressWarnings("unchecked") // the history's filtered rows over the rows loaded
            javafx.collections.ObservableList<EventRow> loaded = (javafx.collections.ObservableList<EventRow>)
                    ((javafx.collections.transformation.FilteredList<EventRow>) rows.rows()).getSource();
            loaded.add(new EventRow(new dev.eventscope.eventstore.RecordedEvent(9_999_999L, event.eventId(), event.streamId(),
                    9_999_999L, event.type(), event.schemaVersion(), event.data(), event.metadata(), event.recordedAtMicros(),
                    event.hash()), last.recordedLocal(), last.recordedUtc(), last.recordedDate(), last.summary(), last.hashStatus(),
                    last.hashLabel()));
        });
        WindowTests.waitUntil(() -> history.getItems().stream().anyMatch(row -> ((EventRow) row).position() == 9_999_999L));
        return history;
    }

    /**
     * Scrolls the history to its end and says every number drawn other than it is, and whether the history scrolls
     * sideways; {@code expected} is a number that must have been seen ("# 100" for six digits).
     */
    private List<String> cutNumbers(FxRobot robot, TableView<?> history, String expected) {
        robot.interact(() -> history.scrollTo(history.getItems().size() - 1));
        for (int pulse = 0; pulse < 5; pulse++) {
            robot.interact(() -> history.getScene().getRoot().layout());
        }
        List<String> seen = new ArrayList<>();
        List<String> cut = WindowTests.onFx(() -> {
            List<String> problems = new ArrayList<>();
            for (Node node : history.lookupAll(".table-cell")) {
                if (!(node instanceof TableCell<?, ?> cell) || cell.isEmpty() || cell.getItem() == null || !cell.isVisible()
                        || !cell.getParent().isVisible()) {
                    continue;
                }
                TableColumn<?, ?> column = cell.getTableColumn();
                if (column == null || !column.isVisible() || !("positionColumn".equals(column.getId()) || "versionColumn".equals(column.getId()))) {
                    continue;
                }
                String number = cell.getItem().toString();
                seen.add(column.getText() + " " + number);
                String drawn = cell.lookup(".text") instanceof Text text ? text.getText() : "(nothing)";
                if (!drawn.equals(number)) {
                    problems.add(column.getText() + " " + number + " drawn as '" + drawn + "' in " + Math.round(column.getWidth()) + " px");
                }
            }
            // the columns widened for their numbers still fit: the history never scrolls sideways
            for (Node node : history.lookupAll(".scroll-bar")) {
                if (node instanceof javafx.scene.control.ScrollBar bar && bar.getOrientation() == javafx.geometry.Orientation.HORIZONTAL
                        && bar.isVisible()) {
                    problems.add("the history scrolls sideways");
                }
            }
            return problems;
        });
        assertTrue(seen.stream().anyMatch(text -> text.startsWith(expected)), "numbers seen: " + seen);
        return cut.stream().distinct().limit(6).toList();
    }
}
