package dev.eventscope.ui.knownat;

import org.testfx.framework.junit5.Start;
import dev.eventscope.ui.SampleWindowTest;
import dev.eventscope.ui.TaskExecutor;
import dev.eventscope.ui.WindowTests;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.testfx.matcher.control.LabeledMatchers.hasText;

/**
 * Session 16: while a Then / now question is read (seconds on a loaded machine) the As known tab showed the answer
 * before as if it were current, with "Reading the books as of …" alone in the bar. Here the reading is held until the
 * test lets it go: meanwhile the panel shows how far it is and marks the figures before as such; once answered, a
 * point after which nothing changed shows no Change column.
 */
class KnownAtReadingWindowTest extends SampleWindowTest {

    KnownAtReadingWindowTest() {
        super("audit-case", 1280, 720);
    }

    @Start
    void start(Stage stage) throws Exception {
        show(stage);
    }

    /** Runs work as the window's executor does, each piece only once the gate is open. */
    private static final class Gated implements TaskExecutor {
        private final TaskExecutor inner;
        private volatile CountDownLatch gate = new CountDownLatch(0);

        Gated(TaskExecutor inner) {
            this.inner = inner;
        }

        @Override
        public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            CountDownLatch held = gate;
            inner.run(() -> {
                assertTrue(held.await(60, TimeUnit.SECONDS), "the test never let the reading go");
                return work.call();
            }, onSuccess, onFailure);
        }

        @Override
        public void onUiThread(Runnable action) {
            inner.onUiThread(action);
        }
    }

    @Test
    void a_question_being_read_shows_its_progress_and_marks_the_figures_before_as_such(FxRobot robot) throws Exception {
        robot.clickOn(robot.lookup(hasText("audit-case.ledger")).queryLabeled());
        WindowTests.waitUntil(() -> model.explorerProperty().get() != null && !robot.lookup("#streamTree").queryAll().isEmpty());
        Gated gated = new Gated(executor);
        KnownAtViewModel knownAt = new KnownAtViewModel(model.explorerProperty().get().session(), gated, ZoneOffset.UTC, position -> { });
        Stage[] own = new Stage[1];
        robot.interact(() -> {
            own[0] = new Stage();
            own[0].setScene(new Scene(new VBox(new KnownAtBar(knownAt), new KnownAtPanel(knownAt)), 900, 640));
            own[0].show();
        });
        Scene scene = own[0].getScene();

        ask(robot, knownAt, "2025-03-31", "2025-04-15");
        WindowTests.waitUntil(() -> !knownAt.figures().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> figures = (TableView<?>) scene.lookup("#knownAtFigures");
        TableColumn<?, ?> change = figures.getColumns().get(3);
        assertEquals("Change", change.getText());
        assertTrue(change.isVisible(), "a restated figure shows its change");
        Node reading = scene.lookup("#knownAtReading");
        assertFalse(reading.isVisible(), "nothing is being read");

        gated.gate = new CountDownLatch(1);
        ask(robot, knownAt, "2025-03-31", "2099-12-31");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(reading.isVisible(), "the question being read is shown in the panel");
        assertTrue(scene.lookup("#knownAtProgress").isVisible(), "and beside the bar's sentence");
        assertTrue(((ProgressIndicator) scene.lookup("#knownAtReadingProgress")).getProgress() >= 0);
        String meanwhile = ((Label) scene.lookup("#knownAtReadingText")).getText();
        assertTrue(meanwhile.contains("still answer the question before"), meanwhile);
        assertTrue(figures.getStyleClass().contains("known-at-stale") && figures.isDisabled(),
                "the figures before are greyed while the new question is read");
        assertTrue(scene.lookup("#knownAtHeading").getStyleClass().contains("known-at-stale"));

        gated.gate.countDown();
        WindowTests.waitUntil(() -> knownAt.progressProperty().get() < 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(reading.isVisible());
        assertFalse(figures.getStyleClass().contains("known-at-stale") || figures.isDisabled(), "the answer is current");
        assertTrue(((Label) scene.lookup("#knownAtStatus")).getText().startsWith("Nothing recorded after #"),
                ((Label) scene.lookup("#knownAtStatus")).getText());
        assertFalse(knownAt.figures().isEmpty());
        // session 15's last look: no figure changed, so the empty Change column leaves its room to the amounts
        assertFalse(change.isVisible(), "the Change column is hidden when no figure changed");
        robot.interact(() -> own[0].close());
    }

    /**
     * Session 22: while the first question was read (seconds at load 20) the heading under the reading sentence still said
     * "Set an entry date and a knowledge point beside the timeline…", both just set. It names the question being read.
     */
    @Test
    void the_first_question_being_read_does_not_ask_for_the_dates_just_given(FxRobot robot) throws Exception {
        robot.clickOn(robot.lookup(hasText("audit-case.ledger")).queryLabeled());
        WindowTests.waitUntil(() -> model.explorerProperty().get() != null && !robot.lookup("#streamTree").queryAll().isEmpty());
        Gated gated = new Gated(executor);
        gated.gate = new CountDownLatch(1);
        KnownAtViewModel knownAt = new KnownAtViewModel(model.explorerProperty().get().session(), gated, ZoneOffset.UTC, position -> { });
        Stage[] own = new Stage[1];
        robot.interact(() -> {
            own[0] = new Stage();
            own[0].setScene(new Scene(new VBox(new KnownAtBar(knownAt), new KnownAtPanel(knownAt)), 900, 640));
            own[0].show();
        });
        Scene scene = own[0].getScene();
        Label heading = (Label) scene.lookup("#knownAtHeading");
        assertTrue(heading.getText().startsWith("Set an entry date"), "before any question: " + heading.getText());
        ask(robot, knownAt, "2025-03-31", "2025-04-15");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(scene.lookup("#knownAtReading").isVisible(), "the question is being read");
        String meanwhile = WaitForAsyncUtils.asyncFx(heading::getText).get();
        gated.gate.countDown();
        WindowTests.waitUntil(() -> knownAt.progressProperty().get() < 0);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> own[0].close());
        assertFalse(meanwhile.startsWith("Set an entry date"), "the heading while the first question is read: " + meanwhile);
        assertTrue(meanwhile.contains("2025-03-31") && meanwhile.contains("2025-04-15"), meanwhile);
        assertTrue(WaitForAsyncUtils.asyncFx(heading::getText).get().startsWith("As of 2025-03-31, as known at the end of 2025-04-15"));
    }

    private static void ask(FxRobot robot, KnownAtViewModel knownAt, String asOf, String point) {
        robot.interact(() -> {
            knownAt.asOfProperty().set(asOf);
            knownAt.knownAtProperty().set(point);
            knownAt.show();
        });
    }
}
