package dev.eventscope.bootstrap;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LaunchModeTest {

    @Test
    void given_no_arguments_when_launched_then_the_desktop_app_starts() {
        assertEquals(LaunchMode.DESKTOP, LaunchMode.of(List.of()));
    }

    @Test
    void given_a_single_ledger_file_from_the_file_manager_when_launched_then_the_desktop_app_opens_it() {
        assertEquals(LaunchMode.DESKTOP, LaunchMode.of(List.of("/home/ann/books/2024.ledger")));
        assertEquals(LaunchMode.DESKTOP, LaunchMode.of(List.of("My Books.LEDGER")));
    }

    @Test
    void given_a_subcommand_or_an_option_when_launched_then_the_command_line_runs() {
        assertEquals(LaunchMode.COMMAND_LINE, LaunchMode.of(List.of("--help")));
        assertEquals(LaunchMode.COMMAND_LINE, LaunchMode.of(List.of("--version")));
        assertEquals(LaunchMode.COMMAND_LINE, LaunchMode.of(List.of("verify", "--ledger", "books.ledger")));
        assertEquals(LaunchMode.COMMAND_LINE, LaunchMode.of(List.of("verify")));
    }

    @Test
    void given_two_ledgers_or_an_option_that_looks_like_a_ledger_when_launched_then_the_command_line_runs() {
        assertEquals(LaunchMode.COMMAND_LINE, LaunchMode.of(List.of("a.ledger", "b.ledger")));
        assertEquals(LaunchMode.COMMAND_LINE, LaunchMode.of(List.of("--ledger=a.ledger")));
    }

    @Test
    void given_a_bundled_sample_or_a_ledger_to_read_only_when_launched_then_the_desktop_app_opens_it() {
        assertEquals(LaunchMode.DESKTOP, LaunchMode.of(List.of("--sample", "audit-case")));
        assertEquals(LaunchMode.DESKTOP, LaunchMode.of(List.of("--sample=audit-case")));
        assertEquals(LaunchMode.DESKTOP, LaunchMode.of(List.of("--sample", "audit-case", "--read-only")));
        assertEquals(LaunchMode.DESKTOP, LaunchMode.of(List.of("books.ledger", "--read-only")));
    }

    @Test
    void given_read_only_alone_or_a_sample_without_a_name_when_launched_then_the_command_line_runs() {
        assertEquals(LaunchMode.COMMAND_LINE, LaunchMode.of(List.of("--read-only")));
        assertEquals(LaunchMode.COMMAND_LINE, LaunchMode.of(List.of("--sample")));
        assertEquals(LaunchMode.COMMAND_LINE, LaunchMode.of(List.of("--sample=")));
        assertEquals(LaunchMode.COMMAND_LINE, LaunchMode.of(List.of("--sample", "--read-only")));
        assertEquals(LaunchMode.COMMAND_LINE, LaunchMode.of(List.of("streams", "--ledger", "books.ledger", "--read-only")));
    }
}
