package dev.eventscope.bench;

import dev.eventscope.eventstore.BulkAppend;
import dev.eventscope.eventstore.ConcurrencyConflict;
import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.ExpectedVersion;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.StreamAppend;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.eventstore.postgres.PostgresEventStore;
import dev.eventscope.eventstore.postgres.PostgresLedgerUrl;
import dev.eventscope.eventstore.postgres.TestPostgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the PostgreSQL store's one row lock ({@code ledger_head ... FOR UPDATE}) costs: single-command
 * append latency, 8 concurrent writers on uncontested and contested streams, batched appends, and a
 * raw JDBC single-row insert into a plain table for scale. Runs on the embedded server (or
 * {@code EVENTSCOPE_TEST_PG_URL}) and prints a Markdown table. On demand, never in CI:
 * <pre>
 * bench/run.sh PostgresStoreBenchmark [appends per writer]
 * </pre>
 * Output goes to stdout because this is a command-line program, not library code.
 */
public final class PostgresStoreBenchmark {

    private static final String DATA = "{\"amount\":\"12.50\",\"commodity\":\"EUR\",\"description\":\"a typical posting of about a hundred bytes\"}";

    private PostgresStoreBenchmark() {
    }

    public static void main(String[] arguments) throws Exception {
        int appends = arguments.length > 0 ? Integer.parseInt(arguments[0]) : 1_000;
        PostgresLedgerUrl url = TestPostgres.freshLedger();
        if (TestPostgres.isEmbedded()) {
            // the embedded server turns synchronous_commit off for speed; a real ledger's commits wait for the disk
            try (Connection admin = TestPostgres.admin(); Statement statement = admin.createStatement()) {
                statement.execute("ALTER ROLE CURRENT_USER SET synchronous_commit = on");
            }
        }
        System.out.println("| measurement | result |");
        System.out.println("|---|---|");
        try (Connection admin = TestPostgres.admin(); Statement statement = admin.createStatement();
             java.sql.ResultSet row = statement.executeQuery("SHOW synchronous_commit")) {
            row.next();
            row("server", (TestPostgres.isEmbedded() ? "embedded PostgreSQL 17.5" : "EVENTSCOPE_TEST_PG_URL")
                    + ", synchronous_commit=" + row.getString(1));
        }
        try (PostgresEventStore store = PostgresEventStore.open(url)) {
            single(store, "warm-up", 200);
            long[] latencies = single(store, "single", appends);
            row("1 writer, 1 event per append: p50 / p99 latency", millis(percentile(latencies, 50)) + " / "
                    + millis(percentile(latencies, 99)) + " ms");
            row("1 writer: appends/s", String.format("%.0f", appends / (sum(latencies) / 1e9)));
        }
        concurrent(url, 8, appends / 4, false);
        concurrent(url, 8, appends / 4, true);
        try (PostgresEventStore store = PostgresEventStore.open(url)) {
            long start = System.nanoTime();
            int batches = 20;
            try (BulkAppend bulk = store.beginBulkAppend()) {
                for (int b = 0; b < batches; b++) {
                    bulk.append(List.of(new StreamAppend(StreamId.of("batch-" + b), ExpectedVersion.NO_STREAM,
                            events("batch-" + b, 1_000))));
                }
                bulk.commit();
            }
            row("batched append (1,000 events per append, one bulk): events/s",
                    String.format("%.0f", batches * 1_000 / ((System.nanoTime() - start) / 1e9)));
        }
        rawInsert(appends);
        batchedAgainstRaw(url, 100_000);
    }

