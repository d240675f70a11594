package dev.eventscope.eventstore.sqlite;

import dev.eventscope.eventstore.AppendResult;
import dev.eventscope.eventstore.EventCursor;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.EventStoreException;
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
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A writer JVM is killed with SIGKILL while it appends batches, always at a known point: it halts there and says
 * so (see {@link CrashWorker.StopPoint}), and only then is it killed. Each stop point runs with synchronous=FULL and
 * NORMAL: in the middle of inserting a batch's events, at the start of its COMMIT, and after the append returned
 * but before the worker reported it. Reopening the ledger must show exactly the batches committed before the kill,
 * each whole, none of the one in flight, with contiguous positions and an intact hash chain, and the ledger must
 * accept appends again.
 */
class CrashSafetyTest {

    private static final Logger LOG = LoggerFactory.getLogger(CrashSafetyTest.class);
    /** Every stop point with both synchronous settings. */
    private static final int TRIALS = 2 * CrashWorker.StopPoint.values().length;

    @Test
    @Timeout(value = 600, unit = TimeUnit.SECONDS)
    @DisplayName("given a writer killed mid-append, when the ledger is reopened, then every batch is all or nothing and every returned batch is there")
    void a_killed_writer_leaves_only_whole_batches(@TempDir Path directory) throws Exception {
        long masterSeed = System.nanoTime();
        Random random = new Random(masterSeed);
        for (int trial = 0; trial < TRIALS; trial++) {
            CrashWorker.StopPoint point = CrashWorker.StopPoint.values()[trial % CrashWorker.StopPoint.values().length];
            String synchronous = trial < TRIALS / 2 ? "FULL" : "NORMAL";
            long seed = random.nextLong();
            // some batches are committed and reported before the one the worker is killed in
            int stopBatch = 1 + random.nextInt(40);
            String context = "trial " + trial + " (master seed " + masterSeed + ", synchronous=" + synchronous
                    + ", killed at " + point + " of batch " + stopBatch + ")";
            Path ledger = directory.resolve("ledger-" + trial + ".sqlite");
            // the ledger exists before the writer starts: this test is about appends (creation has its own test)
            try (EventStore creator = SqliteEventStore.open(ledger)) {
                assertEquals(0, creator.lastPosition());
            }
            int done = runAndKill(ledger, directory.resolve("crash-" + trial + ".err").toFile(), synchronous, seed,
                    stopBatch, point, context);
            assertEquals(stopBatch, done, context + ": every batch before the stop batch is reported, and no other");
            // the append in flight at the kill is not there; one that returned is, although it was never reported
            int committed = point == CrashWorker.StopPoint.RETURNED ? stopBatch + 1 : stopBatch;
            assertLedgerHoldsWholeBatches(ledger, seed, committed, context);
            LOG.info("crash safety: {}: {} batches reported, {} stored", context, done, committed);
        }
    }

