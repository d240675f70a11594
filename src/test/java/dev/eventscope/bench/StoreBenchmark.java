package dev.eventscope.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eventscope.eventstore.ConcurrencyConflict;
import dev.eventscope.eventstore.Direction;
import dev.eventscope.eventstore.EventCursor;
import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.ExpectedVersion;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.StreamAppend;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.eventstore.sqlite.SqliteOptions;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Measures the SQLite event store against raw JDBC on the same rows, in one run, on temporary files,
 * and prints a Markdown table. Run on demand (never in CI):
 * <pre>
 * mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt \
 *   &amp;&amp; java -cp target/test-classes:target/classes:$(cat target/cp.txt) dev.eventscope.bench.StoreBenchmark [--events N] [--dir D]
 * </pre>
 * Output goes to stdout because this is a command-line program, not library code.
 */
public final class StoreBenchmark {

    private static final int STORE_BATCH = 1_000;
    private static final int EVENTS_PER_STREAM = 100;
    private static final String HASH_PLACEHOLDER = "0".repeat(64);
    /**
     * Raw JDBC runs with SQLite's default page size, with the store's (16 KiB since session 10) and with SQLite's
     * largest, and the fastest is the reference: the store's page size must not make raw JDBC look slower than it can be.
     */
    private static final int[] RAW_PAGE_SIZES = {4_096, 16_384, 65_536};
    /** The rounds have settled when the last one raised no measurement's best rate by CPU more than this. */
    private static final double SETTLED = 0.02;
    /** Rounds run at most beyond --rounds while waiting for the rounds to settle. */
    private static final int MORE_ROUNDS = 5;

    /** How events are spread over streams: 100 consecutive per stream, or round-robin over all streams. */
    enum Layout { BLOCKED, INTERLEAVED }

    /** One row of the result table. */
    record Row(String measurement, String result, String target, String note) {
    }

    private final int events;
    private final int rounds;
    private final int streams;
    private final Path directory;
    private final PrintStream out;
    private final List<Row> rows = new ArrayList<>();
    /** How many rounds ran, and whether they settled before the cap (see {@link #run}). */
    private int roundsRun;
    private boolean roundsSettled;
    /** The append cells side by side (printed under the table): each store figure beside both raw references. */
    private final List<String> summary = new ArrayList<>();
    private final String[] payloads = new String[997];
    private final String metadataJson;
    private final EventMetadata metadata = new EventMetadata("bench", "correlation-0001", "causation-0001", "PostEntry");

    private StoreBenchmark(int events, int rounds, Path directory, PrintStream out) {
        this.events = events;
        this.rounds = rounds;
        this.streams = Math.max(1, events / EVENTS_PER_STREAM);
        this.directory = directory;
        this.out = out;
        for (int i = 0; i < payloads.length; i++) {
            String json = "{\"entryId\":\"entry-" + i + "\",\"date\":\"2024-03-" + (10 + i % 18)
                    + "\",\"description\":\"Invoice " + i + " for consulting services rendered in March\","
                    + "\"amount\":{\"amount\":\"" + (1000 + i) + ".25\",\"commodity\":\"EUR\"},"
                    + "\"account\":\"assets:receivable:customer-" + i % 50 + "\",\"memo\":\"";
            payloads[i] = json + "x".repeat(Math.max(0, 298 - json.length())) + "\"}";
        }
        metadataJson = "{\"user\":\"bench\",\"correlationId\":\"correlation-0001\",\"causationId\":\"causation-0001\","
                + "\"commandName\":\"PostEntry\"}";
    }

    public static void main(String[] arguments) throws Exception {
        int events = 1_000_000;
        int rounds = 2;
        Path directory = null;
        boolean appendsOnly = false;
        for (int i = 0; i < arguments.length; i++) {
            switch (arguments[i]) {
                case "--appends-only" -> appendsOnly = true;
                case "--events" -> events = Integer.parseInt(arguments[++i].replace("_", "").replace(",", ""));
                case "--dir" -> directory = Path.of(arguments[++i]);
                case "--rounds" -> rounds = Integer.parseInt(arguments[++i]);
                default -> throw new IllegalArgumentException("usage: StoreBenchmark [--events N] [--rounds R] [--dir DIRECTORY] [--appends-only]");
            }
        }
        Path work = directory == null ? Files.createTempDirectory("store-benchmark") : Files.createDirectories(directory);
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        try {
            new StoreBenchmark(events, rounds, work, out).run(appendsOnly);
        } finally {
            deleteRecursively(work);
        }
    }

