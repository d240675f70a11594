package dev.eventscope.bench;

import dev.eventscope.application.BookkeepingCodec;
import dev.eventscope.codec.EventCodec;
import dev.eventscope.eventstore.ExpectedVersion;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.eventstore.postgres.PostgresEventStore;
import dev.eventscope.eventstore.postgres.PostgresLedgerUrl;
import dev.eventscope.eventstore.postgres.TestPostgres;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

/**
 * One event per append, taken apart: Eventscope's append, Axon 4.13's and two plain references on the same
 * server in the same rounds (the order rotates every round), each measured by wall time, the appending thread's
 * CPU, this JVM's whole CPU, the server's client backends' CPU (scheduler nanoseconds) and the WAL bytes written
 * per append ({@code pg_current_wal_insert_lsn} before and after). The references: a plain {@code INSERT} of an
 * events-shaped row (the same columns and three unique keys) with autocommit — the least any append can cost —
 * and the same insert numbered by one head row's {@code UPDATE} in the same statement (a row lock and contiguous
 * positions, no hash, no notification, no trigger). {@code synchronous_commit=on}. On demand:
 * <pre>
 * bench/run.sh OneEventAppendAnatomy [appends per side and round, default 2000] [rounds, default 5]
 * </pre>
 */
public final class OneEventAppendAnatomy {

    private static final String DATA = "{\"entry\":\"JE-2025-1\",\"amount\":\"12.50\",\"commodity\":\"EUR\","
            + "\"description\":\"Office supplies, invoice 1\",\"others\":[\"liabilities:payable\",\"expenses:office\"]}";

    private OneEventAppendAnatomy() {
    }

    @FunctionalInterface
    private interface Side {
        void append(int sequence) throws Exception;
    }

    public static void main(String[] arguments) throws Exception {
        int count = arguments.length > 0 ? Integer.parseInt(arguments[0]) : 2_000;
        int rounds = arguments.length > 1 ? Integer.parseInt(arguments[1]) : 5;
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
             Connection raw = TestPostgres.admin();
             Connection admin = TestPostgres.admin()) {
            try (Statement statement = raw.createStatement()) {
                statement.execute("SET synchronous_commit = on");
            }
            PreparedStatement plain = raw.prepareStatement("INSERT INTO anatomy.plain" + columns
                    + " VALUES (?, ?, 1, ?, 'PostingRecorded', 1, ?, 'bench', 'c', NULL, 'PostEntry', 0, ?, ?)");
            PreparedStatement headed = raw.prepareStatement("WITH m AS (UPDATE anatomy.head SET position = position + 1"
                    + " WHERE id = 1 RETURNING position) INSERT INTO anatomy.headed" + columns
                    + " SELECT m.position, ?, 1, m.position, 'PostingRecorded', 1, ?, 'bench', 'c', NULL, 'PostEntry', 0, ?, ?"
                    + " FROM m");
            StreamId stream = StreamId.of("anatomy-es");
            int[] plainNext = {0};
            List<String> names = List.of("Eventscope, store.append (one event, exact version)",
                    "Axon 4.13, appendEvents (one event, BEGIN/INSERT/COMMIT)",
                    "reference: plain INSERT, autocommit", "reference: head UPDATE + INSERT in one statement, autocommit");
            int[] next = new int[4];
            List<Side> sides = List.of(
                    i -> store.append(stream, ExpectedVersion.exactly(i),
                            List.of(AxonSideBySideBenchmark.newEvent(codec, stream.value(), i))),
                    i -> axon.append("anatomy-axon", i, 1),
                    i -> {
                        int position = ++plainNext[0];
                        plain.setLong(1, position);
                        plain.setString(2, "plain-" + position);
                        plain.setLong(3, position);
                        plain.setString(4, DATA);
                        plain.setBytes(5, hash);
                        plain.setBytes(6, hash);
                        plain.executeUpdate();
                    },
                    i -> {
                        headed.setString(1, "headed-" + i);
                        headed.setString(2, DATA);
                        headed.setBytes(3, hash);
                        headed.setBytes(4, hash);
                        headed.executeUpdate();
                    });
            System.err.println("warming up");
            for (int s = 0; s < sides.size(); s++) {
                for (int i = 0; i < 10_000; i++) {
                    sides.get(s).append(next[s]++);
                }
            }
            // [side][measure][round]: wall, thread CPU, JVM CPU, server CPU (µs per append), WAL bytes per append
            double[][][] figures = new double[sides.size()][5][rounds];
            for (int round = 0; round < rounds; round++) {
                for (int k = 0; k < sides.size(); k++) {
                    int s = (k + round) % sides.size();
                    double[] f = measure(admin, count, sides.get(s), next, s);
                    for (int m = 0; m < 5; m++) {
                        figures[s][m][round] = f[m];
                    }
                }
                System.err.println("round " + (round + 1) + " of " + rounds);
            }
            System.out.println("| one event per append, " + count + " appends per side and round, " + rounds
                    + " rounds (median; lowest–highest) | wall µs | appending thread CPU µs | JVM CPU µs | server CPU µs"
                    + " | client + server CPU µs | WAL bytes |");
            System.out.println("|---|---|---|---|---|---|---|");
            for (int s = 0; s < sides.size(); s++) {
                double[] total = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    total[r] = figures[s][2][r] + figures[s][3][r];
                }
                System.out.printf("| %s | %s | %s | %s | %s | %s | %.0f |%n", names.get(s), spread(figures[s][0]),
                        spread(figures[s][1]), spread(figures[s][2]), spread(figures[s][3]), spread(total),
                        median(figures[s][4]));
            }
            double[] ratioWall = new double[rounds];
            double[] ratioCpu = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                ratioWall[r] = figures[1][0][r] / figures[0][0][r];
                ratioCpu[r] = (figures[1][2][r] + figures[1][3][r]) / (figures[0][2][r] + figures[0][3][r]);
            }
            System.out.printf("| Axon's ÷ Eventscope's, median of the rounds' own ratios (above 1: Eventscope faster) | %s | | | |"
                    + " %s | |%n", spreadRatio(ratioWall), spreadRatio(ratioCpu));
        }
    }

    /** {wall, thread CPU, JVM CPU, server CPU} µs per append and WAL bytes per append, of {@code count} appends. */
    private static double[] measure(Connection admin, int count, Side side, int[] next, int s) throws Exception {
        long wal = walPosition(admin);
        long[] cpu = ServerCpu.now();
        long thread = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            side.append(next[s]++);
        }
        long wall = System.nanoTime() - start;
        thread = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - thread;
        long[] used = ServerCpu.since(cpu);
        long walBytes = walPosition(admin) - wal;
        return new double[] {wall / 1e3 / count, thread / 1e3 / count, used[0] / 1e3 / count, used[1] / 1e3 / count,
                (double) walBytes / count};
    }

    private static long walPosition(Connection admin) throws Exception {
        try (Statement statement = admin.createStatement();
             ResultSet row = statement.executeQuery("SELECT pg_current_wal_insert_lsn() - '0/0'::pg_lsn")) {
            row.next();
            return row.getLong(1);
        }
    }

    private static String spread(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return String.format("%.0f (%.0f–%.0f)", sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1]);
    }

    private static String spreadRatio(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return String.format("**%.2f×** (%.2f–%.2f)", sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1]);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