    /**
     * Batched appends (1,000 events each, one transaction) against the best raw JDBC can do with the
     * same rows into a plain table (one multi-row insert from unnest arrays per 1,000 rows, one
     * transaction); then the whole-ledger read through the server-side cursor.
     */
    private static void batchedAgainstRaw(PostgresLedgerUrl url, int events) throws Exception {
        PostgresLedgerUrl fresh = TestPostgres.freshLedger();
        long start = System.nanoTime();
        try (PostgresEventStore store = PostgresEventStore.open(fresh); BulkAppend bulk = store.beginBulkAppend()) {
            for (int b = 0; b < events / 1_000; b++) {
                bulk.append(List.of(new StreamAppend(StreamId.of("bulk-" + b), ExpectedVersion.NO_STREAM, events("bulk-" + b, 1_000))));
            }
            bulk.commit();
        }
        double storeSeconds = (System.nanoTime() - start) / 1e9;
        double rawSeconds;
        try (Connection connection = TestPostgres.admin(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMPORARY TABLE raw_events (position bigint PRIMARY KEY, event_id text UNIQUE,"
                    + " stream text, version bigint, type text, data text, user_name text, correlation_id text,"
                    + " command_name text, recorded_at bigint, prev_hash bytea, hash bytea)");
            connection.setAutoCommit(false);
            start = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO raw_events SELECT * FROM unnest(?::bigint[],"
                    + " ?::text[], ?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[],"
                    + " ?::bytea[], ?::bytea[])")) {
                for (int b = 0; b < events / 1_000; b++) {
                    Long[] positions = new Long[1_000];
                    String[] ids = new String[1_000];
                    String[] streams = new String[1_000];
                    Long[] versions = new Long[1_000];
                    String[] types = new String[1_000];
                    String[] data = new String[1_000];
                    String[] users = new String[1_000];
                    String[] correlations = new String[1_000];
                    String[] commands = new String[1_000];
                    Long[] times = new Long[1_000];
                    byte[][] hashes = new byte[1_000][];
                    for (int i = 0; i < 1_000; i++) {
                        positions[i] = (long) b * 1_000 + i + 1;
                        ids[i] = "raw-" + b + "-" + i;
                        streams[i] = "bulk-" + b;
                        versions[i] = (long) i + 1;
                        types[i] = "PostingRecorded";
                        data[i] = DATA;
                        users[i] = "bench";
                        correlations[i] = "c";
                        commands[i] = "PostEntry";
                        times[i] = System.currentTimeMillis() * 1_000;
                        hashes[i] = new byte[32];
                    }
                    insert.setArray(1, connection.createArrayOf("bigint", positions));
                    insert.setArray(2, connection.createArrayOf("text", ids));
                    insert.setArray(3, connection.createArrayOf("text", streams));
                    insert.setArray(4, connection.createArrayOf("bigint", versions));
                    insert.setArray(5, connection.createArrayOf("text", types));
                    insert.setArray(6, connection.createArrayOf("text", data));
                    insert.setArray(7, connection.createArrayOf("text", users));
                    insert.setArray(8, connection.createArrayOf("text", correlations));
                    insert.setArray(9, connection.createArrayOf("text", commands));
                    insert.setArray(10, connection.createArrayOf("bigint", times));
                    insert.setArray(11, connection.createArrayOf("bytea", hashes));
                    insert.setArray(12, connection.createArrayOf("bytea", hashes));
                    insert.executeUpdate();
                }
            }
            connection.commit();
            rawSeconds = (System.nanoTime() - start) / 1e9;
        }
        row(String.format("batched append of %,d events (1,000 per append, hash chain on): events/s", events),
                String.format("%.0f", events / storeSeconds));
        row("raw JDBC, same rows, multi-row insert from unnest arrays per 1,000: events/s",
                String.format("%.0f", events / rawSeconds));
        row("ratio store ÷ raw (issue's target: at least 0.6)", String.format("%.2f", rawSeconds / storeSeconds));
        try (PostgresEventStore store = PostgresEventStore.open(fresh)) {
            start = System.nanoTime();
            long read = 0;
            try (dev.eventscope.eventstore.EventCursor cursor = store.readAll(0)) {
                while (cursor.hasNext()) {
                    cursor.next();
                    read++;
                }
            }
            row(String.format("whole-ledger read of %,d events through the server-side cursor, no decode: events/s", read),
                    String.format("%.0f", read / ((System.nanoTime() - start) / 1e9)));
        }
    }

