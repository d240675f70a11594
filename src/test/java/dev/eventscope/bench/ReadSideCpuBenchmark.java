package dev.eventscope.bench;

import dev.eventscope.application.BookkeepingCodec;
import dev.eventscope.codec.EventCodec;
import dev.eventscope.domain.ledger.AccountName;
import dev.eventscope.domain.ledger.LedgerStreams;
import dev.eventscope.eventstore.EventCursor;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.eventstore.sqlite.SqliteOptions;
import dev.eventscope.projection.CancellationToken;
import dev.eventscope.projection.ProgressListener;
import dev.eventscope.projection.Projection;
import dev.eventscope.projection.BuiltInProjections;
import dev.eventscope.projection.Projections;
import dev.eventscope.projection.sqlite.SqliteReadModelStore;
import dev.eventscope.timetravel.Point;
import dev.eventscope.timetravel.TimeTravel;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The read side's work in CPU seconds of the whole process, for a machine whose other tenants make wall
 * times swing (run on demand, never in CI): {@code java ... ReadSideCpuBenchmark LEDGER [rounds]} on a
 * ledger {@link TimeTravelBenchmark} generated. Each round prints the CPU time of a raw read and decode
 * of every event (the reference) and, each beside its ratio to that raw read of the same round: a rebuild
 * of every projection, 1,000 aggregate states at random versions, 200 whole-ledger balances at random
 * positions, 1,000 hot-account balances at random positions, 200 whole-ledger balances and 200 trial
 * balances as of random entry dates (the first of which builds what the code of the day builds on first
 * use), and 200 hot-account states as of random dates. Written against the API that the read side had
 * both before and after issue 13, so the same file runs on either commit.
 */
public final class ReadSideCpuBenchmark {

    private static final String[] HOT = {"assets:bank:main", "income:sales", "expenses:supplies"};

    private ReadSideCpuBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<String> rows = new ArrayList<>();
        try (SqliteEventStore store = SqliteEventStore.open(file,
                SqliteOptions.defaults().withSynchronous(SqliteOptions.Synchronous.NORMAL));
             SqliteReadModelStore readModels = SqliteReadModelStore.inLedgerFile(file)) {
            EventCodec codec = BookkeepingCodec.create();
            Projections projections = new Projections(store, codec, readModels, BuiltInProjections.all());
            double[] open = measure(() -> projections.open(ProgressListener.NONE));
            rows.add(String.format("| open (first catch-up of every read model when the file has none) | 0 | %.2f (%.2f) | |",
                    open[0], open[1]));
            TimeTravel timeTravel = new TimeTravel(store, codec, projections);
            long total = store.lastPosition();
            int accounts = 10_000;
            for (int round = 1; round <= rounds; round++) {
                double[] raw = measure(() -> {
                    try (EventCursor cursor = store.readAll(0)) {
                        while (cursor.hasNext()) {
                            codec.decode(cursor.next());
                        }
                    }
                });
                rows.add(String.format("| raw readAll + decode (the reference) | %d | %.2f (%.2f) | 1.00 |", round, raw[0], raw[1]));
                for (Projection projection : projections.projections()) {
                    row(rows, "rebuild " + projection.name(), round, raw, measure(() -> projections.rebuild(projection.name(),
                            ProgressListener.NONE, new CancellationToken())));
                }
                Random random = new Random(round);
                row(rows, "1,000 aggregate states at random versions", round, raw, measure(() -> {
                    for (int i = 0; i < 1_000; i++) {
                        String account = random.nextInt(4) == 0 ? HOT[random.nextInt(HOT.length)]
                                : "expenses:item:a" + random.nextInt(accounts);
                        StreamId stream = StreamId.of(LedgerStreams.account(AccountName.of(account)));
                        long version = 1 + random.nextInt((int) Math.max(1, store.streamVersion(stream)));
                        timeTravel.stateOf(stream, new Point.AtVersion(version));
                    }
                }));
                row(rows, "200 whole-ledger balances at random positions", round, raw, measure(() -> {
                    for (int i = 0; i < 200; i++) {
                        timeTravel.ledgerBalancesAt(new Point.AtPosition(1 + random.nextInt((int) total)));
                    }
                }));
                row(rows, "1,000 hot-account balances at random positions", round, raw, measure(() -> {
                    for (int i = 0; i < 1_000; i++) {
                        timeTravel.accountAt(HOT[random.nextInt(HOT.length)], new Point.AtPosition(1 + random.nextInt((int) total)));
                    }
                }));
                row(rows, "200 whole-ledger balances as of random dates (the first builds what first use builds)", round, raw,
                        measure(() -> {
                            for (int i = 0; i < 200; i++) {
                                timeTravel.ledgerBalancesAt(new Point.AsOfDate(randomDate(random)));
                            }
                        }));
                row(rows, "200 trial balances as of random dates", round, raw, measure(() -> {
                    for (int i = 0; i < 200; i++) {
                        timeTravel.trialBalanceAt(new Point.AsOfDate(randomDate(random)));
                    }
                }));
                row(rows, "200 hot-account states as of random dates", round, raw, measure(() -> {
                    for (int i = 0; i < 200; i++) {
                        timeTravel.stateOf(StreamId.of(LedgerStreams.account(AccountName.of(HOT[random.nextInt(HOT.length)]))),
                                new Point.AsOfDate(randomDate(random)));
                    }
                }));
                System.err.println("round " + round + " done");
            }
            projections.close();
        }
        System.out.printf("Ledger %s; %d cores, Java %s, max heap %,d MB%n%n", file, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() / 1_048_576);
        System.out.println("| measurement | round | CPU s of the process (wall s) | ratio to the raw read of the round (CPU) |");
        System.out.println("|---|---|---|---|");
        rows.forEach(System.out::println);
    }

    private static LocalDate randomDate(Random random) {
        return LocalDate.of(2020, 1, 1).plusDays(random.nextInt(1800));
    }

    private static void row(List<String> rows, String what, int round, double[] raw, double[] measured) {
        rows.add(String.format("| %s | %d | %.2f (%.2f) | %.2f |", what, round, measured[0], measured[1], measured[0] / raw[0]));
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
