package dev.eventscope.ui.projections;

import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.session.LedgerSession;
import dev.eventscope.session.TestSessions;
import dev.eventscope.ui.FxTaskExecutor;
import dev.eventscope.ui.TaskExecutor;
import dev.eventscope.ui.WindowTests;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
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
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The projections' status is polled twice a second without keeping the toolkit pulsing: a JavaFX animation (the
 * {@code Timeline} the panel polled with) makes the toolkit run a pulse every frame, 60 a second, for the whole session,
 * which a first open's catch-up paid for on the UI and renderer threads (docs/cli-speed.md, "Session 21 (appopen)").
 * Counts the scene's pulses while the status is polled: at 60 pulses a second there are about 30 per poll; without an
 * animation, only what the polls change is laid out.
 */
@ExtendWith(ApplicationExtension.class)
class StatusPollingTest {

    @TempDir
    Path folder;

    private final FxTaskExecutor fx = new FxTaskExecutor();
    /** The model's background runs: with the read models open and nothing else asked, one per status poll. */
    private final AtomicInteger polls = new AtomicInteger();
    private final AtomicInteger pulses = new AtomicInteger();
    private Stage stage;
    private LedgerSession session;
    private ProjectionsViewModel model;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() throws Exception {
        if (model != null) {
            model.close();
        }
        WindowTests.close(fx);
        if (session != null) {
            session.close();
        }
    }

    @Test
    void the_status_is_polled_without_a_pulse_every_frame(FxRobot robot) throws Exception {
        Path file = Files.copy(Path.of("sample-data/ledgers/small-business.ledger"), folder.resolve("books.ledger"));
        session = TestSessions.of(file, SqliteEventStore.open(file));
        session.openReadModels();
        TaskExecutor counting = new TaskExecutor() {
            @Override
            public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
                polls.incrementAndGet();
                fx.run(work, onSuccess, onFailure);
            }

            @Override
            public void onUiThread(Runnable action) {
                fx.onUiThread(action);
            }
        };
        model = new ProjectionsViewModel(session, counting, Clock.systemUTC(), ZoneOffset.UTC, position -> { });
        StackPane owner = new StackPane();
        robot.interact(() -> {
            Scene scene = new Scene(owner, 200, 100);
            stage.setScene(scene);
            stage.show();
        });
        // an animation another test started may still run for a while (a multi-click timer, a fade): the count starts
        // once the toolkit has been idle for half a second, so only the polling's own pulses are counted (an animation
        // that never stops fails here, as it should: it would keep the toolkit pulsing in the app too)
        java.util.concurrent.atomic.AtomicLong lastPulse = new java.util.concurrent.atomic.AtomicLong(System.nanoTime());
        robot.interact(() -> stage.getScene().addPostLayoutPulseListener(() -> {
            lastPulse.set(System.nanoTime());
            pulses.incrementAndGet();
        }));
        WindowTests.waitUntil(() -> System.nanoTime() - lastPulse.get() > 500_000_000L);
        robot.interact(() -> {
            pulses.set(0);
            ProjectionsPanel.startPolling(model, owner);
        });

        WindowTests.waitUntil(() -> polls.get() >= 6);
        int polled = polls.get();
        int pulsed = pulses.get();
        assertTrue(pulsed <= 2 * polled + 4,
                pulsed + " pulses during " + polled + " status polls: something keeps the toolkit pulsing every frame");
    }

    @Test
    void the_polling_stops_once_its_owner_leaves_the_window(FxRobot robot) throws Exception {
        Path file = Files.copy(Path.of("sample-data/ledgers/small-business.ledger"), folder.resolve("books.ledger"));
        session = TestSessions.of(file, SqliteEventStore.open(file));
        session.openReadModels();
        model = new ProjectionsViewModel(session, fx, Clock.systemUTC(), ZoneOffset.UTC, position -> { });
        StackPane owner = new StackPane();
        java.util.Set<Thread> earlier = pollingThreads();
        robot.interact(() -> {
            stage.setScene(new Scene(new StackPane(owner), 200, 100));
            stage.show();
            ProjectionsPanel.startPolling(model, owner);
        });
        WindowTests.waitUntil(() -> !difference(pollingThreads(), earlier).isEmpty());
        java.util.Set<Thread> ours = difference(pollingThreads(), earlier);
        robot.interact(() -> ((StackPane) owner.getParent()).getChildren().clear());
        WindowTests.waitUntil(() -> ours.stream().noneMatch(Thread::isAlive));
    }

    private static java.util.Set<Thread> difference(java.util.Set<Thread> all, java.util.Set<Thread> without) {
        java.util.Set<Thread> left = new java.util.HashSet<>(all);
        left.removeAll(without);
        return left;
    }

    private static java.util.Set<Thread> pollingThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("eventscope-status-poll") && thread.isAlive())
                .collect(java.util.stream.Collectors.toSet());
    }
}
