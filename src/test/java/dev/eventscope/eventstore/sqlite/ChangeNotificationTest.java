package dev.eventscope.eventstore.sqlite;

import dev.eventscope.eventstore.EventStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A listener subscribed in this JVM learns of appends made by another JVM to the same ledger file,
 * within a second (the default poll interval is 200 ms), with the exact positions and no repeats.
 */
class ChangeNotificationTest {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeNotificationTest.class);
    private static final int APPENDS = 3;

    /** One call of the listener, with the moment it arrived. */
    record Notification(long fromPosition, long toPosition, long arrivedNanos) {
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    @DisplayName("given a subscribed listener, when another process appends, then the listener hears of the new position within one second")
    void a_listener_learns_of_another_process_append_within_one_second(@TempDir Path directory) throws Exception {
        // given a ledger open in this process with a subscribed listener
        Path ledger = directory.resolve("watched.ledger");
        File errorLog = directory.resolve("writer.err").toFile();
        BlockingQueue<Notification> notifications = new LinkedBlockingQueue<>();
        try (EventStore store = SqliteEventStore.open(ledger);
             AutoCloseable subscription = store.subscribe((from, to) -> notifications.add(new Notification(from, to, System.nanoTime())))) {
            Process writer = AppendWorker.startJvm(AppendWorker.class, errorLog, "on-demand", ledger.toString(), "account-watched");
            try (BufferedReader output = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8));
                 Writer commands = new OutputStreamWriter(writer.getOutputStream(), StandardCharsets.UTF_8)) {
                assertEquals("READY", output.readLine(), "the writer did not start: " + Files.readString(errorLog.toPath()));
                // nothing is announced before an append, and nothing twice, shown without waiting for an absence:
                // the listener's calls are queued in order, so a stray or repeated call would be the one taken
                // where the next append's is expected (and a last append, below, follows the measured ones)

                List<Long> latencies = new ArrayList<>();
                for (int append = 1; append <= APPENDS; append++) {
                    // when the other process appends one event (the clock starts before it is even asked to)
                    long asked = System.nanoTime();
                    commands.write("APPEND\n");
                    commands.flush();
                    String reply = output.readLine();
                    assertNotNull(reply, "the writer died: " + Files.readString(errorLog.toPath()));
                    assertTrue(reply.startsWith("APPENDED "), "the writer failed: " + reply + "\n" + Files.readString(errorLog.toPath()));
                    long position = Long.parseLong(reply.substring("APPENDED ".length()));
                    assertEquals(append, position, "the writer's append position");

                    // then the listener hears of exactly that position within a second
                    Notification heard = notifications.poll(5, TimeUnit.SECONDS);
                    assertNotNull(heard, "the listener was not told of position " + position + " within 5 s");
                    long latencyMillis = TimeUnit.NANOSECONDS.toMillis(heard.arrivedNanos() - asked);
                    latencies.add(latencyMillis);
                    assertEquals(position, heard.fromPosition(), "first new position (a stray or repeated announcement"
                            + " would be taken here instead)");
                    assertEquals(position, heard.toPosition(), "last new position");
                    assertTrue(latencyMillis < 1000, "the listener learned of position " + position + " after "
                            + latencyMillis + " ms (including the writer's append); it must be under 1000 ms");
                }
                commands.write("APPEND\n");
                commands.flush();
                assertEquals("APPENDED " + (APPENDS + 1), output.readLine(), "the writer's last append");
                Notification last = notifications.poll(5, TimeUnit.SECONDS);
                assertNotNull(last, "the listener was not told of the last append within 5 s");
                assertEquals(APPENDS + 1, last.fromPosition(), "the last append's announcement comes next: none was repeated");
                assertEquals(APPENDS + 1, last.toPosition(), "last new position of the last append");
                LOG.info("cross-process notification latencies (ms, including the append itself): {}", latencies);
            } finally {
                writer.destroyForcibly();
                writer.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
