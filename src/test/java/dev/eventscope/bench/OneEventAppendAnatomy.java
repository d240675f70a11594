package dev.eventscope.bench;

import dev.eventscope.application.BookkeepingCodec;
import dev.eventscope.codec.EventCodec;
import dev.eventscope.eventstore.ExpectedVersion;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.eventstore.postgres.PostgresEventStore;
import dev.eventscope.eventstore.postgres.PostgresLedgerUrl;
import dev.eventscope.eventstore.postgres.TestPostgres;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One event per append, taken apart: Eventscope's append, Axon 4.13's and two plain references on the same
 * server, in many short rounds whose order rotates every round (and turns round every other round), so that a
 * shared machine's load falls on every side alike, each round started alike for every side ({@link SettledRounds}).
 * Each side appends through its own connection, so each side's server CPU is its own backend's alone (scheduler
 * nanoseconds from {@code /proc/PID/schedstat}); the client's is the appending thread's CPU (the store's and Axon's appends run on it; no other thread works for either) and the
 * JVM's (GC and JIT included, 10 ms ticks: a mean over the rounds). Every append's latency is kept, for p50 and
 * p99. WAL bytes per append come from {@code pg_current_wal_insert_lsn} around each side's block. The references: a
 * plain {@code INSERT} of an events-shaped row (the same columns and three unique keys) with autocommit — the
 * least any append can cost — and the same insert numbered by one head row's {@code UPDATE} in the same statement
 * (a row lock and contiguous positions; no hash, no notification, no trigger). {@code synchronous_commit=on}.
 * The last rows give, per round, Axon's figure ÷ Eventscope's (above 1: Eventscope faster) with the median, the
 * lowest and highest round and how many rounds Eventscope won. On demand:
 * <pre>
 * bench/run.sh OneEventAppendAnatomy [appends per side and round, default 200] [rounds, default 41]
 * </pre>
 */
public final class OneEventAppendAnatomy {

    private static final String DATA = "{\"entry\":\"JE-2025-1\",\"amount\":\"12.50\",\"commodity\":\"EUR\","
            + "\"description\":\"Office supplies, invoice 1\",\"others\":[\"liabilities:payable\",\"expenses:office\"]}";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int WARM_UP = 10_000;
    /** Per side and round: appends/s, thread CPU, JVM CPU, server CPU (µs per append), WAL bytes per append. */
    private static final int RATE = 0;
    private static final int THREAD = 1;
    private static final int JVM = 2;
    private static final int SERVER = 3;
    private static final int WAL = 4;

    private OneEventAppendAnatomy() {
    }

    @FunctionalInterface
    private interface Append {
        void append(int sequence) throws Exception;
    }

    /** One side: its appends and the server processes that do its work. */
    private record Side(String name, Append append, long[] backends) {
    }

