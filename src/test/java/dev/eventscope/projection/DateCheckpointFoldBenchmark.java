package dev.eventscope.projection;

import dev.eventscope.domain.ledger.Balances;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * The date checkpoints of a {@code balances} rebuild of the 1,000,000-event benchmark ledger's shape (660,000
 * postings, 10,000 accounts and one that takes a third of the postings, dates at random over five years, K = 5,001),
 * folded the way session 7 did (every line through {@link Balances.Fold#add}, every checkpoint encoded by
 * {@link BalanceBlob#encode}) and by {@link DatedPostings#checkpoints}, in turns in one JVM, by the thread's CPU time.
 * Run on demand: {@code java -cp ... dev.eventscope.projection.DateCheckpointFoldBenchmark [rounds]}.
 */
public final class DateCheckpointFoldBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int LINES = 660_000;
    private static final int EVERY = 5_001;

    private DateCheckpointFoldBenchmark() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Random random = new Random(42);
        int[] days = new int[LINES];
        String[] accounts = new String[LINES];
        BigDecimal[] amounts = new BigDecimal[LINES];
        DatedPostings postings = new DatedPostings();
        for (int i = 0; i < LINES; i++) {
            days[i] = 18_000 + random.nextInt(5 * 365);
            accounts[i] = random.nextInt(3) == 0 ? "assets:bank:main" : "expenses:item:a" + random.nextInt(10_000);
            amounts[i] = BigDecimal.valueOf(random.nextInt(2_000_000) - 1_000_000, 2);
            postings.add(3L * i + 1, LocalDate.ofEpochDay(days[i]), accounts[i], "EUR", amounts[i]);
        }
        System.out.println("| round | session 7 fold (Balances.Fold + BalanceBlob.encode): thread CPU s | DatedPostings.checkpoints: thread CPU s | checkpoints | same bytes |");
        System.out.println("|---|---|---|---|---|");
        for (int round = 1; round <= rounds; round++) {
            long started = THREADS.getCurrentThreadCpuTime();
            byte[][] before = reference(days, accounts, amounts);
            double referenceSeconds = (THREADS.getCurrentThreadCpuTime() - started) / 1e9;
            started = THREADS.getCurrentThreadCpuTime();
            byte[][] after = new byte[before.length][];
            int[] count = {0};
            postings.checkpoints(EVERY, (date, blob, lines, summaries) -> after[Math.min(count[0]++, after.length - 1)] = blob);
            double newSeconds = (THREADS.getCurrentThreadCpuTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "| %d | %.2f | %.2f | %d | %s |%n", round, referenceSeconds, newSeconds, count[0],
                    count[0] == before.length && Arrays.deepEquals(before, after));
        }
    }

    private static byte[][] reference(int[] days, String[] accounts, BigDecimal[] amounts) {
        long[] order = new long[LINES];
        for (int i = 0; i < LINES; i++) {
            order[i] = ((long) days[i] << 32) | i;
        }
        Arrays.sort(order);
        Balances.Fold fold = Balances.fold();
        byte[][] blobs = new byte[LINES / EVERY + 2][];
        int written = 0;
        long since = 0;
        for (int k = 0; k < LINES; k++) {
            int i = (int) order[k];
            fold.add(accounts[i], "EUR", amounts[i]);
            since++;
            boolean lastOfDate = k + 1 == LINES || days[(int) order[k + 1]] != days[i];
            if (lastOfDate && (k + 1 == LINES || since >= EVERY)) {
                LocalDate.ofEpochDay(days[i]).toString();
                blobs[written++] = BalanceBlob.encode(fold);
                since = 0;
            }
        }
        return Arrays.copyOf(blobs, written);
    }
}
