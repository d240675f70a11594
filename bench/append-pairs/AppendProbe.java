import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.ExpectedVersion;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.StreamAppend;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.eventstore.sqlite.SqliteOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The store cell of StoreBenchmark alone (docs/benchmarks-store.md, session 18): appendAll of 1,000 events per call, 100
 * events per stream, interleaved or blocked, synchronous=NORMAL, timed from the open empty ledger to the last commit, by the
 * calling thread's CPU. A page size other than 16 KiB is set on the empty ledger by VACUUM before the timing.
 * Run alone: java -cp .:CLASSES:DEPS AppendProbe EVENTS i|b ROUNDS PAGE[,PAGE...]; or through Pair.
 */
public class AppendProbe {
    static final String[] PAYLOADS = new String[997];
    static final EventMetadata METADATA = new EventMetadata("bench", "correlation-0001", "causation-0001", "PostEntry");

    static {
        for (int i = 0; i < PAYLOADS.length; i++) {
            String json = "{\"entryId\":\"entry-" + i + "\",\"date\":\"2024-03-" + (10 + i % 18)
                    + "\",\"description\":\"Invoice " + i + " for consulting services rendered in March\","
                    + "\"amount\":{\"amount\":\"" + (1000 + i) + ".25\",\"commodity\":\"EUR\"},"
                    + "\"account\":\"assets:receivable:customer-" + i % 50 + "\",\"memo\":\"";
            PAYLOADS[i] = json + "x".repeat(Math.max(0, 298 - json.length())) + "\"}";
        }
    }

    public static void main(String[] arguments) throws Exception {
        int events = Integer.parseInt(arguments[0]);
        boolean interleaved = arguments[1].equals("i");
        int rounds = Integer.parseInt(arguments[2]);
        String[] pages = arguments[3].split(",");
        Path directory = Files.createTempDirectory("append-probe");
        for (String page : pages) {
            run(directory, 20_000, interleaved, Integer.parseInt(page));
        }
        for (int round = 0; round < rounds; round++) {
            for (int k = 0; k < pages.length; k++) {
                int page = Integer.parseInt(pages[(k + round) % pages.length]);
                double[] rates = run(directory, events, interleaved, page);
                System.out.printf("round %d, %d-byte pages: %.0f events/s wall, %.0f by CPU%n", round, page, rates[0], rates[1]);
            }
        }
    }

    static double[] run(Path directory, int events, boolean interleaved, int pageSize) throws Exception {
        Path ledger = directory.resolve("probe.ledger");
        for (String suffix : List.of("", "-wal", "-shm")) {
            Files.deleteIfExists(Path.of(ledger + suffix));
        }
        SqliteOptions options = SqliteOptions.defaults().withSynchronous(SqliteOptions.Synchronous.NORMAL);
        SqliteEventStore.open(ledger, options).close();
        if (pageSize != 16_384) {
            try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + ledger);
                 Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA journal_mode=DELETE");
                statement.execute("PRAGMA page_size=" + pageSize);
                statement.execute("VACUUM");
                statement.execute("PRAGMA journal_mode=WAL");
                try (ResultSet row = statement.executeQuery("PRAGMA page_size")) {
                    if (!row.next() || row.getInt(1) != pageSize) {
                        throw new IllegalStateException("page size not set");
                    }
                }
            }
        }
        int streams = Math.max(1, events / 100);
        long started;
        long cpuStarted;
        long elapsed;
        long cpu;
        try (EventStore store = SqliteEventStore.open(ledger, options)) {
            started = System.nanoTime();
            cpuStarted = cpuNanos();
            for (int first = 0; first < events; first += 1_000) {
                Map<Long, List<NewEvent>> byStream = new LinkedHashMap<>();
                Map<Long, Long> firstVersion = new LinkedHashMap<>();
                for (int i = first; i < Math.min(events, first + 1_000); i++) {
                    long stream = interleaved ? i % streams : i / 100;
                    long version = interleaved ? i / streams + 1 : i % 100 + 1;
                    firstVersion.putIfAbsent(stream, version);
                    byStream.computeIfAbsent(stream, key -> new ArrayList<>())
                            .add(new NewEvent("event-" + i, "PostingRecorded", 1, PAYLOADS[i % PAYLOADS.length], METADATA));
                }
                List<StreamAppend> appends = new ArrayList<>(byStream.size());
                byStream.forEach((stream, list) -> appends.add(new StreamAppend(StreamId.of("account-" + stream),
                        ExpectedVersion.exactly(firstVersion.get(stream) - 1), list)));
                store.appendAll(appends);
            }
            elapsed = System.nanoTime() - started;
            cpu = cpuNanos() - cpuStarted;
        }
        return new double[] {events / (elapsed / 1e9), events / (cpu / 1e9)};
    }

    static long cpuNanos() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }
}
