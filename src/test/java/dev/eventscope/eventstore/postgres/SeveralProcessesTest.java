package dev.eventscope.eventstore.postgres;

import dev.eventscope.eventstore.BulkAppend;
import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.ExpectedVersion;
import dev.eventscope.eventstore.IntegrityReport;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.StreamAppend;
import dev.eventscope.eventstore.StreamId;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Other JVMs on one PostgreSQL ledger, as other desktops: racing writers, and a reader with a small heap. */
class SeveralProcessesTest {

    @TempDir
    Path folder;

    private static List<String> linesOf(Process process) throws Exception {
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
            }
        }
        assertTrue(process.waitFor(300, TimeUnit.SECONDS), "the worker finished");
        return lines;
    }

    @Test
    @Timeout(value = 600, unit = TimeUnit.SECONDS)
    @DisplayName("given three JVMs racing for two streams, then every version is won once, every win is stored where it was reported, and the chain verifies")
    void racing_jvms_win_each_version_once() throws Exception {
        PostgresLedgerUrl url = TestPostgres.freshLedger();
        File errors = folder.resolve("workers.err").toFile();
        List<Process> workers = new ArrayList<>();
        for (String name : List.of("anna", "ben", "cleo")) {
            workers.add(PostgresWorker.start(errors, "128m", "race", url.toString(), name, "40", "account-a,ledger"));
        }
        List<String> wins = new ArrayList<>();
        for (Process worker : workers) {
            List<String> lines = linesOf(worker);
            assertEquals("FINISHED", lines.get(lines.size() - 1), lines + " / " + Files.readString(errors.toPath()));
            lines.stream().filter(line -> line.startsWith("WON ")).forEach(wins::add);
        }
        try (PostgresEventStore store = PostgresEventStore.open(url)) {
            assertEquals(wins.size(), store.lastPosition(), "every won append, and nothing else, is stored");
            Set<String> streamVersions = new HashSet<>();
            for (String win : wins) {
                String[] parts = win.split(" ");
                RecordedEvent stored = store.readAt(Long.parseLong(parts[2])).orElseThrow();
                assertEquals(parts[1], stored.eventId());
                assertEquals(parts[3], stored.streamId().value());
                assertEquals(Long.parseLong(parts[4]), stored.version());
                assertTrue(streamVersions.add(parts[3] + "@" + parts[4]), "version won twice: " + win);
            }
            assertEquals(wins.size(), store.streamVersion(StreamId.of("account-a")) + store.streamVersion(StreamId.of("ledger")));
            IntegrityReport report = store.verify();
            assertTrue(report.intact(), report.summary());
        }
    }

    @Test
    @Timeout(value = 600, unit = TimeUnit.SECONDS)
    @DisplayName("given a ledger with more event data than a reader's heap, when that reader walks the whole ledger, then the server-side cursor keeps it within its heap")
    void the_whole_ledger_cursor_reads_more_than_the_heap_holds() throws Exception {
        PostgresLedgerUrl url = TestPostgres.freshLedger();
        String payload = "{\"text\":\"" + "x".repeat(2_000) + "\"}";
        int appends = 40;
        int perAppend = 1_000;
        try (PostgresEventStore store = PostgresEventStore.open(url); BulkAppend bulk = store.beginBulkAppend()) {
            for (int a = 0; a < appends; a++) {
                List<NewEvent> events = new ArrayList<>();
                for (int i = 0; i < perAppend; i++) {
                    events.add(new NewEvent("big-" + a + "-" + i, "Big", 1, payload, EventMetadata.by("loader")));
                }
                bulk.append(List.of(new StreamAppend(StreamId.of("bulk-" + a), ExpectedVersion.NO_STREAM, events)));
            }
            bulk.commit();
        }
        long total = (long) appends * perAppend;
        File errors = folder.resolve("reader.err").toFile();
        List<String> lines = linesOf(PostgresWorker.start(errors, "24m", "count", url.toString()));
        assertEquals(List.of("COUNT " + total + " " + total + " " + total * payload.length()), lines,
                Files.readString(errors.toPath()));
        assertTrue(total * payload.length() > 3 * 24L * 1024 * 1024, "the data is well beyond the reader's heap");
    }
}
