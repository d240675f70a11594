package dev.eventscope.eventstore.postgres;

import dev.eventscope.eventstore.EventCursor;
import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.ExpectedVersion;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.StreamId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A store's stream names are learnt by whichever read meets an unknown stream key first: the whole-ledger cursor's own
 * thread, or a short read on the shared connection ({@code readAt}) naming its row's stream while it holds that
 * connection. Both at once on streams neither knows yet deadlocked the two threads (the team-ledger window test hung);
 * here both run on a fresh store again and again, and must each finish with every stream named.
 */
class StreamNamesDeadlockTest {

    private static final int STREAMS = 20;
    private static final int TRIALS = 150;

    private static NewEvent event(String id) {
        return new NewEvent(id, "Noted", 1, "{\"n\":1}", EventMetadata.by("alice"));
    }

    @Test
    void a_cursor_and_short_reads_learning_new_streams_at_once_never_deadlock() throws Exception {
        PostgresLedgerUrl url = TestPostgres.freshLedger();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (PostgresEventStore writer = PostgresEventStore.open(url);
             PostgresEventStore reader = PostgresEventStore.open(url)) {
            // generous: one trial takes milliseconds; only a deadlock comes near the bound
            assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
                long read = 0;
                for (int trial = 0; trial < TRIALS; trial++) {
                    // new streams the reader has never seen: whichever thread meets one first loads their names
                    for (int stream = 0; stream < STREAMS; stream++) {
                        writer.append(StreamId.of("account-t" + trial + "-" + stream), ExpectedVersion.NO_STREAM,
                                List.of(event("e-" + trial + "-" + stream)));
                    }
                    long from = read;
                    String prefix = "account-t" + trial + "-";
                    long to = read + STREAMS;
                    CyclicBarrier together = new CyclicBarrier(2);
                    Future<Long> whole = threads.submit(() -> {
                        long count = 0;
                        try (EventCursor cursor = reader.readAll(from)) {
                            together.await();
                            while (cursor.hasNext()) {
                                cursor.next().streamId();
                                count++;
                            }
                        }
                        return count;
                    });
                    Future<Long> one = threads.submit(() -> {
                        together.await();
                        long count = 0;
                        for (long position = to; position > from; position--) {
                            assertTrue(reader.readAt(position).orElseThrow().streamId().value().startsWith(prefix));
                            count++;
                        }
                        return count;
                    });
                    assertEquals(STREAMS, whole.get());
                    assertEquals(STREAMS, one.get());
                    read = to;
                }
            });
        } finally {
            threads.shutdownNow();
        }
    }
}
