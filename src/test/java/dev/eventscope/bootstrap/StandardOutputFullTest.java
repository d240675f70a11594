package dev.eventscope.bootstrap;

import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

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

    private record Ended(int code, String err) {
    }

    private Ended run(File stdout, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Path err = folder.resolve("err.txt");
        Process process = new ProcessBuilder(command).redirectOutput(stdout).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the command ended");
        return new Ended(process.exitValue(), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void output_to_a_full_disk_ends_non_zero_with_one_sentence_naming_where_it_went() throws Exception {
        File full = new File("/dev/full");
        assumeTrue(full.exists() && full.canWrite(), "needs /dev/full (Linux)");
        Path ledger = folder.resolve("empty.ledger");
        SqliteEventStore.open(ledger).close();
        String[] verify = {"verify", "--ledger", ledger.toString(), "--heads-dir", folder.resolve("heads").toString(),
                "--key-dir", folder.resolve("keys").toString()};

        Ended failed = run(full, verify);
        assertEquals(2, failed.code(), failed.err());
        assertTrue(failed.err().contains("Could not write the output to '/dev/full' (standard output): No space left on device."
                + " The output written there is incomplete"), failed.err());

        Path fine = folder.resolve("out.txt");
        Ended written = run(fine.toFile(), verify);
        assertEquals(0, written.code(), written.err());
        assertTrue(Files.readString(fine).startsWith("intact"), Files.readString(fine));
    }
}
