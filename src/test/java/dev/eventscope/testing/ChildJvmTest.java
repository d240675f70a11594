package dev.eventscope.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The child-JVM runner the command-line tests share: what it reports, and that no child outlives a failure. */
class ChildJvmTest {

    @TempDir
    Path folder;

    /** A child: prints its XDG_STATE_HOME on standard output and a line on standard error, then ends with code 3. */
    public static final class Printing {
        public static void main(String[] args) {
            System.out.println("state " + System.getenv("XDG_STATE_HOME") + " " + String.join(",", args));
            System.err.println("to standard error");
            System.exit(3);
        }
    }

    /** A child that never ends (it waits for a latch nobody counts down). */
    public static final class NeverEnding {
        public static void main(String[] args) throws InterruptedException {
            System.out.println("started");
            System.out.flush();
            new CountDownLatch(1).await();
        }
    }

    @Test
    void the_exit_code_and_both_outputs_are_reported_and_the_xdg_folders_are_the_test_s() throws Exception {
        ChildJvm.Ended ended = ChildJvm.of(Printing.class, "a", "b").foldersIn(folder).run();

        assertEquals(3, ended.code());
        assertEquals("state " + folder.resolve("state") + " a,b", ended.out().strip());
        assertEquals("to standard error", ended.err().strip());
    }

    @Test
    void standard_output_can_go_to_a_file() throws Exception {
        Path out = folder.resolve("out.txt");
        ChildJvm.Ended ended = ChildJvm.of(Printing.class).foldersIn(folder).standardOutputTo(out.toFile()).run();

        assertEquals(3, ended.code());
        assertEquals("", ended.out());
        assertTrue(Files.readString(out).startsWith("state "), Files.readString(out));
    }

    @Test
    void a_child_that_never_ends_is_killed_at_its_hang_guard_and_the_failure_says_what_it_printed() throws Exception {
        // the child never ends, however fast the machine: the guard always runs out, so the outcome does not depend on time
        ChildJvm.Running[] started = new ChildJvm.Running[1];
        ChildJvm never = ChildJvm.of(NeverEnding.class).foldersIn(folder).hangGuard(Duration.ofSeconds(5));
        AssertionError failure = assertThrows(AssertionError.class, () -> {
            try (ChildJvm.Running running = never.start()) {
                started[0] = running;
                running.awaitEnd();
            }
        });

        assertTrue(failure.getMessage().contains("did not end within 5 s and was killed; it printed: started"), failure.getMessage());
        assertFalse(started[0].isAlive(), "the child was killed");
    }

    @Test
    void closing_a_running_child_kills_it() throws Exception {
        ChildJvm.Running running = ChildJvm.of(NeverEnding.class).foldersIn(folder).start();
        running.close();

        assertFalse(running.isAlive());
    }

    @Test
    void a_shell_prefix_holds_for_the_jvm() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash");
        ChildJvm.Ended ended = ChildJvm.of(Printing.class).foldersIn(folder).underShell("export XDG_STATE_HOME=/from/the/shell").run();

        assertEquals("state /from/the/shell", ended.out().strip());
    }
}
