package dev.eventscope.bench;

import dev.eventscope.eventstore.StreamId;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.ui.FxTaskExecutor;
import dev.eventscope.session.LedgerSession;
import dev.eventscope.session.TestSessions;
import dev.eventscope.ui.explorer.ExplorerView;
import dev.eventscope.ui.shell.MainWindowView;
import dev.eventscope.ui.explorer.ExplorerViewModel;
import dev.eventscope.ui.timeline.TimelineViewModel;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * The desktop timeline on a big ledger (run on demand, never in CI), headless through Monocle:
 * <pre>
 * mvn -o -q test-compile && mvn -o -q dependency:build-classpath -Dmdep.outputFile=cp.txt
 * java -Xmx512m -cp target/test-classes:target/classes:$(cat cp.txt) dev.eventscope.bench.SliderBenchmark LEDGER [account]
 * </pre>
 * LEDGER is a generated ledger (e.g. from {@link TimeTravelBenchmark}, 1,000,000 events). Measures the
 * time from opening the ledger to the first painted window, the peak heap meanwhile, and the time from
 * a slider move to the state panel showing that point over 500 random moves, for an account and for
 * the whole ledger, through the real view model and FX executor.
 */
public final class SliderBenchmark {

    private static final int MOVES = 500;
    /** The state panel's view model (the moves wait until it shows their step). */
    private static dev.eventscope.ui.timeline.PointStateViewModel state;

    private SliderBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        Path file = Path.of(args[0]);
        StreamId account = StreamId.of("account-" + (args.length > 1 ? args[1] : "assets:bank:main"));
        List<String[]> table = new ArrayList<>();
        HeapSampler heap = new HeapSampler();
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();

