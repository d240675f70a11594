package dev.eventscope.eventstore.sqlite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How a reader that may not change a ledger opens it, so that reading never writes beside the file.
 *
 * <p>A WAL-mode SQLite file opened with {@code mode=ro} still creates {@code -wal} and {@code -shm} files
 * beside it, owned by whoever opened it: an auditor verifying the owner's ledger as another user left
 * files the owner's next post could not open, and a ledger in a read-only folder could not be read at
 * all. Where that would happen, the file is opened with SQLite's {@code immutable=1}, which creates
 * nothing and takes no locks. That is only safe while nobody writes the ledger, so it is chosen only when
 * no {@code -wal} exists (no connection has the ledger open); otherwise the reader joins the existing
 * WAL with {@code mode=ro}, which sees one consistent snapshot per read transaction.
 */
public final class ReadOnlyAccess {

    private ReadOnlyAccess() {
    }

    /** The SQLite URI (for {@code jdbc:sqlite:} or {@code ATTACH}) a read-only reader of {@code ledger} should open. */
    public static String uri(Path ledger) {
        Path absolute = ledger.toAbsolutePath();
        String base = absolute.toUri().toString().replace("file:///", "file:/");
        return base + (immutable(absolute) ? "?immutable=1" : "?mode=ro");
    }

    /** True when opening normally would create files that are not ours to create, or could not create them. */
    static boolean immutable(Path ledger) {
        if (Files.exists(Path.of(ledger + "-wal"))) {
            return false;
        }
        Path folder = ledger.toAbsolutePath().getParent();
        return folder != null && !Files.isWritable(folder) || !ownedByCurrentUser(ledger);
    }

    private static boolean ownedByCurrentUser(Path ledger) {
        try {
            return Files.getOwner(ledger).getName().equals(System.getProperty("user.name"));
        } catch (IOException | UnsupportedOperationException unknown) {
            return true;
        }
    }
}