    /** Runs every measurement, or with {@code appendsOnly} only (a) and (b), the append ratios. */
    private void run(boolean appendsOnly) throws Exception {
        progress("machine: " + machine());
        warmUp();
        Path blockedLedger = directory.resolve("blocked.ledger");
        Path interleavedLedger = directory.resolve("interleaved.ledger");
        // Raw and store runs alternate, and the best of the rounds counts, so that load from other
        // processes on a shared machine hurts neither side more than the other.
        //
        // Every side is warmed by the same rule (session 21): the rounds go on past --rounds until the last one raised no
        // measurement's best rate by CPU more than SETTLED (the JIT's work on either side is done, so its best stands), at
        // most MORE_ROUNDS more. The first round (cold: only the 20,000-event warm-up before it) and the best of the first
        // --rounds rounds (the method before session 21) are kept too and printed beside the settled figure.
        Map<String, double[]> best = new LinkedHashMap<>();
        Map<String, double[]> cold = new LinkedHashMap<>();
        Map<String, double[]> early = new LinkedHashMap<>();
        int round = 0;
        boolean settled = false;
        while (!settled && round < rounds + MORE_ROUNDS) {
            round++;
            Map<String, double[]> before = new LinkedHashMap<>(best);
            int thisRound = round;
            java.util.function.BiConsumer<String, double[]> keep = (key, measured) -> {
                keepBest(best, key, measured);
                if (thisRound == 1) {
                    keepBest(cold, key, measured);
                }
                if (thisRound <= rounds) {
                    keepBest(early, key, measured);
                }
            };
            for (Layout layout : Layout.values()) {
                Path ledger = layout == Layout.BLOCKED ? blockedLedger : interleavedLedger;
                deleteLedgerFiles(ledger);
                rawInserts(keep, layout, 1_000);
                keep.accept("raw ledger " + layout + " 1000", rawLedgerInsert(layout, 1_000));
                keep.accept("store " + layout + " NORMAL", storeAppend(ledger, layout, SqliteOptions.Synchronous.NORMAL));
                rawInserts(keep, layout, 10_000);
                keep.accept("raw ledger " + layout + " 10000", rawLedgerInsert(layout, 10_000));
                deleteLedgerFiles(ledger);
                keep.accept("bulk " + layout, storeAppend(ledger, layout, SqliteOptions.Synchronous.NORMAL, 10));
            }
            double rise = 0;
            String risen = "";
            for (Map.Entry<String, double[]> entry : best.entrySet()) {
                double[] earlier = before.get(entry.getKey());
                double by = earlier == null ? Double.POSITIVE_INFINITY : entry.getValue()[1] / earlier[1] - 1;
                if (by > rise) {
                    rise = by;
                    risen = entry.getKey();
                }
            }
            settled = round >= Math.max(2, rounds) && rise <= SETTLED;
            progress(String.format("round %d: the largest rise of a best rate by CPU %.1f %% (%s)%s", round, rise * 100, risen,
                    settled ? ": settled" : ""));
        }
        roundsRun = round;
        roundsSettled = settled;
        for (Map<String, double[]> measured : List.of(cold, early)) {
            for (Layout layout : Layout.values()) {
                for (int batch : new int[] {1_000, 10_000}) {
                    measured.put("raw " + layout + " " + batch, bestOf(measured, layout, batch));
                }
            }
        }
        for (Layout layout : Layout.values()) {
            for (int batch : new int[] {1_000, 10_000}) {
                for (int pageSize : RAW_PAGE_SIZES) {
                    double[] raw = best.get("raw " + layout + " " + batch + " " + pageSize);
                    rows.add(new Row("(a) raw JDBC insert, " + layoutName(layout) + ", " + String.format("%,d", batch)
                            + " rows/transaction, " + pageSize / 1024 + " KiB pages", rates(raw) + "; with close: "
                            + ratesClosed(raw), "baseline", "WAL, synchronous=NORMAL, cache 256 MB, wal_autocheckpoint=100000,"
                            + " batched prepared insert"));
                }
                // the reference at this transaction size is the fastest page size, whichever it was in this run
                best.put("raw " + layout + " " + batch, bestOf(best, layout, batch));
            }
        }
        for (Layout layout : Layout.values()) {
            for (int batch : new int[] {1_000, 10_000}) {
                rows.add(new Row("(a') raw JDBC writing what the store holds, into a ledger the store made, " + layoutName(layout)
                        + ", " + String.format("%,d", batch) + " rows/transaction", rates(best.get("raw ledger " + layout + " " + batch))
                        + "; with close: " + ratesClosed(best.get("raw ledger " + layout + " " + batch)), "like-with-like baseline",
                        "the store's tables (ledger schema 3) and 16 KiB pages; SHA-256 link, new streams' rows and head once"
                        + " per transaction; tuned like (a)"));
            }
        }
        for (Layout layout : Layout.values()) {
            rows.add(new Row("(b) store appendAll, " + layoutName(layout) + ", 1,000 events/append, synchronous=NORMAL",
                    rates(best.get("store " + layout + " NORMAL")) + "; with close: "
                            + ratesClosed(best.get("store " + layout + " NORMAL")), "≥ 0.6 × raw",
                    "exact expected version per stream"));
        }
        for (Layout layout : Layout.values()) {
            rows.add(new Row("(b) store bulk append, " + layoutName(layout) + ", 1,000 events/append, 10 appends (10,000 events)"
                    + "/transaction, synchronous=NORMAL", rates(best.get("bulk " + layout)) + "; with close: "
                    + ratesClosed(best.get("bulk " + layout)), "≥ 0.6 × raw", "exact expected version per stream"));
        }
        for (Layout layout : Layout.values()) {
            ratio("(b) store appendAll ÷ raw at the same 1,000 rows/transaction, " + layoutName(layout) + ", timed to the last commit",
                    best.get("store " + layout + " NORMAL"), best.get("raw " + layout + " 1000"));
            ratio("(b) store bulk append ÷ raw at the same 10,000 rows/transaction, " + layoutName(layout)
                    + ", timed to the last commit", best.get("bulk " + layout), best.get("raw " + layout + " 10000"));
        }
        for (Layout layout : Layout.values()) {
            double[] raw1000 = best.get("raw " + layout + " 1000");
            double[] raw10000 = best.get("raw " + layout + " 10000");
            double[] store = best.get("store " + layout + " NORMAL");
            ratio("(b) store ÷ best raw, " + layoutName(layout) + ", timed to the last commit", store,
                    new double[] {Math.max(raw1000[0], raw10000[0]), Math.max(raw1000[1], raw10000[1])});
            ratio("(b) store ÷ best raw, " + layoutName(layout) + ", timed to the close (WAL checkpointed into the file)",
                    new double[] {store[2], store[3]},
                    new double[] {Math.max(raw1000[2], raw10000[2]), Math.max(raw1000[3], raw10000[3])});
            // both sides at their better transaction size: appendAll commits every 1,000 events, the bulk append (what an
            // import uses) every 10,000, as raw JDBC does at its two sizes
            double[] bulk = best.get("bulk " + layout);
            ratio("(b) store's better batched append (appendAll or bulk) ÷ best raw, " + layoutName(layout)
                    + ", timed to the last commit", new double[] {Math.max(store[0], bulk[0]), Math.max(store[1], bulk[1])},
                    new double[] {Math.max(raw1000[0], raw10000[0]), Math.max(raw1000[1], raw10000[1])});
        }
        for (Layout layout : Layout.values()) {
            double[] rawLedger1000 = best.get("raw ledger " + layout + " 1000");
            double[] rawLedger10000 = best.get("raw ledger " + layout + " 10000");
            ratio("(b') store appendAll ÷ raw JDBC writing what the store holds, same 1,000 rows/transaction, " + layoutName(layout),
                    best.get("store " + layout + " NORMAL"), rawLedger1000);
            ratio("(b') store bulk append ÷ raw JDBC writing what the store holds, same 10,000 rows/transaction, "
                    + layoutName(layout), best.get("bulk " + layout), rawLedger10000);
            double[] bestRaw = {Math.max(best.get("raw " + layout + " 1000")[0], best.get("raw " + layout + " 10000")[0]),
                    Math.max(best.get("raw " + layout + " 1000")[1], best.get("raw " + layout + " 10000")[1])};
            double[] bestRawLedger = {Math.max(rawLedger1000[0], rawLedger10000[0]), Math.max(rawLedger1000[1], rawLedger10000[1])};
            rows.add(new Row("(a'÷a) the price of what a ledger holds: best raw writing it ÷ best plain raw, " + layoutName(layout),
                    String.format("%.2f (by CPU time: %.2f)", bestRawLedger[0] / bestRaw[0], bestRawLedger[1] / bestRaw[1]),
                    "diagnostic", "the ceiling of \"store ÷ best raw\" for any store that holds what a ledger holds"));
        }
        summarise(best, cold, early);
        if (appendsOnly) {
            printTable();
            return;
        }
        for (Layout layout : Layout.values()) {
            // a timing split: how much of the gap is the store's smaller WAL checkpoint interval alone
            rows.add(new Row("(a) raw JDBC insert, " + layoutName(layout) + ", 1,000 rows/transaction, wal_autocheckpoint=10000"
                    + " (the store's setting before session 10), 4 KiB pages", rates(rawInsert(layout, 1_000, 10_000, 4_096)),
                    "diagnostic", "one run; not a baseline"));
        }
        Path fullLedger = directory.resolve("blocked-full.ledger");
        rows.add(new Row("(b) store appendAll, " + layoutName(Layout.BLOCKED) + ", 1,000 events/append, synchronous=FULL",
                rates(storeAppend(fullLedger, Layout.BLOCKED, SqliteOptions.Synchronous.FULL)), "", "one run"));
        deleteLedgerFiles(fullLedger);

        appendLatency(SqliteOptions.Synchronous.FULL);
        appendLatency(SqliteOptions.Synchronous.NORMAL);

        fullRead(blockedLedger, true);
        fullRead(blockedLedger, false);

        streamRead(interleavedLedger);
        printTable();
    }

