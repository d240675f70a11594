package dev.eventscope.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.eventscope.testing.Texts.assertMentions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Session 14's adversary on the command line's arguments: dates that do not exist or cannot be read are refused in a
 * sentence that says what to write, without Java's exception class or a parse index, before any ledger is opened.
 */
class BadArgumentsTest {

    @ParameterizedTest
    @CsvSource({
            "balance, --as-of, 2025-02-30, a day of the calendar",
            "balance, --as-of, 99999-01-01, is not a date",
            "restatements, --period-end, 2025-13-01, a day of the calendar",
            "post, --date, 31.01.2025, is not a date",
            "state --stream s, --at-time, 2025-02-30T00:00:00Z, is not a point in time"})
    void a_date_that_cannot_be_read_is_refused_in_one_sentence_saying_what_to_write(String command, String option,
                                                                                   String value, String says) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(command.split(" ")));
        args.addAll(java.util.List.of("--ledger", "books.ledger", option, value));
        CliRun run = CliRun.run(new FakeLedgerStores(), args.toArray(String[]::new));
        assertEquals(ExitCodes.USAGE_OR_UNREADABLE_LEDGER, run.exitCode(), run.err());
        String firstLine = run.err().lines().findFirst().orElse("");
        assertMentions(firstLine, "'" + value + "'", says, "write");
        assertFalse(run.err().contains("java."), run.err());
        assertFalse(run.err().contains("index 0"), run.err());
    }

    @Test
    void an_argument_starting_with_an_at_sign_is_read_as_written_not_from_the_file_it_names(@TempDir Path folder)
            throws Exception {
        // session 16: picocli's @-files were on, so "@FILE" anywhere on the line was replaced by FILE's lines
        Path file = folder.resolve("as-of");
        Files.writeString(file, "2025-01-31\n");
        CliRun run = CliRun.run(new FakeLedgerStores(), "balance", "--ledger", "books.ledger", "--as-of", "@" + file);
        assertEquals(ExitCodes.USAGE_OR_UNREADABLE_LEDGER, run.exitCode(), run.err());
        assertMentions(run.err().lines().findFirst().orElse(""), "'@" + file + "'", "is not a date");
    }

    @Test
    void an_argument_the_jvm_could_not_decode_is_refused_before_anything_is_done() {
        // session 16: "café" typed under LANG=C, or a Latin-1 byte under UTF-8, reached Java as U+FFFD and was recorded so
        CliRun run = CliRun.run(new FakeLedgerStores(), "post", "--ledger", "books.ledger", "--date", "2025-01-31",
                "--description", "caf\uFFFD\uFFFD", "--posting", "expenses:rent  1 EUR", "--posting", "assets:bank");
        assertEquals(ExitCodes.USAGE_OR_UNREADABLE_LEDGER, run.exitCode(), run.err());
        assertEquals(1, run.errLines().size(), run.err());
        assertMentions(run.err(), "'caf\uFFFD\uFFFD'", "not text in this system's character encoding", "nothing was done");
    }

    @Test
    void a_control_character_in_a_date_is_shown_escaped_so_the_sentence_stays_one_line() {
        CliRun run = CliRun.run(new FakeLedgerStores(), "balance", "--ledger", "books.ledger", "--as-of", "2025-01-01\n\u202Eevil");
        assertEquals(ExitCodes.USAGE_OR_UNREADABLE_LEDGER, run.exitCode());
        assertMentions(run.err().lines().findFirst().orElse(""), "2025-01-01\\u000A\\u202Eevil", "is not a date");
    }
}
