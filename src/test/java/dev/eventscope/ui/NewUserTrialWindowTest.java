package dev.eventscope.ui;

import dev.eventscope.eventstore.StreamId;
import dev.eventscope.ui.shell.MainWindowViewModel;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a new user met clicking through every screen (docs/ui.md, "A new user's trial"): each test asserts what a person
 * sees in the real window, headless, on a copy of the bundled small-business sample.
 */
@ExtendWith(ApplicationExtension.class)
public class NewUserTrialWindowTest {

    @TempDir
    static Path folder;

    private FxTaskExecutor executor;
    private MainWindowViewModel model;
    private Stage stage;
    private Path sample;

    @Start
    void start(Stage stage) throws Exception {
        Path run = WindowTests.runWithSamples(folder, "small-business");
        sample = WindowTests.samples(run).resolve("small-business.ledger");
        executor = new FxTaskExecutor();
        this.stage = stage;
        model = WindowTests.showAt1280(stage, executor, run, WindowTests.samples(run));
    }

    @AfterEach
    void closeWindow() throws Exception {
        WindowTests.close(executor);
    }

    @Test
    void the_welcome_screen_shows_every_button_and_the_auditor_box_whole_at_1280_and_at_1920(FxRobot robot) {
        WindowTests.waitUntil(() -> robot.lookup("#openButton").tryQuery().isPresent());
        assertEquals(List.of(), cutLabels(stage.getScene().getRoot()), "cut at 1280 × 720");
        robot.interact(() -> {
            stage.setWidth(1920);
            stage.setHeight(1080);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), cutLabels(stage.getScene().getRoot()), "cut at 1920 × 1080");
    }

    @Test
    void no_two_menu_items_share_a_shortcut_and_the_moved_ones_open_their_forms(FxRobot robot) {
        openSample(robot);
        Map<String, List<String>> byShortcut = new HashMap<>();
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        for (Menu menu : bar.getMenus()) {
            collect(menu, byShortcut);
        }
        List<String> shared = byShortcut.entrySet().stream().filter(entry -> entry.getValue().size() > 1)
                .map(entry -> entry.getKey() + " " + entry.getValue()).sorted().toList();
        assertEquals(List.of(), shared, "one shortcut, two menu items: only one of them can answer it");
        assertTrue(byShortcut.size() > 20, "the menus' shortcuts were read: " + byShortcut.keySet());

        shortcut(robot, KeyCode.D);
        WindowTests.waitUntil(() -> formTitle(robot).equals("Close a period"));
        // "Close" beside "Close period" read as a second way to close it: the button that leaves says Cancel
        assertEquals("Cancel", robot.lookup("#cancelButton").queryAs(Button.class).getText());
        robot.interact(() -> robot.lookup("#cancelButton").queryAs(Button.class).fire());
        WindowTests.waitUntil(() -> robot.lookup("#cancelButton").tryQuery().isEmpty());
        shortcut(robot, KeyCode.L);
        WindowTests.waitUntil(() -> formTitle(robot).equals("Freeze an account"));
        assertEquals("Cancel", robot.lookup("#cancelButton").queryAs(Button.class).getText());
    }