    private void printTable() throws Exception {
        out.println();
        out.println("Machine: " + machine());
        out.println("Events: " + String.format("%,d", events) + " (~300-byte JSON payload), " + String.format("%,d", streams)
                + " streams of " + EVENTS_PER_STREAM + " events; best of " + roundsRun + " alternating rounds for (a) and (b) ("
                + (roundsSettled ? "settled: the last raised no best rate by CPU more than " : "NOT settled: the last still raised a best"
                + " rate by CPU more than ") + Math.round(SETTLED * 100) + " %; at least " + rounds + ", at most " + (rounds + MORE_ROUNDS)
                + "); files in " + directory);
        out.println();
        out.println("| measurement | result | target | note |");
        out.println("|---|---|---|---|");
        for (Row row : rows) {
            out.println("| " + row.measurement() + " | " + row.result() + " | " + row.target() + " | " + row.note() + " |");
        }
        if (!summary.isEmpty()) {
            out.println();
            out.println("The append cells of the table above side by side, events/s by wall (by CPU in brackets), timed to the last"
                    + " commit; the store beside raw JDBC at its own number of rows per transaction (best page size) and beside"
                    + " the best raw (any page size, either transaction size); target ≥ 0.6 × best raw:");
            out.println();
            out.println("| layout | store append | store | raw at the same rows/transaction | store ÷ raw, same rows/transaction"
                    + " | best raw | **store ÷ best raw** | (a') at the same rows/transaction | store ÷ (a') | store ÷ best raw,"
                    + " first round (cold) | store ÷ best raw, best of the first " + rounds + " rounds (the method before session 21) |");
            out.println("|---|---|---|---|---|---|---|---|---|---|---|");
            summary.forEach(out::println);
        }
    }

