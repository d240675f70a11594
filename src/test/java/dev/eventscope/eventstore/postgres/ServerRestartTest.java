package dev.eventscope.eventstore.postgres;

import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.EventStoreException;
import dev.eventscope.eventstore.ExpectedVersion;
import dev.eventscope.eventstore.IntegrityReport;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.StreamId;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A PostgreSQL server of its own is stopped and started again while a writer keeps appending. Every
 * append either returns (and is then stored whole, at the positions it returned) or fails with one
 * sentence about the server; the writer's store carries on by itself once the server is back, and
 * nothing committed is lost.
 */
class ServerRestartTest {

    @TempDir
    Path folder;

    @Test
    @Timeout(value = 600, unit = TimeUnit.SECONDS)
    @DisplayName("given a writer appending, when the server restarts, then returned appends survive whole, failures are one sentence, and appending resumes")
    void appends_survive_a_server_restart_and_the_store_reconnects() throws Exception {
        Path data = folder.resolve("data");
        EmbeddedPostgres server = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPGStartupWait(TestPostgres.EMBEDDED_STARTUP_WAIT).start();
        int port = server.getPort();
        PostgresLedgerUrl url = new PostgresLedgerUrl("postgres", "localhost", port, "postgres", "restarted");
        PostgresEventStore.create(url, PostgresOptions.defaults()).close();

        Map<String, Long> returned = new ConcurrentHashMap<>();
        List<String> failures = new CopyOnWriteArrayList<>();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread writer;
        try (PostgresEventStore store = PostgresEventStore.open(url, PostgresOptions.defaults()
                .withConnectTimeout(Duration.ofSeconds(2)), false)) {
            writer = new Thread(() -> {
                int attempt = 0;
                while (running.get()) {
                    attempt++;
                    List<NewEvent> pair = List.of(event("a" + attempt + "-1"), event("a" + attempt + "-2"));
                    try {
                        var result = store.append(StreamId.of("account-cash"), ExpectedVersion.ANY, pair);
                        returned.put(pair.get(0).eventId(), result.positions().get(0));
                        returned.put(pair.get(1).eventId(), result.positions().get(1));
                    } catch (EventStoreException failed) {
                        failures.add(failed.getMessage());
                    } catch (dev.eventscope.eventstore.ConcurrencyConflict impossible) {
                        failures.add("a conflict with ExpectedVersion.ANY: " + impossible.getMessage());
                    }
                }
            }, "restart-test-writer");
            writer.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> returned.size() >= 40);

            server.close();
            // the writer keeps appending while the server is away, until an append has failed: on a busy machine the
            // writer thread may not run at all during a quick restart, and then nothing would show the restart noticed
            int failuresBefore = failures.size();
            await("an append failing while the server is away").atMost(Duration.ofSeconds(120))
                    .until(() -> failures.size() > failuresBefore);
            server = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPGStartupWait(TestPostgres.EMBEDDED_STARTUP_WAIT).setPort(port).start();

            int beforeRestart = returned.size();
            await().atMost(Duration.ofSeconds(120)).until(() -> returned.size() >= beforeRestart + 40);
            running.set(false);
            writer.join(120_000);
            assertFalse(writer.isAlive());

            assertFalse(failures.isEmpty(), "the restart was noticed");
            for (String failure : failures) {
                assertTrue(failure.contains("PostgreSQL server localhost:" + port) && failure.lines().count() == 1,
                        "one sentence naming the server: " + failure);
            }
            Map<String, RecordedEvent> stored = new ConcurrentHashMap<>();
            for (long position = 1; position <= store.lastPosition(); position++) {
                RecordedEvent event = store.readAt(position).orElseThrow();
                stored.put(event.eventId(), event);
            }
            returned.forEach((eventId, position) -> assertEquals(position, stored.get(eventId).position(),
                    eventId + " was returned, so it is stored where it was said to be"));
            for (RecordedEvent event : stored.values()) {
                String partner = event.eventId().endsWith("-1") ? event.eventId().replace("-1", "-2")
                        : event.eventId().replace("-2", "-1");
                assertTrue(stored.containsKey(partner), "an append is stored whole: " + event.eventId());
            }
            IntegrityReport report = store.verify();
            assertTrue(report.intact(), report.summary());
        } finally {
            running.set(false);
            server.close();
        }
    }

    private static NewEvent event(String id) {
        return new NewEvent(id, "Something", 1, "{}", EventMetadata.by("alice"));
    }
}
