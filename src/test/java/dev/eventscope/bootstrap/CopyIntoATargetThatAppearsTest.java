package dev.eventscope.bootstrap;

import dev.eventscope.eventstore.sqlite.LedgerCreationSeam;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import static dev.eventscope.testing.Texts.assertMentions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code copy --to NEW} where another process creates a file under that name while the copy makes its new ledger
 * (session 24, adversary). Before, the copy opened what the other process had made as if it were its own new ledger and,
 * once it refused it, deleted it with its log as "the empty ledger made for the copy": another person's ledger, or any
 * file written there, was gone.
 */
class CopyIntoATargetThatAppearsTest {

    @TempDir
    Path folder;

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private TestBootstrap.Run copyWhile(Path source, Path target, Runnable meanwhile) throws Exception {
        try (AutoCloseable seam = LedgerCreationSeam.beforeLinking(meanwhile)) {
            return TestBootstrap.run("copy", "--from", source.toString(), "--to", target.toString());
        }
    }

    private Path sample(String name) throws IOException {
        Path copy = folder.resolve(name + ".ledger");
        Files.copy(Path.of("sample-data", "ledgers", name + ".ledger"), copy);
        return copy;
    }

    @Test
    void another_ledger_made_under_the_target_name_meanwhile_is_refused_and_kept() throws Exception {
        Path source = sample("small-business");
        Path others = sample("household-two-currencies");
        Path target = folder.resolve("target.ledger");
        String othersHash = sha256(others);
        TestBootstrap.Run run = copyWhile(source, target, () -> copy(others, target));
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertMentions(run.err(), "target.ledger", "Nothing was copied");
        assertTrue(Files.exists(target), "the ledger another process made under the target's name was deleted by the copy");
        assertEquals(othersHash, sha256(target), "the other process's ledger was changed");
    }

    @Test
    void any_file_written_under_the_target_name_meanwhile_is_refused_and_kept() throws Exception {
        Path source = sample("small-business");
        Path target = folder.resolve("target.ledger");
        TestBootstrap.Run run = copyWhile(source, target, () -> write(target, "2025-01-01 someone's journal\n"));
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertMentions(run.err(), "target.ledger", "Nothing was copied");
        assertTrue(Files.exists(target), "the file another process wrote under the target's name was deleted by the copy");
        assertEquals("2025-01-01 someone's journal\n", Files.readString(target));
    }

    @Test
    void a_copy_that_made_its_own_new_ledger_still_removes_it_when_it_fails() throws Exception {
        Path source = sample("small-business");
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + source);
             java.sql.Statement statement = connection.createStatement()) {
            statement.execute("DROP TRIGGER events_are_permanent");
        }
        Path target = folder.resolve("target.ledger");
        TestBootstrap.Run run = TestBootstrap.run("copy", "--from", source.toString(), "--to", target.toString());
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertTrue(Files.notExists(target), "the copy's own empty ledger was left behind");
    }

    private static void copy(Path from, Path to) {
        try {
            Files.copy(from, to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
