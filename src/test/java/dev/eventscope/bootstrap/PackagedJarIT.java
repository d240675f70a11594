package dev.eventscope.bootstrap;

import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.ExpectedVersion;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the packaged jar as a user would: an integration test that Maven's failsafe plugin runs in
 * {@code mvn verify}, after {@code package} has made {@code target/eventscope.jar} and {@code target/lib/}.
 */
class PackagedJarIT {

    private static final Path JAR = Path.of("target", "eventscope.jar");

    @TempDir
    Path folder;

    private record Outcome(int exitCode, String out, String err) {
    }

    private static Outcome java(String... args) throws Exception {
        String javaBinary = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(javaBinary, "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        assertTrue(process.waitFor(300, TimeUnit.SECONDS), "the jar did not finish within five minutes");
        return new Outcome(process.exitValue(),
                new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void the_jar_verifies_a_ledger_and_reports_its_version() throws Exception {
        assertTrue(Files.exists(JAR), "target/eventscope.jar is missing: this test runs in mvn verify, after package");
        Path file = folder.resolve("books.ledger");
        try (SqliteEventStore store = SqliteEventStore.open(file)) {
            store.append(StreamId.of("ledger"), ExpectedVersion.NO_STREAM, List.of(
                    new NewEvent("event-1", "LedgerCreated", 1, "{\"name\":\"Acme\"}", EventMetadata.by("alice"))));
        }

        // a head remembered elsewhere for the same ledger id ("event-1") must not decide this test
        Outcome verify = java("verify", "--ledger", file.toString(), "--heads-dir", folder.resolve("heads").toString());
        Outcome version = java("--version");
        Outcome missing = java("verify", "--ledger", folder.resolve("missing.ledger").toString());

        assertEquals(0, verify.exitCode(), verify.err());
        assertTrue(verify.out().startsWith("intact through position 1, head hash "), verify.out());
        assertTrue(version.out().matches("eventscope \\d+\\.\\d+\\.\\d+.*\\R"), version.out());
        assertEquals(2, missing.exitCode());
        assertEquals(1, missing.err().lines().count(), missing.err());
    }
}
