package dev.eventscope.cli;

import dev.eventscope.application.LedgerStoreFactory;
import dev.eventscope.audit.AuditFixtures;
import dev.eventscope.bootstrap.SqliteLedgerStoreFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17, "must never happen" 1: {@code report --out L} and {@code export --out L} where L is the ledger
 * truncated it to 0 bytes. Every output is now refused onto a ledger or its side files, replaces an
 * existing file only with --force, and is written whole or not at all.
 */
class OutputOntoLedgerTest {

    private static final LedgerStoreFactory SQLITE = new SqliteLedgerStoreFactory();

    @TempDir
    Path folder;

    private Path ledger;

    private Path ledger() throws IOException {
        if (ledger == null) {
            ledger = AuditFixtures.acmeLedger(folder.resolve("acme.ledger"));
        }
        return ledger;
    }

    private CliRun report(Path out, String... more) throws IOException {
        List<String> args = new java.util.ArrayList<>(List.of("report", "--ledger", ledger().toString(), "--format", "json",
                "--out", out.toString(), "--key-dir", folder.resolve("keys").toString()));
        args.addAll(List.of(more));
        return CliRun.run(SQLITE, args.toArray(String[]::new));
    }

    private CliRun export(Path out, String... more) throws IOException {
        List<String> args = new java.util.ArrayList<>(List.of("export", "--ledger", ledger().toString(), "--out", out.toString()));
        args.addAll(List.of(more));
        return CliRun.run(SQLITE, args.toArray(String[]::new));
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private void assertLedgerIntact(String before) throws Exception {
        assertEquals(before, sha256(ledger()), "the ledger's bytes did not change");
        CliRun verify = CliRun.run(SQLITE, "verify", "--ledger", ledger().toString());
        assertEquals(ExitCodes.OK, verify.exitCode(), verify.out() + verify.err());
    }

    private void assertNoTemporaryFiles() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(), files.filter(file -> file.getFileName().toString().endsWith(".partial")).toList());
        }
    }

    @Nested
    @DisplayName("when the output is the ledger itself")
    class OntoTheLedger {

        @Test
        void report_is_refused_and_the_ledger_is_unchanged() throws Exception {
            String before = sha256(ledger());
            CliRun run = report(ledger(), "--force");
            assertEquals(ExitCodes.USAGE_OR_UNREADABLE_LEDGER, run.exitCode(), run.out());
            assertTrue(run.err().contains("Refusing to write the report onto the ledger"), run.err());
            assertEquals(1, run.errLines().size(), run.err());
            assertFalse(run.out().contains("Wrote"), run.out());
            assertLedgerIntact(before);
            assertNoTemporaryFiles();
        }

        @Test
        void export_is_refused_and_the_ledger_is_unchanged() throws Exception {
            String before = sha256(ledger());
            CliRun run = export(ledger(), "--force");
            assertEquals(ExitCodes.USAGE_OR_UNREADABLE_LEDGER, run.exitCode());
            assertTrue(run.err().contains("Refusing to write the journal onto the ledger"), run.err());
            assertLedgerIntact(before);
            assertNoTemporaryFiles();
        }

        @Test
        void the_same_file_through_another_path_or_a_link_is_refused() throws Exception {
            String before = sha256(ledger());
            Path sub = Files.createDirectories(folder.resolve("sub"));
            assertEquals(ExitCodes.USAGE_OR_UNREADABLE_LEDGER, report(sub.resolve("../acme.ledger"), "--force").exitCode());
            Path link = Files.createSymbolicLink(folder.resolve("link.json"), ledger());
            CliRun viaLink = export(link, "--force");
            assertEquals(ExitCodes.USAGE_OR_UNREADABLE_LEDGER, viaLink.exitCode());
            assertTrue(viaLink.err().contains("onto the ledger"), viaLink.err());
            assertLedgerIntact(before);
        }

        @Test
        void its_wal_and_shm_files_are_refused_even_when_they_do_not_exist() throws Exception {
            String before = sha256(ledger());
            for (String suffix : List.of("-wal", "-shm", "-journal")) {
                CliRun run = report(Path.of(ledger() + suffix), "--force");
                assertEquals(ExitCodes.USAGE_OR_UNREADABLE_LEDGER, run.exitCode(), suffix);
                assertTrue(run.err().contains(suffix.substring(1) + " file"), run.err());
            }
            assertLedgerIntact(before);
        }

        private CliRun sandboxExport(Path out) throws IOException {
            String sandboxes = folder.resolve("sandboxes").toString();
            CliRun started = CliRun.run(SQLITE, "sandbox", "new", "-l", ledger().toString(), "--sandbox-dir", sandboxes,
                    "--user", "auditor", "--replace");
            assertEquals(ExitCodes.OK, started.exitCode(), started.err());
            return CliRun.run(SQLITE, "sandbox", "export", "-l", ledger().toString(), "--sandbox-dir", sandboxes,
                    "--user", "auditor", "--output", out.toString());
        }

        @Test
        @DisplayName("session 15: sandbox export --output onto the ledger (itself, a symbolic or hard link) is refused; it replaced the ledger by a journal")
        void sandbox_export_onto_the_ledger_is_refused() throws Exception {
            String before = sha256(ledger());
            Path symbolic = Files.createSymbolicLink(folder.resolve("link.journal"), ledger());
            Path hard = Files.createLink(folder.resolve("hard.journal"), ledger());
            for (Path target : List.of(ledger(), symbolic, hard)) {
                CliRun run = sandboxExport(target);
                assertEquals(ExitCodes.USAGE_OR_UNREADABLE_LEDGER, run.exitCode(), target + ": " + run.out() + run.err());
                assertTrue(run.err().contains("Refusing to write the proposed entries onto the ledger"), run.err());
                assertEquals(1, run.errLines().size(), run.err());
                assertLedgerIntact(before);
            }
            CliRun wal = sandboxExport(Path.of(ledger() + "-journal"));
            assertEquals(ExitCodes.USAGE_OR_UNREADABLE_LEDGER, wal.exitCode(), wal.err());
            assertFalse(Files.exists(Path.of(ledger() + "-journal")));
            assertLedgerIntact(before);
            assertNoTemporaryFiles();
            CliRun written = sandboxExport(folder.resolve("proposals.journal"));
            assertEquals(ExitCodes.OK, written.exitCode(), written.err());
            assertTrue(Files.readString(folder.resolve("proposals.journal")).startsWith("; Proposed adjustments"));
        }

        @Test
        @DisplayName("session 15: keys export --out onto a ledger's -wal, -shm or -journal (not there yet) is refused; it was written")
        void keys_export_onto_a_ledger_side_file_is_refused() throws Exception {
            String before = sha256(ledger());
            for (String suffix : List.of("-wal", "-shm", "-journal")) {
                Path side = Path.of(ledger() + suffix);
                CliRun run = CliRun.run(SQLITE, "keys", "export", "--key-dir", folder.resolve("keys").toString(),
                        "--out", side.toString());
                assertEquals(ExitCodes.USAGE_OR_UNREADABLE_LEDGER, run.exitCode(), suffix + ": " + run.out());
                assertTrue(run.err().contains(suffix.substring(1) + " file"), run.err());
                assertFalse(Files.exists(side), side + " was written");
            }
            CliRun folderRun = CliRun.run(SQLITE, "keys", "export", "--key-dir", folder.resolve("keys").toString(),
                    "--out", folder.toString());
            assertTrue(folderRun.err().contains("is a folder"), folderRun.err());
            assertLedgerIntact(before);
        }

        @Test
        void another_ledger_is_refused_too() throws Exception {
            Path other = AuditFixtures.acmeLedger(folder.resolve("other.ledger"));
            String before = sha256(other);
            CliRun run = export(other, "--force");
            assertEquals(ExitCodes.USAGE_OR_UNREADABLE_LEDGER, run.exitCode());
            assertTrue(run.err().contains("it is a database"), run.err());
            assertEquals(before, sha256(other));
        }
    }

    @Nested
    @DisplayName("when the output file exists")
    class Existing {

        @Test
        void it_is_kept_without_force_and_replaced_with_it() throws Exception {
            Path json = folder.resolve("report.json");
            Files.writeString(json, "keep me");
            CliRun refused = report(json);
            assertEquals(ExitCodes.USAGE_OR_UNREADABLE_LEDGER, refused.exitCode());
            assertTrue(refused.err().contains("already exists") && refused.err().contains("--force"), refused.err());
            assertEquals("keep me", Files.readString(json));
            assertFalse(Files.exists(folder.resolve("report.json.sig")), "no signature for a report not written");

            CliRun replaced = report(json, "--force");
            assertEquals(ExitCodes.OK, replaced.exitCode(), replaced.err());
            assertTrue(Files.readString(json).startsWith("{"));
            CliRun check = CliRun.run(SQLITE, "verify-report", json.toString(), "--ledger", ledger().toString(),
                    "--key-dir", folder.resolve("keys").toString());
            assertEquals(ExitCodes.OK, check.exitCode(), check.out() + check.err());
            assertNoTemporaryFiles();
        }

        @Test
        void an_exported_journal_is_kept_without_force() throws Exception {
            Path journal = folder.resolve("books.journal");
            Files.writeString(journal, "; mine\n");
            assertEquals(ExitCodes.USAGE_OR_UNREADABLE_LEDGER, export(journal).exitCode());
            assertEquals("; mine\n", Files.readString(journal));
            CliRun replaced = export(journal, "--force");
            assertEquals(ExitCodes.OK, replaced.exitCode(), replaced.err());
            assertTrue(Files.readString(journal).contains("assets:bank"), "the journal was written");
        }
    }

    @Test
    void a_missing_folder_is_named() throws Exception {
        CliRun run = export(folder.resolve("no/such/folder/books.journal"));
        assertEquals(ExitCodes.USAGE_OR_UNREADABLE_LEDGER, run.exitCode());
        assertTrue(run.err().contains("the folder") && run.err().contains("does not exist"), run.err());
    }

    @Test
    void a_new_report_is_written_whole_with_its_signature() throws Exception {
        Path pdf = folder.resolve("new.pdf");
        CliRun run = CliRun.run(SQLITE, "report", "--ledger", ledger().toString(), "--format", "pdf", "--out", pdf.toString(),
                "--key-dir", folder.resolve("keys").toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        byte[] head = Files.readAllBytes(pdf);
        assertArrayEquals("%PDF".getBytes(), java.util.Arrays.copyOf(head, 4));
        assertTrue(Files.exists(folder.resolve("new.pdf.sig")));
        CliRun check = CliRun.run(SQLITE, "verify-report", pdf.toString(), "--ledger", ledger().toString(),
                "--key-dir", folder.resolve("keys").toString());
        assertEquals(ExitCodes.OK, check.exitCode(), check.out() + check.err());
        assertNoTemporaryFiles();
    }
}
