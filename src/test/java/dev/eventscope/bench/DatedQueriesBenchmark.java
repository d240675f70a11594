package dev.eventscope.bench;

import dev.eventscope.domain.ledger.AccountName;
import dev.eventscope.domain.ledger.LedgerStreams;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.projection.ProgressListener;
import dev.eventscope.timetravel.Point;
import dev.eventscope.timetravel.TimeTravel;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;

/**
 * The questions as of an entry date (and the hot accounts' balances at positions, whose index changed with them) by
 * CPU time of the process, on a ledger of {@code TimeTravelBenchmark} opened read-only with its read models in a file
 * of their own, as {@link BalancesRebuildBenchmark} does (run on demand, never in CI):
 * {@code java ... DatedQueriesBenchmark LEDGER READ_MODEL_FILE [rounds]}. One question of each kind is asked before
 * the rounds (what a build makes on first use is not measured). Written against the API that the read side had
 * before and after issue 13, so the same file runs on any of those commits; run two builds side by side.
 * The accounts asked about default to those of {@code TimeTravelBenchmark}'s ledger; for another ledger, name its
 * three busiest accounts with {@code -Dbench.hot=a,b,c} and its ordinary ones in a file, one a line, with
 * {@code -Dbench.ordinary=FILE} (e.g. the {@code account} directives of the journal it was imported from).
 */
public final class DatedQueriesBenchmark {

    private static final String[] HOT = System.getProperty("bench.hot", "assets:bank:main,income:sales,expenses:supplies")
            .split(",");

    private DatedQueriesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        String build = System.getProperty("bench.build", "?");
        String[] ordinary = ordinaryAccounts();
        try (BalancesRebuildBenchmark.Opened opened = BalancesRebuildBenchmark.Opened.of(args)) {
            opened.projections().open(ProgressListener.NONE);
            TimeTravel timeTravel = new TimeTravel(opened.store(), opened.codec(), opened.projections());
            long total = opened.store().lastPosition();
            Random first = new Random(0);
            print(build, 0, "first question of each kind (what first use builds)", measure(() -> {
                timeTravel.ledgerBalancesAt(new Point.AsOfDate(randomDate(first)));
                timeTravel.stateOf(account(HOT[0]), new Point.AsOfDate(randomDate(first)));
            }));
            for (int round = 1; round <= rounds; round++) {
                Random random = new Random(round);
                print(build, round, "200 whole-ledger balances as of random dates", measure(() -> {
                    for (int i = 0; i < 200; i++) {
                        timeTravel.ledgerBalancesAt(new Point.AsOfDate(randomDate(random)));
                    }
                }));
                print(build, round, "200 trial balances as of random dates", measure(() -> {
                    for (int i = 0; i < 200; i++) {
                        timeTravel.trialBalanceAt(new Point.AsOfDate(randomDate(random)));
                    }
                }));
                print(build, round, "200 hot-account states as of random dates", measure(() -> {
                    for (int i = 0; i < 200; i++) {
                        timeTravel.stateOf(account(HOT[random.nextInt(HOT.length)]), new Point.AsOfDate(randomDate(random)));
                    }
                }));
                print(build, round, "1,000 ordinary account states as of random dates", measure(() -> {
                    for (int i = 0; i < 1_000; i++) {
                        timeTravel.stateOf(account(ordinary[random.nextInt(ordinary.length)]), new Point.AsOfDate(randomDate(random)));
                    }
                }));
                print(build, round, "1,000 hot-account balances at random positions", measure(() -> {
                    for (int i = 0; i < 1_000; i++) {
                        timeTravel.accountAt(HOT[random.nextInt(HOT.length)], new Point.AtPosition(1 + random.nextInt((int) total)));
                    }
                }));
            }
        }
    }

    /** The accounts of {@code -Dbench.ordinary=FILE}, else {@code TimeTravelBenchmark}'s 10,000 ordinary ones. */
    private static String[] ordinaryAccounts() throws java.io.IOException {
        String file = System.getProperty("bench.ordinary");
        if (file == null) {
            return java.util.stream.IntStream.range(0, 10_000).mapToObj(i -> "expenses:item:a" + i).toArray(String[]::new);
        }
        return java.nio.file.Files.readAllLines(java.nio.file.Path.of(file)).stream().filter(line -> !line.isBlank())
                .toArray(String[]::new);
    }

    private static StreamId account(String name) {
        return StreamId.of(LedgerStreams.account(AccountName.of(name)));
    }

    private static LocalDate randomDate(Random random) {
        return LocalDate.of(2020, 1, 1).plusDays(random.nextInt(1800));
    }

    private static void print(String build, int round, String what, double[] cost) {
        System.out.printf(Locale.ROOT, "| %s | %d | %s | %.2f | %.2f |%n", build, round, what, cost[0], cost[1]);
    }

    /** Process CPU s and wall s ({@link BalancesRebuildBenchmark#measure}). */
    private static double[] measure(BalancesRebuildBenchmark.Work work) throws Exception {
        double[] cost = BalancesRebuildBenchmark.measure(work);
        return new double[] {cost[0], cost[2]};
    }
}
