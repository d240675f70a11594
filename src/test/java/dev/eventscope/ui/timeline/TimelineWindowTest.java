package dev.eventscope.ui.timeline;

import dev.eventscope.ui.WindowTests;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.timetravel.Point;
import dev.eventscope.ui.FxTaskExecutor;
import dev.eventscope.ui.state.MoneyText;
import dev.eventscope.ui.state.StateRow;
import javafx.scene.Node;
import javafx.scene.control.Label;
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

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.testfx.matcher.control.LabeledMatchers.hasText;

/** Drives the real window: open the small-business sample, select an account, drag the slider and step with keys. */
@ExtendWith(ApplicationExtension.class)
class TimelineWindowTest {

    private static final StreamId CHECKING = StreamId.of("account-assets:bank:checking");

    @TempDir
    static Path folder;

    private FxTaskExecutor executor;

    @Start
    void start(Stage stage) throws Exception {
        executor = new FxTaskExecutor();
        WindowTests.showWithSample(stage, executor, folder, "small-business");
    }

    @AfterEach
    void closeWindow() throws Exception {
        WindowTests.close(executor);
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WindowTests.waitUntil(condition);
    }

    private TimelineViewModel model(FxRobot robot) {
        return robot.lookup("#timelineBar").queryAs(TimelineBar.class).model();
    }

