package dev.eventscope.eventstore;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Tuple;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Several logical writers append to a few shared streams in random interleavings, from one to three
 * threads, through one shared store or one store per thread. Whatever the interleaving, the ledger
 * afterwards must hold exactly the events whose append returned, once each, with contiguous stream
 * versions and global positions and an intact hash chain. With one thread the order is deterministic,
 * so every outcome (success, conflict, idempotent retry) is also checked against a simple model.
 * Every store adapter runs these properties: a subclass says how to make a new, empty ledger.
 */
public abstract class InterleavedAppendProperties {

    /** A new, empty ledger that several stores can open at once (as several desktops would). */
    protected interface LedgerUnderTest extends AutoCloseable {
        /** A new store on the ledger. */
        EventStore open();

        /** Removes the ledger. */
        @Override
        void close();
    }

    /** Makes a new, empty ledger for one try. */
    protected abstract LedgerUnderTest newLedger() throws Exception;

    private static final int STREAM_COUNT = 4;
    private static final long WRITER_HANG_GUARD_MILLIS = 300_000;

    /** How a writer states its expectation of a stream's version. */
    enum Expectation { LAST_SEEN, ANY, NO_STREAM, STREAM_EXISTS }

    /** One stream's part of an operation; {@code eventCount} 0 is a pure version check. */
    record Part(int streamIndex, int eventCount, Expectation expectation) {
    }

    /** An append of one or several parts, or a retry of the writer's previous attempt with the same event ids. */
    record Operation(List<Part> parts, boolean retryPrevious) {
        static final Operation RETRY = new Operation(List.of(), true);

        @Override
        public String toString() {
            return retryPrevious ? "retry" : parts.toString();
        }
    }

    /** A whole scenario: writers (each a list of operations), spread over threads in a random interleaving. */
    record Plan(int threadCount, boolean sharedStore, List<List<Operation>> writers, long scheduleSeed) {
    }

    /** What was sent in one append call and what came back. */
    record Attempt(int writer, List<StreamAppend> appends, AppendResult result, ConcurrencyConflict conflict) {
        List<String> eventIds() {
            return appends.stream().flatMap(part -> part.events().stream()).map(NewEvent::eventId).toList();
        }

        List<StreamId> streamOfEachEvent() {
            return appends.stream().flatMap(part -> part.events().stream().map(event -> part.stream())).toList();
        }
    }

    @Property(tries = 50)
    void every_interleaving_leaves_a_contiguous_intact_ledger_of_exactly_the_returned_appends(@ForAll("plans") Plan plan)
            throws Exception {
        try (LedgerUnderTest ledger = newLedger()) {
            List<Attempt> attempts = run(plan, ledger);
            Statistics.label("threads").collect(plan.threadCount() + (plan.sharedStore() ? " sharing one store" : " with own stores"));
            Statistics.label("some append conflicted").collect(attempts.stream().anyMatch(attempt -> attempt.conflict() != null));
            Statistics.label("some retry was already stored").collect(attempts.stream()
                    .anyMatch(attempt -> attempt.result() != null && attempt.result().alreadyStored()));
            try (EventStore store = ledger.open()) {
                assertLedgerHoldsExactlyTheReturnedAppends(store, attempts);
                if (plan.threadCount() == 1) {
                    assertOutcomesMatchTheModel(attempts);
                }
            }
        }
    }

