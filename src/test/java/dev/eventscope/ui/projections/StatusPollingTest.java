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
        // The polling must start no animation: a running animation is what makes the toolkit pulse every frame. Counted
        // two ways. (1) The toolkit's running animations before and while the status is polled: the polling adds none.
        // Other tests in this JVM may leave animations of their own running (CI's whole run did: the toolkit never
        // went idle), so (1) counts the difference. (2) Where the toolkit has gone idle first (half a second without a
        // pulse, within 5 s; this class run alone), the pulses themselves: at most what the polls change.
        java.util.concurrent.atomic.AtomicLong lastPulse = new java.util.concurrent.atomic.AtomicLong(System.nanoTime());
        robot.interact(() -> stage.getScene().addPostLayoutPulseListener(() -> {
            lastPulse.set(System.nanoTime());
            pulses.incrementAndGet();
        }));
        long waitingSince = System.nanoTime();
        WindowTests.waitUntil(() -> System.nanoTime() - lastPulse.get() > 500_000_000L
                || System.nanoTime() - waitingSince > 5_000_000_000L);
        boolean idle = System.nanoTime() - lastPulse.get() > 500_000_000L;
        int[] before = new int[1];
        robot.interact(() -> {
            before[0] = runningAnimations();
            pulses.set(0);
            ProjectionsPanel.startPolling(model, owner);
        });

        java.util.List<Integer> during = new java.util.concurrent.CopyOnWriteArrayList<>();
        WindowTests.waitUntil(() -> { // on the FX thread
            during.add(runningAnimations());
            return polls.get() >= 6;
        });
        int polled = polls.get();
        int pulsed = pulses.get();
        int most = during.stream().mapToInt(Integer::intValue).max().orElse(0);
        assertTrue(most <= before[0], "the status polling started an animation: " + before[0] + " running before it, "
                + during + " while it polled (an animation keeps the toolkit pulsing every frame)");
        if (idle) {
            assertTrue(pulsed <= 2 * polled + 4,
                    pulsed + " pulses during " + polled + " status polls: something keeps the toolkit pulsing every frame");
        }
    }

    /** How many animations the toolkit runs now (its primary timer's receivers; on the FX thread). */
    private static int runningAnimations() {
        try {
            Object timer = com.sun.javafx.tk.Toolkit.getToolkit().getPrimaryTimer();
            for (Class<?> type = timer.getClass(); type != null; type = type.getSuperclass()) {
                for (java.lang.reflect.Field field : type.getDeclaredFields()) {
                    if (field.getName().equals("receivers")) {
                        field.setAccessible(true);
                        Object[] receivers = (Object[]) field.get(timer);
                        return (int) java.util.Arrays.stream(receivers).filter(java.util.Objects::nonNull).count();
                    }
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the toolkit's primary timer could not be read", e);
        }
        throw new IllegalStateException("the toolkit's primary timer has no receivers field");
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
