package dev.eventscope.bench;

import dev.eventscope.application.BookkeepingCodec;
import dev.eventscope.codec.EventCodec;
import dev.eventscope.eventstore.EventCursor;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.projection.BuiltInProjections;
import dev.eventscope.projection.CancellationToken;
import dev.eventscope.projection.ProgressListener;
import dev.eventscope.projection.Projections;
import dev.eventscope.projection.sqlite.SqliteReadModelStore;
import dev.eventscope.timetravel.Point;
import dev.eventscope.timetravel.TimeTravel;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;

/**
 * The {@code balances} rebuild alone, by CPU time, each beside a raw read and decode of every event in the same
 * round (run on demand, never in CI): {@code java ... BalancesRebuildBenchmark LEDGER READ_MODEL_FILE [rounds]}.
 * The ledger is opened read-only and its read models live in their own file (built by the first round's open when
 * the file is new), so two builds can be compared on one ledger, each with its own read-model file, in turns.
 * Written against the API the read side had before issue 13 too (commit b5b31eb), so the same file runs on either.
 * After each rebuild it asks one question as of a date: b5b31eb built its date indexes and checkpoints there (the
 * work a rebuild now does itself, as issue 15 asks), so rebuild plus first question compares the same work.
 */
public final class BalancesRebuildBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private BalancesRebuildBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        String build = System.getProperty("bench.build", "?");
        try (Opened opened = Opened.of(args)) {
            Projections projections = opened.projections();
            print(build, 0, "open (catch-up of what is missing)", measure(() -> projections.open(ProgressListener.NONE)));
            for (int round = 1; round <= rounds; round++) {
                double[] raw = measure(() -> {
                    try (EventCursor cursor = opened.store().readAll(0)) {
                        while (cursor.hasNext()) {
                            opened.codec().decode(cursor.next());
                        }
                    }
                });
                print(build, round, "raw readAll + decode", raw);
                double[] rebuild = measure(() -> projections.rebuild("balances", ProgressListener.NONE, new CancellationToken()));
                print(build, round, "rebuild balances", rebuild);
                System.out.printf(Locale.ROOT, "| %s | %d | rebuild ÷ raw (process CPU) | %.2f | | |%n", build, round,
                        rebuild[0] / raw[0]);
                TimeTravel timeTravel = new TimeTravel(opened.store(), opened.codec(), projections);
                LocalDate date = LocalDate.of(2020, 1, 1).plusDays(new Random(round).nextInt(1800));
                double[] first = measure(() -> timeTravel.ledgerBalancesAt(new Point.AsOfDate(date)));
                print(build, round, "first whole-ledger balances as of a date after it", first);
                print(build, round, "rebuild + first question", new double[] {rebuild[0] + first[0], rebuild[1] + first[1],
                        rebuild[2] + first[2]});
            }
        }
    }

    /**
     * The ledger {@code args[0]} opened read-only, its read models in the file {@code args[1]} (built by the first
     * open when the file is new), and every built-in projection on them (not opened yet).
     */
    record Opened(SqliteEventStore store, SqliteReadModelStore models, EventCodec codec, Projections projections)
            implements AutoCloseable {

        static Opened of(String[] args) {
            Path ledger = Path.of(args[0]);
            SqliteEventStore store = SqliteEventStore.openReadOnly(ledger);
            SqliteReadModelStore models = SqliteReadModelStore.inSeparateFile(Path.of(args[1]), ledger);
            EventCodec codec = BookkeepingCodec.create();
            return new Opened(store, models, codec, new Projections(store, codec, models, BuiltInProjections.all()));
        }

        @Override
        public void close() {
            projections.close();
            models.close();
            store.close();
        }
    }

    private static void print(String build, int round, String what, double[] cost) {
        System.out.printf(Locale.ROOT, "| %s | %d | %s | %.2f | %.2f | %.2f |%n", build, round, what, cost[0], cost[1], cost[2]);
    }

    /** Process CPU s, calling thread CPU s, wall s. */
    static double[] measure(Work work) throws Exception {
        long process = OS.getProcessCpuTime();
        long thread = THREADS.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        work.run();
        return new double[] {(OS.getProcessCpuTime() - process) / 1e9, (THREADS.getCurrentThreadCpuTime() - thread) / 1e9,
                (System.nanoTime() - wall) / 1e9};
    }

    @FunctionalInterface
    interface Work {
        void run() throws Exception;
    }
}
