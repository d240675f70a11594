package dev.eventscope.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventscope.cli.ExitCodes;
import dev.eventscope.codec.EventCodec;
import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.ExpectedVersion;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line over real ledger files, wired as Main wires it. */
class CommandLineEndToEndTest {

    @TempDir
    Path folder;

    private static RealCli run(String... args) {
        return RealCli.run(args);
    }

    private Path ledgerWithThreeEvents() throws Exception {
        Path file = folder.resolve("books.ledger");
        try (SqliteEventStore store = SqliteEventStore.open(file)) {
            store.append(StreamId.of("ledger"), ExpectedVersion.NO_STREAM, List.of(
                    new NewEvent("event-1", "LedgerCreated", 1, "{\"name\":\"Acme\"}", new EventMetadata("alice", "c-1", null, "CreateLedger"))));
            store.append(StreamId.of("account-assets:bank"), ExpectedVersion.NO_STREAM, List.of(
                    new NewEvent("event-2", "AccountOpened", 1, "{\"account\":\"assets:bank\"}", EventMetadata.by("alice")),
                    new NewEvent("event-3", "PostingRecorded", 1, "{\"amount\":0.10}", EventMetadata.by("bob"))));
        }
        return file;
    }

    @Test
    void verify_reports_a_sound_ledger_as_intact_with_its_head_hash() throws Exception {
        Path file = ledgerWithThreeEvents();
        String headHash;
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(file)) {
            headHash = store.readAt(3).orElseThrow().hash();
        }

        RealCli run = run("verify", "--ledger", file.toString(), "--heads-dir", folder.resolve("heads").toString(), "--key-dir", folder.resolve("keys").toString());

        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertEquals("intact through position 3, head hash " + headHash, run.out().lines().findFirst().orElseThrow());
    }

    @Test
    void verify_names_the_first_altered_position_of_a_tampered_ledger() throws Exception {
        Path file = ledgerWithThreeEvents();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP TRIGGER events_are_immutable");
            statement.execute("UPDATE events SET data = '{\"amount\":1000.10}' WHERE position = 3");
        }

        RealCli run = run("verify", "--ledger", file.toString(), "--heads-dir", folder.resolve("heads").toString(), "--key-dir", folder.resolve("keys").toString());

        assertEquals(ExitCodes.TAMPERED, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().startsWith("TAMPERED at position 3: event altered"), run.out());
    }

    @Test
    void verify_refuses_a_file_that_is_not_a_ledger_in_one_sentence() throws Exception {
        Path notes = Files.writeString(folder.resolve("notes.txt"), "shopping list\n");

        RealCli run = run("verify", "--ledger", notes.toString());

        assertEquals(ExitCodes.USAGE_OR_UNREADABLE_LEDGER, run.exitCode());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("notes.txt"), run.err());
        assertEquals("shopping list\n", Files.readString(notes));
    }

    @Test
    void verify_does_not_create_a_missing_ledger() {
        Path missing = folder.resolve("missing.ledger");

        RealCli run = run("verify", "--ledger", missing.toString());

        assertEquals(ExitCodes.USAGE_OR_UNREADABLE_LEDGER, run.exitCode());
        assertFalse(Files.exists(missing));
    }

    @Test
    void main_wires_the_sqlite_store_and_returns_the_exit_code() throws Exception {
        Path file = ledgerWithThreeEvents();

        assertEquals(ExitCodes.OK, Main.run(new SqliteLedgerStoreFactory(), "verify", "--ledger", file.toString(), "--heads-dir", folder.resolve("heads").toString(), "--key-dir", folder.resolve("keys").toString()));
        assertEquals(ExitCodes.USAGE_OR_UNREADABLE_LEDGER,
                Main.run(new SqliteLedgerStoreFactory(), "verify", "--ledger", folder.resolve("missing.ledger").toString()));
    }

    @Test
    void streams_and_history_read_a_real_ledger() throws Exception {
        Path file = ledgerWithThreeEvents();

        RealCli streams = run("streams", "--ledger", file.toString(), "--category", "account");
        RealCli history = run("history", "--ledger", file.toString(), "--stream", "account-assets:bank", "--format", "json");

        assertEquals(List.of("STREAM               CATEGORY  VERSION  LAST POSITION",
                "account-assets:bank  account         2              3"), streams.out().lines().toList());
        JsonNode events = EventCodec.newObjectMapper().readTree(history.out());
        assertEquals(2, events.size());
        assertEquals("0.10", events.get(1).get("data").get("amount").decimalValue().toPlainString());
        assertTrue(events.get(1).get("recordedAt").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z"),
                events.get(1).get("recordedAt").asText());
    }
}
