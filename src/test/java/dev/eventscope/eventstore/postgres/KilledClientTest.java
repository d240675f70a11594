package dev.eventscope.eventstore.postgres;

import dev.eventscope.eventstore.IntegrityReport;
import dev.eventscope.eventstore.StreamFilter;
import dev.eventscope.eventstore.StreamInfo;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    @TempDir
    Path folder;

    @Test
    @Timeout(value = 600, unit = TimeUnit.SECONDS)
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
            try (BufferedReader out = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8))) {
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
                // the client is inside its append of the next batch (hashing, inserting or committing 2,000 events)
                client.destroyForcibly();
                assertTrue(client.waitFor(120, TimeUnit.SECONDS));
            }
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