    private static StatePanelModels statePanel(FxRobot robot) {
        return robot.lookup("#statePanel").queryAs(StatePanelView.class).models();
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> shownBalances(FxRobot robot) {
        TableView<StateRow> table = robot.lookup("#stateTable").queryAs(TableView.class);
        Map<String, String> shown = new TreeMap<>();
        WindowTests.items(table).stream().filter(row -> row.explainable() && !row.value().equals("—"))
                .forEach(row -> shown.put(row.commodity(), row.value()));
        return shown;
    }

    private Map<String, String> engineBalances(TimelineViewModel model) {
        Point point = model.timelineProperty().get().pointAt(model.indexProperty().get());
        SortedMap<String, BigDecimal> balances = model.machine().timeTravel().accountAt("assets:bank:checking", point);
        Map<String, String> texts = new TreeMap<>();
        balances.forEach((commodity, amount) -> texts.put(commodity, MoneyText.of(amount, commodity)));
        return texts;
    }

    /** Opens the sample and selects checking; returns the timeline once it shows checking. */
    private TimelineViewModel openChecking(FxRobot robot) throws Exception {
        robot.clickOn(robot.lookup(hasText("small-business.ledger")).queryLabeled());
        waitUntil(() -> robot.lookup(hasText("checking")).tryQuery().isPresent());
        robot.clickOn(robot.lookup(hasText("checking")).queryLabeled());
        TimelineViewModel model = model(robot);
        waitUntil(() -> model.timelineProperty().get() != null && CHECKING.equals(model.timelineProperty().get().stream()));
        return model;
    }

    private void waitUntilShown(TimelineViewModel model) throws Exception {
        PointStateViewModel state = statePanel(new FxRobot()).state();
        waitUntil(() -> state.shownIndexProperty().get() == model.indexProperty().get());
    }

    @Test
    void dragging_and_stepping_the_slider_shows_the_engine_s_balance_at_that_point(FxRobot robot) throws Exception {
        TimelineViewModel model = openChecking(robot);
        waitUntilShown(model);
        int last = model.timelineProperty().get().lastIndex();
        assertEquals(last, model.indexProperty().get(), "the timeline opens at the latest event");
        assertEquals(engineBalances(model), shownBalances(robot));

        Node thumb = robot.lookup("#timelineSlider .thumb").query();
        double trackWidth = robot.lookup("#timelineSlider").query().getBoundsInLocal().getWidth();
        robot.drag(thumb).moveBy(-trackWidth * 0.25, 0).moveBy(-trackWidth * 0.25, 0).release(javafx.scene.input.MouseButton.PRIMARY);
        waitUntilShown(model);
        int dragged = model.indexProperty().get();
        assertTrue(dragged > 0 && dragged < last, "the drag moved to the middle: step " + dragged + " of " + last);
        assertEquals(engineBalances(model), shownBalances(robot));
        String label = robot.lookup("#timelinePoint").queryAs(Label.class).getText();
        assertEquals("#" + model.timelineProperty().get().positionAt(dragged), label);

        robot.type(KeyCode.LEFT, 3);
        waitUntilShown(model);
        assertEquals(dragged - 3, model.indexProperty().get());
        assertEquals(engineBalances(model), shownBalances(robot));
        robot.type(KeyCode.HOME);
        waitUntilShown(model);
        assertEquals(0, model.indexProperty().get());
        robot.type(KeyCode.END);
        waitUntilShown(model);
        assertEquals(last, model.indexProperty().get());
        assertEquals(engineBalances(model), shownBalances(robot));
    }

    @Test
    void a_drag_s_before_and_after_count_from_where_the_drag_began(FxRobot robot) throws Exception {
        TimelineViewModel model = openChecking(robot);
        waitUntilShown(model);
        String atStart = engineBalances(model).get("EUR");

        // a real drag of the thumb, in several moves: each move is a tick the state panel shows on the way
        Node thumb = robot.lookup("#timelineSlider .thumb").query();
        double trackWidth = robot.lookup("#timelineSlider").query().getBoundsInLocal().getWidth();
        java.util.Set<Integer> ticks = new java.util.TreeSet<>();
        robot.drag(thumb);
        for (int move = 0; move < 5; move++) {
            robot.moveBy(-trackWidth * 0.08, 0);
            waitUntilShown(model);
            ticks.add(model.indexProperty().get());
        }
        robot.release(javafx.scene.input.MouseButton.PRIMARY);
        waitUntilShown(model);
        assertTrue(ticks.size() >= 3, "the drag passed several points: " + ticks);

        StateRow balance = balanceLine(robot);
        assertTrue(balance.changed(), "the balance is marked as changed during the drag: " + balance);
        assertEquals(atStart, balance.before(), "before is the balance where the drag began, not at the previous tick");
        assertEquals(engineBalances(model).get("EUR"), balance.value());
        assertEquals(atStart + " → " + balance.value(), balance.display());

        // the next move is marked against where the drag ended
        String atDragEnd = balance.value();
        robot.type(KeyCode.LEFT);
        waitUntilShown(model);
        StateRow next = balanceLine(robot);
        assertTrue(!next.changed() || atDragEnd.equals(next.before()), "after the drag, a step compares with its end: " + next);
    }

    @Test
    void the_play_button_shows_a_drawn_pause_icon_while_playing(FxRobot robot) throws Exception {
        TimelineViewModel model = openChecking(robot);
        javafx.scene.control.Button play = robot.lookup("#timelinePlay").queryAs(javafx.scene.control.Button.class);
        assertEquals("playIcon", play.getGraphic().getId());
        // the button as it is when playing starts, taken on the FX thread: playing stops by itself at the timeline's end
        // (a tick each 150 ms), so reading the button from this thread once it plays raced with the end (it failed twice)
        List<Node> iconsWhilePlaying = new CopyOnWriteArrayList<>();
        List<String> textsWhilePlaying = new CopyOnWriteArrayList<>();
        robot.interact(() -> model.playingProperty().addListener((observable, before, playing) -> {
            if (playing) {
                iconsWhilePlaying.add(play.getGraphic());
                textsWhilePlaying.add(play.getText() == null ? "" : play.getText());
            }
        }));
        robot.clickOn(play);
        waitUntil(() -> !iconsWhilePlaying.isEmpty());
        Node icon = iconsWhilePlaying.get(0);
        // a shape, never a glyph the font may lack (it showed an empty box)
        assertTrue(icon instanceof javafx.scene.shape.SVGPath, "the icon is drawn");
        assertEquals("pauseIcon", icon.getId());
        assertTrue(icon.getLayoutBounds().getWidth() >= 8 && icon.isVisible());
        assertEquals("", textsWhilePlaying.get(0), "no glyph beside the icon");
        // pauses (or, where playing reached the end meanwhile, plays again and stops at the end)
        robot.clickOn(play);
        waitUntil(() -> !model.playingProperty().get());
        robot.interact(() -> assertEquals("playIcon", play.getGraphic().getId()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void dragging_the_compare_tabs_range_slider_chooses_from_and_to_and_the_table_compares_them(FxRobot robot) throws Exception {
        TimelineViewModel model = openChecking(robot);
        waitUntilShown(model);
        robot.clickOn(robot.lookup(".tab-label").match(hasText("Compare")).queryAs(Node.class));
        waitUntil(() -> robot.lookup("#compareRange .high-thumb").tryQuery().isPresent());
        org.controlsfx.control.RangeSlider range = robot.lookup("#compareRange").queryAs(org.controlsfx.control.RangeSlider.class);
        Timeline timeline = model.timelineProperty().get();
        assertEquals(timeline.minimum(), range.getLowValue(), 0.0, "the thumbs start at the ends of the timeline");
        assertEquals(timeline.maximum(), range.getHighValue(), 0.0);
        TableView<dev.eventscope.ui.state.CompareRow> table = robot.lookup("#compareTable").queryAs(TableView.class);
        javafx.scene.control.TextField to = robot.lookup("#compareTo").queryAs(javafx.scene.control.TextField.class);
        javafx.scene.control.TextField from = robot.lookup("#compareFrom").queryAs(javafx.scene.control.TextField.class);
        double width = range.getBoundsInLocal().getWidth();

        // the "to" thumb, dragged to about the middle of the axis
        robot.drag(robot.lookup("#compareRange .high-thumb").queryAs(Node.class))
                .moveBy(-width * 0.25, 0).moveBy(-width * 0.2, 0).release(javafx.scene.input.MouseButton.PRIMARY);
        int toStep = timeline.indexAt(range.getHighValue());
        assertTrue(toStep > 0 && toStep < timeline.lastIndex(), "the thumb moved inside the axis: step " + toStep);
        String toPoint = timeline.pointAt(toStep).toString();
        waitUntil(() -> to.getText().equals(toPoint) && !table.getItems().isEmpty()
                && robot.lookup("#compareStatus").queryAs(Label.class).getText().endsWith("between #0 and " + toPoint));
        assertEquals("#0", from.getText());
        assertTrue(WindowTests.items(table).stream().anyMatch(row -> row.after().equals(balanceAt(model, timeline.pointAt(toStep)))),
                "a line's after is the engine's balance at " + toPoint + ": " + WindowTests.items(table));

        // the "from" thumb, dragged right: both points are the thumbs' steps
        robot.drag(robot.lookup("#compareRange .low-thumb").queryAs(Node.class))
                .moveBy(width * 0.1, 0).moveBy(width * 0.1, 0).release(javafx.scene.input.MouseButton.PRIMARY);
        int fromStep = timeline.indexAt(range.getLowValue());
        assertTrue(fromStep > 0 && fromStep <= toStep, "the from thumb moved: step " + fromStep);
        String fromPoint = timeline.pointAt(fromStep).toString();
        waitUntil(() -> from.getText().equals(fromPoint)
                && robot.lookup("#compareStatus").queryAs(Label.class).getText().endsWith("between " + fromPoint + " and " + toPoint));
        String before = balanceAt(model, timeline.pointAt(fromStep));
        String after = balanceAt(model, timeline.pointAt(toStep));
        assertTrue(!before.equals(after), "the thumbs stand on steps with different balances: " + before);
        assertTrue(WindowTests.items(table).stream().anyMatch(row -> row.before().equals(before) && row.after().equals(after)),
                "before and after are the engine's balances at the two thumbs: " + WindowTests.items(table));
        assertEquals("Thumbs on " + timeline.labelAt(fromStep) + " and " + timeline.labelAt(toStep),
                robot.lookup("#compareRangeLabel").queryAs(Label.class).getText());

    }

    @Test
    void points_typed_into_compare_move_the_range_sliders_thumbs_when_they_are_on_the_axis(FxRobot robot) throws Exception {
        TimelineViewModel model = openChecking(robot);
        waitUntilShown(model);
        robot.clickOn(robot.lookup(".tab-label").match(hasText("Compare")).queryAs(Node.class));
        waitUntil(() -> robot.lookup("#compareRange .high-thumb").tryQuery().isPresent());
        org.controlsfx.control.RangeSlider range = robot.lookup("#compareRange").queryAs(org.controlsfx.control.RangeSlider.class);
        Label label = robot.lookup("#compareRangeLabel").queryAs(Label.class);
        javafx.scene.control.TextField to = robot.lookup("#compareTo").queryAs(javafx.scene.control.TextField.class);
        javafx.scene.control.TextField from = robot.lookup("#compareFrom").queryAs(javafx.scene.control.TextField.class);
        Timeline timeline = model.timelineProperty().get();

        // positions typed on the position axis: each thumb goes to its step (a position between two of the stream's
        // events to the step before it), and nothing is compared until asked
        long between = timeline.positionAt(30) + 1;
        robot.clickOn(from).eraseText(from.getText().length()).write("#" + timeline.positionAt(12));
        robot.clickOn(to).eraseText(to.getText().length()).write("#" + between);
        waitUntil(() -> range.getLowValue() == timeline.coordinateAt(12) && range.getHighValue() == timeline.coordinateAt(30));
        assertEquals("Thumbs on " + timeline.labelAt(12) + " and " + timeline.labelAt(30), label.getText());
        // "now" is the end of every axis
        robot.clickOn(to).eraseText(to.getText().length()).write("now");
        waitUntil(() -> range.getHighValue() == timeline.maximum());

        // a date is no point of the position axis: its thumb stays, and the label says why
        robot.clickOn(from).eraseText(from.getText().length()).write("2025-03-31");
        waitUntil(() -> label.getText().startsWith("\"2025-03-31\""));
        assertEquals(timeline.coordinateAt(12), range.getLowValue(), 0.0);
        assertTrue(label.getText().startsWith("\"2025-03-31\" is not a point of the position axis; the thumbs stay on "),
                label.getText());

        // on the entry-date axis the typed date is one: the "from" thumb stands on it, "to" (now) at the end
        robot.clickOn("Entry date");
        waitUntil(() -> model.timelineProperty().get() != timeline && model.timelineProperty().get().axis() == TimelineAxis.ENTRY_DATE);
        Timeline dates = model.timelineProperty().get();
        int march = dates.indexOf(Point.parse("2025-03-31")).orElseThrow();
        waitUntil(() -> range.getLowValue() == dates.coordinateAt(march) && range.getHighValue() == dates.maximum());
        assertEquals("Thumbs on " + dates.labelAt(march) + " and " + dates.labelAt(dates.lastIndex()), label.getText());
        assertEquals("2025-03-31", from.getText(), "the typed point is kept");

        // and back: a thumb moved with the keys fills the field with its step and compares
        robot.clickOn(robot.lookup("#compareRange .low-thumb").queryAs(Node.class)).type(KeyCode.RIGHT);
        waitUntil(() -> !from.getText().equals("2025-03-31"));
        assertEquals(dates.pointAt(dates.indexAt(range.getLowValue())).toString(), from.getText());
    }

    /** The engine's EUR balance of checking at {@code point}, as the panels write it. */
    private static String balanceAt(TimelineViewModel model, Point point) {
        BigDecimal balance = model.machine().timeTravel().accountAt("assets:bank:checking", point).getOrDefault("EUR", BigDecimal.ZERO);
        return MoneyText.of(balance, "EUR");
    }

    @SuppressWarnings("unchecked")
    private static StateRow balanceLine(FxRobot robot) {
        TableView<StateRow> table = robot.lookup("#stateTable").queryAs(TableView.class);
        return WindowTests.items(table).stream().filter(row -> row.explainable() && "EUR".equals(row.commodity())).findFirst().orElseThrow();
    }
}
