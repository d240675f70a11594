package dev.eventscope.ui.shell;

import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Optional;

/**
 * The explorer's first paint after an open (the first layout pulse with the explorer in the window), as the app's
 * log reports it: since the open began and since the process started, by wall clock and by the process's CPU time
 * and the UI thread's own CPU time since the open (docs/cli-speed.md measures start-up with this line). With the system property {@value #EXIT_AFTER} set to a
 * number of seconds, the app closes that long after the first paint: the class-data sharing archive's training run
 * and the start-up benchmark use it; nobody else sets it.
 */
final class FirstPaint {

    /** Close the app this many seconds after the explorer's first paint (unset: never). */
    static final String EXIT_AFTER = "eventscope.exitAfterFirstPaint";

    private static final Logger LOG = LoggerFactory.getLogger(FirstPaint.class);

    private final long openStarted = System.nanoTime();
    private final long cpuAtOpen = processCpuMillis();
    /** The UI thread's own CPU time when the open began: both ends are read on it (the open starts there, the paint ends there). */
    private final long uiThreadCpuAtOpen = currentThreadCpuMillis();

    /** Starts the clock: an open begins now. */
    static FirstPaint ofOpenStartingNow() {
        return new FirstPaint();
    }

    private FirstPaint() {
    }

    /** Logs the first paint's times and, if asked to, closes the app after it; on the UI thread. */
    void painted() {
        long wall = (System.nanoTime() - openStarted) / 1_000_000;
        long cpu = processCpuMillis();
        Optional<Instant> processStart = ProcessHandle.current().info().startInstant();
        LOG.info("first paint of the explorer: {} ms after the open began ({} ms of process CPU); {} ms after the process started"
                        + " ({} ms of CPU); UI thread {} ms of CPU since the open; at {} ms of the JVM",
                wall, cpu - cpuAtOpen, processStart.map(start -> Long.toString(java.time.Duration.between(start, Instant.now()).toMillis()))
                        .orElse("?"), cpu, currentThreadCpuMillis() - uiThreadCpuAtOpen,
                java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
        String exitAfter = System.getProperty(EXIT_AFTER);
        if (exitAfter != null) {
            double seconds;
            try {
                seconds = Double.parseDouble(exitAfter);
            } catch (NumberFormatException notANumber) {
                LOG.warn("-D{}={} is not a number of seconds; the app stays open", EXIT_AFTER, exitAfter);
                return;
            }
            // a sleeping daemon thread, not a PauseTransition: a playing animation makes the toolkit pulse 60 times a second
            // until it ends, which the start-up and first-open benchmarks would count as the app's (a user's app has no such
            // animation; docs/cli-speed.md, "Session 21 (appopen)")
            long millis = (long) (Math.max(0, seconds) * 1000);
            Thread closer = new Thread(() -> {
                try {
                    Thread.sleep(millis);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                LOG.info("closing {} s after the first paint (-D{})", exitAfter, EXIT_AFTER);
                Platform.exit();
            }, "eventscope-exit-after-first-paint");
            closer.setDaemon(true);
            closer.start();
        }
    }

    /** The calling thread's CPU time; -1 where the JVM does not measure it. */
    private static long currentThreadCpuMillis() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() / 1_000_000 : -1;
    }

    /** The process's CPU time (every thread), from the operating system; -1 where it is not known. */
    private static long processCpuMillis() {
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L);
    }
}
