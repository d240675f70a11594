package dev.eventscope.bootstrap;

import dev.eventscope.timetravel.RandomLedger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17.11: reading a ledger writes nothing into it or beside it. A ledger owned by another user,
 * or in a folder the reader may not write, is read through SQLite's immutable mode (no -wal or -shm
 * appears, so the owner's next post still works); the projections status opens the ledger read-only.
 */
class ReadingWritesNothingTest {

    @TempDir
    Path folder;

    private Path readOnlyFolder;

    private static RealCli run(String... args) {
        return RealCli.run(args);
    }

    private Path ledger(Path in) {
        Path file = in.resolve("books.ledger");
        RandomLedger.writeLedger(file, 7, "r", 4, 30);
        System.setProperty("user.home", folder.resolve("home").toString());
        return file;
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    @AfterEach
    void writableAgain() throws IOException {
        if (readOnlyFolder != null) {
            Files.setPosixFilePermissions(readOnlyFolder, PosixFilePermissions.fromString("rwx------"));
        }
    }

    /** Every reading command a user may run on someone else's ledger. */
    private static void readEverything(Path file, Path reports) {
        List<String[]> commands = List.of(
                new String[]{"verify", "--ledger", file.toString()},
                new String[]{"balance", "--ledger", file.toString()},
                new String[]{"accounts", "--ledger", file.toString()},
                new String[]{"streams", "--ledger", file.toString()},
                new String[]{"history", "--ledger", file.toString(), "--stream", "ledger"},
                new String[]{"projections", "--ledger", file.toString()},
                new String[]{"state", "--ledger", file.toString(), "--stream", "ledger", "--as-of", "2024-06-30"},
                new String[]{"export", "--ledger", file.toString()},
                new String[]{"report", "--ledger", file.toString(), "--format", "csv", "--out",
                        reports.resolve("r.csv").toString(), "--key-dir", reports.resolve("keys").toString()});
        for (String[] command : commands) {
            RealCli run = run(command);
            assertEquals(0, run.exitCode(), String.join(" ", command) + ": " + run.err());
        }
    }

    @Test
    void a_ledger_another_user_owns_is_read_without_creating_files_beside_it() throws Exception {
        // as root the owner can be changed; otherwise the same rule is reached through a read-only folder
        Path file;
        if (root()) {
            file = ledger(folder);
            UserPrincipal nobody = folder.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
            Files.setOwner(file, nobody);
        } else {
            readOnlyFolder = Files.createDirectories(folder.resolve("shared"));
            file = ledger(readOnlyFolder);
            Files.setPosixFilePermissions(readOnlyFolder, PosixFilePermissions.fromString("r-x------"));
        }
        String before = sha256(file);
        Path reports = Files.createDirectories(folder.resolve("reports"));

        readEverything(file, reports);

        assertFalse(Files.exists(Path.of(file + "-wal")), "no -wal beside another user's ledger");
        assertFalse(Files.exists(Path.of(file + "-shm")), "no -shm beside another user's ledger");
        assertEquals(before, sha256(file));
        if (root()) {
            // the owner's next post works (it would have met a -wal it could not open)
            Files.setOwner(file, folder.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("root"));
            RealCli post = run("post", "--ledger", file.toString(), "--date", "2024-12-01", "--description", "after the audit",
                    "--posting", "assets:bank:a0  1.00 EUR", "--posting", "expenses:x0  -1.00 EUR");
            assertTrue(post.exitCode() == 0 || post.exitCode() == 4, post.err());
        }
    }

    @Test
    void the_projections_status_writes_nothing_into_the_ledger() throws Exception {
        Path file = ledger(folder);
        String before = sha256(file);
        RealCli status = run("projections", "--ledger", file.toString());
        assertEquals(0, status.exitCode(), status.err());
        assertTrue(status.out().contains("UP TO DATE"), status.out());
        assertFalse(status.out().contains("Read models kept in " + file.toAbsolutePath()), status.out());
        assertEquals(before, sha256(file));
        Path wal = Path.of(file + "-wal");
        assertTrue(!Files.exists(wal) || Files.size(wal) == 0, "nothing was written to the ledger's WAL");
    }
}