    /** Fills {@link #summary}: per layout, appendAll (1,000 rows/transaction) and the bulk append (10,000). */
    private void summarise(Map<String, double[]> best, Map<String, double[]> cold, Map<String, double[]> early) {
        for (Layout layout : Layout.values()) {
            double[] raw1000 = best.get("raw " + layout + " 1000");
            double[] raw10000 = best.get("raw " + layout + " 10000");
            double[] bestRaw = {Math.max(raw1000[0], raw10000[0]), Math.max(raw1000[1], raw10000[1])};
            for (int batch : new int[] {1_000, 10_000}) {
                double[] store = best.get(batch == 1_000 ? "store " + layout + " NORMAL" : "bulk " + layout);
                double[] raw = batch == 1_000 ? raw1000 : raw10000;
                double[] rawLedger = best.get("raw ledger " + layout + " " + batch);
                summary.add("| " + layoutName(layout) + " | " + (batch == 1_000 ? "`appendAll`, 1,000 events/transaction"
                        : "bulk, 10,000 events/transaction") + " | " + pair(store[0], store[1]) + " | " + pair(raw[0], raw[1])
                        + " | " + ratioPair(store, raw) + " | " + pair(bestRaw[0], bestRaw[1]) + " | **" + ratioPair(store, bestRaw)
                        + "** | " + pair(rawLedger[0], rawLedger[1]) + " | " + ratioPair(store, rawLedger) + " | "
                        + ratioToBestRaw(cold, layout, batch) + " | " + ratioToBestRaw(early, layout, batch) + " |");
            }
        }
    }

