package dev.eventscope.eventstore.sqlite;

import dev.eventscope.eventstore.EventStoreException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The file a ledger was opened from (its device and inode), so that a write refuses a ledger file replaced under its
 * name while it was open (session 24, adversary): another ledger moved over it had the app's next post "succeed" into
 * the file that was there before, which no one could open any more, while its write-ahead log, shared by name, made the
 * new file read as damaged.
 */
final class OpenedFile {

    private final Path file;
    /** Null where the file system tells no identity (the check is then skipped). */
    private final Object key;

    OpenedFile(Path file) {
        this.file = file;
        this.key = keyOf(file);
    }

    /** Throws when the file under the ledger's name is no longer the one opened, or is gone: {@code refusal} and why. */
    void requireSame(String refusal) {
        if (key == null) {
            return;
        }
        Object now = keyOf(file);
        if (!key.equals(now)) {
            throw new EventStoreException("The ledger file '" + file + "' was " + (now == null ? "removed" : "replaced by another"
                    + " file") + " while Eventscope had it open, so " + refusal + ": it would go into the file that was there"
                    + " before, which is no longer under that name. Nothing was written; open the ledger again.");
        }
    }

    private static Object keyOf(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        } catch (IOException gone) {
            return null;
        }
    }
}
