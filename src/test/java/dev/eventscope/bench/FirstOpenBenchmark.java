package dev.eventscope.bench;

import dev.eventscope.application.BookkeepingCodec;
import dev.eventscope.application.CommandContext;
import dev.eventscope.application.LedgerCommandService;
import dev.eventscope.codec.EventCodec;
import dev.eventscope.eventstore.EventCursor;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.journal.ImportProgress;
import dev.eventscope.journal.JournalImporter;
import dev.eventscope.journal.testkit.LedgerBenchmarkData;
import dev.eventscope.projection.BuiltInProjections;
import dev.eventscope.projection.Projection;
import dev.eventscope.projection.ProgressListener;
import dev.eventscope.projection.Projections;
import dev.eventscope.projection.sqlite.SqliteReadModelStore;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The first open of a large ledger (issue 15: every read model built from nothing, ≤ 8 s on 1,000,000 events),
 * the second open, and in the same run the two raw rates the first open is bound by: reading every event
 * without decoding it, and SQLite writing the same rows and building the same indexes with no Java in between
 * ({@code INSERT … SELECT} from the read models just built into a new file, then each {@code CREATE INDEX}).
 * Every figure by wall clock and by CPU time (the whole process's, which counts the second core's read-ahead and
 * decoding, and the calling thread's), with the garbage collector's time.
 *
 * <pre>bench/run.sh FirstOpenBenchmark [ledger file | --generate ENTRIES]</pre>
 * Without a ledger it generates the 250,000-entry journal of {@link LedgerBenchmarkData} (989,700 events) and
 * imports it first, which takes a few minutes.
 */
public final class FirstOpenBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private FirstOpenBenchmark() {
    }

    /**
     * Wall, process CPU, calling thread's CPU, collector time (pauses, by wall clock) and the CPU time of the JVM's
     * collector and compiler threads (from /proc: their names start with "GC", "G1" or "VM Thread", and "C1"/"C2") of one
     * measured piece of work, in seconds.
     */
    private record Cost(double wall, double processCpu, double threadCpu, double gc, double gcThreadsCpu, double jitCpu) {
        static Cost of(Work work) throws Exception {
            long wall = System.nanoTime();
            long process = OS.getProcessCpuTime();
            long thread = THREADS.getCurrentThreadCpuTime();
            long gc = gcMillis();
            double[] jvm = jvmThreadsCpu();
            work.run();
            double[] after = jvmThreadsCpu();
            return new Cost((System.nanoTime() - wall) / 1e9, (OS.getProcessCpuTime() - process) / 1e9,
                    (THREADS.getCurrentThreadCpuTime() - thread) / 1e9, (gcMillis() - gc) / 1e3, after[0] - jvm[0],
                    after[1] - jvm[1]);
        }

        Cost plus(Cost other) {
            return new Cost(wall + other.wall, processCpu + other.processCpu, threadCpu + other.threadCpu, gc + other.gc,
                    gcThreadsCpu + other.gcThreadsCpu, jitCpu + other.jitCpu);
        }
    }

    /** CPU seconds so far of the collector's threads and of the compiler's, from /proc/self/task (zero elsewhere). */
    private static double[] jvmThreadsCpu() {
        double[] cpu = new double[2];
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    String stat = Files.readString(task.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    // utime and stime are fields 14 and 15 of stat, in clock ticks of 1/100 s
                    double seconds = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
                    if (name.startsWith("GC") || name.startsWith("G1") || name.equals("VM Thread")) {
                        cpu[0] += seconds;
                    } else if (name.startsWith("C1 ") || name.startsWith("C2 ")) {
                        cpu[1] += seconds;
                    }
                } catch (java.io.IOException | RuntimeException gone) {
                    // a thread that ended meanwhile
                }
            }
        } catch (java.io.IOException notLinux) {
            return cpu;
        }
        return cpu;
    }

    @FunctionalInterface
    private interface Work {
        void run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        Path folder = Files.createTempDirectory("eventscope-first-open");
        Path ledger;
        if (args.length > 0 && !args[0].equals("--generate")) {
            ledger = Path.of(args[0]);
        } else {
            int entries = args.length > 1 ? Integer.parseInt(args[1].replace("_", "")) : 250_000;
            ledger = generate(folder, entries);
        }
        Path readModels = folder.resolve("read-models.sqlite");
        long[] events = new long[1];
        double[] caughtUpAt = new double[1];
        long startedNanos = System.nanoTime();
        // process and calling thread's CPU when the last batch (with its date checkpoints) is applied: the rest of the
        // first open is its commit, the indexes and making the file durable, with the second core mostly idle
        double[] caughtUpCpu = new double[2];
        long startedCpu = OS.getProcessCpuTime();
        long startedThreadCpu = THREADS.getCurrentThreadCpuTime();
        Cost first = Cost.of(() -> {
            try (SqliteEventStore store = openStore(ledger);
                 SqliteReadModelStore models = readModels(readModels, ledger);
                 Projections projections = projections(store, models)) {
                events[0] = store.lastPosition();
                projections.open(progress -> {
                    if (progress.position() >= progress.lastPosition()) {
                        caughtUpAt[0] = (System.nanoTime() - startedNanos) / 1e9;
                        caughtUpCpu[0] = (OS.getProcessCpuTime() - startedCpu) / 1e9;
                        caughtUpCpu[1] = (THREADS.getCurrentThreadCpuTime() - startedThreadCpu) / 1e9;
                    }
                });
            }
        });
        Cost second = Cost.of(() -> {
            try (SqliteEventStore store = openStore(ledger);
                 SqliteReadModelStore models = readModels(readModels, ledger);
                 Projections projections = projections(store, models)) {
                projections.open(ProgressListener.NONE);
            }
        });
        if (Boolean.getBoolean("bench.firstOpenOnly") || IN_LEDGER) {
            // quick comparisons of builds or JVM options: the first and second open alone (the raw rates copy a
            // separate read-model file, so a first open into the ledger file measures these two only)
            System.out.printf(Locale.ROOT, "%nFirst open of %s: %,d events, read models %s; %s%n", ledger, events[0],
                    IN_LEDGER ? "in the ledger file" : "in a separate file", machine());
            header();
            row("first open (every read model from nothing, indexes, date checkpoints)", first);
            caughtUpRows(first, caughtUpAt[0], caughtUpCpu);
            row("second open (nothing to do)", second);
            return;
        }
        Cost rawRead = Cost.of(() -> readEvents(ledger, events[0], false));
        Cost rawDecode = Cost.of(() -> readEvents(ledger, events[0], true));
        Cost[] rawWrite = new Cost[3];
        long written = rawWrite(readModels, folder.resolve("raw-write.sqlite"), rawWrite, true);
        // the least a first open must do, with both cores at once: one thread reads and decodes what the projections
        // decode, while this one has SQLite write the same rows and build the same indexes (its sorter thread allowed)
        Cost[] parallelWrite = new Cost[3];
        Cost bothCores = Cost.of(() -> {
            Thread reading = new Thread(() -> {
                try {
                    readEvents(ledger, events[0], true);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "bench-read-and-decode");
            reading.start();
            rawWrite(readModels, folder.resolve("raw-write-parallel.sqlite"), parallelWrite, false);
            reading.join();
        });

        System.out.printf(Locale.ROOT, "%nFirst open of %s: %,d events, %,d read-model rows; %s%n", ledger, events[0], written,
                machine());
        header();
        row("first open (every read model from nothing, indexes, date checkpoints)", first);
        caughtUpRows(first, caughtUpAt[0], caughtUpCpu);
        row("second open (nothing to do)", second);
        row("raw read: every event, not decoded", rawRead);
        row("raw read and decode: every event, those the projections read decoded", rawDecode);
        row("raw write: SQLite copies the same rows (INSERT … SELECT)", rawWrite[0]);
        row("raw write: SQLite builds the same indexes", rawWrite[1]);
        row("raw write: the same indexes with PRAGMA threads = 2", rawWrite[2]);
        Cost floor = rawRead.plus(rawWrite[0]).plus(rawWrite[1]);
        row("raw floor: read + rows + indexes, one after the other", floor);
        System.out.printf(Locale.ROOT, "| first open ÷ raw floor | %.2f | %.2f | | | | |%n", first.wall / floor.wall,
                first.processCpu / floor.processCpu);
        row("raw floor on both cores: read and decode on one thread while SQLite writes the rows and indexes on another",
                bothCores);
        System.out.printf(Locale.ROOT, "| first open ÷ raw floor on both cores | %.2f | %.2f | | | | |%n", first.wall / bothCores.wall,
                first.processCpu / bothCores.processCpu);
    }

    /** Reads every event (decoding those any built-in projection decodes, when asked) and checks the count. */
    private static void readEvents(Path ledger, long expected, boolean decode) throws Exception {
        EventCodec codec = BookkeepingCodec.create();
        List<Projection> readers = BuiltInProjections.all();
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger); EventCursor cursor = store.readAll(0)) {
            long count = 0;
            while (cursor.hasNext()) {
                RecordedEvent event = cursor.next();
                count += event.data().length() > 0 ? 1 : 0;
                if (decode && readers.stream().anyMatch(projection -> projection.decodes(event))) {
                    codec.decodeValue(event);
                }
            }
            if (count != expected) {
                throw new IllegalStateException("read " + count + " of " + expected + " events");
            }
        }
    }

    /**
     * With {@code -Dbench.inLedger=true} the read models go into the ledger file itself, opened for writing, as the
     * desktop app keeps them for a ledger it may write (a copy: the benchmark writes into it); else into a separate
     * file beside a read-only ledger, as the command line keeps them (a cache file built from nothing, {@code
     * FreshCacheBuild}). docs/cli-speed.md, session 18.
     */
    private static final boolean IN_LEDGER = Boolean.getBoolean("bench.inLedger");

    private static SqliteEventStore openStore(Path ledger) {
        return IN_LEDGER ? SqliteEventStore.open(ledger) : SqliteEventStore.openReadOnly(ledger);
    }

    private static SqliteReadModelStore readModels(Path readModels, Path ledger) {
        return IN_LEDGER ? SqliteReadModelStore.inLedgerFile(ledger) : SqliteReadModelStore.inSeparateFile(readModels, ledger);
    }

    /**
     * The built-in read models, or only those {@code -Dbench.projections} names (comma-separated, e.g. {@code balances}):
     * the writer's time per read model is the first open of each alone (docs/cli-speed.md, session 17).
     */
    private static Projections projections(SqliteEventStore store, SqliteReadModelStore models) {
        String only = System.getProperty("bench.projections", "");
        List<Projection> chosen = BuiltInProjections.all().stream()
                .filter(projection -> only.isBlank() || List.of(only.split(",")).contains(projection.name())).toList();
        return new Projections(store, BookkeepingCodec.create(), models, chosen);
    }

    /** The first open split at its last batch (date checkpoints included) and the rest (commit, indexes, durability). */
    private static void caughtUpRows(Cost first, double wall, double[] cpu) {
        String row = "| … of which %s | %.2f | %.2f | %.2f | | | |%n";
        System.out.printf(Locale.ROOT, row, "up to the last batch applied (its date checkpoints included)", wall, cpu[0], cpu[1]);
        System.out.printf(Locale.ROOT, row, "the rest: commit, indexes, the file made durable", first.wall - wall,
                first.processCpu - cpu[0], first.threadCpu - cpu[1]);
    }

    private static void header() {
        System.out.println("| what | wall s | process CPU s | calling thread CPU s | GC pauses s | collector threads CPU s"
                + " | compiler threads CPU s |");
        System.out.println("|---|---|---|---|---|---|---|");
    }

    private static void row(String what, Cost cost) {
        System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |%n", what, cost.wall, cost.processCpu,
                cost.threadCpu, cost.gc, cost.gcThreadsCpu, cost.jitCpu);
    }

    /** Copies every read-model table into a new file with SQLite alone, then builds each index; returns the rows. */
    private static long rawWrite(Path readModels, Path target, Cost[] costs, boolean bothSorters) throws Exception {
        long[] rows = new long[1];
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + target.toAbsolutePath());
             Statement statement = connection.createStatement()) {
            // as the read-model writer is set up
            statement.execute("PRAGMA journal_mode = WAL");
            statement.execute("PRAGMA synchronous = NORMAL");
            statement.execute("PRAGMA cache_size = -64000");
            statement.execute("PRAGMA temp_store = MEMORY");
            statement.execute("PRAGMA wal_autocheckpoint = 10000");
            statement.execute("ATTACH DATABASE '" + readModels.toAbsolutePath() + "' AS built");
            List<String[]> tables = new ArrayList<>();
            List<String> indexes = new ArrayList<>();
            try (ResultSet schema = statement.executeQuery(
                    "SELECT type, name, sql FROM built.sqlite_master WHERE name LIKE 'rm\\_%' ESCAPE '\\' AND sql IS NOT NULL")) {
                while (schema.next()) {
                    if (schema.getString(1).equals("table")) {
                        tables.add(new String[] {schema.getString(2), schema.getString(3)});
                    } else {
                        indexes.add(schema.getString(3));
                    }
                }
            }
            for (String[] table : tables) {
                statement.execute(table[1]);
            }
            costs[0] = Cost.of(() -> {
                statement.execute("BEGIN");
                for (String[] table : tables) {
                    rows[0] += statement.executeUpdate("INSERT INTO main." + table[0] + " SELECT * FROM built." + table[0]);
                }
                statement.execute("COMMIT");
            });
            if (!bothSorters) {
                statement.execute("PRAGMA threads = 2");
            }
            costs[1] = Cost.of(() -> {
                for (String index : indexes) {
                    statement.execute(index);
                }
            });
            if (!bothSorters) {
                return rows[0];
            }
            // the same again with the sorter's helper thread the read-model writer allows itself
            for (String index : indexes) {
                statement.execute("DROP INDEX main." + index.split(" ")[2]);
            }
            statement.execute("PRAGMA threads = 2");
            costs[2] = Cost.of(() -> {
                for (String index : indexes) {
                    statement.execute(index);
                }
            });
        }
        return rows[0];
    }

    private static Path generate(Path folder, int entries) throws Exception {
        Path journal = folder.resolve("bench.journal");
        new LedgerBenchmarkData(entries, 2_000, 1).writeTo(journal);
        Path ledger = folder.resolve("bench.ledger");
        System.err.printf("[bench] importing a generated journal of %,d entries into %s%n", entries, ledger);
        try (SqliteEventStore store = SqliteEventStore.open(ledger)) {
            new JournalImporter(LedgerCommandService.create(store)).importJournal(journal, JournalImporter.Options.defaults(),
                    CommandContext.byUser("bench"), ImportProgress.NONE);
        }
        return ledger;
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, collector.getCollectionTime());
        }
        return total;
    }

    private static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
                + ", load average " + String.format(Locale.ROOT, "%.1f", OS.getSystemLoadAverage());
    }
}