    /** Store ÷ best raw (wall, CPU) of one set of measurements: the first round's, or the first --rounds rounds'. */
    private static String ratioToBestRaw(Map<String, double[]> measured, Layout layout, int batch) {
        double[] raw1000 = measured.get("raw " + layout + " 1000");
        double[] raw10000 = measured.get("raw " + layout + " 10000");
        double[] store = measured.get(batch == 1_000 ? "store " + layout + " NORMAL" : "bulk " + layout);
        return ratioPair(store, new double[] {Math.max(raw1000[0], raw10000[0]), Math.max(raw1000[1], raw10000[1])});
    }

    private static String pair(double wall, double cpu) {
        return String.format("%,.0f (%,.0f)", wall, cpu);
    }

    private static String ratioPair(double[] store, double[] raw) {
        return String.format("%.2f (%.2f)", store[0] / raw[0], store[1] / raw[1]);
    }

    /** Runs every code path once on a small ledger so that the JIT has compiled them before anything is timed. */
    private void warmUp() throws Exception {
        StoreBenchmark small = new StoreBenchmark(Math.min(events, 20_000), 1, directory.resolve("warm-up"), out);
        Files.createDirectories(small.directory);
        small.rawInsert(Layout.BLOCKED, 1_000, 100_000, 4_096);
        for (Layout layout : Layout.values()) {
            // once, untimed: the like-with-like reference writes a ledger the store reads and verifies
            Path rawLedger = small.directory.resolve("raw-ledger.ledger");
            small.rawLedgerInsert(layout, 1_000, rawLedger);
            small.rawLedger(layout).check(rawLedger);
            deleteLedgerFiles(rawLedger);
        }
        Path ledger = small.directory.resolve("warm-up.ledger");
        // every append path the rounds time, in both layouts, so that the JIT has compiled the store's code before
        // the first round: at 100,000 events a round is about a second of CPU
        for (Layout layout : Layout.values()) {
            deleteLedgerFiles(ledger);
            small.storeAppend(ledger, layout, SqliteOptions.Synchronous.NORMAL, 10);
            deleteLedgerFiles(ledger);
            small.storeAppend(ledger, layout, SqliteOptions.Synchronous.NORMAL);
        }
        small.fullRead(ledger, true);
        small.fullRead(ledger, false);
        deleteRecursively(small.directory);
        progress("warm-up done");
    }

    /** The i-th event of a layout: which stream it belongs to and its version there. */
    private long[] streamAndVersion(Layout layout, long index) {
        return layout == Layout.BLOCKED
                ? new long[] {index / EVENTS_PER_STREAM, index % EVENTS_PER_STREAM + 1}
                : new long[] {index % streams, index / streams + 1};
    }

    /** Raw JDBC inserts at {@code batch} rows per transaction with each page size of {@link #RAW_PAGE_SIZES}. */
    private void rawInserts(java.util.function.BiConsumer<String, double[]> keep, Layout layout, int batch)
            throws SQLException, IOException {
        for (int pageSize : RAW_PAGE_SIZES) {
            keep.accept("raw " + layout + " " + batch + " " + pageSize, rawInsert(layout, batch, 100_000, pageSize));
        }
    }

    private static double[] bestOf(Map<String, double[]> best, Layout layout, int batch) {
        double[] better = new double[4];
        for (int pageSize : RAW_PAGE_SIZES) {
            double[] measured = best.get("raw " + layout + " " + batch + " " + pageSize);
            for (int i = 0; i < better.length; i++) {
                better[i] = Math.max(better[i], measured[i]);
            }
        }
        return better;
    }

