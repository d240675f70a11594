package dev.eventscope.bench;

import dev.eventscope.eventstore.EventHashChain;
import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.IntegrityReport;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.eventstore.sqlite.SqliteOptions;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * The raw reference that holds what the store holds, for {@link StoreBenchmark}: plain JDBC, tuned as the plain raw
 * reference is (batched prepared statements, WAL, synchronous=NORMAL, 256 MB cache, a checkpoint per ~400 MB), writing
 * into a ledger file the store itself created (its tables, indexes and page size) the same rows the store writes: every
 * event with its metadata columns and its SHA-256 link ({@link EventHashChain}), each new stream's row (id and category:
 * what stream lists read; since ledger schema 3 a stream's version is its events', so a moved stream writes no row) and
 * the head position, once per transaction. No version check, no idempotency look-up, no result: only the writes. The
 * plain reference keeps no streams' rows and a constant instead of the hash, so it holds less than a ledger does.
 */
final class RawLedgerInsert {

    private final int events;
    private final String[] payloads;
    private final EventMetadata metadata;
    /** The i-th event's stream number and its version there. */
    private final LongFunction<long[]> place;

    RawLedgerInsert(int events, String[] payloads, EventMetadata metadata, LongFunction<long[]> place) {
        this.events = events;
        this.payloads = payloads;
        this.metadata = metadata;
        this.place = place;
    }

    /**
     * Writes every event at {@code batch} rows per transaction into a new ledger at {@code ledger}; returns the rates
     * {wall, CPU, wall to the close, CPU to the close}, timed from the open, empty ledger as the other runs are.
     */
    double[] run(Path ledger, int batch) throws SQLException {
        SqliteEventStore.open(ledger, SqliteOptions.defaults().withSynchronous(SqliteOptions.Synchronous.NORMAL)).close();
        long started;
        long cpuStarted;
        long elapsed;
        long cpu;
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + ledger)) {
            try (Statement statement = connection.createStatement(); ResultSet pageSize = statement.executeQuery("PRAGMA page_size")) {
                pageSize.next();
                long checkpointPages = 409_600_000L / pageSize.getLong(1);
                statement.execute("PRAGMA journal_mode=WAL");
                statement.execute("PRAGMA synchronous=NORMAL");
                statement.execute("PRAGMA cache_size=-262144");
                statement.execute("PRAGMA wal_autocheckpoint=" + checkpointPages);
                statement.execute("PRAGMA temp_store=MEMORY");
            }
            connection.setAutoCommit(false);
            started = System.nanoTime();
            cpuStarted = StoreBenchmark.cpuNanos();
            insert(connection, batch);
            elapsed = System.nanoTime() - started;
            cpu = StoreBenchmark.cpuNanos() - cpuStarted;
        }
        long elapsedClosed = System.nanoTime() - started;
        long cpuClosed = StoreBenchmark.cpuNanos() - cpuStarted;
        return new double[] {events / (elapsed / 1e9), events / (cpu / 1e9), events / (elapsedClosed / 1e9),
                events / (cpuClosed / 1e9)};
    }

    private void insert(Connection connection, int batch) throws SQLException {
        EventHashChain hashChain = new EventHashChain();
        byte[] previousHash = EventHashChain.GENESIS;
        // the streams the open transaction created (a ledger of schema 3 writes a stream's row once, with its first event)
        List<Long> created = new ArrayList<>();
        try (PreparedStatement insertEvent = connection.prepareStatement("INSERT INTO events (position, event_id, stream_key,"
                + " version, type, schema_version, data, user_name, correlation_id, causation_id, command_name, recorded_at,"
                + " hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement createStream = connection.prepareStatement("INSERT INTO streams (stream_key, stream_id, category)"
                     + " VALUES (?, ?, 'account')");
             PreparedStatement moveHead = connection.prepareStatement("INSERT INTO ledger_meta (key, value) VALUES"
                     + " ('head_position', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")) {
            long recordedAt = 0;
            for (int i = 0; i < events; i++) {
                if (i % batch == 0) {
                    recordedAt = Math.max(recordedAt, System.currentTimeMillis() * 1_000);
                }
                long[] streamAndVersion = place.apply(i);
                long position = i + 1L;
                String eventId = "event-" + i;
                String streamId = "account-" + streamAndVersion[0];
                String data = payloads[i % payloads.length];
                byte[] hash = hashChain.link(previousHash, eventId, streamId, streamAndVersion[1], "PostingRecorded", 1,
                        recordedAt, metadata.user(), metadata.correlationId(), metadata.causationId(), metadata.commandName(), data);
                insertEvent.setLong(1, position);
                insertEvent.setString(2, eventId);
                insertEvent.setLong(3, streamAndVersion[0] + 1);
                insertEvent.setLong(4, streamAndVersion[1]);
                insertEvent.setString(5, "PostingRecorded");
                insertEvent.setInt(6, 1);
                insertEvent.setString(7, data);
                insertEvent.setString(8, metadata.user());
                insertEvent.setString(9, metadata.correlationId());
                insertEvent.setString(10, metadata.causationId());
                insertEvent.setString(11, metadata.commandName());
                insertEvent.setLong(12, recordedAt);
                insertEvent.setBytes(13, hash);
                insertEvent.addBatch();
                previousHash = hash;
                if (streamAndVersion[1] == 1) {
                    created.add(streamAndVersion[0]);
                }
                if ((i + 1) % batch == 0 || i + 1 == events) {
                    insertEvent.executeBatch();
                    if (!created.isEmpty()) {
                        for (long stream : created) {
                            createStream.setLong(1, stream + 1);
                            createStream.setString(2, "account-" + stream);
                            createStream.addBatch();
                        }
                        createStream.executeBatch();
                        created.clear();
                    }
                    moveHead.setString(1, Long.toString(position));
                    moveHead.executeUpdate();
                    connection.commit();
                }
            }
        }
    }

    /** Checks, untimed, that what was written is a ledger the store reads and verifies: as many events, an intact chain. */
    void check(Path ledger) {
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger)) {
            IntegrityReport report = store.verify();
            if (!report.intact() || store.lastPosition() != events) {
                throw new IllegalStateException("the raw ledger is not a ledger the store verifies: " + report);
            }
        }
    }
}
