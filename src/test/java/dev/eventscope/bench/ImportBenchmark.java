package dev.eventscope.bench;

import dev.eventscope.application.CommandContext;
import dev.eventscope.application.LedgerCommandService;
import dev.eventscope.eventstore.BulkAppend;
import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.ExpectedVersion;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.StreamAppend;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.journal.ImportProgress;
import dev.eventscope.journal.ImportSummary;
import dev.eventscope.journal.JournalImporter;
import dev.eventscope.journal.testkit.LedgerBenchmarkData;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Imports a generated journal of N entries (default 100,000) and prints entries/s and events/s,
 * beside the store's own bulk-append rate for the same number of events measured in the same run
 * (synthetic events of the same size, appended in one transaction, one append per entry's streams)
 * and beside {@code hledger bal} reading the same journal (issue 15: import no slower than hledger
 * parses). Run it with {@code BENCH_JAVA_OPTS=-Xmx512m} to show the import's bounded memory; {@code
 * -Dbench.importOnly=true} measures the import alone (for 1,000,000 entries: hledger 1.25 would need many GB).
 *
 * <pre>bench/run.sh ImportBenchmark [entries] [accounts]</pre>
 */
public final class ImportBenchmark {

    private static String HLEDGER_VERSION = "hledger";

    /**
     * Wall and CPU (user + system) seconds of {@code hledger -f JOURNAL bal} (output discarded), CPU from {@code
     * /usr/bin/time}; both 0 when hledger is not installed, CPU -1 without {@code /usr/bin/time}.
     */
    private static double[] hledgerBalance(Path journal) throws Exception {
        try {
            Process version = new ProcessBuilder("hledger", "--version").redirectErrorStream(true).start();
            HLEDGER_VERSION = new String(version.getInputStream().readAllBytes()).trim().split(",")[0];
            version.waitFor();
        } catch (java.io.IOException notInstalled) {
            return new double[] {0, 0};
        }
        return timedProcess(List.of("hledger", "-f", journal.toString(), "bal"));
    }

    /**
     * Wall and CPU (user + system, from {@code /usr/bin/time}; -1 without it) seconds of a whole process, its output
     * discarded; throws when it fails.
     */
    private static double[] timedProcess(List<String> program) throws Exception {
        Path times = Files.createTempFile("process-time", ".txt");
        boolean timed = Files.isExecutable(Path.of("/usr/bin/time"));
        List<String> command = new ArrayList<>(timed ? List.of("/usr/bin/time", "-f", "%U %S", "-o", times.toString())
                : List.of());
        command.addAll(program);
        long started = System.nanoTime();
        Process run = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (run.waitFor() != 0) {
            throw new IllegalStateException(program.get(0) + " failed on the generated journal (exit " + run.exitValue() + ")");
        }
        double wall = (System.nanoTime() - started) / 1e9;
        double cpu = -1;
        if (timed) {
            String[] userAndSystem = Files.readString(times).strip().split("\\s+");
            cpu = Double.parseDouble(userAndSystem[userAndSystem.length - 2])
                    + Double.parseDouble(userAndSystem[userAndSystem.length - 1]);
        }
        Files.deleteIfExists(times);
        return new double[] {wall, cpu};
    }

    /**
     * The import as the command line runs it: a JVM of its own (start-up, class loading and the JIT's work on a cold
     * JVM included), with {@code -Xmx512m} and the given options ({@code default}: none), whole process timed.
     */
    private static double[] importInFreshJvm(Path journal, Path ledger, String options) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m"));
        if (!options.isBlank() && !options.equals("default")) {
            command.addAll(List.of(options.trim().split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ImportBenchmark.class.getName(), "--import",
                journal.toString(), ledger.toString()));
        return timedProcess(command);
    }

