package dev.eventscope.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerifyCommandTest {

    @TempDir
    Path folder;

    @Test
    void a_sound_ledger_exits_0_with_the_position_and_head_hash() {
        Path file = LedgerFixtures.smallLedger(folder.resolve("books.ledger"));
        FakeLedgerStores stores = new FakeLedgerStores().with(file);

        CliRun run = CliRun.run(stores, "verify", "--ledger", file.toString(), "--heads-dir", folder.resolve("heads").toString(), "--key-dir", folder.resolve("keys").toString());

        assertEquals(ExitCodes.OK, run.exitCode());
        assertEquals("intact through position 5, head hash " + LedgerFixtures.hashAt(file, 5),
                run.out().lines().findFirst().orElseThrow());
        assertEquals("", run.err());
    }

    @Test
    void opens_the_ledger_read_only_and_closes_it() {
        Path file = LedgerFixtures.smallLedger(folder.resolve("books.ledger"));
        FakeLedgerStores stores = new FakeLedgerStores().with(file);

        CliRun.run(stores, "verify", "--ledger", file.toString(), "--heads-dir", folder.resolve("heads").toString(), "--key-dir", folder.resolve("keys").toString());

        assertEquals(List.of("read-only " + file), stores.openings());
        assertTrue(stores.opened().get(0).isClosed());
    }

    @Test
    void a_tampered_ledger_exits_3_naming_the_first_bad_position_and_kind() throws Exception {
        Path file = LedgerFixtures.smallLedger(folder.resolve("books.ledger"));
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP TRIGGER events_are_immutable");
            statement.execute("UPDATE events SET data = '{\"amount\":1000.10}' WHERE position = 4");
        }
        FakeLedgerStores stores = new FakeLedgerStores().with(file);

        CliRun run = CliRun.run(stores, "verify", "--ledger", file.toString(), "--heads-dir", folder.resolve("heads").toString(), "--key-dir", folder.resolve("keys").toString());

        assertEquals(ExitCodes.TAMPERED, run.exitCode());
        assertTrue(run.out().startsWith("TAMPERED at position 4: event altered"), run.out());
    }

    @Test
    void a_missing_file_exits_2_with_one_sentence_and_is_not_created() {
        Path missing = folder.resolve("nowhere.ledger");
        FakeLedgerStores stores = new FakeLedgerStores();

        CliRun run = CliRun.run(stores, "verify", "--ledger", missing.toString());

        assertEquals(ExitCodes.USAGE_OR_UNREADABLE_LEDGER, run.exitCode());
        assertEquals(List.of("There is no ledger at " + missing + ": the file does not exist."), run.errLines());
        assertTrue(stores.openings().isEmpty(), "the store must not even be asked to open a missing file");
        assertFalse(Files.exists(missing));
    }

    @Test
    void a_file_that_is_not_a_ledger_exits_2_with_exactly_the_store_message() {
        Path notALedger = LedgerFixtures.existingFile(folder, "notes.txt");

        CliRun run = CliRun.run(new FakeLedgerStores(), "verify", "--ledger", notALedger.toString());

        assertEquals(ExitCodes.USAGE_OR_UNREADABLE_LEDGER, run.exitCode());
        assertEquals(List.of("The file " + notALedger + " is not an Eventscope ledger."), run.errLines());
        assertEquals("", run.out());
    }

    @Test
    void a_folder_exits_2_with_one_sentence() {
        CliRun run = CliRun.run(new FakeLedgerStores(), "verify", "--ledger", folder.toString());

        assertEquals(ExitCodes.USAGE_OR_UNREADABLE_LEDGER, run.exitCode());
        assertEquals(List.of(folder + " is a folder, not a ledger file."), run.errLines());
    }

    @Test
    void help_documents_the_exit_codes() {
        CliRun run = CliRun.run(new FakeLedgerStores(), "verify", "--help");

        assertEquals(ExitCodes.OK, run.exitCode());
        assertTrue(run.out().contains("Exit codes:"), run.out());
        assertTrue(run.out().contains("3   The ledger was tampered with"), run.out());
        assertTrue(run.out().contains("--ledger=FILE"), run.out());
    }
}
