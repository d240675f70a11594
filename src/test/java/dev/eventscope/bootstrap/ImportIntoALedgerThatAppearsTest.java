package dev.eventscope.bootstrap;

import dev.eventscope.eventstore.sqlite.LedgerCreationSeam;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.eventscope.testing.Texts.assertMentions;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * {@code import J --ledger NEW} where another process creates a ledger under that name while the import makes its new
 * ledger (session 24, adversary): the import opened it as its own, and the journal's entries went into another person's
 * ledger.
 */
class ImportIntoALedgerThatAppearsTest {

    @TempDir
    Path folder;

    @Test
    void a_ledger_another_process_makes_under_the_new_ledger_s_name_is_refused_and_left_as_it_was() throws Exception {
        Path journal = Files.writeString(folder.resolve("books.journal"), "2025-01-02 Sale\n    assets:bank  100.00 EUR\n    income:sales\n");
        Path others = Files.copy(Path.of("sample-data/ledgers/household-two-currencies.ledger"), folder.resolve("others.ledger"));
        byte[] before = Files.readAllBytes(others);
        Path target = folder.resolve("books.ledger");
        TestBootstrap.Run run;
        try (AutoCloseable seam = LedgerCreationSeam.beforeLinking(() -> {
            try {
                Files.copy(others, target);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        })) {
            run = TestBootstrap.run("import", journal.toString(), "--ledger", target.toString());
        }
        assertNotEquals(0, run.exitCode(), run.out() + run.err());
        assertMentions(run.err(), "books.ledger", "another process created a file under that name");
        assertArrayEquals(before, Files.readAllBytes(target), "the journal was imported into the other process's ledger");
    }
}
