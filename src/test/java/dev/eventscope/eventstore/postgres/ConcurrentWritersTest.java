package dev.eventscope.eventstore.postgres;

import dev.eventscope.eventstore.ConcurrencyConflict;
import dev.eventscope.eventstore.EventCursor;
import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.ExpectedVersion;
import dev.eventscope.eventstore.IntegrityReport;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.StreamAppend;
import dev.eventscope.eventstore.StreamId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Several writers, each with a store (and so connections) of its own, as on several desktops, race
 * for the same few streams with exact expected versions, and some appends touch two streams. Every
 * version of every stream is won exactly once, every returned append is stored whole, positions
 * are 1..N without a gap, and the chain verifies.
 */
class ConcurrentWritersTest {

    private static final int WRITERS = 6;
    private static final int ATTEMPTS = 60;
    private static final List<StreamId> CONTESTED = List.of(StreamId.of("account-a"), StreamId.of("account-b"),
            StreamId.of("ledger"));

    /** What one writer's successful append wrote. */
    private record Won(List<String> eventIds, List<Long> positions, Map<StreamId, Long> versions) {
    }

    @Test
    @Timeout(value = 600, unit = TimeUnit.SECONDS)
    @DisplayName("given writers racing for the same streams, when they append with expected versions, then every version is won once and the ledger is whole")
    void racing_writers_win_each_version_once_and_leave_a_contiguous_verified_chain() throws Exception {
        PostgresLedgerUrl url = TestPostgres.freshLedger();
        List<Won> won = new java.util.concurrent.CopyOnWriteArrayList<>();
        AtomicInteger conflicts = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.add(pool.submit(() -> {
                try (PostgresEventStore store = PostgresEventStore.open(url)) {
                    start.await();
                    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                        StreamId first = CONTESTED.get((writer + attempt) % CONTESTED.size());
                        StreamId second = CONTESTED.get((writer + attempt + 1) % CONTESTED.size());
                        List<StreamAppend> appends = new ArrayList<>();
                        List<String> ids = new ArrayList<>();
                        appends.add(new StreamAppend(first, ExpectedVersion.exactly(store.streamVersion(first)),
                                events("w" + writer + "-" + attempt + "-a", 1 + attempt % 2, ids)));
                        if (attempt % 3 == 0) {
                            appends.add(new StreamAppend(second, ExpectedVersion.exactly(store.streamVersion(second)),
                                    events("w" + writer + "-" + attempt + "-b", 1, ids)));
                        }
                        try {
                            var result = store.appendAll(appends);
                            Map<StreamId, Long> versions = new HashMap<>();
                            appends.forEach(append -> versions.put(append.stream(), result.versionOf(append.stream())));
                            won.add(new Won(ids, result.positions(), versions));
                        } catch (ConcurrencyConflict lost) {
                            conflicts.incrementAndGet();
                        }
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> writer : writers) {
            writer.get();
        }
        pool.shutdown();

        try (PostgresEventStore store = PostgresEventStore.open(url)) {
            Map<String, RecordedEvent> stored = new HashMap<>();
            Map<StreamId, Set<Long>> versionsSeen = new ConcurrentHashMap<>();
            long expectedPosition = 1;
            try (EventCursor cursor = store.readAll(0)) {
                while (cursor.hasNext()) {
                    RecordedEvent event = cursor.next();
                    assertEquals(expectedPosition++, event.position(), "positions are contiguous from 1");
                    stored.put(event.eventId(), event);
                    assertTrue(versionsSeen.computeIfAbsent(event.streamId(), s -> new HashSet<>()).add(event.version()),
                            "version " + event.version() + " of " + event.streamId() + " is stored once");
                }
            }
            long total = won.stream().mapToLong(w -> w.eventIds().size()).sum();
            assertEquals(total, stored.size(), "every event of every returned append is stored, and nothing else");
            for (Won append : won) {
                for (int i = 0; i < append.eventIds().size(); i++) {
                    assertEquals(append.positions().get(i), stored.get(append.eventIds().get(i)).position());
                }
            }
            for (StreamId stream : CONTESTED) {
                long version = store.streamVersion(stream);
                assertEquals(version, versionsSeen.getOrDefault(stream, Set.of()).size(), stream + " has versions 1.." + version);
            }
            assertTrue(conflicts.get() > 0, "the writers did contend (" + conflicts.get() + " conflicts)");
            IntegrityReport report = store.verify();
            assertTrue(report.intact(), report.summary());
            assertEquals(total, report.lastPosition());
        }
    }

    private static List<NewEvent> events(String prefix, int count, List<String> ids) {
        List<NewEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = prefix + "-" + i;
            ids.add(id);
            events.add(new NewEvent(id, "Something", 1, "{\"i\":" + i + "}", EventMetadata.by("writer")));
        }
        return events;
    }
}