    public static void main(String[] arguments) throws Exception {
        int count = arguments.length > 0 ? Integer.parseInt(arguments[0]) : 200;
        int rounds = arguments.length > 1 ? Integer.parseInt(arguments[1]) : 41;
        EventCodec codec = BookkeepingCodec.create();
        PostgresLedgerUrl url = AxonSideBySideBenchmark.freshServer();
        try (Connection admin = TestPostgres.admin(); Statement statement = admin.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS anatomy CASCADE");
            statement.execute("CREATE SCHEMA anatomy");
            for (String table : List.of("plain", "headed")) {
                statement.execute("CREATE TABLE anatomy." + table + " (position bigint PRIMARY KEY, event_id text NOT NULL UNIQUE,"
                        + " stream_key bigint NOT NULL, version bigint NOT NULL, type text NOT NULL, schema_version integer NOT NULL,"
                        + " data text NOT NULL, user_name text NOT NULL, correlation_id text, causation_id text, command_name text,"
                        + " recorded_at bigint NOT NULL, prev_hash bytea NOT NULL, hash bytea NOT NULL, UNIQUE (stream_key, version))");
            }
            statement.execute("CREATE TABLE anatomy.head (id integer PRIMARY KEY, position bigint NOT NULL)");
            statement.execute("INSERT INTO anatomy.head VALUES (1, 0)");
        }
        String columns = " (position, event_id, stream_key, version, type, schema_version, data, user_name, correlation_id,"
                + " causation_id, command_name, recorded_at, prev_hash, hash)";
        byte[] hash = new byte[32];
        try (PostgresEventStore store = PostgresEventStore.open(url);
             AxonSideBySideBenchmark.AxonSide axon = new AxonSideBySideBenchmark.AxonSide(codec);
             Connection plainConnection = TestPostgres.admin();
             Connection headedConnection = TestPostgres.admin();
             Connection admin = TestPostgres.admin()) {
            for (Connection connection : List.of(plainConnection, headedConnection)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET synchronous_commit = on");
                }
            }
            PreparedStatement plain = plainConnection.prepareStatement("INSERT INTO anatomy.plain" + columns
                    + " VALUES (?, ?, 1, ?, 'PostingRecorded', 1, ?, 'bench', 'c', NULL, 'PostEntry', 0, ?, ?)");
            PreparedStatement headed = headedConnection.prepareStatement("WITH m AS (UPDATE anatomy.head SET position = position + 1"
                    + " WHERE id = 1 RETURNING position) INSERT INTO anatomy.headed" + columns
                    + " SELECT m.position, ?, 1, m.position, 'PostingRecorded', 1, ?, 'bench', 'c', NULL, 'PostEntry', 0, ?, ?"
                    + " FROM m");
            StreamId stream = StreamId.of("anatomy-es");
            Append eventscope = i -> store.append(stream, ExpectedVersion.exactly(i),
                    List.of(AxonSideBySideBenchmark.newEvent(codec, stream.value(), i)));
            eventscope.append(0); // opens the store's writer connection, whose backend is then found by its name
            int[] plainNext = {0};
            List<Side> sides = List.of(
                    new Side("Eventscope, store.append (one event, exact version, hash chain)", eventscope,
                            backends(admin, "eventscope")),
                    new Side("Axon 4.13, appendEvents (one event, BEGIN/INSERT/COMMIT)", i -> axon.append("anatomy-axon", i, 1),
                            new long[] {axon.backendPid()}),
                    new Side("reference: plain INSERT, autocommit", i -> {
                        int position = ++plainNext[0];
                        plain.setLong(1, position);
                        plain.setString(2, "plain-" + position);
                        plain.setLong(3, position);
                        plain.setString(4, DATA);
                        plain.setBytes(5, hash);
                        plain.setBytes(6, hash);
                        plain.executeUpdate();
                    }, new long[] {ServerCpu.backendPid(plainConnection)}),
                    new Side("reference: head UPDATE + INSERT in one statement, autocommit", i -> {
                        headed.setString(1, "headed-" + i);
                        headed.setString(2, DATA);
                        headed.setBytes(3, hash);
                        headed.setBytes(4, hash);
                        headed.executeUpdate();
                    }, new long[] {ServerCpu.backendPid(headedConnection)}));
            int[] next = {1, 0, 0, 0};
            // since session 17 every round starts alike for every side (SettledRounds); the warm-up follows a
            // checkpoint, so that it pays the first change of each page after it, written whole to the WAL
            String tables = url.schema() + ".events, " + url.schema() + ".ledger_head, " + url.schema() + ".stream_names,"
                    + " axon_bench.domainevententry, anatomy.plain, anatomy.headed, anatomy.head";
            SettledRounds.checkpoint(admin);
            System.err.println("warming up, " + WARM_UP + " appends per side");
            for (int s = 0; s < sides.size(); s++) {
                for (int i = 0; i < WARM_UP; i++) {
                    sides.get(s).append().append(next[s]++);
                }
            }
            double[][][] figures = new double[sides.size()][5][rounds];
            long[][] latencies = new long[sides.size()][count * rounds];
            for (int round = 0; round < rounds; round++) {
                SettledRounds.settle(admin, tables);
                for (int k = 0; k < sides.size(); k++) {
                    // rotate the first side every round, and turn the order round every other round
                    int s = round % 2 == 0 ? (k + round / 2) % sides.size() : (sides.size() - 1 - k + round / 2) % sides.size();
                    double[] f = measure(admin, count, sides.get(s), next, s, latencies[s], round * count);
                    for (int m = 0; m < f.length; m++) {
                        figures[s][m][round] = f[m];
                    }
                }
                if ((round + 1) % 10 == 0 || round + 1 == rounds) {
                    System.err.println("round " + (round + 1) + " of " + rounds);
                }
            }
            print(sides, figures, latencies, count, rounds);
        }
    }

    /** The server processes of the connections named {@code applicationName} (the store's reader and writer). */
    static long[] backends(Connection admin, String applicationName) throws SQLException {
        List<Long> pids = new ArrayList<>();
        try (PreparedStatement query = admin.prepareStatement("SELECT pid FROM pg_stat_activity WHERE application_name = ?")) {
            query.setString(1, applicationName);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    pids.add(rows.getLong(1));
                }
            }
        }
        return pids.stream().mapToLong(Long::longValue).toArray();
    }

    /** {appends/s, thread CPU, JVM CPU, server CPU (µs per append), WAL bytes per append} of {@code count} appends. */
    private static double[] measure(Connection admin, int count, Side side, int[] next, int s, long[] latencies, int at)
            throws Exception {
        long wal = walPosition(admin);
        long server = ServerCpu.processNanos(side.backends());
        long jvm = ServerCpu.jvmNanos();
        long thread = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long before = start;
        for (int i = 0; i < count; i++) {
            side.append().append(next[s]++);
            long after = System.nanoTime();
            latencies[at + i] = after - before;
            before = after;
        }
        long wall = before - start;
        thread = THREADS.getCurrentThreadCpuTime() - thread;
        jvm = ServerCpu.jvmNanos() - jvm;
        server = ServerCpu.processNanos(side.backends()) - server;
        long walBytes = walPosition(admin) - wal;
        return new double[] {count / (wall / 1e9), thread / 1e3 / count, jvm / 1e3 / count, server / 1e3 / count,
                (double) walBytes / count};
    }

    private static void print(List<Side> sides, double[][][] figures, long[][] latencies, int count, int rounds) {
        System.out.println("| one event per append: " + rounds + " rounds of " + count + " appends per side (median of rounds;"
                + " lowest–highest round) | appends/s | latency p50 / p99 µs | appending thread CPU µs | server CPU µs"
                + " (own backend) | thread + server CPU µs | JVM CPU µs (mean) | WAL bytes |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (int s = 0; s < sides.size(); s++) {
            double[][] f = figures[s];
            System.out.printf("| %s | %s | %.0f / %.0f | %s | %s | %s | %.0f | %.0f |%n", sides.get(s).name(), spread(f[RATE], "%,.0f"),
                    percentile(latencies[s], 50) / 1e3, percentile(latencies[s], 99) / 1e3, spread(f[THREAD], "%.0f"),
                    spread(f[SERVER], "%.0f"), spread(sum(f[THREAD], f[SERVER]), "%.0f"), mean(f[JVM]), median(f[WAL]));
        }
        double[] byRate = new double[rounds];
        double[] byCpu = new double[rounds];
        double[] byServer = new double[rounds];
        double[] byClient = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            byRate[r] = figures[0][RATE][r] / figures[1][RATE][r];
            byCpu[r] = (figures[1][THREAD][r] + figures[1][SERVER][r]) / (figures[0][THREAD][r] + figures[0][SERVER][r]);
            byServer[r] = figures[1][SERVER][r] / figures[0][SERVER][r];
            byClient[r] = figures[1][THREAD][r] / figures[0][THREAD][r];
        }
        System.out.println();
        System.out.println("| Axon ÷ Eventscope, per round (above 1: Eventscope faster) | median | lowest–highest round"
                + " | rounds Eventscope faster |");
        System.out.println("|---|---|---|---|");
        ratioRow("appends/s (Eventscope's ÷ Axon's)", byRate);
        ratioRow("CPU per append, appending thread + own backend", byCpu);
        ratioRow("… server CPU (own backend) alone", byServer);
        ratioRow("… appending thread CPU alone", byClient);
        for (int p : new int[] {50, 99}) {
            System.out.printf("| latency p%d, all rounds: Axon's ÷ Eventscope's | %.2f× | | |%n", p,
                    (double) percentile(latencies[1], p) / percentile(latencies[0], p));
        }
    }

    private static void ratioRow(String what, double[] ratios) {
        double[] sorted = ratios.clone();
        Arrays.sort(sorted);
        long won = Arrays.stream(ratios).filter(r -> r > 1).count();
        System.out.printf("| %s | **%.2f×** | %.2f–%.2f | %d of %d |%n", what, sorted[sorted.length / 2], sorted[0],
                sorted[sorted.length - 1], won, ratios.length);
    }

    private static long walPosition(Connection admin) throws Exception {
        try (Statement statement = admin.createStatement();
             ResultSet row = statement.executeQuery("SELECT pg_current_wal_insert_lsn() - '0/0'::pg_lsn")) {
            row.next();
            return row.getLong(1);
        }
    }

    private static double[] sum(double[] a, double[] b) {
        double[] sum = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            sum[i] = a[i] + b[i];
        }
        return sum;
    }

    private static String spread(double[] values, String format) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return String.format(format + " (" + format + "–" + format + ")", sorted[sorted.length / 2], sorted[0],
                sorted[sorted.length - 1]);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(0);
    }

    private static long percentile(long[] values, int percent) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }
}