    @Provide
    Arbitrary<Plan> plans() {
        Arbitrary<Integer> streamIndex = Arbitraries.integers().between(0, STREAM_COUNT - 1);
        Arbitrary<Expectation> expectation = Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.just(Expectation.LAST_SEEN)),
                Tuple.of(2, Arbitraries.just(Expectation.ANY)),
                Tuple.of(1, Arbitraries.just(Expectation.NO_STREAM)),
                Tuple.of(1, Arbitraries.just(Expectation.STREAM_EXISTS)));
        Arbitrary<Operation> single = Combinators.combine(streamIndex, Arbitraries.integers().between(1, 3), expectation)
                .as(Part::new).map(part -> new Operation(List.of(part), false));
        Arbitrary<Operation> multi = Combinators.combine(streamIndex, Arbitraries.integers().between(0, 2), expectation)
                .as(Part::new).list().ofMinSize(2).ofMaxSize(3).uniqueElements(Part::streamIndex)
                .filter(parts -> parts.stream().anyMatch(part -> part.eventCount() > 0))
                .map(parts -> new Operation(parts, false));
        Arbitrary<Operation> operation = Arbitraries.frequencyOf(
                Tuple.of(5, single), Tuple.of(3, multi), Tuple.of(2, Arbitraries.just(Operation.RETRY)));
        Arbitrary<List<Operation>> writer = operation.list().ofMinSize(1).ofMaxSize(8);
        return Combinators.combine(
                Arbitraries.integers().between(1, 3),
                Arbitraries.of(true, false),
                writer.list().ofMinSize(2).ofMaxSize(4),
                Arbitraries.longs())
                .as(Plan::new);
    }

    private static StreamId stream(int index) {
        return StreamId.of("account-" + index);
    }

    private List<Attempt> run(Plan plan, LedgerUnderTest ledger) throws Exception {
        try (EventStore creator = ledger.open()) {
            assertEquals(0, creator.lastPosition(), "a new ledger starts empty");
        }
        ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        EventStore shared = plan.sharedStore() ? ledger.open() : null;
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int threadIndex = 0; threadIndex < plan.threadCount(); threadIndex++) {
                List<Integer> writers = new ArrayList<>();
                for (int writer = threadIndex; writer < plan.writers().size(); writer += plan.threadCount()) {
                    writers.add(writer);
                }
                Random schedule = new Random(plan.scheduleSeed() + threadIndex);
                Thread thread = new Thread(() -> {
                    try {
                        start.await();
                        if (shared != null) {
                            runWriters(plan, writers, schedule, shared, attempts);
                        } else {
                            try (EventStore own = ledger.open()) {
                                runWriters(plan, writers, schedule, own, attempts);
                            }
                        }
                    } catch (Throwable failure) {
                        failures.add(failure);
                    }
                }, "writer-thread-" + threadIndex);
                threads.add(thread);
                thread.start();
            }
            start.countDown();
            for (Thread thread : threads) {
                // a hang guard: a thread's few dozen appends take milliseconds, and seconds on a loaded machine where
                // several writers wait for each other's locks
                thread.join(WRITER_HANG_GUARD_MILLIS);
                assertFalse(thread.isAlive(), "a writer thread did not finish within " + WRITER_HANG_GUARD_MILLIS / 1000
                        + " s (deadlock?)");
            }
        } finally {
            if (shared != null) {
                shared.close();
            }
        }
        if (!failures.isEmpty()) {
            Throwable first = failures.peek();
            throw new AssertionError("a writer failed with something other than a concurrency conflict: " + first, first);
        }
        // With one thread the queue order is the execution order, which the model check relies on.
        return new ArrayList<>(attempts);
    }

    private void runWriters(Plan plan, List<Integer> writers, Random schedule, EventStore store,
                            ConcurrentLinkedQueue<Attempt> attempts) {
        Map<Integer, Integer> nextOperation = new HashMap<>();
        Map<Integer, Map<StreamId, Long>> lastSeen = new HashMap<>();
        Map<Integer, List<StreamAppend>> previousAppends = new HashMap<>();
        List<Integer> busy = new ArrayList<>(writers);
        while (!busy.isEmpty()) {
            int writer = busy.get(schedule.nextInt(busy.size()));
            int index = nextOperation.merge(writer, 1, Integer::sum) - 1;
            List<Operation> operations = plan.writers().get(writer);
            if (index + 1 >= operations.size()) {
                busy.remove(Integer.valueOf(writer));
            }
            Operation operation = operations.get(index);
            Map<StreamId, Long> seen = lastSeen.computeIfAbsent(writer, key -> new HashMap<>());
            List<StreamAppend> appends = operation.retryPrevious() && previousAppends.containsKey(writer)
                    ? previousAppends.get(writer)
                    : toAppends(writer, index, operation.retryPrevious() ? List.of(new Part(0, 1, Expectation.ANY))
                    : operation.parts(), seen);
            previousAppends.put(writer, appends);
            attempts.add(execute(store, writer, appends, seen));
        }
    }

    private static List<StreamAppend> toAppends(int writer, int operationIndex, List<Part> parts, Map<StreamId, Long> seen) {
        List<StreamAppend> appends = new ArrayList<>();
        for (Part part : parts) {
            StreamId stream = stream(part.streamIndex());
            List<NewEvent> events = new ArrayList<>();
            for (int i = 0; i < part.eventCount(); i++) {
                String eventId = "w" + writer + "-op" + operationIndex + "-" + stream + "-e" + i;
                events.add(new NewEvent(eventId, "PostingRecorded", 1,
                        "{\"writer\":" + writer + ",\"operation\":" + operationIndex + ",\"index\":" + i + "}",
                        EventMetadata.by("writer-" + writer)));
            }
            ExpectedVersion expected = switch (part.expectation()) {
                case LAST_SEEN -> ExpectedVersion.exactly(seen.getOrDefault(stream, 0L));
                case ANY -> ExpectedVersion.ANY;
                case NO_STREAM -> ExpectedVersion.NO_STREAM;
                case STREAM_EXISTS -> ExpectedVersion.STREAM_EXISTS;
            };
            appends.add(new StreamAppend(stream, expected, events));
        }
        return appends;
    }

    private static Attempt execute(EventStore store, int writer, List<StreamAppend> appends, Map<StreamId, Long> seen) {
        try {
            AppendResult result = appends.size() == 1
                    ? store.append(appends.get(0).stream(), appends.get(0).expected(), appends.get(0).events())
                    : store.appendAll(appends);
            for (StreamAppend part : appends) {
                Long version = result.streamVersions().get(part.stream());
                if (version != null) {
                    seen.put(part.stream(), version);
                }
            }
            return new Attempt(writer, appends, result, null);
        } catch (ConcurrencyConflict conflict) {
            seen.put(conflict.stream(), conflict.actualVersion());
            return new Attempt(writer, appends, null, conflict);
        }
    }

    private static void assertLedgerHoldsExactlyTheReturnedAppends(EventStore store, List<Attempt> attempts) {
        List<RecordedEvent> stored = new ArrayList<>();
        try (EventCursor cursor = store.readAll(0)) {
            cursor.forEachRemaining(stored::add);
        }
        // global positions: 1, 2, 3, ... with no gap
        for (int i = 0; i < stored.size(); i++) {
            assertEquals(i + 1, stored.get(i).position(), "global positions must be contiguous from 1");
        }
        assertEquals(stored.size(), store.lastPosition(), "lastPosition must be the number of stored events");

        // stream versions: 1, 2, 3, ... per stream, in position order, agreeing with streamVersion and readStream
        Map<StreamId, Long> versions = new TreeMap<>();
        Map<String, RecordedEvent> byEventId = new HashMap<>();
        for (RecordedEvent event : stored) {
            long expectedVersion = versions.merge(event.streamId(), 1L, Long::sum);
            assertEquals(expectedVersion, event.version(), "versions of " + event.streamId() + " must be contiguous from 1");
            RecordedEvent twin = byEventId.put(event.eventId(), event);
            assertNull(twin, "event id " + event.eventId() + " is stored twice");
        }
        for (int index = 0; index < STREAM_COUNT; index++) {
            StreamId stream = stream(index);
            long version = versions.getOrDefault(stream, 0L);
            assertEquals(version, store.streamVersion(stream), "streamVersion of " + stream);
            List<RecordedEvent> read = store.readStream(stream, 1, Direction.FORWARD, Integer.MAX_VALUE);
            assertEquals(version, read.size(), "readStream of " + stream + " must return all its events");
        }

        // every returned append is stored once, at the returned positions; nothing else is stored
        Map<String, Long> returnedPositions = new HashMap<>();
        Set<String> conflicted = new HashSet<>();
        for (Attempt attempt : attempts) {
            List<String> ids = attempt.eventIds();
            if (attempt.conflict() != null) {
                conflicted.addAll(ids);
                assertTrue(attempt.appends().stream().anyMatch(part -> part.stream().equals(attempt.conflict().stream())),
                        "a conflict must name a stream of the append");
                StreamAppend guilty = attempt.appends().stream()
                        .filter(part -> part.stream().equals(attempt.conflict().stream())).findFirst().orElseThrow();
                assertFalse(guilty.expected().isSatisfiedBy(attempt.conflict().actualVersion()),
                        "a conflict was raised although " + guilty.expected() + " is satisfied by the reported version "
                                + attempt.conflict().actualVersion());
                continue;
            }
            AppendResult result = attempt.result();
            assertEquals(ids.size(), result.positions().size(), "one position per appended event");
            for (int i = 0; i < ids.size(); i++) {
                Long earlier = returnedPositions.put(ids.get(i), result.positions().get(i));
                if (earlier != null) {
                    assertEquals(earlier, result.positions().get(i),
                            "a retried event id " + ids.get(i) + " must return its original position");
                }
            }
            List<StreamId> streams = attempt.streamOfEachEvent();
            for (int i = 0; i < ids.size(); i++) {
                RecordedEvent event = byEventId.get(ids.get(i));
                assertNotNull(event, "event " + ids.get(i) + " was returned by an append but is not stored");
                assertEquals(result.positions().get(i), event.position(), "position of " + ids.get(i));
                assertEquals(streams.get(i), event.streamId(), "stream of " + ids.get(i));
            }
            if (!result.alreadyStored()) {
                for (StreamAppend part : attempt.appends()) {
                    if (part.events().isEmpty()) {
                        continue;
                    }
                    RecordedEvent first = byEventId.get(part.events().get(0).eventId());
                    RecordedEvent last = byEventId.get(part.events().get(part.events().size() - 1).eventId());
                    assertTrue(part.expected().isSatisfiedBy(first.version() - 1),
                            "append to " + part.stream() + " expected " + part.expected() + " but was written after version "
                                    + (first.version() - 1));
                    assertEquals(last.version(), result.versionOf(part.stream()), "returned version of " + part.stream());
                }
            }
        }
        conflicted.removeAll(returnedPositions.keySet());
        for (String id : conflicted) {
            assertFalse(byEventId.containsKey(id), "event " + id + " was refused with a conflict but is stored");
        }
        assertEquals(returnedPositions.size(), stored.size(), "the ledger holds events no append returned");

        IntegrityReport report = store.verify();
        assertTrue(report.intact(), report.summary());
        assertEquals(stored.size(), report.eventsChecked(), "verify must check every event");
    }

    /** Replays the single-threaded attempts against a model of stream versions and stored ids. */
    private static void assertOutcomesMatchTheModel(List<Attempt> attempts) {
        Map<StreamId, Long> modelVersions = new HashMap<>();
        Set<String> modelStored = new HashSet<>();
        for (Attempt attempt : attempts) {
            List<String> ids = attempt.eventIds();
            String context = "attempt of writer " + attempt.writer() + " " + describe(attempt.appends());
            if (!ids.isEmpty() && modelStored.containsAll(ids)) {
                assertNull(attempt.conflict(), context + ": a retry of stored event ids must not conflict");
                assertTrue(attempt.result().alreadyStored(), context + ": a retry must report alreadyStored");
                continue;
            }
            StreamAppend unsatisfied = attempt.appends().stream()
                    .filter(part -> !part.expected().isSatisfiedBy(modelVersions.getOrDefault(part.stream(), 0L)))
                    .findFirst().orElse(null);
            if (unsatisfied != null) {
                assertNotNull(attempt.conflict(), context + ": must conflict on " + unsatisfied.stream());
                assertEquals(modelVersions.getOrDefault(attempt.conflict().stream(), 0L), attempt.conflict().actualVersion(),
                        context + ": the conflict must report the stream's actual version");
                continue;
            }
            if (attempt.conflict() != null) {
                fail(context + ": conflicted although every expectation held: " + attempt.conflict().getMessage());
            }
            assertFalse(attempt.result().alreadyStored(), context + ": new events reported as already stored");
            for (StreamAppend part : attempt.appends()) {
                long version = modelVersions.merge(part.stream(), (long) part.events().size(), Long::sum);
                if (!part.events().isEmpty()) {
                    assertEquals(version, attempt.result().versionOf(part.stream()), context + ": version of " + part.stream());
                }
            }
            modelStored.addAll(ids);
        }
    }

    private static String describe(List<StreamAppend> appends) {
        return appends.stream()
                .map(part -> part.stream() + "@" + part.expected() + "+" + part.events().size())
                .toList().toString();
    }
}
