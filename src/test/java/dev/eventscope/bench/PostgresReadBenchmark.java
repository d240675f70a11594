package dev.eventscope.bench;

import dev.eventscope.application.BookkeepingCodec;
import dev.eventscope.codec.EventCodec;
import dev.eventscope.domain.ledger.AccountEvent.PostingRecorded;
import dev.eventscope.eventstore.BulkAppend;
import dev.eventscope.eventstore.EventCursor;
import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.EventRows;
import dev.eventscope.eventstore.ExpectedVersion;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.StreamAppend;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.eventstore.postgres.PostgresEventStore;
import dev.eventscope.eventstore.postgres.PostgresLedgerUrl;
import dev.eventscope.eventstore.postgres.TestPostgres;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole-ledger read of a PostgreSQL ledger ({@code readAll}: binary {@code COPY} read one page ahead), with and
 * without decoding every event into its {@code PostingRecorded} on the caller's thread as a projection rebuild does,
 * paired in the same rounds with what the machine gives the same rows without the store: a plain JDBC read through a
 * server-side portal (fetch size 2,000, every column taken), pgjdbc reading the same binary {@code COPY} and doing
 * nothing with the bytes, and the server alone writing that {@code COPY} to {@code /dev/null} (no client at all: the
 * server's own rate, a bound no reader can pass). Each variant's order rotates between rounds; the table prints the
 * median events/s with the rounds' range, the CPU µs per event of the client (whole JVM; the caller's thread alone in
 * brackets) and of the server (every backend, exited ones included), and the load average around the run. On demand:
 * <pre>
 * bench/run.sh PostgresReadBenchmark [events, default 1000000] [rounds, default 3] [idle %, default 0] [minutes, default 0]
 * </pre>
 * With an idle share (say 80) each measurement first waits, at most the given minutes in all, until the machine's cores
 * were that idle for the last second (the other engineers' builds and tests come and go); every row also prints how
 * many cores the rest of the machine (neither this JVM nor the server) kept busy while it was measured.
 * Output goes to stdout because this is a command-line program, not library code.
 */
public final class PostgresReadBenchmark {

    private PostgresReadBenchmark() {
    }

    public static void main(String[] arguments) throws Exception {
        System.out.println("| measurement | result |");
        System.out.println("|---|---|");
        run(arguments.length > 0 ? Integer.parseInt(arguments[0]) : 1_000_000, arguments.length > 1 ? Integer.parseInt(arguments[1]) : 3,
                arguments.length > 2 ? Integer.parseInt(arguments[2]) : 0, arguments.length > 3 ? Integer.parseInt(arguments[3]) : 0);
    }

    /** One way of reading the whole ledger; returns the number of events (rows) read. */
    @FunctionalInterface
    private interface Reader {
        long read() throws Exception;
    }

    private record Variant(String name, Reader reader) {
    }

    static void run(int events, int rounds) throws Exception {
        run(events, rounds, 0, 0);
    }

    static void run(int events, int rounds, int idlePercent, int waitMinutes) throws Exception {
        long waitUntil = System.nanoTime() + waitMinutes * 60_000_000_000L;
        PostgresLedgerUrl ledger = TestPostgres.freshLedger();
        EventCodec codec = BookkeepingCodec.create();
        write(ledger, codec, events);
        String select = "SELECT " + EventRows.COLUMNS + " FROM " + ledger.schema() + ".events e WHERE e.position > 0 ORDER BY e.position";
        String loadBefore = loadAverage();
        try (PostgresEventStore store = PostgresEventStore.open(ledger); Connection admin = TestPostgres.admin()) {
            List<Variant> variants = List.of(
                    new Variant("store readAll, each event decoded into its PostingRecorded on the caller's thread (issue's"
                            + " target: at least 200,000)", () -> storeRead(store, codec, true)),
                    new Variant("store readAll, events only", () -> storeRead(store, null, false)),
                    new Variant("reference: raw JDBC read of the same rows and columns (server-side portal, fetch size 2,000,"
                            + " each column taken, nothing built)", () -> rawJdbc(select)),
                    new Variant("reference: pgjdbc reading the same binary COPY, bytes only (nothing parsed or built)",
                            () -> rawCopy(select)),
                    new Variant("bound: the server alone, COPY (same SELECT) TO '/dev/null' (FORMAT binary), no client",
                            () -> serverAlone(admin, select)));
            int n = variants.size();
            double[][] rate = new double[n][rounds];
            double[][] client = new double[n][rounds];
            double[][] caller = new double[n][rounds];
            double[][] server = new double[n][rounds];
            double[][] others = new double[n][rounds];
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            com.sun.management.OperatingSystemMXBean process =
                    (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            variants.get(0).reader().read(); // warm-up: the JIT's first compilations are not the store's cost
            for (int round = 0; round < rounds; round++) {
                for (int k = 0; k < n; k++) {
                    int v = (k + round) % n;
                    while (idlePercent > 0 && System.nanoTime() < waitUntil && MachineCpu.idleShareOverOneSecond() * 100 < idlePercent) {
                        System.err.print(".");
                    }
                    long[] machineBefore = MachineCpu.ticks();
                    long serverBefore = PostgresStoreBenchmark.serverCpuNanos(admin);
                    long clientBefore = process.getProcessCpuTime();
                    long callerBefore = threads.getCurrentThreadCpuTime();
                    long start = System.nanoTime();
                    long read = variants.get(v).reader().read();
                    long elapsed = System.nanoTime() - start;
                    long[] machineAfter = MachineCpu.ticks();
                    long clientNanos = process.getProcessCpuTime() - clientBefore;
                    long callerNanos = threads.getCurrentThreadCpuTime() - callerBefore;
                    Thread.sleep(300); // the reading backend has exited and been counted into the server's total
                    long serverNanos = PostgresStoreBenchmark.serverCpuNanos(admin) - serverBefore;
                    others[v][round] = MachineCpu.otherCores(machineBefore, machineAfter, elapsed, clientNanos + serverNanos);
                    if (read != events) {
                        throw new IllegalStateException(variants.get(v).name() + " read " + read + " events, wrote " + events);
                    }
                    rate[v][round] = read / (elapsed / 1e9);
                    client[v][round] = clientNanos / 1e3 / read;
                    caller[v][round] = callerNanos / 1e3 / read;
                    server[v][round] = serverNanos / 1e3 / read;
                    System.err.printf("round %d: %s: %.0f events/s%n", round + 1, variants.get(v).name(), rate[v][round]);
                }
            }
            row("load average (1, 5, 15 min) before / after the rounds (2 cores)", loadBefore + " / " + loadAverage());
            for (int v = 0; v < n; v++) {
                row(String.format("%s: events/s, median of %d (rounds)", variants.get(v).name(), rounds),
                        String.format("**%,.0f** (%,.0f–%,.0f)", PostgresStoreBenchmark.median(rate[v]), PostgresStoreBenchmark.min(rate[v]),
                                PostgresStoreBenchmark.max(rate[v])));
                double c = PostgresStoreBenchmark.median(client[v]);
                double s = PostgresStoreBenchmark.median(server[v]);
                row("… CPU µs per event: client JVM (its calling thread) / server; CPU-bound rate on one core / on two free cores",
                        String.format("%.2f (%.2f) / %.2f; %,.0f / %,.0f", c, PostgresStoreBenchmark.median(caller[v]), s,
                                1e6 / (c + s), 1e6 / twoCoreBound(c, PostgresStoreBenchmark.median(caller[v]), s)));
                row("… cores the rest of the machine kept busy meanwhile (of 2), median (rounds)", String.format("%.2f (%.2f–%.2f)",
                        PostgresStoreBenchmark.median(others[v]), PostgresStoreBenchmark.min(others[v]), PostgresStoreBenchmark.max(others[v])));
            }
            ratioRow("store with decoding ÷ raw JDBC read", rate[0], rate[2]);
            ratioRow("store with decoding ÷ store events only (1: decoding costs the read nothing)", rate[0], rate[1]);
            ratioRow("store with decoding ÷ the server alone (1: the read goes as fast as the server produces the rows)", rate[0], rate[4]);
        }
    }

    /** The per-round ratio of two variants' rates (same round, so the same load), median and range. */
    private static void ratioRow(String what, double[] numerator, double[] denominator) {
        double[] ratio = new double[numerator.length];
        for (int round = 0; round < ratio.length; round++) {
            ratio[round] = numerator[round] / denominator[round];
        }
        row(what + ", per round (median, range)", String.format("%.2f (%.2f–%.2f)",
                PostgresStoreBenchmark.median(ratio), PostgresStoreBenchmark.min(ratio), PostgresStoreBenchmark.max(ratio)));
    }

    /**
     * µs per event with two free cores: the slowest of the three parties working at once (the calling thread, the rest
     * of the JVM, i.e. the cursor's reading thread, and the server), or half of all the work if that is more.
     */
    private static double twoCoreBound(double client, double caller, double server) {
        return Math.max(Math.max(caller, Math.max(client - caller, server)), (client + server) / 2);
    }

    /** {@code events} {@code PostingRecorded} events in 1,000-event appends over 100 streams, in one bulk. */
    private static void write(PostgresLedgerUrl ledger, EventCodec codec, int events) throws Exception {
        EventMetadata metadata = new EventMetadata("bench", "c", null, "PostEntry");
        try (PostgresEventStore store = PostgresEventStore.open(ledger); BulkAppend bulk = store.beginBulkAppend()) {
            for (int b = 0; b < events / 1_000; b++) {
                List<NewEvent> batch = new ArrayList<>(1_000);
                for (int i = 0; i < 1_000; i++) {
                    int sequence = b * 1_000 + i;
                    batch.add(codec.toNewEvent("read-" + sequence, AxonSideBySideBenchmark.posting(sequence), metadata));
                }
                bulk.append(List.of(new StreamAppend(StreamId.of("account-read-" + b % 100), ExpectedVersion.ANY, batch)));
            }
            bulk.commit();
        }
    }

    private static long storeRead(PostgresEventStore store, EventCodec codec, boolean decode) {
        long read = 0;
        long previous = 0;
        try (EventCursor cursor = store.readAll(0)) {
            while (cursor.hasNext()) {
                RecordedEvent event = cursor.next();
                if (event.position() != previous + 1) {
                    throw new IllegalStateException("position " + event.position() + " after " + previous);
                }
                previous = event.position();
                if (decode && !(codec.decodeValue(event).value().orElse(null) instanceof PostingRecorded)) {
                    throw new IllegalStateException("not a posting at position " + event.position());
                }
                read++;
            }
        }
        return read;
    }

    /** Every event row with plain JDBC (a server-side portal, as the store's cursor was before), taking each column. */
    private static long rawJdbc(String select) throws Exception {
        long read = 0;
        long sink = 0;
        try (Connection connection = TestPostgres.admin()) {
            connection.setAutoCommit(false);
            try (PreparedStatement query = connection.prepareStatement(select)) {
                query.setFetchSize(2_000);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        sink += rows.getLong(1) + rows.getString(2).length() + rows.getLong(3) + rows.getLong(4)
                                + rows.getString(5).length() + rows.getInt(6) + rows.getString(7).length()
                                + rows.getString(8).length() + rows.getLong(12) + rows.getBytes(13).length;
                        sink += (rows.getString(9) == null ? 0 : 1) + (rows.getString(10) == null ? 0 : 1)
                                + (rows.getString(11) == null ? 0 : 1);
                        read++;
                    }
                }
            }
            connection.rollback();
        }
        return sink == 42 ? -1 : read;
    }

    /** The same binary COPY the store reads, every message taken from pgjdbc and dropped: rows are counted by their messages. */
    private static long rawCopy(String select) throws Exception {
        long messages = 0;
        try (Connection connection = TestPostgres.admin()) {
            CopyOut copy = connection.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (" + select + ") TO STDOUT (FORMAT binary)");
            while (copy.readFromCopy() != null) {
                messages++;
            }
        }
        return messages - 1; // one message per row, the header with the first row, and the trailer on its own
    }

    /** The server writes the same COPY to /dev/null itself: no row leaves it. Returns the rows it reports. */
    private static long serverAlone(Connection admin, String select) throws Exception {
        try (Statement statement = admin.createStatement()) {
            return statement.executeUpdate("COPY (" + select + ") TO '/dev/null' (FORMAT binary)");
        }
    }

    /** The machine's CPU time from {@code /proc/stat} (10 ms ticks, every core). */
    private static final class MachineCpu {

        /** {busy, idle} ticks of all cores so far. */
        static long[] ticks() throws Exception {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
            long busy = 0;
            for (int i = 1; i <= 8; i++) {
                busy += Long.parseLong(fields[i]);
            }
            return new long[] {busy - idle, idle};
        }

        static double idleShareOverOneSecond() throws Exception {
            long[] before = ticks();
            Thread.sleep(1_000);
            long[] after = ticks();
            long busy = after[0] - before[0];
            long idle = after[1] - before[1];
            return busy + idle == 0 ? 0 : (double) idle / (busy + idle);
        }

        /** Cores kept busy by everything but this JVM and the server between two readings {@code elapsed} ns apart. */
        static double otherCores(long[] before, long[] after, long elapsed, long ownNanos) {
            long busyNanos = (after[0] - before[0]) * 10_000_000L;
            return Math.max(0, busyNanos - ownNanos) / (double) elapsed;
        }
    }

    private static String loadAverage() throws Exception {
        String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return fields[0] + ", " + fields[1] + ", " + fields[2];
    }

    private static void row(String what, String result) {
        System.out.println("| " + what + " | " + result + " |");
    }
}
