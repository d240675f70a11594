package dev.eventscope.bench;

import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.ExpectedVersion;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.eventstore.postgres.PostgresEventStore;
import dev.eventscope.eventstore.postgres.PostgresLedgerUrl;
import dev.eventscope.eventstore.postgres.TestPostgres;
import dev.eventscope.eventstore.sqlite.AppendWorker;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The promise "a desktop learns of another's append within one second", measured (the tests check that the listener is
 * told, with a generous bound; see docs/testing.md). Two figures, each over ROUNDS appends, beside the promise:
 * <ul>
 * <li>SQLite: a listener in this JVM, the appends by another JVM on the same file (AppendWorker, as in
 * ChangeNotificationTest); the time runs from asking the other JVM to append until the listener is called, so it
 * includes that JVM's append and the pipe both ways;</li>
 * <li>PostgreSQL (the embedded server, or EVENTSCOPE_TEST_PG_URL): a listening store and another store with its own
 * connections; from the append call until the listener is called (LISTEN/NOTIFY).</li>
 * </ul>
 * The times are wall clock (a latency is nothing else): run it on a quiet machine; it prints the load average it saw.
 * <pre>
 * bench/run.sh ChangeNotificationLatency [ROUNDS, default 50]
 * </pre>
 */
public final class ChangeNotificationLatency {

    private static final double PROMISE_MS = 1000;

    private ChangeNotificationLatency() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        String loadBefore = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        double[] sqlite = sqlite(rounds);
        double[] postgres = postgres(rounds);
        String loadAfter = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        System.out.printf("load average (1 min) before %s, after %s; %d appends each%n", loadBefore, loadAfter, rounds);
        System.out.printf("%-46s %9s %9s %9s %9s %9s%n", "figure (ms)", "median", "p95", "max", "promise", "max/prom");
        row("SQLite, another JVM's append (incl. the append)", sqlite);
        row("PostgreSQL, another store's append (LISTEN)", postgres);
        System.exit(0);
    }

    private static void row(String label, double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        double max = sorted[sorted.length - 1];
        System.out.printf("%-46s %9.1f %9.1f %9.1f %9.0f %9.2f%n", label, sorted[sorted.length / 2],
                sorted[(int) Math.ceil(sorted.length * 0.95) - 1], max, PROMISE_MS, max / PROMISE_MS);
    }

    private static double[] sqlite(int rounds) throws Exception {
        Path folder = Files.createTempDirectory("notification-latency");
        Path ledger = folder.resolve("watched.ledger");
        BlockingQueue<Long> heardAt = new LinkedBlockingQueue<>();
        double[] millis = new double[rounds];
        try (SqliteEventStore store = SqliteEventStore.open(ledger);
             AutoCloseable subscription = store.subscribe((from, to) -> heardAt.add(System.nanoTime()))) {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-cp", System.getProperty("java.class.path"), AppendWorker.class.getName(),
                    "on-demand", ledger.toString(), "account-watched"));
            Process writer = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try (BufferedReader output = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8));
                 Writer commands = new OutputStreamWriter(writer.getOutputStream(), StandardCharsets.UTF_8)) {
                require("READY".equals(output.readLine()), "the writing JVM did not start");
                for (int round = 0; round < rounds; round++) {
                    long asked = System.nanoTime();
                    commands.write("APPEND\n");
                    commands.flush();
                    String reply = output.readLine();
                    require(reply != null && reply.startsWith("APPENDED "), "the writing JVM failed: " + reply);
                    Long heard = heardAt.poll(60, TimeUnit.SECONDS);
                    require(heard != null, "not told of append " + (round + 1) + " within 60 s");
                    millis[round] = (heard - asked) / 1e6;
                }
            } finally {
                writer.destroyForcibly().waitFor();
            }
        }
        return millis;
    }

    private static double[] postgres(int rounds) throws Exception {
        PostgresLedgerUrl url = TestPostgres.freshLedger();
        BlockingQueue<Long> heardAt = new LinkedBlockingQueue<>();
        double[] millis = new double[rounds];
        try (PostgresEventStore watcher = PostgresEventStore.open(url);
             PostgresEventStore writer = PostgresEventStore.open(url);
             AutoCloseable subscription = watcher.subscribe((from, to) -> heardAt.add(System.nanoTime()))) {
            for (int round = 0; round < rounds; round++) {
                long asked = System.nanoTime();
                writer.append(StreamId.of("account-watched"), ExpectedVersion.ANY,
                        List.of(new NewEvent("latency-" + round, "Something", 1, "{}", EventMetadata.by("bench"))));
                Long heard = heardAt.poll(60, TimeUnit.SECONDS);
                require(heard != null, "not told of append " + (round + 1) + " within 60 s");
                millis[round] = (heard - asked) / 1e6;
            }
        }
        return millis;
    }

    private static void require(boolean condition, String failure) {
        if (!condition) {
            throw new IllegalStateException(failure);
        }
    }
}
