package dev.eventscope.eventstore.sqlite;

import dev.eventscope.eventstore.AppendResult;
import dev.eventscope.eventstore.EventCursor;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.IntegrityReport;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.StreamAppend;
import dev.eventscope.eventstore.StreamId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A writer JVM is killed with SIGKILL at a random moment while it appends batches. Reopening the ledger
 * must show every batch whose append returned, whole, and no batch in part (the one in flight included),
 * with contiguous positions and an intact hash chain, and the ledger must accept appends again.
 */
class CrashSafetyTest {

    private static final Logger LOG = LoggerFactory.getLogger(CrashSafetyTest.class);
    private static final int TRIALS = 10;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    @DisplayName("given a writer killed mid-append, when the ledger is reopened, then every batch is all or nothing and every returned batch is there")
    void a_killed_writer_leaves_only_whole_batches(@TempDir Path directory) throws Exception {
        long masterSeed = System.nanoTime();
        Random random = new Random(masterSeed);
        int trialsKilledMidRun = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            String synchronous = trial % 2 == 0 ? "FULL" : "NORMAL";
            long seed = random.nextLong();
            int killAfterMillis = 200 + random.nextInt(1301);
            String context = "trial " + trial + " (master seed " + masterSeed + ", synchronous=" + synchronous
                    + ", killed after " + killAfterMillis + " ms)";
            int done = runAndKill(directory, trial, synchronous, seed, killAfterMillis, context);
            trialsKilledMidRun += done > 0 ? 1 : 0;
            assertLedgerHoldsWholeBatches(directory.resolve("ledger-" + trial + ".sqlite"), seed, Math.max(done, 0), done >= 0, context);
        }
        LOG.info("crash safety: {} of {} trials were killed after at least one batch", trialsKilledMidRun, TRIALS);
        assertTrue(trialsKilledMidRun > 0, "no trial got as far as one appended batch before the kill; the test proved nothing");
    }

    /** Runs a worker, kills it, and returns how many batches it reported DONE (batches 0 .. n-1); -1 if it never opened the ledger. */
    private static int runAndKill(Path directory, int trial, String synchronous, long seed, int killAfterMillis, String context)
            throws Exception {
        Path ledger = directory.resolve("ledger-" + trial + ".sqlite");
        File errorLog = directory.resolve("crash-" + trial + ".err").toFile();
        Process worker = AppendWorker.startJvm(CrashWorker.class, errorLog, ledger.toString(), synchronous, String.valueOf(seed));
        try {
            Thread.sleep(killAfterMillis);
        } finally {
            // SIGKILL through the handle: Process.destroyForcibly would also close our end of the worker's stdout,
            // losing the DONE lines still in the pipe.
            worker.toHandle().destroyForcibly();
        }
        assertTrue(worker.waitFor(10, TimeUnit.SECONDS), "the killed worker did not die");
        int done = 0;
        boolean ready = false;
        try (BufferedReader output = new BufferedReader(new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                if (line.startsWith("DONE ")) {
                    assertEquals(done, Integer.parseInt(line.substring(5)), context + ": batches are reported in order");
                    done++;
                } else if (line.equals("READY")) {
                    ready = true;
                } else {
                    throw new AssertionError(context + ": the worker failed: " + line + "\n" + Files.readString(errorLog.toPath()));
                }
            }
        }
        return ready ? done : -1;
    }

    private static void assertLedgerHoldsWholeBatches(Path ledger, long seed, int done, boolean opened, String context)
            throws Exception {
        if (!Files.exists(ledger)) {
            assertEquals(0, done, context + ": batches were reported but there is no ledger file");
            return;
        }
        // An auditor may be the first to open the ledger after the crash (unless the crash came before the ledger
        // was fully created, when refusing a half-made file read-only is right).
        long seenReadOnly = -1;
        if (opened) {
            try (EventStore auditor = SqliteEventStore.openReadOnly(ledger)) {
                seenReadOnly = auditor.lastPosition();
            }
        }
        try (EventStore store = SqliteEventStore.open(ledger)) {
            if (opened) {
                assertEquals(seenReadOnly, store.lastPosition(), context + ": read-only and read-write opens disagree on the last position");
            }
            TreeMap<Integer, List<RecordedEvent>> batches = new TreeMap<>();
            long position = 0;
            try (EventCursor cursor = store.readAll(0)) {
                while (cursor.hasNext()) {
                    RecordedEvent event = cursor.next();
                    assertEquals(++position, event.position(), context + ": positions must be contiguous");
                    String[] parts = event.eventId().split("-");
                    batches.computeIfAbsent(Integer.parseInt(parts[1]), key -> new ArrayList<>()).add(event);
                }
            }
            for (var entry : batches.entrySet()) {
                assertBatchIsWhole(entry.getKey(), entry.getValue(), CrashWorker.batch(seed, entry.getKey()), context);
            }
            int stored = batches.isEmpty() ? 0 : batches.lastKey() + 1;
            assertEquals(stored, batches.size(), context + ": stored batches must be 0.." + (stored - 1) + " without a gap");
            assertTrue(stored >= done, context + ": " + done + " batches were reported done but only " + stored + " are stored");
            assertTrue(stored <= done + 1, context + ": " + stored + " batches stored but only " + done
                    + " reported; at most one more (the one in flight) may be there");
            IntegrityReport report = store.verify();
            assertTrue(report.intact(), context + ": " + report.summary());
            assertEquals(position, report.eventsChecked(), context + ": verify must check every event");

            // and the recovered ledger takes new appends
            List<StreamAppend> next = CrashWorker.batch(seed, stored);
            AppendResult result = store.appendAll(next);
            assertEquals(position + 1, result.positions().get(0), context + ": the next append continues the positions");
            assertTrue(store.verify().intact(), context + ": chain intact after appending to the recovered ledger");
        }
    }

    private static void assertBatchIsWhole(int k, List<RecordedEvent> stored, List<StreamAppend> planned, String context) {
        List<String> plannedIds = new ArrayList<>();
        List<StreamId> plannedStreams = new ArrayList<>();
        for (StreamAppend part : planned) {
            for (NewEvent event : part.events()) {
                plannedIds.add(event.eventId());
                plannedStreams.add(part.stream());
            }
        }
        assertEquals(plannedIds.size(), stored.size(), context + ": batch " + k + " is only partly stored: "
                + stored.stream().map(RecordedEvent::eventId).toList());
        for (int i = 0; i < stored.size(); i++) {
            RecordedEvent event = stored.get(i);
            assertEquals(plannedIds.get(i), event.eventId(), context + ": batch " + k + " stored out of order");
            assertEquals(plannedStreams.get(i), event.streamId(), context + ": stream of " + event.eventId());
            assertEquals(stored.get(0).position() + i, event.position(), context + ": batch " + k + " is not contiguous");
            assertFalse(event.data().isEmpty(), context + ": data of " + event.eventId());
        }
    }
}