    private static long[] single(PostgresEventStore store, String prefix, int count) throws ConcurrencyConflict {
        long[] latencies = new long[count];
        StreamId stream = StreamId.of("account-" + prefix);
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            store.append(stream, ExpectedVersion.ANY, events(prefix + "-" + i, 1));
            latencies[i] = System.nanoTime() - start;
        }
        return latencies;
    }

    private static void concurrent(PostgresLedgerUrl url, int writers, int perWriter, boolean contested) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        AtomicLong conflicts = new AtomicLong();
        List<Future<long[]>> results = new ArrayList<>();
        long start = System.nanoTime();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            results.add(pool.submit(() -> {
                long[] latencies = new long[perWriter];
                try (PostgresEventStore store = PostgresEventStore.open(url)) {
                    StreamId stream = StreamId.of((contested ? "contested-" + (writer % 2) : "own-" + writer) + "-" + contested);
                    for (int i = 0; i < perWriter; i++) {
                        long began = System.nanoTime();
                        while (true) {
                            try {
                                store.append(stream, ExpectedVersion.exactly(store.streamVersion(stream)),
                                        events("w" + writer + "-" + contested + "-" + i, 1));
                                break;
                            } catch (ConcurrencyConflict conflict) {
                                conflicts.incrementAndGet();
                            }
                        }
                        latencies[i] = System.nanoTime() - began;
                    }
                }
                return latencies;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<long[]> result : results) {
            for (long latency : result.get()) {
                all.add(latency);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long[] latencies = all.stream().mapToLong(Long::longValue).toArray();
        String kind = contested ? "contested (2 streams)" : "uncontested (own stream each)";
        row(writers + " writers, " + kind + ": commands/s", String.format("%.0f", latencies.length / seconds)
                + (contested ? " (" + conflicts.get() + " conflicts retried)" : ""));
        row(writers + " writers, " + kind + ": p50 / p99 command latency (read version + append)",
                millis(percentile(latencies, 50)) + " / " + millis(percentile(latencies, 99)) + " ms");
    }

    /** For scale: one row per autocommitted INSERT into a plain table of the same columns, no lock, no checks. */
    private static void rawInsert(int count) throws Exception {
        try (Connection connection = TestPostgres.admin(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMPORARY TABLE plain_events (position bigserial PRIMARY KEY, event_id text UNIQUE,"
                    + " stream text, version bigint, type text, data text, user_name text, recorded_at bigint, hash bytea)");
            long[] latencies = new long[count];
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO plain_events (event_id, stream, version,"
                    + " type, data, user_name, recorded_at, hash) VALUES (?, 'account-raw', ?, 'Posted', ?, 'bench', 0, ?)")) {
                for (int i = 0; i < count; i++) {
                    long start = System.nanoTime();
                    insert.setString(1, "raw-" + i);
                    insert.setLong(2, i);
                    insert.setString(3, DATA);
                    insert.setBytes(4, new byte[32]);
                    insert.executeUpdate();
                    latencies[i] = System.nanoTime() - start;
                }
            }
            row("raw JDBC single-row INSERT (no lock, no checks, no chain): p50 / p99", millis(percentile(latencies, 50))
                    + " / " + millis(percentile(latencies, 99)) + " ms");
        }
    }

    private static List<NewEvent> events(String prefix, int count) {
        List<NewEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(new NewEvent(prefix + "-" + i, "PostingRecorded", 1, DATA, new EventMetadata("bench", "c", null, "PostEntry")));
        }
        return events;
    }

    private static long percentile(long[] values, int percent) {
        List<Long> sorted = new ArrayList<>();
        for (long value : values) {
            sorted.add(value);
        }
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }

    private static long sum(long[] values) {
        long total = 0;
        for (long value : values) {
            total += value;
        }
        return total;
    }

    private static String millis(long nanos) {
        return String.format("%.2f", nanos / 1e6);
    }

    private static void row(String what, String result) {
        System.out.println("| " + what + " | " + result + " |");
    }
}
