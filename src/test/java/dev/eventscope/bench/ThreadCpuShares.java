package dev.eventscope.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU seconds per kind of thread of this process over a window, from Linux's {@code /proc/self/task/TID/stat}: every
 * thread, the JIT's compiler threads and the garbage collector's included (which Java's thread bean does not see).
 * Threads that end inside the window (an import's writing thread) are counted by sampling every 500 ms and keeping each
 * thread's last reading. Empty where there is no {@code /proc}.
 */
final class ThreadCpuShares implements AutoCloseable {

    private static final double TICKS_PER_SECOND = 100.0;
    /** Reading every thread's file costs CPU in proportion to the wall clock: not more often than this. */
    private static final long SAMPLE_EVERY_MS = 500;
    static final String SAMPLER = "bench-thread-cpu";

    private record Reading(String name, long ticks) {
    }

    private final Map<String, Reading> atStart;
    private final Map<String, Reading> last = new HashMap<>();
    private final Thread sampler;
    private volatile boolean running = true;

    ThreadCpuShares() {
        atStart = read();
        last.putAll(atStart);
        sampler = new Thread(() -> {
            while (running) {
                sample();
                try {
                    Thread.sleep(SAMPLE_EVERY_MS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, SAMPLER);
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Stops sampling and returns CPU seconds by kind of thread, largest first. */
    Map<String, Double> secondsByKind() {
        close();
        sample();
        Map<String, Double> byKind = new HashMap<>();
        synchronized (last) {
            for (Map.Entry<String, Reading> thread : last.entrySet()) {
                Reading before = atStart.get(thread.getKey());
                long ticks = thread.getValue().ticks() - (before == null ? 0 : before.ticks());
                byKind.merge(kind(thread.getValue().name()), ticks / TICKS_PER_SECOND, Double::sum);
            }
        }
        Map<String, Double> sorted = new LinkedHashMap<>();
        byKind.entrySet().stream().filter(kind -> kind.getValue() > 0)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEachOrdered(kind -> sorted.put(kind.getKey(), kind.getValue()));
        return sorted;
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }

    private void sample() {
        Map<String, Reading> now = read();
        synchronized (last) {
            last.putAll(now);
        }
    }

    private static String kind(String name) {
        if (name.startsWith("C2 Compiler")) {
            return "JIT C2 compiler";
        }
        if (name.startsWith("C1 Compiler")) {
            return "JIT C1 compiler";
        }
        if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.startsWith("VM Periodic")) {
            return "garbage collector";
        }
        if (name.equals("main") || name.equals("java")) {
            return "importing thread (main: first reading, deciding, encoding)";
        }
        if (name.startsWith("eventscope-impo")) {
            return "writing thread (hash chain, SQLite, snapshots)";
        }
        if (name.startsWith("bench-thread-cp")) {
            return SAMPLER;
        }
        if (name.startsWith("eventscope-jour")) {
            return "journal reading thread (second reading)";
        }
        return "other (" + name.replaceAll("[#0-9]+$", "") + ")";
    }

    /** Thread id → (name, user + system ticks). */
    private static Map<String, Reading> read() {
        Map<String, Reading> threads = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    String[] fields = stat.substring(close + 2).split(" ");
                    // after the name: state is field 3 of stat(5), utime 14 and stime 15
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    threads.put(task.getFileName().toString(), new Reading(stat.substring(open + 1, close), ticks));
                } catch (IOException | RuntimeException ended) {
                    // the thread ended between the listing and the reading
                }
            });
        } catch (IOException noProc) {
            return Map.of();
        }
        return threads;
    }
}
