package dev.eventscope.cli;

import dev.eventscope.session.TestSessions;
import dev.eventscope.audit.AuditFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** report writes and signs; verify-report accepts it, and refuses it once a byte changes. */
class ReportCommandTest {

    @TempDir
    Path folder;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int report(String... args) {
        CommandLine commandLine = new CommandLine(new ReportCommand(TestSessions.SQLITE,
                Clock.fixed(Instant.parse("2024-03-01T10:00:00Z"), ZoneOffset.UTC), "auditor"));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler(new ReadableErrorHandler());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private int verifyReport(String... args) {
        CommandLine commandLine = EventscopeCli.commandLine(TestSessions.SQLITE);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        String[] full = new String[args.length + 3];
        full[0] = "verify-report";
        System.arraycopy(args, 0, full, 1, args.length);
        full[args.length + 1] = "--key-dir";
        full[args.length + 2] = folder.resolve("keys").toString();
        return commandLine.execute(full);
    }

    @Test
    void a_report_is_written_signed_and_verified_and_one_changed_byte_fails_it() throws Exception {
        Path ledger = AuditFixtures.acmeLedger(folder.resolve("acme.ledger"));
        Path pdf = folder.resolve("acme.pdf");
        int code = report("--ledger", ledger.toString(), "--format", "pdf", "--out", pdf.toString(),
                "--account", "assets:bank", "--from", "2024-01-01", "--to", "2024-01-31", "--paper", "letter",
                "--key-dir", folder.resolve("keys").toString());
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains("Hash chain verified through position 29."), out.toString());
        assertTrue(Files.exists(folder.resolve("acme.pdf.sig")));
        assertTrue(err.toString().contains("writing"), "progress is shown: " + err);

        assertEquals(0, verifyReport(pdf.toString(), "--ledger", ledger.toString()), err.toString());
        assertTrue(out.toString().contains("The signature is valid, signed by auditor"), out.toString());

        byte[] bytes = Files.readAllBytes(pdf);
        bytes[bytes.length / 3] ^= 0x20;
        Files.write(pdf, bytes);
        assertEquals(VerifyReportCommand.SIGNATURE_FAILED, verifyReport(pdf.toString()));
        assertTrue(err.toString().contains("was changed after it was signed"), err.toString());
    }

    @Test
    void a_report_checked_against_another_ledger_names_the_head_hash() throws Exception {
        Path ledger = AuditFixtures.acmeLedger(folder.resolve("acme.ledger"));
        Path other = AuditFixtures.acmeLedger(folder.resolve("other.ledger"));
        Path json = folder.resolve("acme.json");
        assertEquals(0, report("-l", ledger.toString(), "--format", "json", "-o", json.toString(),
                "--key-dir", folder.resolve("keys").toString()));
        assertEquals(VerifyReportCommand.HEAD_NOT_IN_LEDGER, verifyReport(json.toString(), "--ledger", other.toString()));
        assertTrue(err.toString().contains("is not in this ledger's chain"), err.toString());
    }

    @Test
    void wrong_options_are_named() throws Exception {
        Path ledger = AuditFixtures.acmeLedger(folder.resolve("acme.ledger"));
        assertEquals(ExitCodes.USAGE_OR_UNREADABLE_LEDGER, report("-l", ledger.toString(), "--format", "csv",
                "-o", folder.resolve("x.csv").toString(), "--from", "March"));
        assertTrue(err.toString().contains("--from must be a date like 2024-03-31, not March."), err.toString());
        assertEquals(ExitCodes.USAGE_OR_UNREADABLE_LEDGER, report("-l", ledger.toString(), "--format", "csv",
                "-o", folder.resolve("x.csv").toString(), "--by", "moon-phase"));
        assertTrue(err.toString().contains("--by must be entry-date or recorded-time"), err.toString());
        assertEquals(ExitCodes.USAGE_OR_UNREADABLE_LEDGER, verifyReport(folder.resolve("missing.pdf").toString()));
    }
}
