package dev.eventscope.audit;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A read-modify-write of a file kept outside the ledger (findings, a sandbox) under an exclusive lock on a lock file
 * beside it, so two processes changing it at once never lose one's change (session 16: concurrent {@code findings add}
 * and {@code sandbox post} did). A file lock is held per process, so threads of one process wait on this class's
 * monitor first.
 */
public final class LockedFiles {

    /** A change made while the lock is held. */
    @FunctionalInterface
    public interface Change<T> {
        T make() throws IOException;
    }

    private LockedFiles() {
    }

    /** Runs {@code change} holding the lock on {@code lockFile} (created, with its folder, if missing). */
    public static <T> T underLock(Path lockFile, Change<T> change) throws IOException {
        synchronized (LockedFiles.class) {
            Files.createDirectories(lockFile.toAbsolutePath().getParent());
            // session 20 (adversary): never through a link planted under the lock's name (its lock would land on the
            // file the link names, a ledger, and closing it would drop SQLite's own locks on that file in this process)
            try (FileChannel lock = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    java.nio.file.LinkOption.NOFOLLOW_LINKS);
                 FileLock held = lock.lock()) {
                return change.make();
            }
        }
    }
}
