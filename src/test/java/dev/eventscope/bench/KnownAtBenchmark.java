package dev.eventscope.bench;

import dev.eventscope.application.BookkeepingCodec;
import dev.eventscope.codec.EventCodec;
import dev.eventscope.domain.ledger.Balances;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.projection.BuiltInProjections;
import dev.eventscope.projection.ProgressListener;
import dev.eventscope.projection.Projections;
import dev.eventscope.projection.sqlite.SqliteReadModelStore;
import dev.eventscope.timetravel.FullReplay;
import dev.eventscope.timetravel.KnownAtStrategy;
import dev.eventscope.timetravel.LedgerBalances;
import dev.eventscope.timetravel.Point;
import dev.eventscope.timetravel.RandomLedger;
import dev.eventscope.timetravel.TimeTravel;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.function.Supplier;

/**
 * Both clocks at once, read each way from the read models, beside the full replay in the same run (run on demand,
 * never in CI): {@code bench/run.sh KnownAtBenchmark [entries]}. A random ledger (entries dated at random over two
 * years, imported in batches, so most are back-dated against what was recorded before them) is asked "as of D known
 * at K" for K early, in the middle and late in the ledger; each row gives the register rows each way reads, its CPU
 * time per question (thread CPU, the mean of 20 questions) and its ratio to one full replay's CPU time, which way
 * the estimate picked, and whether every answer equals the replay's.
 */
public final class KnownAtBenchmark {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private KnownAtBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        Path file = Files.createTempDirectory("known-at-bench").resolve("ledger.sqlite");
        try (SqliteEventStore store = RandomLedger.openStore(file)) {
            RandomLedger ledger = new RandomLedger(42);
            var service = RandomLedger.service(store, "p");
            ledger.create(service, 40);
            for (int batch = 0; batch < 10; batch++) {
                ledger.importEntries(service, entries / 10);
            }
        }
        try (SqliteEventStore store = RandomLedger.openStore(file);
             SqliteReadModelStore readModels = SqliteReadModelStore.inLedgerFile(file)) {
            EventCodec codec = BookkeepingCodec.create();
            Projections projections = new Projections(store, codec, readModels, BuiltInProjections.all());
            projections.open(ProgressListener.NONE);
            TimeTravel timeTravel = new TimeTravel(store, codec, projections);
            FullReplay replay = new FullReplay(store, codec);
            long last = store.lastPosition();
            System.out.println("Ledger: " + last + " events, " + entries + " entries in 10 imports, dated over two years.");
            System.out.println();
            System.out.println("| as of D | known at K | date way: rows passed / added up | position way: rows added up"
                    + " | date way: CPU ms (ratio to replay) | position way: CPU ms (ratio to replay) | CHEAPER picked"
                    + " | full replay: CPU ms | answers equal |");
            System.out.println("|---|---|---|---|---|---|---|---|---|");
            for (double share : new double[] {0.1, 0.5, 0.9}) {
                for (LocalDate date : new LocalDate[] {LocalDate.of(2024, 3, 31), LocalDate.of(2025, 6, 30)}) {
                    Point.AsKnownAt point = new Point.AsKnownAt(date, new Point.AtPosition((long) (last * share)));
                    Balances[] reference = new Balances[1];
                    double replayMs = cpuMs(1, () -> reference[0] = replay.balancesAt(point));
                    LedgerBalances[] byDate = new LedgerBalances[1];
                    LedgerBalances[] byPosition = new LedgerBalances[1];
                    LedgerBalances[] cheaper = new LedgerBalances[1];
                    double dateMs = cpuMs(20, () -> byDate[0] = timeTravel.ledger().ledgerBalancesAt(point,
                            KnownAtStrategy.FROM_DATE_CHECKPOINT));
                    double positionMs = cpuMs(20, () -> byPosition[0] = timeTravel.ledger().ledgerBalancesAt(point,
                            KnownAtStrategy.FROM_POSITION_CHECKPOINT));
                    cpuMs(1, () -> cheaper[0] = timeTravel.ledger().ledgerBalancesAt(point, KnownAtStrategy.CHEAPER));
                    String pick = cheaper[0].linesReplayed() == byDate[0].linesReplayed()
                            && cheaper[0].checkpointPosition() == byDate[0].checkpointPosition() ? "date way" : "position way";
                    boolean equal = reference[0].equals(byDate[0].balances()) && reference[0].equals(byPosition[0].balances())
                            && reference[0].equals(cheaper[0].balances());
                    long knownAt = ((Point.AtPosition) point.knownAt()).position();
                    System.out.printf("| %s | #%d | %,d / %,d | %,d | %.2f (%.3f) | %.2f (%.3f) | %s | %.1f | %s |%n", date,
                            knownAt, Math.abs(knownAt - byDate[0].checkpointPosition()), byDate[0].linesReplayed(),
                            byPosition[0].linesReplayed(), dateMs, dateMs / replayMs,
                            positionMs, positionMs / replayMs, pick, replayMs, equal ? "yes" : "NO");
                }
            }
        }
    }

    /** Mean thread CPU milliseconds of {@code times} runs. */
    private static double cpuMs(int times, Supplier<Object> work) {
        long started = CPU.getCurrentThreadCpuTime();
        for (int i = 0; i < times; i++) {
            work.get();
        }
        return (CPU.getCurrentThreadCpuTime() - started) / 1e6 / times;
    }
}