    @Test
    @Timeout(value = 600, unit = TimeUnit.SECONDS)
    @DisplayName("given a writer killed at each step of creating a new ledger, when the ledger is opened again, then it opens, is intact and takes appends")
    void a_writer_killed_while_creating_a_ledger_leaves_a_file_that_opens(@TempDir Path directory) throws Exception {
        for (CreationCrashWorker.StopPoint point : CreationCrashWorker.StopPoint.values()) {
            Path ledger = directory.resolve("new-" + point + ".sqlite");
            File errorLog = directory.resolve("create-" + point + ".err").toFile();
            Process worker = AppendWorker.startJvm(CreationCrashWorker.class, errorLog, ledger.toString(), point.name());
            String halted;
            try (BufferedReader output = new BufferedReader(new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8))) {
                halted = output.readLine();
            } finally {
                // SIGKILL while it waits at the stop point (a worker that never got there is killed too)
                worker.toHandle().destroyForcibly();
            }
            assertTrue(worker.waitFor(60, TimeUnit.SECONDS), "the killed worker did not die");
            assertEquals("STOPPED " + point, halted, "where the worker halted\n" + Files.readString(errorLog.toPath()));
            String leftOnDisk = describeFiles(directory, "new-" + point + ".sqlite");
            // the ledger's name never shows a half-made file: it appears only once the file is complete
            assertEquals(point.linked(), Files.exists(ledger), "killed at " + point + ", the files left: " + leftOnDisk);
            try (EventStore store = SqliteEventStore.open(ledger)) {
                IntegrityReport report = store.verify();
                assertTrue(report.intact(), "killed at " + point + ": " + report.summary());
                assertEquals(0, store.lastPosition(), "killed at " + point + ": a new ledger holds no event");
                List<StreamAppend> first = CrashWorker.batch(point.ordinal(), 0);
                assertEquals(1, store.appendAll(first).positions().get(0), "killed at " + point + ": the first append");
                assertTrue(store.verify().intact(), "killed at " + point + ": chain intact after the first append");
            } catch (EventStoreException refused) {
                throw new AssertionError("killed at " + point + ", a writer creating a new ledger left " + leftOnDisk
                        + ", and open() refuses it, so the ledger cannot be used until someone deletes"
                        + " the file by hand: " + refused.getMessage(), refused);
            }
        }
    }

    private static String describeFiles(Path directory, String prefix) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            // the hidden file a creation writes first is named after the ledger too
            return files.filter(file -> file.getFileName().toString().contains(prefix))
                    .map(file -> file.getFileName() + " (" + file.toFile().length() + " bytes)")
                    .sorted().toList().toString();
        }
    }

    /**
     * Runs a worker until it halts at its stop point, kills it there, and returns how many batches it reported
     * DONE (batches 0 .. n-1).
     */
    private static int runAndKill(Path ledger, File errorLog, String synchronous, long seed, int stopBatch,
                                  CrashWorker.StopPoint point, String context) throws Exception {
        Process worker = AppendWorker.startJvm(CrashWorker.class, errorLog, ledger.toString(), synchronous,
                String.valueOf(seed), String.valueOf(stopBatch), point.name());
        int done = 0;
        boolean stopped = false;
        try (BufferedReader output = new BufferedReader(new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8))) {
            while (!stopped) {
                String line = output.readLine();
                if (line == null) {
                    break;
                }
                if (line.startsWith("DONE ")) {
                    assertEquals(done, Integer.parseInt(line.substring(5)), context + ": batches are reported in order");
                    done++;
                } else if (line.startsWith("STOPPED ")) {
                    assertEquals("STOPPED " + point + " " + stopBatch, line, context + ": where the worker halted");
                    stopped = true;
                } else if (!line.equals("READY")) {
                    throw new AssertionError(context + ": the worker failed: " + line + "\n" + Files.readString(errorLog.toPath()));
                }
            }
        } finally {
            // SIGKILL while it waits at the stop point (a worker that never got there is killed too)
            worker.toHandle().destroyForcibly();
        }
        assertTrue(worker.waitFor(60, TimeUnit.SECONDS), "the killed worker did not die");
        assertTrue(stopped, context + ": the worker ended without reaching its stop point\n" + Files.readString(errorLog.toPath()));
        return done;
    }

    private static void assertLedgerHoldsWholeBatches(Path ledger, long seed, int committed, String context) throws Exception {
        // an auditor may be the first to open the ledger after the crash
        long seenReadOnly;
        try (EventStore auditor = SqliteEventStore.openReadOnly(ledger)) {
            seenReadOnly = auditor.lastPosition();
        }
        try (EventStore store = SqliteEventStore.open(ledger)) {
            assertEquals(seenReadOnly, store.lastPosition(), context + ": read-only and read-write opens disagree on the last position");
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
            assertEquals(committed, stored, context + ": batches stored (the one in flight must be all or nothing)");
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
