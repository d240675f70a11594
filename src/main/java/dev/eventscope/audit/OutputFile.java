package dev.eventscope.audit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A file Eventscope writes for the user (a report, its signature, an exported journal), written whole
 * or not at all: the content goes to a hidden temporary file in the target's folder and is renamed over
 * the target only by {@link #commit()}. Before anything is written, {@link #prepare} refuses a target
 * that is a ledger (the one being read, any ledger open in this process, or any SQLite database), a
 * ledger's {@code -wal}, {@code -shm} or {@code -journal} file, a folder, a missing folder, and an existing
 * file unless replacing was asked for. Refusals throw {@link OutputRefused} with one sentence that names
 * the file; a failed write never touches the target.
 */
public final class OutputFile implements AutoCloseable {

    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final List<String> LEDGER_SIDE_FILES = List.of("-wal", "-shm", "-journal");

    private final Path target;
    private final Path temporary;
    private boolean committed;

    private OutputFile(Path target, Path temporary) {
        this.target = target;
        this.temporary = temporary;
    }

    /**
     * Checks {@code target} and creates the temporary file beside it.
     *
     * @param what         what is written, for messages ("the report", "the journal")
     * @param replace      whether an existing file may be replaced (the user said {@code --force} or confirmed)
     * @param openLedgers  the ledgers open in this process (the one being read first)
     * @throws OutputRefused when the target must not be written, with the reason
     */
    public static OutputFile prepare(Path target, String what, boolean replace, Collection<Path> openLedgers) {
        check(target, what, replace, openLedgers);
        Path absolute = target.toAbsolutePath().normalize();
        try {
            Path temporary = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName() + ".", ".partial");
            return new OutputFile(absolute, temporary);
        } catch (IOException failed) {
            throw new OutputRefused("Cannot write " + what + " to " + target + ": " + reason(failed) + "; nothing was changed.");
        }
    }

    /**
     * The checks of {@link #prepare} without creating anything: empty when {@code target} may be written,
     * else the sentence that says why not. For forms that explain before the user clicks.
     */
    public static java.util.Optional<String> problem(Path target, String what, boolean replace, Collection<Path> openLedgers) {
        try {
            check(target, what, replace, openLedgers);
            return java.util.Optional.empty();
        } catch (OutputRefused refused) {
            return java.util.Optional.of(refused.getMessage());
        }
    }

    private static void check(Path target, String what, boolean replace, Collection<Path> openLedgers) {
        Objects.requireNonNull(target, "target");
        Path absolute = target.toAbsolutePath().normalize();
        Path folder = absolute.getParent();
        if (folder == null || absolute.getFileName() == null) {
            throw new OutputRefused(target + " is not a file name; choose a file to write " + what + " to.");
        }
        for (Path ledger : openLedgers) {
            Path ledgerAbsolute = ledger.toAbsolutePath().normalize();
            if (sameFile(absolute, ledgerAbsolute)) {
                throw new OutputRefused("Refusing to write " + what + " onto the ledger " + ledger
                        + " itself; choose another file name. Nothing was changed.");
            }
            for (String suffix : LEDGER_SIDE_FILES) {
                if (sameFile(absolute, Path.of(ledgerAbsolute + suffix))) {
                    throw new OutputRefused("Refusing to write " + what + " onto " + target + ", the " + suffix.substring(1)
                            + " file of the ledger " + ledger + "; choose another file name. Nothing was changed.");
                }
            }
        }
        if (Files.isDirectory(absolute)) {
            throw new OutputRefused(target + " is a folder; choose a file name to write " + what + " to.");
        }
        if (!Files.isDirectory(folder)) {
            throw new OutputRefused("Cannot write " + what + " to " + target + ": the folder " + folder + " does not exist.");
        }
        Path own = ownFolderHolding(folder, System.getenv(), System.getProperty("user.home"));
        if (own != null) {
            throw new OutputRefused("Refusing to write " + what + " to " + target + ": it is inside " + own + ", where"
                    + " Eventscope keeps its own files (signing keys, findings, sandboxes, remembered heads, caches),"
                    + " which it would replace; choose a file elsewhere. Nothing was changed.");
        }
        String name = absolute.getFileName().toString();
        for (String suffix : LEDGER_SIDE_FILES) {
            if (name.endsWith(suffix)) {
                Path database = absolute.resolveSibling(name.substring(0, name.length() - suffix.length()));
                if (isSqliteDatabase(database)) {
                    throw new OutputRefused("Refusing to write " + what + " onto " + target + ", the " + suffix.substring(1)
                            + " file of the database " + database + "; choose another file name. Nothing was changed.");
                }
            }
        }
        if (Files.exists(absolute)) {
            if (isSqliteDatabase(absolute)) {
                throw new OutputRefused("Refusing to write " + what + " onto " + target
                        + ": it is a database (perhaps a ledger); choose another file name. Nothing was changed.");
            }
            if (!replace) {
                throw new OutputRefused(target + " already exists; choose another file name, or replace it with --force."
                        + " Nothing was changed.");
            }
            if (!Files.isWritable(absolute)) {
                throw new OutputRefused("Cannot replace " + target + ": you may not write to it. Nothing was changed.");
            }
        }
        if (!Files.isWritable(folder)) {
            throw new OutputRefused("Cannot write " + what + " to " + target + ": you may not create files in " + folder + ".");
        }
    }

    /**
     * Eventscope's own folders ({@code eventscope} in the XDG config, state, cache and data folders: the signing keys,
     * the findings, sandboxes, remembered heads and search indexes, the read-model caches, the sample copies). Session 21:
     * {@code export --force -o ~/.config/eventscope/keys/me.ed25519.key} replaced the private signing key by a journal,
     * and {@code sandbox export} (which replaces its file whole) the findings file, without {@code --force}.
     */
    static List<Path> ownFolders(java.util.Map<String, String> environment, String userHome) {
        Path home = Path.of(userHome);
        return List.of(xdg(environment, "XDG_CONFIG_HOME", home.resolve(".config")),
                xdg(environment, "XDG_STATE_HOME", home.resolve(".local").resolve("state")),
                xdg(environment, "XDG_CACHE_HOME", home.resolve(".cache")),
                xdg(environment, "XDG_DATA_HOME", home.resolve(".local").resolve("share")));
    }

    private static Path xdg(java.util.Map<String, String> environment, String variable, Path otherwise) {
        String value = environment.get(variable);
        Path base = value != null && !value.isBlank() ? Path.of(value) : otherwise;
        return base.resolve("eventscope").toAbsolutePath().normalize();
    }

    /** The folder of Eventscope's own that holds {@code folder} (an existing folder, compared through links), or null. */
    static Path ownFolderHolding(Path folder, java.util.Map<String, String> environment, String userHome) {
        Path real = realOrAsWritten(folder);
        for (Path own : ownFolders(environment, userHome)) {
            if (real.startsWith(realOrAsWritten(own))) {
                return own;
            }
        }
        return null;
    }

    private static Path realOrAsWritten(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException missing) {
            return path.toAbsolutePath().normalize();
        }
    }

    private static boolean sameFile(Path one, Path other) {
        if (one.equals(other)) {
            return true;
        }
        try {
            return Files.exists(one) && Files.exists(other) && Files.isSameFile(one, other);
        } catch (IOException unknown) {
            return false;
        }
    }

    private static boolean isSqliteDatabase(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(SQLITE_HEADER.length), SQLITE_HEADER);
        } catch (IOException unreadable) {
            return false;
        }
    }

    private static String reason(IOException failed) {
        String message = failed.getMessage();
        if (failed instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (failed instanceof java.nio.file.FileSystemException refused) {
            // its message is only the file's name when the system gave no reason (e.g. a folder under /proc)
            return refused.getReason() != null ? refused.getReason() : "the file system refused to create it";
        }
        return message == null ? failed.getClass().getSimpleName() : message;
    }

    /** The final file. */
    public Path target() {
        return target;
    }

    /** Where to write the content until {@link #commit()}. */
    public Path temporary() {
        return temporary;
    }

    /** Renames the written temporary file over the target (atomically where the file system allows). */
    public void commit() {
        try {
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException notHere) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            committed = true;
        } catch (IOException failed) {
            discard();
            throw new OutputRefused("Could not put " + target + " in place: " + reason(failed) + "; nothing was changed.");
        }
    }

    /** Removes the temporary file; the target stays as it was. */
    public void discard() {
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
            // a hidden leftover beside the target is the worst outcome; the target itself is untouched
        }
    }

    /** Discards the temporary file unless committed. */
    @Override
    public void close() {
        if (!committed) {
            discard();
        }
    }
}