    /** CPU seconds (user + system) of this whole process so far: every thread, the JIT's and the collector's too. */
    private static double processCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    /**
     * The old generation's peak use since start (G1's "G1 Old Gen", or any pool named "Old"): what stayed alive long
     * enough to be promoted, garbage not yet collected included. The sum of all pools' peaks would overcount, since
     * eden, survivors and the old generation peak at different times.
     */
    private static long peakHeapMegabytes() {
        long peak = 0;
        for (java.lang.management.MemoryPoolMXBean pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getName().contains("Old")) {
                peak = Math.max(peak, pool.getPeakUsage().getUsed());
            }
        }
        return peak >> 20;
    }

    /**
     * Wall and CPU seconds of {@code rows} plain JDBC inserts into a table shaped like the ledger's {@code events} (same
     * columns, the same two unique indexes, ids that grow like the import's, a payload of an event's size), in one
     * transaction with the store's connection settings, timed to the commit: what SQLite itself needs for the rows an
     * import writes, without hashing, streams or snapshots.
     */
    private static double[] plainInserts(Path file, long rows) throws java.sql.SQLException {
        String data = "{\"entryId\":\"E000001\",\"account\":\"income:sales:store-12\",\"amount\":{\"amount\":123.45,"
                + "\"commodity\":\"EUR\"},\"date\":\"2024-03-05\",\"description\":\"Sale at store 12\",\"postingIndex\":1}";
        byte[] hash = new byte[32];
        long started = System.nanoTime();
        double cpuBefore = processCpuSeconds();
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file)) {
            try (java.sql.Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA journal_mode=WAL");
                statement.execute("PRAGMA synchronous=NORMAL");
                statement.execute("PRAGMA cache_size=-64000");
                statement.execute("PRAGMA wal_autocheckpoint=10000");
                statement.execute("CREATE TABLE events (position INTEGER PRIMARY KEY, event_id TEXT NOT NULL UNIQUE,"
                        + " stream_key INTEGER NOT NULL, version INTEGER NOT NULL, type TEXT NOT NULL, schema_version INTEGER NOT NULL,"
                        + " data TEXT NOT NULL, user_name TEXT NOT NULL, correlation_id TEXT, causation_id TEXT, command_name TEXT,"
                        + " recorded_at INTEGER NOT NULL, hash BLOB NOT NULL, UNIQUE (stream_key, version))");
            }
            connection.setAutoCommit(false);
            try (java.sql.PreparedStatement insert = connection.prepareStatement("INSERT INTO events VALUES"
                    + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (long row = 1; row <= rows; row++) {
                    long entry = (row + 3) / 4;
                    boolean entryEvent = row % 4 == 1;
                    insert.setLong(1, row);
                    String counter = Long.toHexString(row);
                    insert.setString(2, "0190d5c8-0000-7000-8000-" + "000000000000".substring(counter.length()) + counter);
                    insert.setLong(3, entryEvent ? 10_000 + entry : row % 2_000);
                    insert.setLong(4, entryEvent ? 1 : row);
                    insert.setString(5, entryEvent ? "EntryPosted" : "PostingRecorded");
                    insert.setInt(6, 1);
                    insert.setString(7, data);
                    insert.setString(8, "bench");
                    insert.setString(9, "0190d5c8-0000-7000-8000-00000000c0de");
                    insert.setString(10, "0190d5c8-0000-7000-8000-00000000c0de");
                    insert.setString(11, "PostEntry");
                    insert.setLong(12, 1_700_000_000_000_000L);
                    insert.setBytes(13, hash);
                    insert.addBatch();
                    if (row % 1_000 == 0 || row == rows) {
                        insert.executeBatch();
                    }
                }
            }
            connection.commit();
        }
        return new double[] {(System.nanoTime() - started) / 1e9, processCpuSeconds() - cpuBefore};
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("--import")) {
            // the child of importInFreshJvm
            try (SqliteEventStore store = SqliteEventStore.open(Path.of(args[2]))) {
                new JournalImporter(LedgerCommandService.create(store)).importJournal(Path.of(args[1]),
                        JournalImporter.Options.defaults(), CommandContext.byUser("bench"), ImportProgress.NONE);
            }
            return;
        }
        int entries = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 100_000;
        int accounts = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        Path folder = Files.createTempDirectory("eventscope-import-bench");
        Path journal = folder.resolve("bench.journal");
        new LedgerBenchmarkData(entries, accounts, 1).writeTo(journal);
        System.err.printf("[bench] journal: %,d entries, %,d bytes%n", entries, Files.size(journal));

        ImportSummary summary;
        ThreadCpuShares threads = new ThreadCpuShares();
        double cpuBefore = processCpuSeconds();
        try (SqliteEventStore store = SqliteEventStore.open(folder.resolve("imported.ledger"))) {
            summary = new JournalImporter(LedgerCommandService.create(store)).importJournal(journal,
                    JournalImporter.Options.defaults(), CommandContext.byUser("bench"), ImportProgress.NONE);
        }
        Map<String, Double> byThread = threads.secondsByKind();
        // the sampler's own reading of /proc is not the import's
        double importCpu = processCpuSeconds() - cpuBefore - byThread.getOrDefault(ThreadCpuShares.SAMPLER, 0.0);
        byThread.remove(ThreadCpuShares.SAMPLER);
        double importSeconds = summary.elapsed().toNanos() / 1e9;
        double threadTotal = byThread.values().stream().mapToDouble(Double::doubleValue).sum();
        System.out.println("| the import's CPU by thread | CPU s | share |");
        System.out.println("|---|---|---|");
        byThread.forEach((kind, seconds) -> System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f %% |%n", kind, seconds,
                100 * seconds / threadTotal));
        System.out.println();
        if (Boolean.getBoolean("bench.importOnly")) {
            System.out.printf(Locale.ROOT, "| import %,d-entry journal | %,d events | %.1f s wall | %.1f s CPU | old generation peak %,d MB, max heap %,d MB |%n",
                    summary.entries(), summary.events(), importSeconds, importCpu, peakHeapMegabytes(),
                    Runtime.getRuntime().maxMemory() >> 20);
            return;
        }
        double[] hledger = hledgerBalance(journal);
        double hledgerSeconds = hledger[0];
        // bench.freshJvms="default|-XX:TieredStopAtLevel=1": the import again in JVMs of its own, one per set of options
        String[] freshJvms = System.getProperty("bench.freshJvms", "").isBlank() ? new String[0]
                : System.getProperty("bench.freshJvms").split("\\|");
        List<double[]> fresh = new ArrayList<>();
        for (int i = 0; i < freshJvms.length; i++) {
            fresh.add(importInFreshJvm(journal, folder.resolve("fresh-" + i + ".ledger"), freshJvms[i]));
        }

        long events = summary.events();
        long rawStarted = System.nanoTime();
        double rawCpuBefore = processCpuSeconds();
        try (SqliteEventStore store = SqliteEventStore.open(folder.resolve("raw.ledger"));
             BulkAppend bulk = store.beginBulkAppend()) {
            Map<String, Long> versions = new HashMap<>();
            String payload = "{\"entryId\":\"E000001\",\"postingIndex\":1,\"date\":\"2024-03-05\",\"description\":\"Sale at store 12\","
                    + "\"amount\":{\"amount\":123.45,\"commodity\":\"EUR\"},\"cost\":{\"amount\":123.45,\"commodity\":\"EUR\"},"
                    + "\"otherAccounts\":[\"income:sales:store-12\",\"liabilities:vat:output\"],\"reversesEntryId\":null}";
            EventMetadata metadata = new EventMetadata("bench", "c", "c", "PostEntry");
            long written = 0;
            int entry = 0;
            while (written < events) {
                entry++;
                List<StreamAppend> appends = new ArrayList<>();
                for (String stream : List.of("entry-" + entry, "account-a" + (entry % accounts), "account-b" + (entry % 97))) {
                    long version = versions.getOrDefault(stream, 0L);
                    appends.add(new StreamAppend(StreamId.of(stream), ExpectedVersion.exactly(version),
                            List.of(new NewEvent("raw-" + entry + "-" + stream, "PostingRecorded", 1, payload, metadata))));
                    versions.put(stream, version + 1);
                    written++;
                }
                bulk.append(appends);
            }
            bulk.commit();
        }
        double rawSeconds = (System.nanoTime() - rawStarted) / 1e9;
        double rawCpu = processCpuSeconds() - rawCpuBefore;
        double[] sqliteFloor = plainInserts(folder.resolve("plain.sqlite"), events);

        System.out.println("| measurement | entries | events | wall s | CPU s | entries/s | events/s |");
        System.out.println("|---|---|---|---|---|---|---|");
        System.out.printf(Locale.ROOT, "| import %,d-entry journal (two passes: check, then import in one transaction) | %,d | %,d | %.1f | %.1f | %,.0f | %,.0f |%n",
                entries, summary.entries(), events, importSeconds, importCpu, summary.entries() / importSeconds,
                events / importSeconds);
        System.out.printf(Locale.ROOT, "| store bulk append of as many events, 3 streams per append, no domain | | %,d | %.1f | %.1f | | %,.0f |%n",
                events, rawSeconds, rawCpu, events / rawSeconds);
        System.out.printf(Locale.ROOT, "| plain JDBC inserts of as many rows into the ledger's events table (its 14 columns and two unique indexes), one transaction, no hashing, no streams: SQLite's own floor | | %,d | %.1f | %.1f | | %,.0f |%n",
                events, sqliteFloor[0], sqliteFloor[1], events / sqliteFloor[0]);
        System.out.printf(Locale.ROOT, "| import ÷ store bulk append | | | %.2f | %.2f | | |%n", importSeconds / rawSeconds,
                importCpu / rawCpu);
        if (hledgerSeconds > 0) {
            System.out.printf(Locale.ROOT, "| `hledger -f JOURNAL bal` (%s: parses and balances the same journal) | %,d | | %.1f | %.1f | %,.0f | |%n",
                    HLEDGER_VERSION, entries, hledgerSeconds, hledger[1], entries / hledgerSeconds);
            System.out.printf(Locale.ROOT, "| import ÷ hledger (target ≤ 1.0) | | | %.2f | %.2f | | |%n", importSeconds / hledgerSeconds,
                    importCpu / hledger[1]);
            System.out.printf(Locale.ROOT, "| store bulk append alone ÷ hledger (the floor of the ratio above) | | | %.2f | %.2f | | |%n",
                    rawSeconds / hledgerSeconds, rawCpu / hledger[1]);
            System.out.printf(Locale.ROOT, "| plain SQLite inserts alone ÷ hledger (the floor below the store) | | | %.2f | %.2f | | |%n",
                    sqliteFloor[0] / hledgerSeconds, sqliteFloor[1] / hledger[1]);
            for (int i = 0; i < freshJvms.length; i++) {
                System.out.printf(Locale.ROOT, "| import in a JVM of its own, as the command line runs it (whole process), options: `%s` | %,d | | %.1f | %.1f | | |%n",
                        freshJvms[i], entries, fresh.get(i)[0], fresh.get(i)[1]);
                System.out.printf(Locale.ROOT, "| its ÷ hledger (target ≤ 1.0) | | | %.2f | %.2f | | |%n",
                        fresh.get(i)[0] / hledgerSeconds, fresh.get(i)[1] / hledger[1]);
            }
        } else {
            System.out.println("| `hledger bal` | hledger is not installed: no reference | | | | |");
        }
        System.out.printf(Locale.ROOT, "%nmax heap %d MB, old generation peak %d MB", Runtime.getRuntime().maxMemory() >> 20,
                peakHeapMegabytes());
        System.out.printf(Locale.ROOT, "; machine: %d cores, Java %s, %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), System.getProperty("os.name"));
    }
}
