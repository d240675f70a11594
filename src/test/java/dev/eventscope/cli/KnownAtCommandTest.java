package dev.eventscope.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 18 on the audit-case sample: Q1 was closed on 14 April; JE-2025-0100 (dated 28 March, recorded 7 May) moved
 * 2,148.60 EUR from office supplies to freight. Asked as of 31 March, known at 15 April, the books show the figures
 * as reported; known now, with the correction. {@code state} and {@code diff} take the same knowledge point and a
 * {@code --replay} that gives the same answer.
 */
class KnownAtCommandTest {

    @TempDir
    Path folder;
    Path ledger;
    FakeLedgerStores stores;

    @BeforeEach
    void copyTheSample() throws Exception {
        ledger = Files.copy(Path.of("sample-data/ledgers/audit-case.ledger"), folder.resolve("audit-case.ledger"));
        stores = new FakeLedgerStores().with(ledger);
    }

    private CliRun run(String... args) {
        return CliRun.onLedger(stores, ledger, args[0], java.util.Arrays.copyOfRange(args, 1, args.length));
    }

    @Test
    void the_balance_as_known_on_15_april_is_the_one_reported_and_now_it_holds_the_late_correction() {
        CliRun then = run("balance", "--as-of", "2025-03-31", "--known-at", "2025-04-15", "--format", "csv");
        CliRun now = run("balance", "--as-of", "2025-03-31", "--format", "csv");
        assertEquals(0, then.exitCode(), then.err());
        assertTrue(then.out().contains("expenses:freight,EUR,9916.12\n"), then.out());
        assertTrue(then.out().contains("expenses:office-supplies,EUR,2148.6"), then.out());
        assertTrue(now.out().contains("expenses:freight,EUR,12064.72\n"), now.out());
        assertTrue(!now.out().contains("expenses:office-supplies"), now.out());
        assertEquals(run("balance", "--as-of", "2025-03-31", "--known-at", "2025-04-15", "--format", "csv", "--replay").out(),
                then.out());
        // the same knowledge point as a recorded time and as the position of the period's closing
        assertEquals(then.out(), run("balance", "--as-of", "2025-03-31", "--known-at", "@2025-04-14T16:30:00Z",
                "--format", "csv").out());
        assertEquals(then.out(), run("balance", "--as-of", "2025-03-31", "--known-at", "#250", "--format", "csv").out());
    }

    @Test
    void state_and_diff_take_the_knowledge_point_and_agree_with_their_replay() {
        String[] state = {"state", "--stream", "account-expenses:freight", "--as-of", "2025-03-31", "--known-at", "2025-04-15"};
        CliRun fast = run(state);
        assertEquals(0, fast.exitCode(), fast.err());
        assertTrue(fast.out().contains("balances.EUR = 9916.12"), fast.out());
        CliRun replayed = run(append(state, "--replay"));
        assertEquals(0, replayed.exitCode(), replayed.err());
        assertEquals(fast.out().substring(fast.out().indexOf("State:")), replayed.out().substring(replayed.out().indexOf("State:")));

        CliRun diff = run("diff", "--as-of", "2025-03-31", "--known-at", "2025-04-15");
        assertEquals(0, diff.exitCode(), diff.err());
        assertTrue(diff.out().matches("(?s).*expenses:freight\\s+EUR\\s+9916.12\\s+12064.72\\s+2148.60.*"), diff.out());
        assertTrue(diff.out().matches("(?s).*expenses:office-supplies\\s+EUR\\s+2148.6\\s+0\\s+-2148.6.*"), diff.out());
        assertEquals(diff.out(), run("diff", "--as-of", "2025-03-31", "--known-at", "2025-04-15", "--replay").out());
        CliRun fields = run("diff", "--stream", "account-expenses:freight", "--from", "2025-03-31", "--to", "now",
                "--known-at", "2025-04-15", "--replay");
        assertEquals(run("diff", "--stream", "account-expenses:freight", "--from", "2025-03-31", "--to", "now",
                "--known-at", "2025-04-15").out(), fields.out());
    }

    @Test
    void an_unreadable_knowledge_point_is_one_sentence_naming_it() {
        for (String command : new String[] {"balance", "trial-balance"}) {
            CliRun run = run(command, "--as-of", "2025-03-31", "--known-at", "yesterday");
            assertEquals(ExitCodes.USAGE_OR_UNREADABLE_LEDGER, run.exitCode());
            assertEquals(1, run.errLines().size(), run.err());
            assertTrue(run.err().startsWith("--known-at 'yesterday' is not a knowledge point;"), run.err());
        }
        CliRun both = run("balance", "--at-position", "12", "--known-at", "#12");
        assertEquals(ExitCodes.USAGE_OR_UNREADABLE_LEDGER, both.exitCode());
        assertTrue(both.err().contains("--at-position and --known-at"), both.err());
        CliRun version = run("state", "--stream", "ledger", "--version", "1", "--known-at", "#12");
        assertEquals(ExitCodes.USAGE_OR_UNREADABLE_LEDGER, version.exitCode());
        assertTrue(version.err().startsWith("--known-at goes with an entry date"), version.err());
        CliRun noFrom = run("diff", "--known-at", "#12");
        assertEquals(ExitCodes.USAGE_OR_UNREADABLE_LEDGER, noFrom.exitCode());
        assertTrue(noFrom.err().startsWith("Give --from POINT"), noFrom.err());
    }

    @Test
    void help_says_which_zone_a_date_knowledge_point_is_read_in() {
        for (String command : new String[] {"balance", "trial-balance", "state", "diff"}) {
            CliRun help = CliRun.run(stores, command, "--help");
            assertEquals(0, help.exitCode(), command + ": " + help.err());
            assertEquals("", help.err(), command);
            String usage = help.out().replaceAll("\\s+", " ");
            assertTrue(usage.contains("2025-04-15 (the end of that day, UTC"), command + ": " + usage);
        }
    }

    private static String[] append(String[] args, String last) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = last;
        return all;
    }
}
