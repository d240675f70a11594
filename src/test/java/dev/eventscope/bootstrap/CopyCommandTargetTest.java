package dev.eventscope.bootstrap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import static dev.eventscope.testing.Texts.assertMentions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * {@code copy --to} aimed at what it must not touch (session 13, the adversary's trial): the source itself, through
 * its name or a link, another ledger that holds events, or the log file beside a ledger. Before, the target was
 * opened for writing first, so a refused copy still upgraded a schema-2 target to schema 3.
 */
class CopyCommandTargetTest {

    @TempDir
    Path folder;

    private Path sample() throws Exception {
        Path copy = folder.resolve("books.ledger");
        Files.copy(Path.of("sample-data", "ledgers", "small-business.ledger"), copy);
        return copy;
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static void assertRefusedAndUnchanged(Path source, Path target, String... mentions) throws Exception {
        String before = sha256(source);
        TestBootstrap.Run refused = TestBootstrap.run("copy", "--from", source.toString(), "--to", target.toString());
        assertEquals(2, refused.exitCode(), refused.out() + refused.err());
        assertMentions(refused.err(), mentions);
        assertEquals(before, sha256(source), "the schema-2 ledger was changed (upgraded) by a refused copy");
    }

    @Test
    void a_copy_onto_its_own_source_is_refused_and_changes_nothing() throws Exception {
        Path ledger = sample();
        assertRefusedAndUnchanged(ledger, ledger, "onto itself", "Nothing was copied");
    }

    @Test
    void a_copy_onto_a_link_to_its_source_is_refused_and_changes_nothing() throws Exception {
        Path ledger = sample();
        Path symbolic = Files.createSymbolicLink(folder.resolve("link.ledger"), ledger.getFileName());
        assertRefusedAndUnchanged(ledger, symbolic, "onto itself");
        Path hard = Files.createLink(folder.resolve("hard.ledger"), ledger);
        assertRefusedAndUnchanged(ledger, hard, "onto itself");
    }

    @Test
    void a_copy_into_another_ledger_that_holds_events_is_refused_before_it_is_opened_for_writing() throws Exception {
        Path source = sample();
        Path other = folder.resolve("other.ledger");
        Files.copy(Path.of("sample-data", "ledgers", "household-two-currencies.ledger"), other);
        String before = sha256(other);
        TestBootstrap.Run refused = TestBootstrap.run("copy", "--from", source.toString(), "--to", other.toString());
        assertEquals(2, refused.exitCode());
        assertMentions(refused.err(), "already holds events", "Nothing was copied");
        assertEquals(before, sha256(other));
    }

    @Test
    void a_copy_named_as_the_log_file_of_a_ledger_is_refused_and_no_file_is_made() throws Exception {
        Path source = sample();
        Path other = folder.resolve("other.ledger");
        Files.copy(source, other);
        for (String suffix : new String[] {"-wal", "-shm", "-journal"}) {
            Path log = Path.of(other + suffix);
            TestBootstrap.Run refused = TestBootstrap.run("copy", "--from", source.toString(), "--to", log.toString());
            assertEquals(2, refused.exitCode(), refused.out());
            assertMentions(refused.err(), suffix.substring(1) + " file of", "Nothing was copied");
            assertFalse(Files.exists(log), log + " was made");
        }
    }

    @Test
    void a_source_edited_beside_its_intact_chain_is_refused_rather_than_laundered_into_a_clean_copy() throws Exception {
        // session 14: a dropped guard or an edited category (chain intact) copied into a new ledger, which got fresh guards
        // and derived categories and verified intact: the edit was laundered away
        Path source = sample();
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + source);
             java.sql.Statement statement = connection.createStatement()) {
            statement.execute("DROP TRIGGER events_are_permanent");
        }
        Path target = folder.resolve("clean.ledger");
        assertRefusedAndUnchanged(source, target, "is not intact", "events_are_permanent", "Nothing was copied");
        assertFalse(Files.exists(target), "no file is left behind");
    }
}
