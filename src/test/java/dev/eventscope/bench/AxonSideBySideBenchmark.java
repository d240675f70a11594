package dev.eventscope.bench;

import dev.eventscope.application.BookkeepingCodec;
import dev.eventscope.codec.EventCodec;
import dev.eventscope.domain.ledger.AccountEvent.PostingRecorded;
import dev.eventscope.domain.ledger.EntryId;
import dev.eventscope.domain.ledger.Money;
import dev.eventscope.eventstore.Direction;
import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.ExpectedVersion;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.eventstore.postgres.PostgresEventStore;
import dev.eventscope.eventstore.postgres.PostgresLedgerUrl;
import dev.eventscope.eventstore.postgres.TestPostgres;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.serialization.json.JacksonSerializer;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Eventscope's PostgreSQL store side by side with Axon Framework 4.13's {@code JdbcEventStorageEngine}
 * on the same PostgreSQL server, with the same events: real {@code PostingRecorded} events, written by
 * Eventscope's codec and by Axon's {@code JacksonSerializer} over the same Jackson mapper (so the payloads
 * are the same JSON). Eventscope appends with its hash chain on and its row lock; Axon with its own
 * schema ({@code PostgresEventTableFactory}), one connection held across the run and explicit
 * transactions (what a Spring transaction manager gives it), and a fetch batch of 1,000 rows like
 * Eventscope's pages. Loading an aggregate is reading its stream and decoding every payload, without
 * snapshots, in both. {@code synchronous_commit=on} for both. Each append measurement runs in
 * {@value #ROUNDS} rounds ({@value #ONE_EVENT_ROUNDS} for one event per append) that alternate which side goes
 * first (a shared machine's load then falls on both), after both sides' tables are vacuumed, and prints each
 * side's median rate and the median, lowest and highest of the rounds' own ratios; the one-event row also
 * each side's CPU per append as {@code OneEventAppendAnatomy} counts it (the appending thread and the side's
 * own server processes). The loads alternate the two sides at every iteration and print p50 and p99. Prints a
 * Markdown table:
 * <pre>
 * bench/run.sh AxonSideBySideBenchmark [events to append, default 100000]
 * </pre>
 * Axon lives in the test scope and only in this benchmark (an ArchUnit rule keeps it out of src/main).
 */
public final class AxonSideBySideBenchmark {

    private static final String AGGREGATE_TYPE = "Account";
    private static final int ROUNDS = 5;
    /**
     * Rounds of the one-event row: its sides differ by a few per cent, and five rounds of about a second each spanned
     * 0.77–1.09 on a quiet machine (session 14), so it runs in more, shorter rounds.
     */
    private static final int ONE_EVENT_ROUNDS = 40;
    private static final EventMetadata METADATA = new EventMetadata("bench", "c", null, "PostEntry");

    private AxonSideBySideBenchmark() {
    }

    public static void main(String[] arguments) throws Exception {
        int events = arguments.length > 0 ? Integer.parseInt(arguments[0]) : 100_000;
        EventCodec codec = BookkeepingCodec.create();
        PostgresLedgerUrl url = freshServer();
        try (PostgresEventStore store = PostgresEventStore.open(url); AxonSide axon = new AxonSide(codec);
             Connection admin = TestPostgres.admin()) {
            monitor = admin;
            System.err.println("warming up both");
            appendBatches(store, axon, codec, "warm", 20_000, 1_000);
            // one-event appends take other code than the batches on Eventscope's side (the one-event statement), on Axon's
            // the same; 10,000 each before the rounds, so that neither side's figure holds the JIT compiling its path (on a
            // loaded machine the C2 compiler thread took as much CPU as the appending thread over the first 12,000)
            appendSingles(store, axon, codec, "warm1", 10_000, ONE_EVENT_ROUNDS, false);
            load(store, axon, codec, "warm-100", 100, 50);

            for (double[] side : CPU) {
                java.util.Arrays.fill(side, 0);
            }
            vacuumed = url.schema() + ".events, " + url.schema() + ".ledger_head, " + url.schema() + ".stream_names,"
                    + " axon_bench.domainevententry";
            probe = new RoundProbe(admin, "'" + url.schema() + "', 'axon_bench'");
            // the measuring code itself (its queries, pgjdbc's parser, the formatting, /proc reads) was still being compiled
            // by C2 inside the rounds, 50 ms to 1.3 s at a time, on either side's block (-XX:+PrintCompilation, session 17)
            for (int i = 0; i < HARNESS_WARM_UP; i++) {
                ServerCpu.since(admin, ServerCpu.now(admin));
                probe.since(probe.snapshot()).describe(1);
            }
            // each side's own server processes: the store's connections (reader and writer) and Axon's one connection
            ownBackends = new long[][] {OneEventAppendAnatomy.backends(admin, "eventscope"), {axon.backendPid()}};
            own = null;
            System.out.println("| " + events + " events, embedded PostgreSQL 17.5, synchronous_commit=on | Eventscope | Axon 4.13 JdbcEventStorageEngine | Eventscope ÷ Axon: median of rounds (lowest–highest) |");
            System.out.println("|---|---|---|---|");
            vacuum(admin, url);
            row("append, 1,000 events per append (one aggregate each): events/s",
                    appendBatches(store, axon, codec, "batch", events, 1_000));
            vacuum(admin, url);
            row("append, 100 events per append: events/s", appendBatches(store, axon, codec, "batch100", events, 100));
            vacuum(admin, url);
            boolean settle = Boolean.parseBoolean(System.getProperty("bench.settle", "true"));
            int oneEventRounds = Integer.getInteger("bench.oneEventRounds", ONE_EVENT_ROUNDS);
            int singlesCount = Math.max(10_000, events / 5);
            double[][] singles = appendSingles(store, axon, codec, "single", singlesCount, oneEventRounds, settle);
            row("append, 1 event per append (a commit each" + (settle ? "; rounds settled alike" : "") + "): events/s", singles);
            sumRow(singles);
            ownRow();
            housekeepingRow(Math.max(1, singlesCount / oneEventRounds) * oneEventRounds);
            System.err.print(probe.tables());
            long[][] small = load(store, axon, codec, "load-100", 100, 300);
            latencyRows("load an aggregate of 100 events", small);
            long[][] large = load(store, axon, codec, "load-10k", 10_000, 30);
            latencyRows("load an aggregate of 10,000 events", large);
        }
    }

    /**
     * Vacuums and analyses both sides' tables before an append row, outside its rounds. Autovacuum otherwise passes
     * over the two events tables once a minute after the rows before have inserted some 100,000 events on each side
     * (1–2 s each, seen in {@code pg_stat_activity}, session 15), and a pass inside the one-event row's ten seconds
     * slows whichever side's round it meets: a third process's work in one side's figure. Both sides get it alike.
     */
    private static void vacuum(Connection admin, PostgresLedgerUrl url) throws SQLException {
        System.err.println("vacuuming both sides' tables before the next row");
        String s = url.schema() + ".";
        try (Statement statement = admin.createStatement()) {
            statement.execute("VACUUM (ANALYZE) " + s + "events, " + s + "ledger_head, " + s + "stream_names,"
                    + " axon_bench.domainevententry");
        }
    }

    /** A new ledger, {@code synchronous_commit} on for both sides, and Axon's schema made anew: where every comparison starts. */
    static PostgresLedgerUrl freshServer() throws SQLException {
        PostgresLedgerUrl url = TestPostgres.freshLedger();
        try (Connection admin = TestPostgres.admin(); Statement statement = admin.createStatement()) {
            statement.execute("ALTER ROLE CURRENT_USER SET synchronous_commit = on");
            statement.execute("DROP SCHEMA IF EXISTS axon_bench CASCADE");
            statement.execute("CREATE SCHEMA axon_bench");
        }
        return url;
    }

    /**
     * Appends {@code total} events in appends of {@code perAppend} (each to a new aggregate) on each side, in
     * {@value #ROUNDS} rounds that alternate which side goes first, so that the load of a shared machine falls
     * on both; events/s of each round, Eventscope's in [0], Axon's in [1].
     */
    private static double[][] appendBatches(PostgresEventStore store, AxonSide axon, EventCodec codec, String prefix,
                                            int total, int perAppend) throws Exception {
        int appendsPerRound = Math.max(1, total / perAppend / ROUNDS);
        double[][] rates = new double[2][ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            int first = round * appendsPerRound;
            Timed eventscope = () -> {
                for (int b = first; b < first + appendsPerRound; b++) {
                    String id = prefix + "-es-" + b;
                    store.append(StreamId.of(id), ExpectedVersion.NO_STREAM, newEvents(codec, id, perAppend));
                }
            };
            Timed axonSide = () -> {
                for (int b = first; b < first + appendsPerRound; b++) {
                    axon.append(prefix + "-axon-" + b, 0, perAppend);
                }
            };
            timeRound(rates, round, (double) appendsPerRound * perAppend, eventscope, axonSide);
        }
        return rates;
    }

    /**
     * {@code count} one-event appends to one aggregate on each side, each its own transaction and commit, in {@code rounds}
     * rounds that alternate which side goes first. With {@code settle} (the default since session 17) both sides get the
     * same, outside the timing ({@link SettledRounds}): a {@code CHECKPOINT} and {@value #UNTIMED} untimed appends each,
     * alternating, before the first round; a collection, {@code VACUUM (ANALYZE)} of both sides' tables and an idle JIT
     * before every round. Without it (the rounds before session 17) whichever side's block housekeeping falls in pays for
     * it. Each side's block is logged to standard error with what else happened in it ({@link RoundProbe}).
     */
    private static double[][] appendSingles(PostgresEventStore store, AxonSide axon, EventCodec codec, String prefix,
                                            int count, int rounds, boolean settle) throws Exception {
        StreamId stream = StreamId.of(prefix + "-es");
        int perRound = Math.max(1, count / rounds);
        double[][] rates = new double[2][rounds];
        own = new double[2][rounds];
        int[] next = {0, 0};
        Timed eventscope = () -> {
            int i = next[0]++;
            store.append(stream, ExpectedVersion.exactly(i), List.of(newEvent(codec, stream.value(), i)));
        };
        Timed axonSide = () -> axon.append(prefix + "-axon", next[1]++, 1);
        settle = settle && probe != null;
        if (settle) {
            SettledRounds.checkpoint(monitor);
            for (int i = 0; i < UNTIMED; i++) {
                eventscope.run();
                axonSide.run();
            }
        }
        for (int round = 0; round < rounds; round++) {
            if (settle) {
                SettledRounds.settle(monitor, vacuumed);
            }
            timeRound(rates, round, perRound, times(perRound, eventscope), times(perRound, axonSide));
        }
        return rates;
    }

    /** Measurements made before the rows, so that the JIT has compiled the measuring code before the rounds. */
    private static final int HARNESS_WARM_UP = 3_000;

    /** Appends per side left untimed after the one-event row's {@code CHECKPOINT}. */
    private static final int UNTIMED = 2_000;

    private static Timed times(int count, Timed once) {
        return () -> {
            for (int i = 0; i < count; i++) {
                once.run();
            }
        };
    }

    @FunctionalInterface
    private interface Timed {
        void run() throws Exception;
    }

    /** Runs both sides once, Eventscope first in even rounds and Axon first in odd ones; stores each side's rate. */
    private static void timeRound(double[][] rates, int round, double events, Timed eventscope, Timed axon) throws Exception {
        Timed[] sides = {eventscope, axon};
        int rounds = rates[0].length;
        for (int k = 0; k < 2; k++) {
            int side = round % 2 == 0 ? k : 1 - k;
            long[] before = ServerCpu.now(monitor);
            RoundProbe.Snapshot housekeeping = probe == null || own == null ? null : probe.snapshot();
            long backends = ownBackends == null ? 0 : ServerCpu.processNanos(ownBackends[side]);
            long thread = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            sides[side].run();
            rates[side][round] = events / ((System.nanoTime() - start) / 1e9);
            thread = THREADS.getCurrentThreadCpuTime() - thread;
            long[] cpu = ServerCpu.since(monitor, before);
            // CPU µs per event, client (this JVM) and server (client backends): rows [2 + side] [client, server] summed over rounds
            CPU[side][0] += cpu[0] / 1e3 / events / rounds;
            CPU[side][1] += cpu[1] / 1e3 / events / rounds;
            if (own != null && housekeeping != null) {
                own[side][round] = (thread + ServerCpu.processNanos(ownBackends[side]) - backends) / 1e3 / events;
                // the probe's queries run on the monitoring connection, whose backend is in neither side's figure
                RoundProbe.Block block = probe.since(housekeeping);
                System.err.printf("round %2d %-10s %6.0f appends/s, thread %5.1f µs, own server %5.1f µs; %s%n", round,
                        side == 0 ? "Eventscope" : "Axon", rates[side][round], thread / 1e3 / events,
                        own[side][round] - thread / 1e3 / events, block.describe((int) events));
                inside[side][0] += block.checkpoint() ? 1 : 0;
                inside[side][1] += block.autovacuums();
                inside[side][2] += block.collections();
                inside[side][3] += block.walBytes();
            }
        }
    }

    /** The kept monitoring connection (server CPU, housekeeping, the settling between rounds). */
    private static Connection monitor;
    private static RoundProbe probe;
    /** Both sides' tables, as {@code VACUUM} lists them. */
    private static String vacuumed;

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
    /** Each side's own server processes, [Eventscope, Axon]; null during the warm-up. */
    private static long[][] ownBackends;
    /**
     * Per round of the one-event row, [Eventscope, Axon]: CPU µs per append of the appending thread (where both
     * sides' appends run) and the side's own server processes, as {@code OneEventAppendAnatomy} counts it.
     */
    private static double[][] own;

    /**
     * The one-event row over all its rounds: each side's appends ÷ its summed time (every round has as many appends per
     * side), and the rounds Eventscope was faster in.
     */
    private static void sumRow(double[][] rates) {
        int rounds = rates[0].length;
        double[] secondsPerAppend = new double[2];
        int faster = 0;
        for (int round = 0; round < rounds; round++) {
            secondsPerAppend[0] += 1 / rates[0][round];
            secondsPerAppend[1] += 1 / rates[1][round];
            faster += rates[0][round] > rates[1][round] ? 1 : 0;
        }
        System.out.printf("| … all rounds together: appends ÷ summed time | %,.0f | %,.0f | %.2f× (Eventscope faster in %d of %d"
                + " rounds; %s) |%n", rounds / secondsPerAppend[0], rounds / secondsPerAppend[1],
                secondsPerAppend[1] / secondsPerAppend[0], faster, rounds, signTest(faster, rounds));
    }

    /**
     * Session 20: how likely as many rounds won (or more) would be if neither side were faster, each round a coin's
     * toss (the one-sided sign test: the chance of at least {@code wins} heads in {@code rounds} fair tosses). Below
     * 0.01, the rounds say Eventscope is faster, however small the difference; the ratio says by how much.
     */
    static String signTest(int wins, int rounds) {
        double tail = 0;
        for (int k = wins; k <= rounds; k++) {
            tail += Math.exp(logChoose(rounds, k) - rounds * Math.log(2));
        }
        return String.format(java.util.Locale.ROOT, "sign test p = %.4f", Math.min(1, tail));
    }

    private static double logChoose(int n, int k) {
        double sum = 0;
        for (int i = 1; i <= k; i++) {
            sum += Math.log(n - k + i) - Math.log(i);
        }
        return sum;
    }

    /** Per side, inside the one-event row's timed blocks: checkpoints begun, autovacuum passes, collections, WAL bytes. */
    private static final long[][] inside = new long[2][4];

    private static void housekeepingRow(int appends) {
        System.out.printf("| … inside the timed blocks: checkpoints begun, autovacuum/autoanalyze passes, JVM collections; WAL"
                + " bytes per append | %d, %d, %d; %,.0f | %d, %d, %d; %,.0f | (each block's detail on standard error) |%n",
                inside[0][0], inside[0][1], inside[0][2], (double) inside[0][3] / appends, inside[1][0], inside[1][1],
                inside[1][2], (double) inside[1][3] / appends);
    }

    /** The one-event row's CPU as the anatomy benchmark counts it, with the rounds' own ratios. */
    private static void ownRow() {
        int rounds = own[0].length;
        double[] ratios = new double[rounds];
        int cheaper = 0;
        for (int round = 0; round < rounds; round++) {
            ratios[round] = own[1][round] / own[0][round];
            cheaper += ratios[round] > 1 ? 1 : 0;
        }
        double[] sorted = ratios.clone();
        Arrays.sort(sorted);
        System.out.printf("| … CPU µs per append, appending thread + own server processes, median of rounds | %.1f | %.1f | %.2f×"
                + " (Axon's ÷ Eventscope's; rounds %.2f–%.2f; Eventscope cheaper in %d of %d; %s) |%n", median(own[0]),
                median(own[1]), median(ratios), sorted[0], sorted[rounds - 1], cheaper, rounds, signTest(cheaper, rounds));
        own = null;
    }

    /** CPU µs per event of the append row being measured, [Eventscope, Axon][client, server], mean of the rounds. */
    private static final double[][] CPU = new double[2][2];

    /** Writes one aggregate of {@code size} events on each side, then loads it {@code times} times; nanoseconds per load. */
    private static long[][] load(PostgresEventStore store, AxonSide axon, EventCodec codec, String prefix, int size,
                                 int times) throws Exception {
        StreamId stream = StreamId.of(prefix + "-es");
        for (int from = 0; from < size; from += 1_000) {
            int count = Math.min(1_000, size - from);
            store.append(stream, from == 0 ? ExpectedVersion.NO_STREAM : ExpectedVersion.exactly(from),
                    newEvents(codec, stream.value(), from, count));
        }
        for (int from = 0; from < size; from += 1_000) {
            axon.append(prefix + "-axon", from, Math.min(1_000, size - from));
        }
        long[] eventscope = new long[times];
        long[] axonTimes = new long[times];
        for (int t = 0; t < times; t++) {
            long start = System.nanoTime();
            int read = loadEventscope(store, codec, stream);
            eventscope[t] = System.nanoTime() - start;
            start = System.nanoTime();
            int axonRead = axon.load(prefix + "-axon");
            axonTimes[t] = System.nanoTime() - start;
            if (read != size || axonRead != size) {
                throw new IllegalStateException("loaded " + read + " and " + axonRead + " events, wrote " + size);
            }
        }
        return new long[][] {eventscope, axonTimes};
    }

    /** Reads the stream in pages of 1,000 and decodes each event into its record, as a repository does. */
    private static int loadEventscope(PostgresEventStore store, EventCodec codec, StreamId stream) {
        int count = 0;
        long next = 1;
        while (true) {
            List<RecordedEvent> page = store.readStream(stream, next, Direction.FORWARD, 1_000);
            for (RecordedEvent event : page) {
                if (!(codec.decodeValue(event).value().orElse(null) instanceof PostingRecorded)) {
                    throw new IllegalStateException("not a posting at version " + event.version());
                }
                count++;
                next = event.version() + 1;
            }
            if (page.size() < 1_000) {
                return count;
            }
        }
    }

    private static List<NewEvent> newEvents(EventCodec codec, String stream, int count) {
        return newEvents(codec, stream, 0, count);
    }

    private static List<NewEvent> newEvents(EventCodec codec, String stream, int from, int count) {
        List<NewEvent> events = new ArrayList<>(count);
        for (int i = from; i < from + count; i++) {
            events.add(newEvent(codec, stream, i));
        }
        return events;
    }

    static NewEvent newEvent(EventCodec codec, String stream, int sequence) {
        return codec.toNewEvent(stream + "-" + sequence, posting(sequence), METADATA);
    }

    /** A posting of the size a real one has: entry id, date, description, amount and cost, two other accounts. */
    static PostingRecorded posting(int sequence) {
        Money amount = new Money(BigDecimal.valueOf(1_250 + sequence % 1_000, 2), "EUR");
        return new PostingRecorded(EntryId.of("JE-2025-" + (sequence + 1)), 1, LocalDate.of(2025, 1, 1).plusDays(sequence % 365),
                "Office supplies, invoice " + sequence, amount, amount, List.of("liabilities:payable", "expenses:office"), null);
    }

    /** Medians of the rounds, and the median, lowest and highest of the rounds' own ratios (how noisy the run was). */
    private static void row(String what, double[][] rates) {
        rowOfRates(what, rates);
        System.out.printf("| … CPU µs per event, client (JVM) + server (backends), mean of rounds | %.1f + %.1f = %.1f | %.1f + %.1f"
                + " = %.1f | %.2f× (Axon's CPU ÷ Eventscope's) |%n", CPU[0][0], CPU[0][1], CPU[0][0] + CPU[0][1], CPU[1][0],
                CPU[1][1], CPU[1][0] + CPU[1][1], (CPU[1][0] + CPU[1][1]) / (CPU[0][0] + CPU[0][1]));
        for (double[] side : CPU) {
            java.util.Arrays.fill(side, 0);
        }
    }

    private static void rowOfRates(String what, double[][] rates) {
        int rounds = rates[0].length;
        double[] ratios = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            ratios[round] = rates[0][round] / rates[1][round];
        }
        double[] sorted = ratios.clone();
        Arrays.sort(sorted);
        System.out.printf("| %s | %,.0f | %,.0f | %.2f× (rounds %.2f–%.2f) |%n", what, median(rates[0]), median(rates[1]),
                median(ratios), sorted[0], sorted[rounds - 1]);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static void latencyRows(String what, long[][] times) {
        for (int percentile : new int[] {50, 99}) {
            double eventscope = percentile(times[0], percentile) / 1e6;
            double axon = percentile(times[1], percentile) / 1e6;
            System.out.printf("| %s: p%d ms | %.2f | %.2f | %.2f× as fast (Axon's time ÷ Eventscope's) |%n", what, percentile,
                    eventscope, axon, axon / eventscope);
        }
    }

    private static long percentile(long[] values, int percent) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }

    /**
     * Axon's JDBC storage engine on one connection kept for the whole run, in the schema {@code axon_bench},
     * with explicit transactions: its connection provider hands out that connection (closing it is a no-op)
     * and its transaction manager commits or rolls back on it.
     */
    static final class AxonSide implements AutoCloseable, ConnectionProvider, TransactionManager {

        private final Connection connection;
        private final Connection unclosable;
        private final JdbcEventStorageEngine engine;

        AxonSide(EventCodec codec) throws SQLException {
            connection = TestPostgres.admin();
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET search_path TO axon_bench");
            }
            connection.setAutoCommit(false);
            unclosable = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> method.getName().equals("close") ? null : method.invoke(connection, args));
            JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(EventCodec.newObjectMapper()).build();
            engine = JdbcEventStorageEngine.builder()
                    .connectionProvider(this)
                    .transactionManager(this)
                    .eventSerializer(serializer)
                    .snapshotSerializer(serializer)
                    .batchSize(1_000)
                    .build();
            engine.createSchema(PostgresEventTableFactory.INSTANCE);
            connection.commit();
        }

        void append(String aggregateId, int firstSequence, int count) {
            IntFunction<GenericDomainEventMessage<PostingRecorded>> message = sequence ->
                    new GenericDomainEventMessage<>(AGGREGATE_TYPE, aggregateId, sequence, posting(sequence));
            List<GenericDomainEventMessage<PostingRecorded>> messages = new ArrayList<>(count);
            for (int i = firstSequence; i < firstSequence + count; i++) {
                messages.add(message.apply(i));
            }
            executeInTransaction(() -> engine.appendEvents(messages));
        }

        int load(String aggregateId) {
            return fetchInTransaction(() -> {
                DomainEventStream stream = engine.readEvents(aggregateId, 0);
                int count = 0;
                while (stream.hasNext()) {
                    if (!(stream.next().getPayload() instanceof PostingRecorded)) {
                        throw new IllegalStateException("not a posting");
                    }
                    count++;
                }
                return count;
            });
        }

        @Override
        public Connection getConnection() {
            return unclosable;
        }

        @Override
        public Transaction startTransaction() {
            return new Transaction() {
                @Override
                public void commit() {
                    try {
                        connection.commit();
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }

                @Override
                public void rollback() {
                    try {
                        connection.rollback();
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }
            };
        }

        /**
         * The server process of Axon's one connection (its CPU is Axon's server side). The connection does not autocommit,
         * so the query's transaction is ended here: left open (as before session 21), its snapshot kept every dead row
         * version made meanwhile, Eventscope's head row's included, until Axon's next commit.
         */
        long backendPid() throws SQLException {
            long pid = ServerCpu.backendPid(connection);
            connection.commit();
            return pid;
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }
}
