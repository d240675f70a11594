package dev.eventscope.eventstore.postgres;

import dev.eventscope.eventstore.EventCursor;
import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.ExpectedVersion;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.StreamId;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
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
    /** A hang guard per trial (one trial takes milliseconds). */
    private static final long TRIAL_HANG_GUARD_SECONDS = 120;

    private static NewEvent event(String id) {
        return new NewEvent(id, "Noted", 1, "{\"n\":1}", EventMetadata.by("alice"));
    }

    /** What {@code read} returned; a read that never finishes (the two threads deadlocked) fails the test. */
    private static long finished(Future<Long> read, String which, int trial) throws Exception {
        try {
            return read.get(TRIAL_HANG_GUARD_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException deadlocked) {
            return fail(which + " of trial " + trial + " did not finish within " + TRIAL_HANG_GUARD_SECONDS
                    + " s: the cursor and the short reads deadlocked");
        }
    }

    @Test
    void a_cursor_and_short_reads_learning_new_streams_at_once_never_deadlock() throws Exception {
        PostgresLedgerUrl url = TestPostgres.freshLedger();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (PostgresEventStore writer = PostgresEventStore.open(url);
             PostgresEventStore reader = PostgresEventStore.open(url)) {
            // each trial's two reads are waited for with a hang guard of their own: one trial takes milliseconds, and
            // only a deadlock comes near the bound (a bound around all 150 trials measured the machine's speed: a
            // loaded CI machine's 3,000 appends and reads could take longer than it)
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
                assertEquals(STREAMS, finished(whole, "the whole-ledger cursor", trial));
                assertEquals(STREAMS, finished(one, "the short reads", trial));
                read = to;
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
