package dev.eventscope.ui;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LaunchArgumentsTest {

    @Test
    void a_ledger_path_and_the_read_only_flag_in_any_order() {
        assertEquals(new LaunchArguments(Path.of("books.ledger"), null, true),
                LaunchArguments.parse(List.of("--read-only", "books.ledger")));
        assertEquals(new LaunchArguments(Path.of("books.ledger"), null, false), LaunchArguments.parse(List.of("books.ledger")));
    }

    @Test
    void a_sample_by_name_in_both_spellings() {
        assertEquals(new LaunchArguments(null, "audit-case", false), LaunchArguments.parse(List.of("--sample", "audit-case")));
        assertEquals(new LaunchArguments(null, "tampered", true),
                LaunchArguments.parse(List.of("--sample=tampered", "--read-only")));
    }

    @Test
    void nothing_opens_the_welcome_screen() {
        assertEquals(new LaunchArguments(null, null, false), LaunchArguments.parse(List.of()));
    }
}
