package dev.eventscope.eventstore.sqlite;

import dev.eventscope.eventstore.BulkAppend;
import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.ExpectedVersion;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.Snapshot;
import dev.eventscope.eventstore.StreamAppend;
import dev.eventscope.eventstore.StreamId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A snapshot saved inside a bulk append right after the append that reached its version (an import's snapshots) is
 * written with the stream key and event hash the appender just wrote, without looking them up (docs/benchmarks-store.md,
 * "Session 19 (importwrite)"). The reference is the look-up path: the same appends one transaction each and every
 * snapshot saved outside any bulk. Both ledgers must hold the same rows, byte for byte, in every table the writer
 * touches — events (their hashes included), streams, snapshots and their anchors — on random appends and random
 * snapshot versions, some of them older than the stream's last event or of a stream an earlier append moved.
 */
class BulkSnapshotRowsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path folder;

    private record Step(List<StreamAppend> appends, List<Snapshot> snapshots) {
    }

    @Test
    void snapshots_saved_in_a_bulk_hold_the_rows_the_look_ups_give_on_random_appends() throws Exception {
        for (long seed = 1; seed <= 12; seed++) {
            List<Step> steps = randomSteps(new Random(seed));
            Path bulkFile = folder.resolve("bulk-" + seed + ".ledger");
            Path referenceFile = folder.resolve("reference-" + seed + ".ledger");
            int saved = 0;
            try (SqliteEventStore store = SqliteEventStore.open(bulkFile, SqliteOptions.defaults().withClock(CLOCK));
                 BulkAppend bulk = store.beginBulkAppend()) {
                for (Step step : steps) {
                    bulk.append(step.appends());
                    for (Snapshot snapshot : step.snapshots()) {
                        store.saveSnapshot(snapshot);
                        saved++;
                    }
                }
                bulk.commit();
            }
            try (SqliteEventStore store = SqliteEventStore.open(referenceFile, SqliteOptions.defaults().withClock(CLOCK))) {
                for (Step step : steps) {
                    store.appendAll(step.appends());
                    for (Snapshot snapshot : step.snapshots()) {
                        store.saveSnapshot(snapshot);
                    }
                }
            }
            assertTrue(saved > 10, "seed " + seed + " saved too few snapshots to tell: " + saved);
            for (String query : List.of(
                    "SELECT * FROM events ORDER BY position",
                    "SELECT * FROM streams ORDER BY stream_key",
                    "SELECT * FROM snapshots ORDER BY stream_key, version, state_schema_version",
                    "SELECT * FROM snapshot_anchors ORDER BY stream_key, version, state_schema_version")) {
                List<String> expected = rows(referenceFile, query);
                assertFalse(expected.isEmpty(), query);
                assertEquals(expected, rows(bulkFile, query), "seed " + seed + ": " + query);
            }
        }
    }

    @Test
    void a_snapshot_beyond_the_stream_is_refused_in_a_bulk_as_outside() throws Exception {
        StreamId stream = StreamId.of("account-cash");
        try (SqliteEventStore store = SqliteEventStore.open(folder.resolve("beyond.ledger"), SqliteOptions.defaults().withClock(CLOCK));
             BulkAppend bulk = store.beginBulkAppend()) {
            bulk.append(List.of(new StreamAppend(stream, ExpectedVersion.NO_STREAM, List.of(event("e1"), event("e2")))));

            assertThrows(RuntimeException.class, () -> store.saveSnapshot(new Snapshot(stream, 3, "State", 1, "{}")));
        }
    }

    @Test
    void a_snapshot_after_a_rolled_back_bulk_is_not_taken_at_the_events_that_went() throws Exception {
        StreamId stream = StreamId.of("account-cash");
        try (SqliteEventStore store = SqliteEventStore.open(folder.resolve("rolled-back.ledger"), SqliteOptions.defaults().withClock(CLOCK))) {
            try (BulkAppend bulk = store.beginBulkAppend()) {
                bulk.append(List.of(new StreamAppend(stream, ExpectedVersion.NO_STREAM, List.of(event("e1"), event("e2")))));
                // closed without a commit: rolled back
            }

            assertThrows(RuntimeException.class, () -> store.saveSnapshot(new Snapshot(stream, 2, "State", 1, "{}")));
            store.appendAll(List.of(new StreamAppend(stream, ExpectedVersion.NO_STREAM, List.of(event("e3")))));
            assertEquals(1, store.streamVersion(stream));
        }
    }

    private static List<Step> randomSteps(Random random) {
        List<StreamId> streams = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            streams.add(StreamId.of("account-a" + i));
        }
        Map<StreamId, Long> versions = new HashMap<>();
        List<Step> steps = new ArrayList<>();
        int ids = 0;
        for (int entry = 0; entry < 60; entry++) {
            Map<StreamId, List<NewEvent>> moved = new LinkedHashMap<>();
            StreamId entryStream = StreamId.of("entry-e" + entry);
            moved.put(entryStream, List.of(event(String.format("id-%05d", ids++))));
            int accounts = 1 + random.nextInt(3);
            for (int i = 0; i < accounts; i++) {
                StreamId account = streams.get(random.nextInt(streams.size()));
                List<NewEvent> events = new ArrayList<>(moved.getOrDefault(account, List.of()));
                events.add(event(String.format("id-%05d", ids++)));
                moved.put(account, events);
            }
            List<StreamAppend> appends = new ArrayList<>();
            for (Map.Entry<StreamId, List<NewEvent>> move : moved.entrySet()) {
                long before = versions.getOrDefault(move.getKey(), 0L);
                appends.add(new StreamAppend(move.getKey(), ExpectedVersion.exactly(before), move.getValue()));
                versions.put(move.getKey(), before + move.getValue().size());
            }
            List<Snapshot> snapshots = new ArrayList<>();
            for (Map.Entry<StreamId, List<NewEvent>> move : moved.entrySet()) {
                long version = versions.get(move.getKey());
                if (random.nextInt(3) == 0) {
                    // at the stream's last event, just written: the bulk's own path
                    snapshots.add(snapshot(move.getKey(), version, random));
                } else if (version > 1 && random.nextInt(4) == 0) {
                    // at an older event of the stream: looked up
                    snapshots.add(snapshot(move.getKey(), 1 + random.nextInt((int) version - 1), random));
                }
            }
            if (random.nextInt(4) == 0) {
                // a stream this append did not move, at its current version: looked up
                StreamId other = streams.get(random.nextInt(streams.size()));
                Long version = versions.get(other);
                if (version != null && !moved.containsKey(other)) {
                    snapshots.add(snapshot(other, version, random));
                }
            }
            steps.add(new Step(appends, snapshots));
        }
        return steps;
    }

    private static Snapshot snapshot(StreamId stream, long version, Random random) {
        return new Snapshot(stream, version, "AccountState", 1 + random.nextInt(2),
                "{\"stream\":\"" + stream.value() + "\",\"version\":" + version + ",\"n\":" + random.nextInt(1000) + "}");
    }

    private static NewEvent event(String id) {
        return new NewEvent(id, "Something", 1, "{\"id\":\"" + id + "\"}", new EventMetadata("alice", "c-" + id, null, "Cmd"));
    }

    private static List<String> rows(Path file, String query) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection connection = SqliteConnections.openReadOnly(file);
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(query)) {
            int columns = row.getMetaData().getColumnCount();
            while (row.next()) {
                StringBuilder text = new StringBuilder();
                for (int column = 1; column <= columns; column++) {
                    Object value = row.getObject(column);
                    text.append(value instanceof byte[] bytes ? java.util.HexFormat.of().formatHex(bytes) : String.valueOf(value))
                            .append(value == null ? "" : ":" + value.getClass().getSimpleName()).append('|');
                }
                rows.add(text.toString());
            }
        }
        return rows;
    }
}
