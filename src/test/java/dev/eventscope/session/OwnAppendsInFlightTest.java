package dev.eventscope.session;

import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.ExpectedVersion;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Session 20 (adversary2): on a very loaded machine an append of this session can take longer than any fixed bound to
 * come back after the store announced its positions. {@link OwnAppends#appendedHere} waited at most 5 s and then named
 * the session's own append "another process's"; it now waits until the appends begun before the call have returned
 * or failed (and not for those begun later).
 */
class OwnAppendsInFlightTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(60);
    /** Longer than the 5 s the base waited at most: the held append stays in flight at least this long. */
    private static final long HELD_NANOS = TimeUnit.SECONDS.toNanos(7);

    @TempDir
    Path folder;

    private static NewEvent event(String id) {
        return new NewEvent(id, "Noted", 1, "{}", new EventMetadata("alice", "c-" + id, null, "Note"));
    }

    /** A store whose every append is written, announced and then held (as a starved thread would be) until released. */
    private static final class Held {
        final List<CountDownLatch> written = List.of(new CountDownLatch(1), new CountDownLatch(1));
        final List<CountDownLatch> release = List.of(new CountDownLatch(1), new CountDownLatch(1));
        final AtomicInteger calls = new AtomicInteger();

        EventStore around(EventStore real) {
            return (EventStore) Proxy.newProxyInstance(EventStore.class.getClassLoader(), new Class<?>[] {EventStore.class},
                    (proxy, method, args) -> {
                        Object result;
                        try {
                            result = method.invoke(real, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                        if (method.getName().equals("append")) {
                            int call = calls.getAndIncrement();
                            written.get(call).countDown();
                            if (!release.get(call).await(HANG_GUARD.toSeconds(), TimeUnit.SECONDS)) {
                                throw new AssertionError("append " + call + " never released");
                            }
                        }
                        return result;
                    });
        }
    }

    @Test
    void an_own_append_held_longer_than_five_seconds_after_its_commit_is_still_named_its_own() throws Exception {
        Held held = new Held();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (EventStore raw = SqliteEventStore.open(folder.resolve("notes.ledger"));
             OwnAppends store = new OwnAppends(held.around(raw))) {
            Future<?> append = threads.submit(() -> store.append(StreamId.of("note-a"), ExpectedVersion.ANY, List.of(event("1"))));
            assertTrue(held.written.get(0).await(HANG_GUARD.toSeconds(), TimeUnit.SECONDS), "the append reached the store");
            assertEquals(1, raw.lastPosition(), "#1 is committed (and may be announced) while its append has not returned");

            long asked = System.nanoTime();
            Future<Boolean> own = threads.submit(() -> store.appendedHere(1));
            // Keep the append in flight until the question is answered (the base answered after 5 s) or longer than
            // the base ever waited: the answer must not come before the append has returned.
            await().atMost(HANG_GUARD).pollInterval(Duration.ofMillis(50))
                    .until(() -> own.isDone() || System.nanoTime() - asked > HELD_NANOS);
            assertFalse(own.isDone(), "answered while this session's append of #1 was still in flight");
            held.release.get(0).countDown();
            append.get(HANG_GUARD.toSeconds(), TimeUnit.SECONDS);
            assertTrue(own.get(HANG_GUARD.toSeconds(), TimeUnit.SECONDS), "#1 was appended by this session");
        } finally {
            held.release.forEach(CountDownLatch::countDown);
            threads.shutdownNow();
        }
    }

    @Test
    void appends_begun_after_the_question_are_not_waited_for() throws Exception {
        Held held = new Held();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (EventStore raw = SqliteEventStore.open(folder.resolve("notes.ledger"));
             OwnAppends store = new OwnAppends(held.around(raw))) {
            Future<?> first = threads.submit(() -> store.append(StreamId.of("note-a"), ExpectedVersion.ANY, List.of(event("1"))));
            assertTrue(held.written.get(0).await(HANG_GUARD.toSeconds(), TimeUnit.SECONDS));

            CompletableFuture<Boolean> own = new CompletableFuture<>();
            Thread asker = new Thread(() -> {
                try {
                    own.complete(store.appendedHere(1));
                } catch (Throwable e) {
                    own.completeExceptionally(e);
                }
            }, "asker");
            asker.setDaemon(true);
            asker.start();
            await().atMost(HANG_GUARD).until(() -> asker.getState() == Thread.State.WAITING || own.isDone());

            // A second append begins after the question and stays in flight: the answer must not wait for it.
            Future<?> second = threads.submit(() -> store.append(StreamId.of("note-a"), ExpectedVersion.ANY, List.of(event("2"))));
            assertTrue(held.written.get(1).await(HANG_GUARD.toSeconds(), TimeUnit.SECONDS));
            held.release.get(0).countDown();
            first.get(HANG_GUARD.toSeconds(), TimeUnit.SECONDS);
            assertTrue(own.get(HANG_GUARD.toSeconds(), TimeUnit.SECONDS), "#1 was appended by this session");
            assertFalse(second.isDone(), "the second append is still held");

            held.release.get(1).countDown();
            second.get(HANG_GUARD.toSeconds(), TimeUnit.SECONDS);
            assertTrue(store.appendedHere(2));
        } finally {
            held.release.forEach(CountDownLatch::countDown);
            threads.shutdownNow();
        }
    }
}