    @Test
    void the_open_account_form_shows_its_hint_whole_and_never_submits_a_date_it_cannot_read(FxRobot robot) {
        openSample(robot);
        // before any stream is picked, the state panel says what to do (moving the timeline does nothing yet)
        assertEquals("Select a stream in the sidebar, or choose Whole ledger above, to see its state here.",
                robot.lookup("#statePlaceholder").queryAs(Labeled.class).getText());
        long before = model.explorerProperty().get().session().lastPosition();
        shortcut(robot, KeyCode.A);
        WindowTests.waitUntil(() -> formTitle(robot).equals("Open an account"));
        Node form = robot.lookup("#formRoot").query();
        WindowTests.waitUntil(() -> cutLabels(form).isEmpty());
        assertEquals(List.of(), cutLabels(form), "the form's hints are cut");

        robot.interact(() -> {
            robot.lookup("#accountField").queryAs(TextField.class).setText("assets:petty-cash");
            javafx.scene.control.DatePicker opened = robot.lookup("#dateField").queryAs(javafx.scene.control.DatePicker.class);
            opened.getEditor().setText("31.31.2025");
        });
        robot.interact(() -> robot.lookup("#submitButton").queryAs(Button.class).fire());
        WaitForAsyncUtils.waitForFxEvents();
        // the picker still holds the date it had; opening the account on it unseen was the defect
        assertEquals("'31.31.2025' is not a date; type it like 2025-06-30.", robot.lookup("#dateError").queryAs(Labeled.class).getText());
        assertEquals(before, model.explorerProperty().get().session().lastPosition(), "nothing was appended");
        assertTrue(robot.lookup("#formRoot").tryQuery().isPresent(), "the form stays open");
    }

    @Test
    void a_newly_opened_account_is_selected_in_the_sidebar_with_its_history_shown(FxRobot robot) {
        openSample(robot);
        robot.interact(() -> model.explorerProperty().get().sidebar().select(StreamId.of("account-assets:bank:checking")));
        shortcut(robot, KeyCode.A);
        WindowTests.waitUntil(() -> formTitle(robot).equals("Open an account"));
        robot.interact(() -> robot.lookup("#accountField").queryAs(TextField.class).setText("assets:petty-cash"));
        robot.interact(() -> robot.lookup("#submitButton").queryAs(Button.class).fire());
        StreamId opened = StreamId.of("account-assets:petty-cash");
        // as after a post: the new stream is the sidebar's selection, its history shown with its event picked
        WindowTests.waitUntil(() -> opened.equals(model.explorerProperty().get().sidebar().selectedStreamProperty().get()));
        javafx.scene.control.TreeView<?> tree = robot.lookup("#streamTree").queryAs(javafx.scene.control.TreeView.class);
        WindowTests.waitUntil(() -> tree.getSelectionModel().getSelectedItem() != null
                && tree.getSelectionModel().getSelectedItem().getValue() instanceof dev.eventscope.ui.explorer.SidebarNode node
                && node.isStream() && opened.equals(node.stream()));
        TableView<?> history = robot.lookup("#historyTable").queryAs(TableView.class);
        WindowTests.waitUntil(() -> history.getItems().size() == 1 && history.getSelectionModel().getSelectedIndex() == 0);
        assertTrue(robot.lookup("#detailHeading").queryAs(Labeled.class).getText().startsWith("AccountOpened"),
                robot.lookup("#detailHeading").queryAs(Labeled.class).getText());
    }

    @Test
    void the_event_detail_at_1280_cuts_no_value_without_its_whole_text_on_hover_and_a_copy(FxRobot robot) throws Exception {
        openSample(robot);
        robot.interact(() -> model.explorerProperty().get().sidebar().select(StreamId.of("account-assets:bank:checking")));
        TableView<?> history = robot.lookup("#historyTable").queryAs(TableView.class);
        WindowTests.waitUntil(() -> history.getItems().size() == 137);
        robot.interact(() -> history.getSelectionModel().select(history.getItems().size() - 1));
        WindowTests.waitUntil(() -> robot.lookup("#correlationLink").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.ScrollPane metadata = robot.lookup(".metadata-scroll").queryAs(javafx.scene.control.ScrollPane.class);
        assertEquals(List.of(), visibleScrollBars(metadata, javafx.geometry.Orientation.HORIZONTAL), "the metadata scrolls sideways");
        double right = metadata.localToScene(metadata.getLayoutBounds()).getMaxX();
        List<String> unreadable = new ArrayList<>();
        int shortened = 0;
        for (Node node : metadata.lookupAll(".meta-value")) {
            Labeled value = (Labeled) node;
            Text shown = (Text) value.lookup(".text");
            if (value.localToScene(value.getLayoutBounds()).getMaxX() > right + 0.5) {
                unreadable.add(value.getText() + " runs past the pane's edge");
            }
            String whole = value.getText();
            if (shown.getText().contains(value.getEllipsisString()) && !whole.contains(value.getEllipsisString())) {
                shortened++;
                if (value.getTooltip() == null || !value.getTooltip().getText().contains(whole)) {
                    unreadable.add(whole + " shown as " + shown.getText() + " without its whole text on hover");
                }
            }
            // every value can be copied whole (right click › Copy …)
            robot.interact(() -> {
                javafx.scene.input.Clipboard.getSystemClipboard().clear();
                value.getContextMenu().getItems().get(0).fire();
            });
            String copied = WaitForAsyncUtils.asyncFx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString()).get();
            if (!whole.equals(copied)) {
                unreadable.add(whole + " copied as " + copied);
            }
        }
        assertEquals(List.of(), unreadable);
        assertTrue(shortened > 0, "at 1280 px some identifier is shown by its start and end");
        javafx.scene.control.TextArea json = robot.lookup("#jsonText").queryAs(javafx.scene.control.TextArea.class);
        assertEquals(List.of(), visibleScrollBars(json, javafx.geometry.Orientation.HORIZONTAL), "the JSON scrolls sideways");
    }

