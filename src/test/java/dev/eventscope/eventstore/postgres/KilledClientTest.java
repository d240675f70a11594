package dev.eventscope.eventstore.postgres;

import dev.eventscope.eventstore.IntegrityReport;
import dev.eventscope.eventstore.StreamFilter;
import dev.eventscope.eventstore.StreamInfo;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A client JVM appending large batches is killed with SIGKILL at a random moment, ten times over. The
 * server rolls back whatever transaction the dead client had open: every batch it was told was stored
 * is there whole, at the positions it was told, no batch is there in part, positions stay contiguous
 * and the chain verifies.
 */
class KilledClientTest {

    private static final int TRIALS = 10;
    private static final int BATCH = 2_000;
    private static final long CLIENT_HANG_GUARD_SECONDS = 300;

    private static String readQuietly(File file) {
        try {
            return Files.readString(file.toPath());
        } catch (java.io.IOException unreadable) {
            return "(" + file + " cannot be read: " + unreadable.getMessage() + ")";
        }
    }

    @TempDir
    Path folder;

    @Test
    @DisplayName("given a client killed mid-batch ten times, then every returned batch is whole and no batch is partial")
    void a_client_killed_mid_batch_leaves_only_whole_batches() throws Exception {
        PostgresLedgerUrl url = TestPostgres.freshLedger();
        File errors = folder.resolve("client.err").toFile();
        Random random = new Random(14);
        Map<String, long[]> returned = new HashMap<>();
        for (int trial = 1; trial <= TRIALS; trial++) {
            String name = "t" + trial;
            Process client = PostgresWorker.start(errors, "128m", "batches", url.toString(), name, Integer.toString(BATCH));
            int batchesBeforeKill = 1 + random.nextInt(3);
            try {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8))) {
                    // a hang guard per client JVM (a bound around all ten measured the machine's speed, not a hang)
                    assertTimeoutPreemptively(Duration.ofSeconds(CLIENT_HANG_GUARD_SECONDS), () -> {
                        int appending = 0;
                        while (appending <= batchesBeforeKill) {
                            String line = out.readLine();
                            assertTrue(line != null, "the client stopped early: " + Files.readString(errors.toPath()));
                            String[] parts = line.split(" ");
                            if (line.startsWith("RETURNED ")) {
                                returned.put("batch-" + name + "-" + parts[1], new long[] {Long.parseLong(parts[2]), Long.parseLong(parts[3])});
                            } else if (line.startsWith("APPENDING ")) {
                                appending++;
                            }
                        }
                    }, () -> "client " + name + " did not begin its batch " + (batchesBeforeKill + 1) + " within "
                            + CLIENT_HANG_GUARD_SECONDS + " s: " + readQuietly(errors));
                    // the client is inside its append of the next batch (hashing, inserting or committing 2,000 events)
                    client.destroyForcibly();
                }
            } finally {
                client.destroyForcibly(); // a client that never got there is killed too
            }
            assertTrue(client.waitFor(120, TimeUnit.SECONDS));
        }
        try (PostgresEventStore store = PostgresEventStore.open(url)) {
            List<StreamInfo> batches = store.streams(StreamFilter.category("batch"));
            long total = 0;
            for (StreamInfo batch : batches) {
                assertEquals(BATCH, batch.version(), batch.streamId() + " is whole");
                total += batch.version();
                long[] positions = returned.get(batch.streamId().value());
                if (positions != null) {
                    assertEquals(positions[1], batch.lastPosition(), batch.streamId() + " is where its client was told");
                    assertEquals(positions[0], store.readStream(batch.streamId(), 1, dev.eventscope.eventstore.Direction.FORWARD, 1)
                            .get(0).position());
                }
            }
            for (String batch : returned.keySet()) {
                assertTrue(batches.stream().anyMatch(info -> info.streamId().value().equals(batch)), batch + " was returned");
            }
            assertEquals(total, store.lastPosition(), "positions are contiguous: nothing partial, nothing lost");
            IntegrityReport report = store.verify();
            assertTrue(report.intact(), report.summary());
        }
    }
}
