package dev.eventscope.eventstore.sqlite;

import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.EventStoreException;
import dev.eventscope.eventstore.ExpectedVersion;
import dev.eventscope.eventstore.IntegrityReport;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.StreamId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.eventscope.eventstore.sqlite.LedgerFiles.bigLedger;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Session 19 (adversary2): the check that refuses another ledger's write-ahead log ({@link LedgerSideFiles#refuseForeignLog})
 * reads the ledger file alone while the ledger's own writer may be appending and copying its log into the file
 * (checkpoints of every kind, the log restarted and truncated). It must never refuse the ledger's own log: a writer
 * appending and checkpointing runs while the check, and whole openings for writing, are made again and again. No
 * timing luck is needed for the test to mean something: it counts the checks made with a non-empty log while a
 * checkpoint had run since the previous check, and goes on checking (for up to ten minutes, a hang guard) until there
 * are enough of them: on a busy CI machine the writer may checkpoint only a few times during the first 300 checks.
 */
class ForeignLogCheckUnderWritesTest {

    private static final int CHECKS = 300;
    private static final int RACED_CHECKS = 10;
    /** How long the checks go on for at most while too few of them raced a checkpoint: CI machines differ in speed. */
    private static final long RACE_HANG_GUARD_SECONDS = 600;

    @TempDir
    Path folder;

    @Test
    void a_ledger_s_own_log_is_never_refused_while_its_writer_appends_and_checkpoints() throws Exception {
        Path file = bigLedger(folder.resolve("busy.ledger"), 3_000);
        Path log = Path.of(file + "-wal");
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger appends = new AtomicInteger();
        AtomicInteger checkpoints = new AtomicInteger();
        ConcurrentLinkedQueue<Throwable> writerFailures = new ConcurrentLinkedQueue<>();
        CountDownLatch writing = new CountDownLatch(1);
        Thread writer = new Thread(() -> {
            String[] modes = {"PASSIVE", "FULL", "RESTART", "TRUNCATE"};
            try (SqliteEventStore store = SqliteEventStore.open(file);
                 Connection checkpointer = SqliteConnections.openCheckpointer(file, SqliteOptions.defaults().synchronous());
                 Statement statement = checkpointer.createStatement()) {
                StreamId stream = StreamId.of("account-test:busy");
                for (int n = 0; !stop.get(); n++) {
                    for (int batch = 0; batch < 1 + n % 7; batch++) {
                        store.append(stream, ExpectedVersion.ANY, List.of(new NewEvent("busy-" + n + "-" + batch, "Tested",
                                1, "{\"n\":" + n + ",\"padding\":\"" + "x".repeat(200 + n % 900) + "\"}",
                                EventMetadata.by("writer"))));
                        appends.incrementAndGet();
                    }
                    writing.countDown();
                    statement.execute("PRAGMA wal_checkpoint(" + modes[n % modes.length] + ")");
                    checkpoints.incrementAndGet();
                }
            } catch (Throwable failed) {
                writerFailures.add(failed);
            } finally {
                writing.countDown();
            }
        }, "appending-writer");
        writer.start();
        int racedChecks = 0;
        ConcurrentLinkedQueue<String> refusals = new ConcurrentLinkedQueue<>();
        try {
            assertTrue(writing.await(60, TimeUnit.SECONDS), "the writer began");
            int lastCheckpoints = checkpoints.get();
            // a hang guard only (a writer that stopped checkpointing): the loop ends as soon as enough checks raced
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(RACE_HANG_GUARD_SECONDS);
            // at least CHECKS checks, and on a slow or busy machine more, until enough of them raced a checkpoint
            for (int check = 0; (check < CHECKS || racedChecks < RACED_CHECKS) && System.nanoTime() < deadline
                    && writerFailures.isEmpty(); check++) {
                boolean logThere = Files.isRegularFile(log) && Files.size(log) > 0;
                try {
                    if (check % 10 == 9) {
                        // the whole opening for writing, as a second process (a post, the app) makes it
                        SqliteEventStore.open(file).close();
                    } else {
                        LedgerSideFiles.refuseForeignLog(file);
                    }
                } catch (EventStoreException refused) {
                    refusals.add("check " + check + ": " + refused.getMessage());
                }
                int nowCheckpoints = checkpoints.get();
                if (logThere && nowCheckpoints != lastCheckpoints) {
                    racedChecks++;
                }
                lastCheckpoints = nowCheckpoints;
            }
        } finally {
            stop.set(true);
            writer.join(TimeUnit.SECONDS.toMillis(60));
        }
        assertTrue(writerFailures.isEmpty(), "the writer failed: " + writerFailures);
        assertEquals(List.of(), List.copyOf(refusals), "the ledger's own log was refused");
        assertTrue(racedChecks >= RACED_CHECKS, "checks made while the writer checkpointed: " + racedChecks + " (appends "
                + appends.get() + ", checkpoints " + checkpoints.get() + ")");
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(file)) {
            IntegrityReport after = store.verify();
            assertTrue(after.intact(), after.summary());
            assertEquals(3_000 + appends.get(), after.lastPosition());
        }
    }
}
