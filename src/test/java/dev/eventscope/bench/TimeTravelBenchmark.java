package dev.eventscope.bench;

import dev.eventscope.application.BookkeepingCodec;
import dev.eventscope.application.CommandContext;
import dev.eventscope.application.IdGenerator;
import dev.eventscope.application.ImportSession;
import dev.eventscope.application.LedgerCommandService;
import dev.eventscope.codec.EventCodec;
import dev.eventscope.domain.ledger.AccountCommand;
import dev.eventscope.domain.ledger.AccountName;
import dev.eventscope.domain.ledger.EntryCommand;
import dev.eventscope.domain.ledger.EntryId;
import dev.eventscope.domain.ledger.LedgerCommand;
import dev.eventscope.domain.ledger.LedgerStreams;
import dev.eventscope.domain.ledger.Money;
import dev.eventscope.domain.ledger.Posting;
import dev.eventscope.eventstore.EventCursor;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.eventstore.sqlite.SqliteOptions;
import dev.eventscope.projection.BuiltInProjections;
import dev.eventscope.projection.CancellationToken;
import dev.eventscope.projection.ProgressListener;
import dev.eventscope.projection.Projection;
import dev.eventscope.projection.Projections;
import dev.eventscope.projection.sqlite.SqliteReadModelStore;
import dev.eventscope.timetravel.Point;
import dev.eventscope.timetravel.TimeTravel;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * Time-travel and projection benchmark on a generated ledger (run on demand, never in CI):
 * <pre>
 * mvn -o -q test-compile && mvn -o -q dependency:build-classpath -Dmdep.outputFile=cp.txt
 * java -cp target/test-classes:target/classes:$(cat cp.txt) dev.eventscope.bench.TimeTravelBenchmark [events] [accounts] [file]
 * </pre>
 * Generates about {@code events} events (default 1,000,000) over {@code accounts} accounts (default
 * 10,000) with three hot accounts of about 100,000 postings each, then prints a table; with a fourth argument
 * {@code --generate-only} it stops once the ledger is there (for the other read-side benchmarks).
 */
public final class TimeTravelBenchmark {

    private static final String[] HOT = {"assets:bank:main", "income:sales", "expenses:supplies"};

