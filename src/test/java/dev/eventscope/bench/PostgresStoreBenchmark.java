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