        FxTaskExecutor executor = new FxTaskExecutor();
        long opening = System.nanoTime();
        heap.reset();
        SqliteEventStore store = SqliteEventStore.open(file);
        ExplorerViewModel[] explorer = new ExplorerViewModel[1];
        CountDownLatch painted = new CountDownLatch(1);
        Platform.runLater(() -> {
            explorer[0] = new ExplorerViewModel(TestSessions.of(file, store), executor, Clock.systemDefaultZone(),
                    ZoneId.systemDefault(), message -> System.err.println("error: " + message));
            Stage stage = new Stage();
            javafx.scene.layout.StackPane root = new javafx.scene.layout.StackPane(new ExplorerView(explorer[0]).load());
            // the main window's base palette, which the explorer's colours look up
            root.getStyleClass().add("main-window");
            root.getStylesheets().add(MainWindowView.class.getResource("/dev/eventscope/ui/shell/main-window.css").toExternalForm());
            stage.setScene(new Scene(root, 1200, 760));
            stage.show();
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    painted.countDown();
                    stop();
                    explorer[0].start(); // as the app does: the data loads once the window has painted
                }
            }.start();
        });
        painted.await();
        double openSeconds = (System.nanoTime() - opening) / 1e9;
        add(table, new String[] {"open ledger → first painted window", String.format("%.2f s", openSeconds), "target < 2 s",
                heap.peakMb(), ""});
        TimelineViewModel timeline = explorer[0].timeline();
        state = explorer[0].statePanel().state();
        // a first open of 1,000,000 events catches every read model up: minutes on a loaded machine
        waitFor(() -> onFx(() -> timeline.machine() != null), 3_600);
        double readySeconds = (System.nanoTime() - opening) / 1e9;
        add(table, new String[] {"open → time travel ready (read models caught up)", String.format("%.2f s", readySeconds), "",
                heap.peakMb(), ""});

        Platform.runLater(() -> explorer[0].sidebar().select(account));
        waitFor(() -> onFx(() -> timeline.timelineProperty().get() != null
                && account.equals(timeline.timelineProperty().get().stream())), 300);
        // the account's balance chart loads in the background after selecting it; measure the slider once it is there
        long selected = System.nanoTime();
        waitFor(() -> onFx(() -> !explorer[0].statePanel().chart().chartProperty().get().isEmpty()), 300);
        add(table, new String[] {"select account → timeline and balance chart loaded", String.format("%.2f s", (System.nanoTime() - selected) / 1e9),
                "", heap.peakMb(), ""});
        long cpu;
        // -Dslider.series=ledger measures the whole ledger only (a shorter run on a loaded machine)
        if (!"ledger".equals(System.getProperty("slider.series"))) {
            heap.reset();
            cpu = processCpuNanos();
            long[] accountMoves = moves(timeline);
            add(table, new String[] {"slider jump (random step) → state shown, account " + account.value() + " ("
                    + onFx(() -> timeline.timelineProperty().get().lastIndex()) + " events)", percentiles(accountMoves),
                    "target p99 < 100 ms", heap.peakMb(), cpuPerMove(cpu)});
            heap.reset();
            cpu = processCpuNanos();
            long[] accountDrag = moves(timeline, 20);
            add(table, new String[] {"slider drag (±20 steps) → state shown, account " + account.value(), percentiles(accountDrag),
                    "target p99 < 100 ms", heap.peakMb(), cpuPerMove(cpu)});
        }

        Platform.runLater(() -> timeline.wholeLedgerProperty().set(true));
        waitFor(() -> onFx(() -> timeline.timelineProperty().get() != null && timeline.timelineProperty().get().wholeLedger()), 300);
        if (Integer.getInteger("slider.dragRounds", 0) > 0) {
            dragRounds(timeline, Integer.getInteger("slider.dragRounds"), Integer.getInteger("slider.dragsPerRound", 200));
            Platform.runLater(() -> explorer[0].close());
            executor.close();
            System.exit(0);
        }
        heap.reset();
        cpu = processCpuNanos();
        long[] ledgerMoves = moves(timeline);
        add(table, new String[] {"slider jump (random step) → state shown, whole ledger (" + onFx(() -> timeline.timelineProperty().get().lastIndex())
                + " events, trial balance)", percentiles(ledgerMoves), "target p99 < 100 ms", heap.peakMb(), cpuPerMove(cpu)});
        heap.reset();
        cpu = processCpuNanos();
        long[] ledgerDrag = moves(timeline, 2_000);
        add(table, new String[] {"slider drag (±2,000 events) → state shown, whole ledger", percentiles(ledgerDrag),
                "target p99 < 100 ms", heap.peakMb(), cpuPerMove(cpu)});
        heap.stop();

        System.out.printf("%nLedger: %s, %,d events%n", file, store.lastPosition());
        System.out.printf("Machine: %s, %d cores, Java %s, max heap %,d MB%n%n", System.getProperty("os.name") + " "
                + System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() / 1_048_576);
        System.out.println("| measurement | result (wall) | target | peak heap | process CPU per move |");
        System.out.println("|---|---|---|---|---|");
        for (String[] line : table) {
            System.out.println("| " + String.join(" | ", line) + " |");
        }
        Platform.runLater(() -> explorer[0].close());
        Thread.sleep(200);
        executor.close();
        System.exit(0);
    }

    /**
     * Whole-ledger drags in rounds that a driver paces (bench/slider-drag-rounds.py runs two builds' JVMs and lets them
     * take turns, so the machine's load falls on both alike): after a warm-up round it prints "ready", then each line
     * "go" on standard input runs {@code perRound} drag moves (±2,000 events, one random walk across the rounds) and
     * prints "round N FX_CPU PROCESS_CPU WALL_P50": the UI thread's CPU per move (it does a move's work once the
     * answer is in: the panel's rows, the table's refit, the pulse's CSS and layout), the process's CPU per move and
     * the wall p50, in ms.
     */
    private static void dragRounds(TimelineViewModel timeline, int rounds, int perRound) throws Exception {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long fxThread = onFx(() -> Thread.currentThread().getId());
        Random random = new Random(11);
        int last = onFx(() -> timeline.timelineProperty().get().lastIndex());
        int[] current = {last / 2};
        drags(timeline, random, last, current, perRound); // warm-up: JIT, caches, the first move's account types
        java.io.BufferedReader commands = new java.io.BufferedReader(new java.io.InputStreamReader(System.in,
                java.nio.charset.StandardCharsets.UTF_8));
        System.out.println("ready");
        for (int round = 1; round <= rounds; round++) {
            String command = commands.readLine();
            if (command == null || !command.strip().equals("go")) {
                return;
            }
            long fxCpu = threads.getThreadCpuTime(fxThread);
            long cpu = processCpuNanos();
            long[] walls = drags(timeline, random, last, current, perRound);
            double fx = (threads.getThreadCpuTime(fxThread) - fxCpu) / 1e6 / perRound;
            double process = (processCpuNanos() - cpu) / 1e6 / perRound;
            Arrays.sort(walls);
            System.out.printf(java.util.Locale.ROOT, "round %d %.3f %.3f %.3f%n", round, fx, process, walls[walls.length / 2] / 1e6);
        }
    }

    /** {@code count} drag moves of at most 2,000 steps from {@code current[0]} on; each waits until the panel shows it. */
    private static long[] drags(TimelineViewModel timeline, Random random, int last, int[] current, int count) throws Exception {
        long[] nanos = new long[count];
        for (int move = 0; move < count; move++) {
            current[0] = Math.max(0, Math.min(last, current[0] + random.nextInt(2 * 2_000 + 1) - 2_000));
            nanos[move] = moveTo(timeline, current[0]);
        }
        return nanos;
    }

    /** Moves the slider to random steps one after another; each time until the panel shows that step. */
    private static long[] moves(TimelineViewModel timeline) throws Exception {
        return moves(timeline, 0);
    }

    /**
     * {@code drag} 0: jumps to random steps anywhere; else a drag: each move goes at most {@code drag} steps
     * left or right of the one before (starting in the middle), as a thumb pulled by the mouse does.
     */
    private static long[] moves(TimelineViewModel timeline, int drag) throws Exception {
        Random random = new Random(11);
        int last = onFx(() -> timeline.timelineProperty().get().lastIndex());
        long[] nanos = new long[MOVES];
        int current = last / 2;
        for (int move = 0; move < MOVES; move++) {
            current = drag == 0 ? random.nextInt(last + 1)
                    : Math.max(0, Math.min(last, current + random.nextInt(2 * drag + 1) - drag));
            nanos[move] = moveTo(timeline, current);
        }
        long slow = Arrays.stream(nanos).filter(took -> took > 100_000_000L).count();
        long slowEarly = Arrays.stream(nanos, 0, 50).filter(took -> took > 100_000_000L).count();
        System.out.printf("moves over 100 ms: %d (%d of them among the first 50)%n", slow, slowEarly);
        Arrays.sort(nanos);
        return nanos;
    }

    /** Moves the slider to {@code step} and waits until the state panel shows it: the wall time from the move. */
    private static long moveTo(TimelineViewModel timeline, int step) throws Exception {
        CountDownLatch shown = new CountDownLatch(1);
        AtomicLong took = new AtomicLong();
        Platform.runLater(() -> {
            long asked = System.nanoTime();
            if (state.shownIndexProperty().get() == step) {
                took.set(0);
                shown.countDown();
                return;
            }
            state.shownIndexProperty().addListener(new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends Number> observable, Number before, Number now) {
                    if (now.intValue() == step) {
                        took.set(System.nanoTime() - asked);
                        state.shownIndexProperty().removeListener(this);
                        shown.countDown();
                    }
                }
            });
            timeline.select(step);
        });
        if (!shown.await(Long.getLong("slider.moveTimeout", 30), TimeUnit.SECONDS)) {
            throw new IllegalStateException("the state at step " + step + " never showed: " + onFx(() -> timeline.statusProperty().get()));
        }
        return took.get();
    }

    /** Keeps a row for the table at the end and prints it at once, so a run that fails later keeps what it measured. */
    private static void add(List<String[]> table, String[] row) {
        table.add(row);
        System.out.println("row: | " + String.join(" | ", row) + " |");
    }

    /** CPU time of the whole process (every thread: FX, workers, collector, JIT), for a machine shared with others. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String cpuPerMove(long cpuBefore) {
        return String.format("%.2f ms", (processCpuNanos() - cpuBefore) / 1e6 / MOVES);
    }

    private static String percentiles(long[] sorted) {
        return String.format("p50 %.1f ms, p99 %.1f ms, max %.1f ms", sorted[sorted.length / 2] / 1e6,
                sorted[(int) (sorted.length * 0.99)] / 1e6, sorted[sorted.length - 1] / 1e6);
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> question) throws Exception {
        java.util.concurrent.FutureTask<T> task = new java.util.concurrent.FutureTask<>(question);
        Platform.runLater(task);
        return task.get(60, TimeUnit.SECONDS);
    }

    private interface Check {
        boolean test() throws Exception;
    }

    private static void waitFor(Check condition, int seconds) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!condition.test()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up waiting after " + seconds + " s");
            }
            Thread.sleep(20);
        }
    }

    private static final class HeapSampler {
        private final AtomicLong peak = new AtomicLong();
        private volatile boolean running = true;

        HeapSampler() {
            Thread thread = new Thread(() -> {
                while (running) {
                    Runtime runtime = Runtime.getRuntime();
                    peak.accumulateAndGet(runtime.totalMemory() - runtime.freeMemory(), Math::max);
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        void reset() {
            peak.set(0);
        }

        String peakMb() {
            return peak.get() / 1_048_576 + " MB";
        }

        void stop() {
            running = false;
        }
    }

    @SuppressWarnings("unused")
    private static boolean never(BooleanSupplier ignored) {
        return false;
    }
}