    private TimeTravelBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int accounts = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        Path file = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("bench").resolve("bench.ledger");
        List<String[]> table = new ArrayList<>();
        Sampler heap = new Sampler();
        try (SqliteEventStore store = SqliteEventStore.open(file,
                SqliteOptions.defaults().withSynchronous(SqliteOptions.Synchronous.NORMAL))) {
            if (store.lastPosition() == 0) {
                long started = System.nanoTime();
                generate(store, events, accounts);
                row(table, "generate ledger (import)", store.lastPosition() + " events", seconds(started), "");
            }
            if (args.length > 3 && args[3].equals("--generate-only")) {
                System.out.printf("%s holds %,d events%n", file, store.lastPosition());
                return;
            }
            long total = store.lastPosition();
            EventCodec codec = BookkeepingCodec.create();

            heap.reset();
            long started = System.nanoTime();
            long decoded = 0;
            try (EventCursor cursor = store.readAll(0)) {
                while (cursor.hasNext()) {
                    codec.decode(cursor.next());
                    decoded++;
                }
            }
            double rawRate = decoded / ((System.nanoTime() - started) / 1e9);
            row(table, "raw readAll + decode", String.format("%,.0f events/s", rawRate), seconds(started), heap.peakMb());

            try (SqliteReadModelStore readModels = SqliteReadModelStore.inLedgerFile(file)) {
                Projections projections = new Projections(store, codec, readModels, BuiltInProjections.all());
                heap.reset();
                started = System.nanoTime();
                projections.open(ProgressListener.NONE);
                row(table, "first catch-up, all 4 projections together",
                        String.format("%,.0f events/s", total / ((System.nanoTime() - started) / 1e9)), seconds(started), heap.peakMb());
                for (Projection projection : projections.projections()) {
                    // the machine is shared: measure the raw rate again just before each rebuild, so the
                    // ratio compares two runs under about the same load. The raw read has run several times
                    // in this JVM by then (compiled, file in the page cache), the projection's apply path not
                    // yet: each projection is rebuilt twice, the first (cold) and the second (warm, like the
                    // raw read it is paired with) on rows of their own.
                    for (String run : new String[] {"first", "second"}) {
                        double pairedRaw = rawRate(store, codec);
                        heap.reset();
                        started = System.nanoTime();
                        projections.rebuild(projection.name(), ProgressListener.NONE, new CancellationToken());
                        double rate = total / ((System.nanoTime() - started) / 1e9);
                        row(table, "rebuild " + projection.name() + ", " + run + " in this JVM",
                                String.format("%,.0f events/s (%.0f%% of raw %,.0f/s measured just before)", rate,
                                        100 * rate / pairedRaw, pairedRaw), seconds(started) + ", load " + load(),
                                heap.peakMb());
                    }
                }
                TimeTravel timeTravel = new TimeTravel(store, codec, projections);
                Random random = new Random(7);
                heap.reset();
                LongSupplier randomState = () -> {
                    String account = random.nextInt(4) == 0 ? HOT[random.nextInt(HOT.length)]
                            : "expenses:item:a" + random.nextInt(accounts);
                    StreamId stream = StreamId.of(LedgerStreams.account(AccountName.of(account)));
                    long version = 1 + random.nextInt((int) Math.max(1, store.streamVersion(stream)));
                    return timeTravel.stateOf(stream, new Point.AtVersion(version)).version();
                };
                // the first calls in this JVM include the JIT compiling the decoding and replay paths:
                // reported on their own row, then the same measurement once warm
                long[] aggregateCold = measureWithoutWarmUp(1_000, randomState);
                row(table, "aggregate state at random version, first 1,000 calls of the JVM", percentiles(aggregateCold),
                        "JIT warming up, load " + load(), heap.peakMb());
                heap.reset();
                long[] aggregate = measure(1_000, randomState);
                row(table, "aggregate state at random version", percentiles(aggregate), "target p99 < 5 ms, load " + load(),
                        heap.peakMb());
                heap.reset();
                long[] ledger = measure(200, () -> timeTravel.ledgerBalancesAt(
                        new Point.AtPosition(1 + random.nextInt((int) total))).balances().lines());
                row(table, "whole-ledger balances at random position", percentiles(ledger), "target p99 < 50 ms, load " + load(),
                        heap.peakMb());
                heap.reset();
                long[] accountAt = measure(1_000, () -> timeTravel.accountAt(HOT[random.nextInt(HOT.length)],
                        new Point.AtPosition(1 + random.nextInt((int) total))).size());
                row(table, "hot account balance at random position", percentiles(accountAt), "", heap.peakMb());
                heap.reset();
                started = System.nanoTime();
                timeTravel.ledgerBalancesAt(new Point.AsOfDate(LocalDate.of(2024, 12, 31)));
                row(table, "first as-of-date query (builds the date checkpoints)", "", seconds(started) + ", load " + load(),
                        heap.peakMb());
                heap.reset();
                long[] asOf = measureWithoutWarmUp(200, () -> timeTravel.ledgerBalancesAt(
                        new Point.AsOfDate(LocalDate.of(2020, 1, 1).plusDays(random.nextInt(1800)))).balances().lines());
                row(table, "whole-ledger balances as of random date", percentiles(asOf), "target p99 < 50 ms, load " + load(),
                        heap.peakMb());
                heap.reset();
                long[] trial = measureWithoutWarmUp(200, () -> timeTravel.trialBalanceAt(
                        new Point.AsOfDate(LocalDate.of(2020, 1, 1).plusDays(random.nextInt(1800)))).lines().size());
                row(table, "trial balance as of random date", percentiles(trial), "load " + load(), heap.peakMb());
                heap.reset();
                long[] hotAsOf = measure(200, () -> timeTravel.stateOf(StreamId.of(LedgerStreams.account(
                        AccountName.of(HOT[random.nextInt(HOT.length)]))), new Point.AsOfDate(
                        LocalDate.of(2020, 1, 1).plusDays(random.nextInt(1800)))).version());
                row(table, "hot account state as of random date", percentiles(hotAsOf), "register range read, load " + load(),
                        heap.peakMb());
                projections.close();
            }
        } finally {
            heap.stop();
        }
        System.out.printf("%nLedger: %s (%,d bytes)%n", file, Files.size(file));
        System.out.printf("Machine: %s, %d cores, Java %s, max heap %,d MB%n%n", System.getProperty("os.name") + " "
                + System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() / 1_048_576);
        System.out.println("| measurement | result | time / note | peak heap used (largest heap left by a collection in the phase) |");
        System.out.println("|---|---|---|---|");
        for (String[] line : table) {
            System.out.println("| " + String.join(" | ", line) + " |");
        }
    }

    private static void generate(SqliteEventStore store, int events, int accounts) {
        LedgerCommandService service = new LedgerCommandService(store, BookkeepingCodec.create(),
                IdGenerator.sequential("b"), LedgerCommandService.Settings.defaults());
        Random random = new Random(1);
        LocalDate start = LocalDate.of(2020, 1, 1);
        try (ImportSession session = service.beginImport(CommandContext.byUser("bench"))) {
            session.execute(new LedgerCommand.CreateLedger("bench", "EUR"));
            for (String hot : HOT) {
                session.execute(new AccountCommand.OpenAccount(AccountName.of(hot), start, null));
            }
            for (int i = 0; i < accounts - HOT.length; i++) {
                session.execute(new AccountCommand.OpenAccount(AccountName.of("expenses:item:a" + i), start, null));
            }
            long written = session.eventsWritten();
            int entry = 0;
            while (written < events) {
                entry++;
                AccountName hot = AccountName.of(HOT[entry % HOT.length]);
                AccountName other = AccountName.of("expenses:item:a" + random.nextInt(accounts - HOT.length));
                BigDecimal amount = BigDecimal.valueOf(random.nextInt(1_000_000) + 1, 2);
                session.execute(EntryCommand.PostEntry.simple(EntryId.of("e" + entry), start.plusDays(random.nextInt(1800)),
                        "entry " + entry, List.of(Posting.of(hot, new Money(amount, "EUR")),
                                Posting.of(other, new Money(amount.negate(), "EUR")))));
                written = session.eventsWritten();
            }
            session.commit();
        }
    }

    private static double rawRate(SqliteEventStore store, EventCodec codec) {
        long started = System.nanoTime();
        long decoded = 0;
        try (EventCursor cursor = store.readAll(0)) {
            while (cursor.hasNext()) {
                codec.decode(cursor.next());
                decoded++;
            }
        }
        return decoded / ((System.nanoTime() - started) / 1e9);
    }

    /** The 1-minute load average of the machine (other jobs share its cores). */
    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException | RuntimeException unknown) {
            return "unknown";
        }
    }

    /** Like {@link #measure} without warm-up calls, for work whose first calls are part of what is measured. */
    private static long[] measureWithoutWarmUp(int samples, LongSupplier work) {
        long[] nanos = new long[samples];
        for (int i = 0; i < samples; i++) {
            long started = System.nanoTime();
            work.getAsLong();
            nanos[i] = System.nanoTime() - started;
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static long[] measure(int samples, LongSupplier work) {
        for (int i = 0; i < Math.min(20, samples); i++) {
            work.getAsLong();
        }
        long[] nanos = new long[samples];
        for (int i = 0; i < samples; i++) {
            long started = System.nanoTime();
            work.getAsLong();
            nanos[i] = System.nanoTime() - started;
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static String percentiles(long[] sorted) {
        return String.format("p50 %.2f ms, p99 %.2f ms (n=%d)", sorted[sorted.length / 2] / 1e6,
                sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] / 1e6, sorted.length);
    }

    private static String seconds(long startedNanos) {
        return String.format("%.1f s", (System.nanoTime() - startedNanos) / 1e9);
    }

    private static void row(List<String[]> table, String... cells) {
        String[] line = Arrays.copyOf(cells, 4);
        for (int i = 0; i < line.length; i++) {
            line[i] = line[i] == null ? "" : line[i];
        }
        table.add(line);
        System.out.println(String.join(" | ", line));
    }

    /**
     * Samples the used heap (garbage included) every 10 ms, and records the heap left after every
     * collection during the phase (what was still referenced, plus old garbage not yet collected).
     */
    private static final class Sampler {
        private final AtomicLong peak = new AtomicLong();
        private final AtomicLong peakAfterCollection = new AtomicLong();
        private final AtomicBoolean running = new AtomicBoolean(true);

        Sampler() {
            Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
            for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (collector instanceof NotificationEmitter emitter) {
                    emitter.addNotificationListener((notification, handback) -> {
                        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                            GcInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()).getGcInfo();
                            long after = info.getMemoryUsageAfterGc().entrySet().stream()
                                    .filter(pool -> heapPools.contains(pool.getKey())).mapToLong(pool -> pool.getValue().getUsed()).sum();
                            peakAfterCollection.accumulateAndGet(after, Math::max);
                        }
                    }, null, null);
                }
            }
            Thread thread = new Thread(() -> {
                while (running.get()) {
                    Runtime runtime = Runtime.getRuntime();
                    peak.accumulateAndGet(runtime.totalMemory() - runtime.freeMemory(), Math::max);
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException stop) {
                        return;
                    }
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        /**
         * Starts a new peak, without forcing a collection: after System.gc() G1 shrinks the heap to about
         * 200 MB and the next phase spent its first seconds growing it again (rebuilds up to 40 % slower,
         * whole-ledger p99 doubled), which the app, never forcing one, does not see. The peak therefore
         * includes garbage the previous phase left (bounded by the young generation).
         */
        void reset() {
            peak.set(0);
            peakAfterCollection.set(0);
        }

        String peakMb() {
            long after = peakAfterCollection.get();
            return (peak.get() / 1_048_576) + " MB (after a collection: " + (after == 0 ? "none ran" : after / 1_048_576 + " MB") + ")";
        }

        void stop() {
            running.set(false);
        }
    }
}
