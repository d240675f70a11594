package dev.eventscope.cli;

import dev.eventscope.testing.TemporaryFolders;
import net.jqwik.api.lifecycle.AfterTry;
import dev.eventscope.timetravel.RandomLedger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 15: {@code balance} and {@code trial-balance} answer from the read models' checkpoints, and
 * {@code --replay} keeps the full replay as the reference. On random ledgers (back-dated entries and
 * reversals included) both give the same output, byte for byte, at random dates and positions.
 */
class BalanceAnswersProperties {

    private final TemporaryFolders folders = new TemporaryFolders();

    @AfterTry
    void deleteTheTrysFolders() {
        folders.deleteAll();
    }

    @Property(tries = 12)
    void the_read_models_answer_as_the_full_replay_does(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                                       @ForAll @IntRange(min = 1, max = 400) int position,
                                                       @ForAll @IntRange(min = 0, max = 400) int days) throws Exception {
        Path folder = folders.create("balance-answers");
        Path ledger = folder.resolve("random.ledger");
        RandomLedger.writeLedger(ledger, seed, "p", 5, 60);
        String date = java.time.LocalDate.of(2024, 1, 1).plusDays(days).toString();
        FakeLedgerStores stores = new FakeLedgerStores().with(ledger);
        for (String command : new String[]{"balance", "trial-balance"}) {
            for (String[] point : new String[][]{{}, {"--as-of", date}, {"--at-position", Integer.toString(position)}}) {
                for (String format : new String[]{"text", "csv", "json"}) {
                    String[] args = concat(new String[]{command, "--ledger", ledger.toString(), "--format", format}, point);
                    CliRun fast = CliRun.run(stores, args);
                    CliRun replay = CliRun.run(stores, concat(args, new String[]{"--replay"}));
                    if (fast.err().startsWith("There is no position " + position)) {
                        // beyond the ledger's last position: both ways refuse it in the same sentence
                        assertEquals(ExitCodes.USAGE_OR_UNREADABLE_LEDGER, fast.exitCode(), fast.err());
                        assertEquals(fast.err(), replay.err(), String.join(" ", args));
                        assertEquals(fast.exitCode(), replay.exitCode());
                        continue;
                    }
                    assertEquals(0, fast.exitCode(), fast.err());
                    assertEquals(0, replay.exitCode(), replay.err());
                    assertEquals(replay.out(), fast.out(), String.join(" ", args));
                }
            }
        }
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
