import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Is the 100,000 interleaved appendAll cell limited by the JIT? One JVM runs the store cell (AppendProbe: appendAll of
 * 1,000 events per call) and the best raw reference (StoreBenchmark's plain raw insert, PAGE-byte pages, BATCH rows per
 * transaction) alternately for ROUNDS rounds after an optional warm-up of WARMUP events for each side, and prints every
 * round's CPU (the calling thread's) with the JVM's uptime at its start, to be read beside -XX:+PrintCompilation:
 * java [-XX:+PrintCompilation] -cp .:CLASSES:DEPS Settle EVENTS i|b ROUNDS WARMUP [PAGE [BATCH]]   (measurement only)
 */
public class Settle {
    public static void main(String[] arguments) throws Exception {
        int events = Integer.parseInt(arguments[0]);
        boolean interleaved = arguments[1].equals("i");
        int rounds = Integer.parseInt(arguments[2]);
        int warmUp = Integer.parseInt(arguments[3]);
        int page = arguments.length > 4 ? Integer.parseInt(arguments[4]) : 65_536;
        int batch = arguments.length > 5 ? Integer.parseInt(arguments[5]) : 10_000;
        Path directory = Files.createTempDirectory(Path.of(System.getProperty("settle.dir", "/tmp")), "settle");
        try {
            if (warmUp > 0) {
                AppendProbe.run(directory, warmUp, interleaved, 16_384);
                raw(directory, warmUp, interleaved, page, batch);
            }
            List<Double> store = new ArrayList<>();
            List<Double> raw = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                long at = uptime();
                double[] s;
                double[] r;
                if (round % 2 == 0) {
                    s = AppendProbe.run(directory, events, interleaved, 16_384);
                    r = raw(directory, events, interleaved, page, batch);
                } else {
                    r = raw(directory, events, interleaved, page, batch);
                    s = AppendProbe.run(directory, events, interleaved, 16_384);
                }
                store.add(events / s[1] * 1e3);
                raw.add(events / r[1] * 1e3);
                System.out.printf("SETTLE round %d at %d ms: store %.0f ms CPU (%.0f events/s), raw %.0f ms CPU (%.0f events/s),"
                        + " store ÷ raw %.3f%n", round, at, events / s[1] * 1e3, s[1], events / r[1] * 1e3, r[1], s[1] / r[1]);
            }
            System.out.println("SETTLE store ms " + store);
            System.out.println("SETTLE raw ms " + raw);
        } finally {
            try (var files = Files.list(directory)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(directory);
        }
    }

    static long uptime() {
        return java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
    }

    /** StoreBenchmark's plain raw insert (rawInsert), the same rows, wal_autocheckpoint 100,000. */
    static double[] raw(Path directory, int events, boolean interleaved, int pageSize, int batch) throws Exception {
        Path file = directory.resolve("raw.sqlite");
        for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
            Files.deleteIfExists(Path.of(file + suffix));
        }
        int streams = Math.max(1, events / 100);
        String metadataJson = "{\"user\":\"bench\",\"correlationId\":\"correlation-0001\",\"causationId\":\"causation-0001\","
                + "\"commandName\":\"PostEntry\"}";
        String hash = "0".repeat(64);
        long started;
        long cpuStarted;
        long elapsed;
        long cpu;
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA page_size=" + pageSize);
                statement.execute("PRAGMA journal_mode=WAL");
                statement.execute("PRAGMA synchronous=NORMAL");
                statement.execute("PRAGMA cache_size=-262144");
                statement.execute("PRAGMA wal_autocheckpoint=100000");
                statement.execute("PRAGMA temp_store=MEMORY");
                statement.execute("CREATE TABLE events(position INTEGER PRIMARY KEY, event_id TEXT NOT NULL UNIQUE,"
                        + " stream_id TEXT NOT NULL, version INTEGER NOT NULL, type TEXT NOT NULL, schema_version INTEGER NOT NULL,"
                        + " data TEXT NOT NULL, metadata TEXT NOT NULL, recorded_at INTEGER NOT NULL, hash TEXT NOT NULL,"
                        + " UNIQUE(stream_id, version))");
            }
            connection.setAutoCommit(false);
            started = System.nanoTime();
            cpuStarted = AppendProbe.cpuNanos();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO events(position, event_id, stream_id,"
                    + " version, type, schema_version, data, metadata, recorded_at, hash) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
                for (int i = 0; i < events; i++) {
                    long stream = interleaved ? i % streams : i / 100;
                    long version = interleaved ? i / streams + 1 : i % 100 + 1;
                    insert.setLong(1, i + 1L);
                    insert.setString(2, "event-" + i);
                    insert.setString(3, "account-" + stream);
                    insert.setLong(4, version);
                    insert.setString(5, "PostingRecorded");
                    insert.setInt(6, 1);
                    insert.setString(7, AppendProbe.PAYLOADS[i % AppendProbe.PAYLOADS.length]);
                    insert.setString(8, metadataJson);
                    insert.setLong(9, 1_700_000_000_000_000L + i);
                    insert.setString(10, hash);
                    insert.addBatch();
                    if ((i + 1) % batch == 0 || i + 1 == events) {
                        insert.executeBatch();
                        connection.commit();
                    }
                }
            }
            elapsed = System.nanoTime() - started;
            cpu = AppendProbe.cpuNanos() - cpuStarted;
        }
        for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
            Files.deleteIfExists(Path.of(file + suffix));
        }
        return new double[] {events / (elapsed / 1e9), events / (cpu / 1e9)};
    }
}
