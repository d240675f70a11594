package dev.eventscope.bench;

import dev.eventscope.application.BookkeepingCodec;
import dev.eventscope.codec.EventCodec;
import dev.eventscope.eventstore.EventCursor;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.eventstore.sqlite.SqliteOptions;
import dev.eventscope.projection.BalancesProjection;
import dev.eventscope.projection.BuiltInProjections;
import dev.eventscope.projection.CancellationToken;
import dev.eventscope.projection.ProgressListener;
import dev.eventscope.projection.Projections;
import dev.eventscope.projection.sqlite.SqliteReadModelStore;
import dev.eventscope.timetravel.Point;
import dev.eventscope.timetravel.TimeTravel;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;

/**
 * The read side's work in CPU seconds of the whole process, for a machine whose other tenants make wall
 * times swing (run on demand, never in CI): {@code java ... ReadSideCpuBenchmark LEDGER [rounds]} on a
 * ledger {@link TimeTravelBenchmark} generated. Each round prints the CPU time of a raw read and decode
 * of every event (the reference), of a rebuild of the balances projection, and of 200 questions as of
 * random entry dates (the first of which builds the register's date indexes), each beside its ratio to
 * the raw read of the same round.
 */
public final class ReadSideCpuBenchmark {

    private ReadSideCpuBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        System.out.println("| round | raw readAll + decode, CPU s (wall s) | rebuild balances, CPU s (wall s), ratio to raw"
                + " | 200 as-of-date balances, CPU s (wall s), ratio to raw |");
        System.out.println("|---|---|---|---|");
        try (SqliteEventStore store = SqliteEventStore.open(file,
                SqliteOptions.defaults().withSynchronous(SqliteOptions.Synchronous.NORMAL));
             SqliteReadModelStore readModels = SqliteReadModelStore.inLedgerFile(file)) {
            EventCodec codec = BookkeepingCodec.create();
            Projections projections = new Projections(store, codec, readModels, BuiltInProjections.all());
            projections.open(ProgressListener.NONE);
            TimeTravel timeTravel = new TimeTravel(store, codec, projections);
            for (int round = 1; round <= rounds; round++) {
                double[] raw = measure(() -> {
                    try (EventCursor cursor = store.readAll(0)) {
                        while (cursor.hasNext()) {
                            codec.decode(cursor.next());
                        }
                    }
                });
                double[] rebuild = measure(() -> projections.rebuild(BalancesProjection.NAME, ProgressListener.NONE,
                        new CancellationToken()));
                Random random = new Random(round);
                double[] asOf = measure(() -> {
                    for (int i = 0; i < 200; i++) {
                        timeTravel.ledgerBalancesAt(new Point.AsOfDate(LocalDate.of(2020, 1, 1).plusDays(random.nextInt(1800))));
                    }
                });
                System.out.printf("| %d | %.2f (%.2f) | %.2f (%.2f), %.2f | %.2f (%.2f), %.2f |%n", round, raw[0], raw[1],
                        rebuild[0], rebuild[1], rebuild[0] / raw[0], asOf[0], asOf[1], asOf[0] / raw[0]);
            }
            projections.close();
        }
    }

    /** CPU seconds of the process and wall seconds the work took. */
    private static double[] measure(Runnable work) {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long wall = System.nanoTime();
        work.run();
        return new double[] {(os.getProcessCpuTime() - cpu) / 1e9, (System.nanoTime() - wall) / 1e9};
    }
}
