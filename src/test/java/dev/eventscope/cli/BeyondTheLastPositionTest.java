package dev.eventscope.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.eventscope.testing.Texts.assertMentions;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A position beyond the ledger's last one is refused, naming the last (the adversary of session 14: answered as of
 * the head, #99999 of a 762-event ledger showed #762's books without a word). The last position itself still answers.
 */
class BeyondTheLastPositionTest {

    @TempDir
    Path folder;

    private Path ledger;

    @BeforeEach
    void copyTheSample() throws Exception {
        ledger = Files.copy(Path.of("sample-data/ledgers/small-business.ledger"), folder.resolve("small-business.ledger"));
    }

    private CliRun run(String command, String... options) {
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.addAll(List.of("--ledger", ledger.toString()));
        args.addAll(List.of(options));
        return CliRun.run(new FakeLedgerStores().with(ledger), args.toArray(String[]::new));
    }

    @ParameterizedTest
    @ValueSource(strings = {"balance", "trial-balance", "balance --replay", "state --stream account-assets:bank:checking",
            "statement balance-sheet -p 2025"})
    void an_at_position_beyond_the_last_is_refused_naming_the_last(String command) {
        String[] words = command.split(" ");
        String name = words[0];
        String[] rest = java.util.Arrays.copyOfRange(words, 1, words.length);
        List<String> options = new ArrayList<>(List.of(rest));
        options.addAll(List.of("--at-position", "99999"));
        CliRun beyond = run(name, options.toArray(String[]::new));
        assertEquals(ExitCodes.USAGE_OR_UNREADABLE_LEDGER, beyond.exitCode(), beyond.out() + beyond.err());
        assertMentions(beyond.err().lines().findFirst().orElse(""), "no position 99999", "its last position is 762");
        assertEquals("", beyond.out());

        options.set(options.size() - 1, "762");
        CliRun last = run(name, options.toArray(String[]::new));
        assertEquals(0, last.exitCode(), last.err());
    }

    @Test
    void a_knowledge_point_or_a_diff_point_beyond_the_last_is_refused_too() {
        CliRun knownAt = run("balance", "--as-of", "2025-03-31", "--known-at", "#800");
        assertEquals(ExitCodes.USAGE_OR_UNREADABLE_LEDGER, knownAt.exitCode(), knownAt.err());
        assertMentions(knownAt.err(), "no position 800", "762");

        CliRun diff = run("diff", "--from", "#10", "--to", "#1000");
        assertEquals(ExitCodes.USAGE_OR_UNREADABLE_LEDGER, diff.exitCode(), diff.err());
        assertMentions(diff.err(), "no position 1000", "762");
        assertEquals(0, run("diff", "--from", "#10", "--to", "#762").exitCode());
    }
}