    private static List<ScrollBar> visibleScrollBars(Parent parent, javafx.geometry.Orientation orientation) {
        return parent.lookupAll(".scroll-bar").stream().filter(node -> node instanceof ScrollBar bar && bar.getOrientation() == orientation
                && bar.isVisible() && bar.getParent() != null && bar.getParent().isVisible()).map(ScrollBar.class::cast).toList();
    }

    @Test
    void a_state_panel_line_never_breaks_a_date_or_a_number_at_its_hyphen(FxRobot robot) {
        openSample(robot);
        robot.interact(() -> model.explorerProperty().get().sidebar().select(StreamId.of("account-assets:bank:checking")));
        TableView<?> state = robot.lookup("#stateTable").queryAs(TableView.class);
        WindowTests.waitUntil(() -> state.getItems().size() > 8);
        WindowTests.waitUntil(() -> !shownLines(state).isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        // "2025-12-28 PAY-2025-12B" read "2025-12-28 PAY-2025-" above "12B", and a date "2025-" above "12-30"
        List<String> broken = shownLines(state).stream().filter(text -> text.matches("(?s).*[0-9]-\n[0-9].*"))
                .map(text -> text.replace("\n", " / ")).toList();
        assertEquals(List.of(), broken, "dates and numbers broken at a hyphen");
        assertTrue(shownLines(state).stream().anyMatch(text -> text.contains("\n")), "some lines are broken at all: " + shownLines(state));
    }

    /** The shown texts of the state table's filled cells. */
    private static List<String> shownLines(TableView<?> table) {
        List<String> shown = new ArrayList<>();
        for (Node node : table.lookupAll(".table-cell")) {
            if (node instanceof javafx.scene.control.TableCell<?, ?> cell && cell.isVisible() && cell.getTableRow() != null
                    && !cell.getTableRow().isEmpty() && cell.getText() != null && cell.lookup(".text") instanceof Text text) {
                shown.add(text.getText());
            }
        }
        return shown;
    }

    @Test
    void the_picked_last_event_stays_whole_when_the_integrity_banner_pushes_the_history_down(FxRobot robot) {
        robot.interact(() -> {
            stage.setWidth(1920);
            stage.setHeight(1080);
        });
        openSample(robot);
        robot.interact(() -> model.explorerProperty().get().sidebar().select(StreamId.of("account-assets:bank:checking")));
        TableView<?> history = robot.lookup("#historyTable").queryAs(TableView.class);
        WindowTests.waitUntil(() -> history.getItems().size() == 137);
        robot.interact(() -> {
            history.getSelectionModel().select(history.getItems().size() - 1);
            history.scrollTo(history.getItems().size() - 1); // as the End key does: the picked event in view
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(pickedRowBottom(history) <= visibleBottom(history) + 0.5, "the picked row is whole before the banner");
        robot.interact(() -> ((ButtonBase) robot.lookup("#verifyButton").query()).fire());
        WindowTests.waitUntil(() -> robot.lookup("#banner").query().isVisible());
        WindowTests.waitUntil(() -> pickedRowBottom(history) <= visibleBottom(history) + 0.5);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(pickedRowBottom(history) <= visibleBottom(history) + 0.5, "the picked row ends at " + pickedRowBottom(history)
                + ", the history's rows are seen down to " + visibleBottom(history));
    }

    @Test
    void the_selected_accounts_crumb_reads_whole_in_the_sidebar(FxRobot robot) {
        openSample(robot);
        robot.interact(() -> model.explorerProperty().get().sidebar().select(StreamId.of("account-assets:bank:checking")));
        WindowTests.waitUntil(() -> crumb(robot, "checking") != null && crumb(robot, "checking").getLayoutBounds().getWidth() > 0);
        // the integrity banner lays the sidebar out again (in the screenshots the path then read "… › bank › chec")
        robot.interact(() -> ((ButtonBase) robot.lookup("#verifyButton").query()).fire());
        WindowTests.waitUntil(() -> robot.lookup("#banner").query().isVisible());
        WaitForAsyncUtils.waitForFxEvents();
        Node sidebar = robot.lookup(".sidebar").query();
        double right = sidebar.localToScene(sidebar.getLayoutBounds()).getMaxX();
        WindowTests.waitUntil(() -> crumb(robot, "checking").localToScene(crumb(robot, "checking").getLayoutBounds()).getMaxX() <= right + 0.5);
        Node checking = crumb(robot, "checking");
        double crumbRight = checking.localToScene(checking.getLayoutBounds()).getMaxX();
        double crumbLeft = checking.localToScene(checking.getLayoutBounds()).getMinX();
        double left = sidebar.localToScene(sidebar.getLayoutBounds()).getMinX();
        assertTrue(crumbLeft >= left - 0.5 && crumbRight <= right + 0.5, "the crumb 'checking' spans " + crumbLeft + "–"
                + crumbRight + " in a sidebar from " + left + " to " + right);
    }

    @Test
    void the_workbench_lists_every_test_by_its_whole_title_and_a_focused_field_keeps_its_prompt(FxRobot robot) {
        openSample(robot);
        shortcut(robot, KeyCode.T);
        WindowTests.waitUntil(() -> robot.lookup("#testList").tryQuery().isPresent()
                && robot.lookup("#testList").queryAs(ListView.class).getItems().size() == 12);
        ListView<?> tests = robot.lookup("#testList").queryAs(ListView.class);
        robot.interact(() -> {
            Window window = tests.getScene().getWindow();
            window.setWidth(1280);
            window.setHeight(720);
        });
        WaitForAsyncUtils.waitForFxEvents();
        WindowTests.waitUntil(() -> cutCells(tests).isEmpty());
        assertEquals(List.of(), cutCells(tests), "test titles not read whole");
        for (Node node : tests.lookupAll(".scroll-bar")) {
            if (node instanceof ScrollBar bar && bar.getOrientation() == javafx.geometry.Orientation.HORIZONTAL) {
                assertTrue(!bar.isVisible(), "the list of tests scrolls sideways");
            }
        }

        // the entry form opens with the cursor in the first account: that field still says what it wants
        robot.interact(() -> stage.toFront());
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        WindowTests.waitUntil(() -> robot.lookup("#account0").tryQuery().isPresent());
        TextField account = robot.lookup("#account0").queryAs(TextField.class);
        robot.interact(account::requestFocus);
        WindowTests.waitUntil(account::isFocused);
        assertTrue(!account.getPromptText().isEmpty(), "the first account field has a prompt");
        Text prompt = (Text) account.lookupAll(".text").stream()
                .filter(node -> node instanceof Text text && account.getPromptText().equals(text.getText())).findFirst().orElseThrow();
        assertTrue(prompt.isVisible() && prompt.getFill() instanceof Color color && color.getOpacity() > 0.5,
                "the focused field's prompt is drawn in " + prompt.getFill());
    }

    private void openSample(FxRobot robot) {
        robot.interact(() -> model.welcome().openSample(sample));
        WindowTests.waitUntil(() -> model.explorerProperty().get() != null && robot.lookup("#historyTable").tryQuery().isPresent()
                && robot.lookup("#verifyButton").tryQuery().isPresent());
    }

    private static void shortcut(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, key).release(key, KeyCode.SHIFT, KeyCode.CONTROL);
    }

    private static String formTitle(FxRobot robot) {
        return robot.lookup("#formTitle").tryQuery().map(node -> ((Labeled) node).getText()).orElse("");
    }

    private static void collect(Menu menu, Map<String, List<String>> byShortcut) {
        for (MenuItem item : menu.getItems()) {
            if (item instanceof Menu sub) {
                collect(sub, byShortcut);
            } else if (item.getAccelerator() != null) {
                byShortcut.computeIfAbsent(item.getAccelerator().getDisplayText(), key -> new ArrayList<>())
                        .add(menu.getText().replace("_", "") + " › " + item.getText().replace("_", ""));
            }
        }
    }

    /** The scene y where the picked row of {@code table} ends. */
    static double pickedRowBottom(TableView<?> table) {
        int picked = table.getSelectionModel().getSelectedIndex();
        return table.lookupAll(".table-row-cell").stream()
                .filter(node -> node instanceof TableRow<?> row && row.getIndex() == picked && row.isVisible())
                .mapToDouble(node -> node.localToScene(node.getLayoutBounds()).getMaxY()).max().orElse(Double.MAX_VALUE);
    }

    /** The scene y down to which the rows of {@code table} are seen (above a horizontal scroll bar, inside the table). */
    static double visibleBottom(TableView<?> table) {
        Region clipped = (Region) table.lookup(".clipped-container");
        return clipped.localToScene(0, clipped.getHeight()).getY();
    }

    private static Node crumb(FxRobot robot, String text) {
        return robot.lookup("#accountPath .button").queryAll().stream()
                .filter(node -> node instanceof ButtonBase button && text.equals(button.getText())).findFirst().orElse(null);
    }

    /** The list's filled cells whose shown text (its lines joined) is not their whole text. */
    private static List<String> cutCells(ListView<?> list) {
        List<String> cut = new ArrayList<>();
        for (Node node : list.lookupAll(".list-cell")) {
            if (node instanceof ListCell<?> cell && !cell.isEmpty() && cell.getText() != null && cell.isVisible()
                    && cell.lookup(".text") instanceof Text text
                    && (!text.getText().replace('\n', ' ').replaceAll("\\s+", " ").equals(cell.getText().replaceAll("\\s+", " "))
                    || text.getLayoutBounds().getHeight() > cell.getHeight() + 1
                    || cell.localToScene(cell.getLayoutBounds()).getMaxX() > list.localToScene(list.getLayoutBounds()).getMaxX() + 0.5)) {
                cut.add(cell.getText() + " shown as " + text.getText().replace("\n", " / "));
            }
        }
        return cut;
    }

    /** Every shown button, label and check box under {@code root} whose text is cut with an ellipsis. */
    public static List<String> cutLabels(Node root) {
        List<String> cut = new ArrayList<>();
        walk(root, cut);
        return cut;
    }

    private static void walk(Node node, List<String> cut) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isEmpty()
                && labeled.lookup(".text") instanceof Text shown && shown.getText().endsWith(labeled.getEllipsisString())
                && !labeled.getText().endsWith(labeled.getEllipsisString())) {
            cut.add(labeled.getText() + " shown as " + shown.getText());
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                walk(child, cut);
            }
        }
    }
}
