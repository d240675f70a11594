import dev.eventscope.eventstore.EventHashChain;
import dev.eventscope.eventstore.sqlite.PhaseClock;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.eventstore.sqlite.SqliteOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the writer thread's CPU goes, per phase of one call of 1,000 events: the store (a timed SqliteAppender overlay,
 * PhaseClock) beside (a') (RawLedgerInsert's statements, timed the same way), 100 events per stream or interleaved.
 * Run through run.sh (it builds the timed copies from the current sources): run.sh EVENTS i|b ROUNDS [raw|rawS|rawMn ...]
 * raw: (a'); rawS: (a') on a connection set up as the store's writer (cache 64 MB, mmap 1 GiB, autocommit with BEGIN
 * IMMEDIATE); rawMn: (a') inserting n rows per statement (multi-row VALUES). Medians of the rounds, per phase.
 */
public class Phases {
    static final String[] RAW = {"loop: hash+binds+addBatch", "executeBatch", "streams' rows", "head row", "COMMIT (and begin)"};

    public static void main(String[] arguments) throws Exception {
        int events = Integer.parseInt(arguments[0]);
        boolean interleaved = arguments[1].equals("i");
        int rounds = Integer.parseInt(arguments[2]);
        List<String> variants = new ArrayList<>(List.of("store"));
        for (int k = 3; k < arguments.length; k++) {
            variants.add(arguments[k]);
        }
        Path directory = Files.createTempDirectory("phases");
        for (String variant : variants) {
            run(variant, directory, 20_000, interleaved);
        }
        java.util.Map<String, List<long[]>> perRound = new java.util.LinkedHashMap<>();
        java.util.Map<String, long[]> sums = new java.util.LinkedHashMap<>();
        java.util.Map<String, List<Double>> totals = new java.util.LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (int k = 0; k < variants.size(); k++) {
                String variant = variants.get((k + round) % variants.size());
                long[] phases = run(variant, directory, events, interleaved);
                perRound.computeIfAbsent(variant, v -> new ArrayList<>()).add(phases);
                totals.computeIfAbsent(variant, v -> new ArrayList<>()).add(phases[phases.length - 1] / 1e6);
            }
        }
        try (var files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(directory);
        for (String variant : variants) {
            List<long[]> all = perRound.get(variant);
            long[] sum = new long[all.get(0).length];
            for (int i = 0; i < sum.length; i++) {
                final int at = i;
                long[] column = all.stream().mapToLong(p -> p[at]).sorted().toArray();
                sum[i] = column[column.length / 2] * rounds;
            }
            String[] names = variant.equals("store") ? PhaseClock.NAMES : RAW;
            System.out.printf("%s, µs of CPU per 1,000 events (median of %d rounds); totals ms %s%n", variant, rounds, totals.get(variant));
            double calls = rounds * (events / 1000.0);
            for (int i = 0; i < names.length; i++) {
                if (!names[i].equals("calls") && !names[i].equals("(unused)")) {
                    System.out.printf("  %-40s %8.0f%n", names[i], sum[i] / 1e3 / calls);
                }
            }
            long inside = 0;
            for (int i = 0; i < names.length; i++) {
                if (!names[i].equals("calls")) {
                    inside += sum[i];
                }
            }
            System.out.printf("  %-40s %8.0f%n", "the rest (harness, store outside phases)", (sum[sum.length - 1] - inside) / 1e3 / calls);
            System.out.printf("  %-40s %8.0f%n", "all (thread CPU, open ledger to last commit)", sum[sum.length - 1] / 1e3 / calls);
        }
    }

    /** Phase nanos, the last element the whole run's thread CPU. */
    static long[] run(String variant, Path directory, int events, boolean interleaved) throws Exception {
        if (variant.equals("store")) {
            PhaseClock.reset();
            double[] rates = AppendProbe.run(directory, events, interleaved, 16_384);
            long all = (long) (events / rates[1] * 1e9);
            long[] out = new long[PhaseClock.NANOS.length + 1];
            System.arraycopy(PhaseClock.NANOS, 0, out, 0, PhaseClock.NANOS.length);
            out[out.length - 1] = all;
            // the close (a checkpoint) is not in AppendProbe's timing but is in c0..all: leave it out like the rates do
            return out;
        }
        if (variant.startsWith("rawM")) {
            RAW_ROWS = Integer.parseInt(variant.substring(4));
        } else {
            RAW_ROWS = 1;
        }
        return raw(variant.equals("rawS"), directory, events, interleaved);
    }

    static int RAW_ROWS = 1;

    static long[] raw(boolean storeConnection, Path directory, int events, boolean interleaved) throws Exception {
        Path ledger = directory.resolve("raw.ledger");
        for (String suffix : List.of("", "-wal", "-shm")) {
            Files.deleteIfExists(Path.of(ledger + suffix));
        }
        SqliteEventStore.open(ledger, SqliteOptions.defaults().withSynchronous(SqliteOptions.Synchronous.NORMAL)).close();
        long[] t = new long[RAW.length + 1];
        int streams = Math.max(1, events / 100);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + ledger)) {
            try (Statement statement = connection.createStatement(); ResultSet pageSize = statement.executeQuery("PRAGMA page_size")) {
                pageSize.next();
                long checkpointPages = 409_600_000L / pageSize.getLong(1);
                statement.execute("PRAGMA journal_mode=WAL");
                statement.execute("PRAGMA synchronous=NORMAL");
                statement.execute(storeConnection ? "PRAGMA cache_size=-64000" : "PRAGMA cache_size=-262144");
                statement.execute("PRAGMA wal_autocheckpoint=" + (storeConnection ? 4 * checkpointPages : checkpointPages));
                statement.execute("PRAGMA temp_store=MEMORY");
                if (storeConnection) {
                    statement.execute("PRAGMA mmap_size=" + (1L << 30));
                    statement.execute("PRAGMA journal_size_limit=" + (64L << 20));
                }
            }
            Statement control = connection.createStatement();
            if (!storeConnection) {
                connection.setAutoCommit(false);
            }
            long c0 = PhaseClock.now();
            EventHashChain hashChain = new EventHashChain();
            byte[] previousHash = EventHashChain.GENESIS;
            List<Long> created = new ArrayList<>();
            var metadata = AppendProbe.METADATA;
            String values = ", (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)".repeat(RAW_ROWS).substring(2);
            int rows = RAW_ROWS;
            try (PreparedStatement insertEvent = connection.prepareStatement("INSERT INTO events (position, event_id, stream_key,"
                    + " version, type, schema_version, data, user_name, correlation_id, causation_id, command_name, recorded_at,"
                    + " hash) VALUES " + values);
                 PreparedStatement createStream = connection.prepareStatement("INSERT INTO streams (stream_key, stream_id, category)"
                         + " VALUES (?, ?, 'account')");
                 PreparedStatement moveHead = connection.prepareStatement("INSERT INTO ledger_meta (key, value) VALUES"
                         + " ('head_position', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")) {
                long recordedAt = 0;
                long mark = PhaseClock.now();
                for (int i = 0; i < events; i++) {
                    if (i % 1000 == 0) {
                        recordedAt = Math.max(recordedAt, System.currentTimeMillis() * 1_000);
                        if (storeConnection) {
                            control.execute("BEGIN IMMEDIATE");
                        }
                    }
                    long stream = interleaved ? i % streams : i / 100;
                    long version = interleaved ? i / streams + 1 : i % 100 + 1;
                    long position = i + 1L;
                    String eventId = "event-" + i;
                    String streamId = "account-" + stream;
                    String data = AppendProbe.PAYLOADS[i % AppendProbe.PAYLOADS.length];
                    byte[] hash = hashChain.link(previousHash, eventId, streamId, version, "PostingRecorded", 1,
                            recordedAt, metadata.user(), metadata.correlationId(), metadata.causationId(), metadata.commandName(), data);
                    int o = (i % rows) * 13;
                    insertEvent.setLong(o + 1, position);
                    insertEvent.setString(o + 2, eventId);
                    insertEvent.setLong(o + 3, stream + 1);
                    insertEvent.setLong(o + 4, version);
                    insertEvent.setString(o + 5, "PostingRecorded");
                    insertEvent.setInt(o + 6, 1);
                    insertEvent.setString(o + 7, data);
                    insertEvent.setString(o + 8, metadata.user());
                    insertEvent.setString(o + 9, metadata.correlationId());
                    insertEvent.setString(o + 10, metadata.causationId());
                    insertEvent.setString(o + 11, metadata.commandName());
                    insertEvent.setLong(o + 12, recordedAt);
                    insertEvent.setBytes(o + 13, hash);
                    if ((i + 1) % rows == 0) {
                        insertEvent.addBatch();
                    }
                    previousHash = hash;
                    if (version == 1) {
                        created.add(stream);
                    }
                    if ((i + 1) % 1000 == 0 || i + 1 == events) {
                        long a = PhaseClock.now();
                        t[0] += a - mark;
                        insertEvent.executeBatch();
                        long b = PhaseClock.now();
                        t[1] += b - a;
                        if (!created.isEmpty()) {
                            for (long s : created) {
                                createStream.setLong(1, s + 1);
                                createStream.setString(2, "account-" + s);
                                createStream.addBatch();
                            }
                            createStream.executeBatch();
                            created.clear();
                        }
                        long c = PhaseClock.now();
                        t[2] += c - b;
                        moveHead.setString(1, Long.toString(position));
                        moveHead.executeUpdate();
                        long d = PhaseClock.now();
                        t[3] += d - c;
                        if (storeConnection) {
                            control.execute("COMMIT");
                        } else {
                            connection.commit();
                        }
                        mark = PhaseClock.now();
                        t[4] += mark - d;
                    }
                }
            }
            t[RAW.length] = PhaseClock.now() - c0;
        }
        return t;
    }
}
