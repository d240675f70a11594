package dev.eventscope.cli;

import dev.eventscope.application.LedgerStoreFactory;
import dev.eventscope.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventscopeCommandTest {

    @TempDir
    Path folder;

    @Test
    void without_arguments_prints_the_help_listing_every_subcommand() {
        CliRun run = CliRun.run(new FakeLedgerStores());

        assertEquals(ExitCodes.OK, run.exitCode());
        assertTrue(run.out().startsWith("Usage: eventscope"), run.out());
        for (String subcommand : List.of("verify", "streams", "history", "help")) {
            assertTrue(run.out().contains("  " + subcommand + " "), subcommand + " missing from\n" + run.out());
        }
    }

    @Test
    void a_named_command_is_built_alone_and_anything_else_gets_every_command() {
        FakeLedgerStores stores = new FakeLedgerStores();
        var sessions = new dev.eventscope.session.LedgerSessions(stores, new dev.eventscope.projection.sqlite.SqliteReadModelStoreFactory(),
                new dev.eventscope.projection.sqlite.search.SqliteSearchIndexFactory());
        int all = EventscopeCli.commandLine(sessions).getSubcommands().size();

        assertEquals(List.of("balance"), List.copyOf(EventscopeCli.commandLine(sessions, List.of("balance", "-l", "x"),
                List.of()).getSubcommands().keySet()));
        for (List<String> args : List.of(List.<String>of(), List.of("help", "balance"), List.of("balanse"), List.of("--help"))) {
            assertEquals(all, EventscopeCli.commandLine(sessions, args, List.of()).getSubcommands().size(), args.toString());
        }
        assertTrue(all > 20, "every command is listed: " + all);
        CliRun typo = CliRun.run(stores, "balanse");
        assertTrue(typo.err().contains("Did you mean: eventscope balance"), typo.err());
        CliRun help = CliRun.run(stores, "help", "balance");
        assertTrue(help.out().startsWith("Usage: eventscope balance"), help.out());
    }

    @Test
    void version_falls_back_to_dev_outside_a_jar() {
        CliRun run = CliRun.run(new FakeLedgerStores(), "--version");

        assertEquals(ExitCodes.OK, run.exitCode());
        assertEquals("eventscope dev" + System.lineSeparator(), run.out());
    }

    @Test
    void every_subcommand_has_help_and_a_description() {
        for (String subcommand : List.of("verify", "streams", "history")) {
            CliRun run = CliRun.run(new FakeLedgerStores(), subcommand, "--help");

            assertEquals(ExitCodes.OK, run.exitCode(), subcommand);
            assertTrue(run.out().startsWith("Usage: eventscope " + subcommand), run.out());
            assertTrue(run.out().contains("Exit codes:"), subcommand + " documents no exit codes");
        }
    }

    @Test
    void every_subcommand_prints_the_version_too() {
        for (String subcommand : List.of("verify", "streams", "history")) {
            CliRun run = CliRun.run(new FakeLedgerStores(), subcommand, "--version");

            assertEquals("eventscope dev" + System.lineSeparator(), run.out(), subcommand);
        }
    }

    @Test
    void the_command_list_shows_one_short_line_per_subcommand() {
        CliRun run = CliRun.run(new FakeLedgerStores(), "--help");

        String flattened = run.out().replaceAll("\\s+", " ");
        assertTrue(flattened.contains(" verify Checks that no event was altered, removed or inserted since it was recorded."), run.out());
        assertTrue(flattened.contains(" history Prints the events of one stream, oldest first, exactly as stored."), run.out());
    }

    @Test
    void an_unknown_subcommand_is_a_usage_error_with_exit_2() {
        CliRun run = CliRun.run(new FakeLedgerStores(), "frobnicate");

        assertEquals(ExitCodes.USAGE_OR_UNREADABLE_LEDGER, run.exitCode());
        assertEquals("Unmatched argument at index 0: 'frobnicate'", run.errLines().get(0));
    }

    @Test
    void an_unexpected_failure_exits_1_with_its_message_and_no_stack_trace() {
        Path file = LedgerFixtures.existingFile(folder, "books.ledger");
        LedgerStoreFactory failing = new LedgerStoreFactory() {
            @Override
            public EventStore open(Path ignored) {
                throw new IllegalStateException("never opened for writing here");
            }

            @Override
            public EventStore openReadOnly(Path ignored) {
                throw new IllegalStateException("The disk went away while reading.");
            }
        };

        CliRun run = CliRun.run(failing, "verify", "--ledger", file.toString());

        assertEquals(ExitCodes.UNEXPECTED_FAILURE, run.exitCode());
        assertEquals(List.of("The disk went away while reading."), run.errLines());
    }

    @Test
    void an_unexpected_failure_without_a_message_still_prints_one_sentence() {
        Path file = LedgerFixtures.existingFile(folder, "books.ledger");
        LedgerStoreFactory failing = new LedgerStoreFactory() {
            @Override
            public EventStore open(Path ignored) {
                throw new NullPointerException();
            }

            @Override
            public EventStore openReadOnly(Path ignored) {
                throw new NullPointerException();
            }
        };

        CliRun run = CliRun.run(failing, "streams", "--ledger", file.toString());

        assertEquals(List.of("Eventscope failed unexpectedly (NullPointerException)."), run.errLines());
        assertFalse(run.err().contains("\tat "));
    }
}
