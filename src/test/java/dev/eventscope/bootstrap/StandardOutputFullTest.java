package dev.eventscope.bootstrap;

import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.testing.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Session 20 (adversary2): a command whose standard output goes to a full disk ({@code verify > report.txt},
 * {@code export > journal}) ended with exit code 0 and an empty or cut file, as Java's {@code System.out} swallows
 * write errors. {@code /dev/full} fails every write with "No space left on device", as a full disk does.
 */
class StandardOutputFullTest {

    @TempDir
    Path folder;

    private ChildJvm.Ended run(File stdout, String... args) throws Exception {
        return ChildJvm.eventscope(args).foldersIn(folder).standardOutputTo(stdout).run();
    }

    @Test
    void output_to_a_full_disk_ends_non_zero_with_one_sentence_naming_where_it_went() throws Exception {
        File full = new File("/dev/full");
        assumeTrue(full.exists() && full.canWrite(), "needs /dev/full (Linux)");
        Path ledger = folder.resolve("empty.ledger");
        SqliteEventStore.open(ledger).close();
        String[] verify = {"verify", "--ledger", ledger.toString(), "--heads-dir", folder.resolve("heads").toString(),
                "--key-dir", folder.resolve("keys").toString()};

        ChildJvm.Ended failed = run(full, verify);
        assertEquals(2, failed.code(), failed.err());
        assertTrue(failed.err().contains("Could not write the output to '/dev/full' (standard output): No space left on device."
                + " The output written there is incomplete"), failed.err());

        Path fine = folder.resolve("out.txt");
        ChildJvm.Ended written = run(fine.toFile(), verify);
        assertEquals(0, written.code(), written.err());
        assertTrue(Files.readString(fine).startsWith("intact"), Files.readString(fine));
    }
}
