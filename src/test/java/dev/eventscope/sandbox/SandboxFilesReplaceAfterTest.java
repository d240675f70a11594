package dev.eventscope.sandbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Session 23 (adversary): {@code sandbox apply} and the window's Apply append to the ledger only while the sandbox file
 * still holds what they read, checked, appended and marked under the file's lock; before, the append came first and
 * a file changed meanwhile by {@code sandbox post} was found only when marking it, after the ledger had changed.
 */
class SandboxFilesReplaceAfterTest {

    @TempDir
    Path folder;

    @Test
    void a_file_changed_since_it_was_read_is_refused_before_the_change_runs() {
        SandboxFiles files = new SandboxFiles(folder);
        SandboxContents read = new SandboxContents("ledger-1", "alice", SandboxBase.HEAD, List.of());
        files.write(read);
        SandboxContents meanwhile = new SandboxContents("ledger-1", "alice", SandboxBase.atPosition(3), List.of());
        files.write(meanwhile);
        AtomicInteger applied = new AtomicInteger();

        SandboxProblem refused = assertThrows(SandboxProblem.class, () -> files.replaceAfter(read, () -> {
            applied.incrementAndGet();
            return read;
        }));

        assertEquals(0, applied.get(), "nothing reached the ledger");
        assertTrue(refused.getMessage().contains("nothing was applied and the ledger is unchanged"), refused.getMessage());
        assertEquals(SandboxBase.atPosition(3), files.read("ledger-1", "alice").orElseThrow().base(), "the other write stays");
    }

    @Test
    void an_unchanged_file_runs_the_change_and_keeps_what_it_returns() {
        SandboxFiles files = new SandboxFiles(folder);
        SandboxContents read = new SandboxContents("ledger-1", "alice", SandboxBase.HEAD, List.of());
        files.write(read);
        SandboxContents marked = new SandboxContents("ledger-1", "alice", SandboxBase.atPosition(7), List.of());

        SandboxContents now = files.replaceAfter(read, () -> marked);

        assertEquals(SandboxBase.atPosition(7), now.base());
        assertEquals(SandboxBase.atPosition(7), files.read("ledger-1", "alice").orElseThrow().base());
    }
}
