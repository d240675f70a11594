package dev.eventscope.eventstore.postgres;

import dev.eventscope.eventstore.AppendResult;
import dev.eventscope.eventstore.ConcurrencyConflict;
import dev.eventscope.eventstore.EventCursor;
import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.ExpectedVersion;
import dev.eventscope.eventstore.IntegrityReport;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.StreamAppend;
import dev.eventscope.eventstore.StreamId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Writers on their own connections (one store per thread, as on separate desktops) append to a few
 * shared PostgreSQL streams in random interleavings, with random expectations, multi-stream appends,
 * pure version checks and retries of their previous append. Whatever the interleaving: every append
 * that returned is stored whole at the positions it returned, a retry of a stored append returns the
 * original positions, nothing else is stored, positions and stream versions run from 1 without gaps,
 * and the chain verifies.
 */
class PostgresInterleavingProperties {

    private static final int STREAMS = 3;

    /** One stream's part of an append; 0 events is a pure version check; {@code exact} uses the last version seen. */
    record Part(int stream, int events, boolean exact) {
    }

    /** An append of some parts, or (empty parts) a retry of the writer's previous append with the same event ids. */
    record Operation(List<Part> parts) {
        boolean isRetry() {
            return parts.isEmpty();
        }
    }

    record Attempt(List<StreamAppend> appends, AppendResult result) {
        List<String> eventIds() {
            return appends.stream().flatMap(a -> a.events().stream()).map(NewEvent::eventId).toList();
        }
    }

    @Property(tries = 25)
    void every_interleaving_stores_exactly_the_returned_appends(@ForAll("writers") List<List<Operation>> writers)
            throws Exception {
        PostgresLedgerUrl url = TestPostgres.freshLedger();
        ConcurrentLinkedQueue<Attempt> returned = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers.size(); w++) {
            int writer = w;
            Thread thread = new Thread(() -> {
                try (PostgresEventStore store = PostgresEventStore.open(url)) {
                    start.await();
                    run(writer, writers.get(writer), store, returned);
                } catch (Throwable failure) {
                    failures.add(failure);
                }
            }, "interleaving-writer-" + w);
            threads.add(thread);
            thread.start();
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join(60_000);
            assertFalse(thread.isAlive(), "a writer did not finish within 60 s");
        }
        assertTrue(failures.isEmpty(), () -> "a writer failed: " + failures.peek());

        try (PostgresEventStore store = PostgresEventStore.open(url)) {
            Map<String, RecordedEvent> stored = new HashMap<>();
            Map<StreamId, Long> versions = new HashMap<>();
            long position = 0;
            try (EventCursor cursor = store.readAll(0)) {
                while (cursor.hasNext()) {
                    RecordedEvent event = cursor.next();
                    assertEquals(++position, event.position());
                    assertEquals(versions.merge(event.streamId(), 1L, Long::sum), event.version());
                    stored.put(event.eventId(), event);
                }
            }
            long returnedEvents = 0;
            Map<String, Long> positionOf = new HashMap<>();
            for (Attempt attempt : returned) {
                List<String> ids = attempt.eventIds();
                for (int i = 0; i < ids.size(); i++) {
                    RecordedEvent event = stored.get(ids.get(i));
                    assertNotNull(event, ids.get(i) + " was returned, so it is stored");
                    assertEquals(attempt.result().positions().get(i), event.position());
                    Long before = positionOf.put(ids.get(i), event.position());
                    assertTrue(before == null || before == event.position(), "a retry returns the original position");
                }
                if (!attempt.result().alreadyStored()) {
                    returnedEvents += ids.size();
                }
            }
            assertEquals(returnedEvents, stored.size(), "nothing but the returned appends is stored");
            IntegrityReport report = store.verify();
            assertTrue(report.intact(), report.summary());
        }
    }

    private static void run(int writer, List<Operation> operations, PostgresEventStore store,
                            ConcurrentLinkedQueue<Attempt> returned) {
        List<StreamAppend> previous = null;
        int counter = 0;
        for (Operation operation : operations) {
            List<StreamAppend> appends;
            if (operation.isRetry()) {
                if (previous == null) {
                    continue;
                }
                appends = previous;
            } else {
                appends = new ArrayList<>();
                for (Part part : operation.parts()) {
                    StreamId stream = StreamId.of("account-" + part.stream());
                    List<NewEvent> events = new ArrayList<>();
                    for (int i = 0; i < part.events(); i++) {
                        events.add(new NewEvent("w" + writer + "-" + (++counter), "Interleaved", 1, "{}", EventMetadata.by("w" + writer)));
                    }
                    appends.add(new StreamAppend(stream, part.exact() ? ExpectedVersion.exactly(store.streamVersion(stream))
                            : ExpectedVersion.ANY, events));
                }
            }
            previous = appends;
            try {
                returned.add(new Attempt(appends, store.appendAll(appends)));
            } catch (ConcurrencyConflict lost) {
                // another writer was first; nothing of this append is stored, which the checks confirm
            }
        }
    }

    @Provide
    Arbitrary<List<List<Operation>>> writers() {
        Arbitrary<Part> part = Combinators.combine(Arbitraries.integers().between(0, STREAMS - 1),
                Arbitraries.integers().between(0, 3), Arbitraries.of(true, true, false)).as(Part::new);
        Arbitrary<Operation> append = part.list().ofMinSize(1).ofMaxSize(STREAMS).uniqueElements(Part::stream)
                .filter(parts -> parts.stream().anyMatch(p -> p.events() > 0)).map(Operation::new);
        Arbitrary<Operation> operation = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, append), net.jqwik.api.Tuple.of(1, Arbitraries.just(new Operation(List.of()))));
        return operation.list().ofMinSize(3).ofMaxSize(12).list().ofMinSize(1).ofMaxSize(3);
    }
}
