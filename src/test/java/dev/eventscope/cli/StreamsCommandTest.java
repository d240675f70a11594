package dev.eventscope.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StreamsCommandTest {

    @TempDir
    Path folder;

    private CliRun streams(String... options) {
        Path file = folder.resolve("books.ledger");
        if (!java.nio.file.Files.exists(file)) {
            LedgerFixtures.smallLedger(file);
        }
        FakeLedgerStores stores = new FakeLedgerStores().with(file);
        String[] args = new String[options.length + 3];
        args[0] = "streams";
        args[1] = "--ledger";
        args[2] = file.toString();
        System.arraycopy(options, 0, args, 3, options.length);
        return CliRun.run(stores, args);
    }

    @Test
    void lists_every_stream_as_an_aligned_table_sorted_by_name() {
        CliRun run = streams();

        assertEquals(ExitCodes.OK, run.exitCode());
        assertEquals(List.of(
                "STREAM                CATEGORY  VERSION  LAST POSITION",
                "account-assets:bank   account         3              5",
                "account-income:sales  account         1              3",
                "ledger                ledger          1              1"), run.out().lines().toList());
    }

    @Test
    void filters_by_category() {
        CliRun run = streams("--category", "ledger");

        assertEquals(List.of(
                "STREAM  CATEGORY  VERSION  LAST POSITION",
                "ledger  ledger          1              1"), run.out().lines().toList());
    }

    @Test
    void filters_by_name_pattern() {
        CliRun run = streams("--name", "account-income:*");

        assertEquals(2, run.out().lines().count());
        assertEquals("account-income:sales", run.out().lines().toList().get(1).split(" ")[0]);
    }

    @Test
    void says_so_when_no_stream_matches() {
        CliRun run = streams("--category", "nothing");

        assertEquals(ExitCodes.OK, run.exitCode());
        assertEquals("No streams match." + System.lineSeparator(), run.out());
    }

    @Test
    void a_missing_ledger_option_is_a_usage_error_with_exit_2() {
        CliRun run = CliRun.run(new FakeLedgerStores(), "streams");

        assertEquals(ExitCodes.USAGE_OR_UNREADABLE_LEDGER, run.exitCode());
        assertEquals("Missing required option: '--ledger=FILE'", run.errLines().get(0));
    }
}