    private double[] rawInsert(Layout layout, int batch, int checkpointPages, int pageSize) throws SQLException, IOException {
        Path file = directory.resolve("raw-" + layout + "-" + batch + ".sqlite");
        long started;
        long elapsed;
        long cpuStarted;
        long cpu;
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA page_size=" + pageSize);
                statement.execute("PRAGMA journal_mode=WAL");
                statement.execute("PRAGMA synchronous=NORMAL");
                statement.execute("PRAGMA cache_size=-262144");
                statement.execute("PRAGMA wal_autocheckpoint=" + checkpointPages);
                statement.execute("PRAGMA temp_store=MEMORY");
                statement.execute("CREATE TABLE events(position INTEGER PRIMARY KEY, event_id TEXT NOT NULL UNIQUE,"
                        + " stream_id TEXT NOT NULL, version INTEGER NOT NULL, type TEXT NOT NULL, schema_version INTEGER NOT NULL,"
                        + " data TEXT NOT NULL, metadata TEXT NOT NULL, recorded_at INTEGER NOT NULL, hash TEXT NOT NULL,"
                        + " UNIQUE(stream_id, version))");
            }
            connection.setAutoCommit(false);
            started = System.nanoTime();
            cpuStarted = cpuNanos();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO events(position, event_id, stream_id,"
                    + " version, type, schema_version, data, metadata, recorded_at, hash) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
                for (int i = 0; i < events; i++) {
                    long[] place = streamAndVersion(layout, i);
                    insert.setLong(1, i + 1L);
                    insert.setString(2, "event-" + i);
                    insert.setString(3, "account-" + place[0]);
                    insert.setLong(4, place[1]);
                    insert.setString(5, "PostingRecorded");
                    insert.setInt(6, 1);
                    insert.setString(7, payloads[i % payloads.length]);
                    insert.setString(8, metadataJson);
                    insert.setLong(9, 1_700_000_000_000_000L + i);
                    insert.setString(10, HASH_PLACEHOLDER);
                    insert.addBatch();
                    if ((i + 1) % batch == 0 || i + 1 == events) {
                        insert.executeBatch();
                        connection.commit();
                    }
                }
            }
            elapsed = System.nanoTime() - started;
            cpu = cpuNanos() - cpuStarted;
        }
        // closing the last connection checkpoints the whole WAL into the file: timed apart, as for the store
        long elapsedClosed = System.nanoTime() - started;
        long cpuClosed = cpuNanos() - cpuStarted;
        deleteLedgerFiles(file);
        double[] measured = {events / (elapsed / 1e9), events / (cpu / 1e9), events / (elapsedClosed / 1e9),
                events / (cpuClosed / 1e9)};
        progress("raw " + layout + " batch " + batch + ", " + pageSize + "-byte pages: " + rates(measured));
        return measured;
    }

    private RawLedgerInsert rawLedger(Layout layout) {
        return new RawLedgerInsert(events, payloads, metadata, index -> streamAndVersion(layout, index));
    }

    private double[] rawLedgerInsert(Layout layout, int batch) throws SQLException, IOException {
        Path ledger = directory.resolve("raw-ledger-" + layout + "-" + batch + ".ledger");
        double[] measured = rawLedgerInsert(layout, batch, ledger);
        deleteLedgerFiles(ledger);
        return measured;
    }

    private double[] rawLedgerInsert(Layout layout, int batch, Path ledger) throws SQLException, IOException {
        deleteLedgerFiles(ledger);
        double[] measured = rawLedger(layout).run(ledger, batch);
        progress("raw ledger " + layout + " batch " + batch + ": " + rates(measured));
        return measured;
    }

    private double[] storeAppend(Path ledger, Layout layout, SqliteOptions.Synchronous synchronous) throws ConcurrencyConflict {
        return storeAppend(ledger, layout, synchronous, 1);
    }

    /**
     * Appends every event, 1,000 per call: with {@code appendsPerTransaction} 1 each call is its own
     * {@code appendAll}; above 1, calls go through bulk appends of that many calls each, so that one
     * transaction holds as many rows as raw JDBC's larger batch.
     */
    private double[] storeAppend(Path ledger, Layout layout, SqliteOptions.Synchronous synchronous, int appendsPerTransaction)
            throws ConcurrencyConflict {
        long started;
        long cpuStarted;
        long elapsed;
        long cpu;
        try (EventStore store = SqliteEventStore.open(ledger, SqliteOptions.defaults().withSynchronous(synchronous))) {
            // timed from an open, empty ledger, as raw JDBC is timed from its created table
            started = System.nanoTime();
            cpuStarted = cpuNanos();
            dev.eventscope.eventstore.BulkAppend bulk = null;
            int appendsInBulk = 0;
            for (int first = 0; first < events; first += STORE_BATCH) {
                Map<Long, List<NewEvent>> byStream = new LinkedHashMap<>();
                Map<Long, Long> firstVersion = new LinkedHashMap<>();
                for (int i = first; i < Math.min(events, first + STORE_BATCH); i++) {
                    long[] place = streamAndVersion(layout, i);
                    firstVersion.putIfAbsent(place[0], place[1]);
                    byStream.computeIfAbsent(place[0], key -> new ArrayList<>()).add(
                            new NewEvent("event-" + i, "PostingRecorded", 1, payloads[i % payloads.length], metadata));
                }
                List<StreamAppend> appends = new ArrayList<>(byStream.size());
                byStream.forEach((stream, list) -> appends.add(new StreamAppend(StreamId.of("account-" + stream),
                        ExpectedVersion.exactly(firstVersion.get(stream) - 1), list)));
                if (appendsPerTransaction == 1) {
                    store.appendAll(appends);
                } else {
                    if (bulk == null) {
                        bulk = store.beginBulkAppend();
                    }
                    bulk.append(appends);
                    if (++appendsInBulk == appendsPerTransaction || first + STORE_BATCH >= events) {
                        bulk.commit();
                        bulk.close();
                        bulk = null;
                        appendsInBulk = 0;
                    }
                }
            }
            elapsed = System.nanoTime() - started;
            cpu = cpuNanos() - cpuStarted;
        }
        long elapsedClosed = System.nanoTime() - started;
        long cpuClosed = cpuNanos() - cpuStarted;
        double[] measured = {events / (elapsed / 1e9), events / (cpu / 1e9), events / (elapsedClosed / 1e9),
                events / (cpuClosed / 1e9)};
        progress("store " + layout + " " + synchronous + " " + appendsPerTransaction + " appends/transaction: " + rates(measured));
        return measured;
    }

    private void appendLatency(SqliteOptions.Synchronous synchronous) throws ConcurrencyConflict, IOException {
        Path ledger = directory.resolve("latency-" + synchronous + ".ledger");
        int appends = 2_000;
        long[] nanos = new long[appends];
        try (EventStore store = SqliteEventStore.open(ledger, SqliteOptions.defaults().withSynchronous(synchronous))) {
            long[] versions = new long[100];
            for (int i = 0; i < appends; i++) {
                int stream = i % versions.length;
                NewEvent event = new NewEvent("latency-" + i, "PostingRecorded", 1, payloads[i % payloads.length], metadata);
                long started = System.nanoTime();
                store.append(StreamId.of("account-" + stream), ExpectedVersion.exactly(versions[stream]), List.of(event));
                nanos[i] = System.nanoTime() - started;
                versions[stream]++;
            }
        }
        deleteLedgerFiles(ledger);
        Arrays.sort(nanos);
        String result = "p50 " + millis(nanos[appends / 2]) + ", p99 " + millis(nanos[appends * 99 / 100]);
        rows.add(new Row("(c) single-event append latency, synchronous=" + synchronous, result, "",
                "2,000 appends, exact expected version, 100 streams"));
        progress("latency " + synchronous + ": " + result);
    }

    private void fullRead(Path ledger, boolean decode) throws IOException {
        ObjectMapper json = new ObjectMapper();
        double[] best = {0, 0};
        try (EventStore store = SqliteEventStore.openReadOnly(ledger)) {
            for (int run = 0; run < 2; run++) {
                long started = System.nanoTime();
                long cpuStarted = cpuNanos();
                long count = 0;
                long checksum = 0;
                try (EventCursor cursor = store.readAll(0)) {
                    while (cursor.hasNext()) {
                        RecordedEvent event = cursor.next();
                        checksum += decode ? json.readTree(event.data()).size() : event.data().length();
                        count++;
                    }
                }
                if (count != events || checksum == 0) {
                    throw new IllegalStateException("read " + count + " events, expected " + events);
                }
                best[0] = Math.max(best[0], count / ((System.nanoTime() - started) / 1e9));
                best[1] = Math.max(best[1], count / ((cpuNanos() - cpuStarted) / 1e9));
            }
        }
        String verdict = !decode ? "" : best[0] >= 300_000 ? "met" : best[1] >= 300_000
                ? "**missed** by wall clock, met by CPU time" : "**missed**";
        rows.add(new Row("(d) readAll of the whole ledger, " + (decode ? "with Jackson readTree of data" : "no decode"),
                rates(best), decode ? "≥ 300,000 events/s" : "", ("best of 2 runs; the caller decodes while the cursor reads"
                + " the next page of 2,000 on a second thread " + verdict).trim()));
        progress("full read decode=" + decode + ": " + rates(best));
    }

    private void streamRead(Path ledger) throws ConcurrencyConflict {
        int bigSize = Math.min(100_000, Math.max(STORE_BATCH, events / 10));
        StreamId big = StreamId.of("account-big");
        try (EventStore store = SqliteEventStore.open(ledger, SqliteOptions.defaults().withSynchronous(SqliteOptions.Synchronous.NORMAL))) {
            for (int first = 0; first < bigSize; first += STORE_BATCH) {
                List<NewEvent> batch = new ArrayList<>();
                for (int i = first; i < first + STORE_BATCH; i++) {
                    batch.add(new NewEvent("big-" + i, "PostingRecorded", 1, payloads[i % payloads.length], metadata));
                }
                store.append(big, ExpectedVersion.exactly(first), batch);
            }
            long[] small = new long[21];
            for (int run = 0; run < small.length; run++) {
                StreamId stream = StreamId.of("account-" + (run * 7919L % streams));
                long started = System.nanoTime();
                int size = store.readStream(stream, 1, Direction.FORWARD, 1_000).size();
                small[run] = System.nanoTime() - started;
                check(size == Math.min(EVENTS_PER_STREAM, events), "small stream size " + size);
            }
            long[] large = new long[5];
            for (int run = 0; run < large.length; run++) {
                long started = System.nanoTime();
                int size = store.readStream(big, 1, Direction.FORWARD, Integer.MAX_VALUE).size();
                large[run] = System.nanoTime() - started;
                check(size == bigSize, "big stream size " + size);
            }
            Arrays.sort(small);
            Arrays.sort(large);
            rows.add(new Row("(e) readStream of one 100-event stream among " + String.format("%,d", streams) + " interleaved",
                    "p50 " + millis(small[small.length / 2]), "", "21 different streams"));
            rows.add(new Row("(e) readStream of one " + String.format("%,d", bigSize) + "-event stream",
                    "p50 " + millis(large[large.length / 2]) + " (" + rate(bigSize / (large[large.length / 2] / 1e9)) + ")", "",
                    "5 runs, whole stream into a list"));
            progress("stream reads: small p50 " + millis(small[small.length / 2]) + ", big p50 " + millis(large[large.length / 2]));
        }
    }

    private void ratio(String measurement, double[] store, double[] raw) {
        double wall = store[0] / raw[0];
        double cpu = store[1] / raw[1];
        rows.add(new Row(measurement, String.format("%.2f (by CPU time: %.2f)", wall, cpu), "≥ 0.60",
                wall >= 0.6 ? "met" : cpu >= 0.6 ? "**missed** by wall clock, met by CPU time" : "**missed**"));
    }



    private String machine() throws Exception {
        String cpu = "unknown CPU";
        Path cpuInfo = Path.of("/proc/cpuinfo");
        if (Files.exists(cpuInfo)) {
            cpu = Files.readAllLines(cpuInfo).stream().filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse(cpu);
        }
        String memory = "unknown memory";
        Path memInfo = Path.of("/proc/meminfo");
        if (Files.exists(memInfo)) {
            memory = Files.readAllLines(memInfo).stream().filter(line -> line.startsWith("MemTotal"))
                    .map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024 / 1024 + " GiB RAM").findFirst().orElse(memory);
        }
        String sqlite;
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:");
             ResultSet result = connection.createStatement().executeQuery("SELECT sqlite_version()")) {
            result.next();
            sqlite = result.getString(1);
        }
        return Runtime.getRuntime().availableProcessors() + " CPUs (" + cpu + "), " + memory + ", Java "
                + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ", max heap "
                + Runtime.getRuntime().maxMemory() / 1024 / 1024 + " MiB), SQLite " + sqlite + ", " + System.getProperty("os.name")
                + " " + System.getProperty("os.version");
    }

    static long cpuNanos() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /**
     * Wall-clock rate, and the rate by this thread's CPU time (SQLite runs in the calling thread), which other
     * load on the machine disturbs less.
     */
    private static String rates(double[] wallAndCpu) {
        return rate(wallAndCpu[0]) + " (by CPU time: " + rate(wallAndCpu[1]) + ")";
    }

    /** The rates of an append run timed to its connection's close, which checkpoints what is left in the WAL. */
    private static String ratesClosed(double[] measured) {
        return rate(measured[2]) + " (by CPU time: " + rate(measured[3]) + ")";
    }

    private static void keepBest(Map<String, double[]> best, String key, double[] measured) {
        best.merge(key, measured, (old, now) -> {
            double[] better = new double[old.length];
            for (int i = 0; i < old.length; i++) {
                better[i] = Math.max(old[i], now[i]);
            }
            return better;
        });
    }

    private static String layoutName(Layout layout) {
        return layout == Layout.BLOCKED ? "100 consecutive events per stream" : "fully interleaved streams";
    }

    private static String rate(double perSecond) {
        return String.format("%,.0f events/s", perSecond);
    }

    private static String millis(long nanos) {
        return String.format("%.2f ms", nanos / 1e6);
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("benchmark sanity check failed: " + what);
        }
    }

    private void progress(String message) {
        System.err.println("[bench] " + message);
    }

    private static void deleteLedgerFiles(Path file) throws IOException {
        for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
            Files.deleteIfExists(Path.of(file + suffix));
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
