package dev.eventscope.audit;

import dev.eventscope.audit.ReportVerification.Outcome;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Given a signed report, verification holds until one byte changes, and the head hash is checked against the ledger. */
class ReportSignatureTest {

    @TempDir
    Path folder;

    private Path signedReport(Path ledger, ReportFormat format) throws Exception {
        Path report = folder.resolve("report." + format.extension());
        ReportOutcome outcome = ReportFiles.write(ledger, ReportScope.wholeLedger(), format, report);
        new ReportSigner(new SigningKeys(folder.resolve("keys"))).sign(report, format, "auditor", outcome.integrity());
        return report;
    }

    private static void flipOneByte(Path file, long offset) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        int index = (int) Math.min(offset, bytes.length - 1);
        bytes[index] = (byte) (bytes[index] ^ 0x01);
        Files.write(file, bytes);
    }

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void a_signed_report_verifies_and_one_changed_byte_breaks_it(ReportFormat format) throws Exception {
        Path ledger = AuditFixtures.acmeLedger(folder.resolve("acme.ledger"));
        Path report = signedReport(ledger, format);
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger)) {
            ReportVerification ok = new ReportVerifier().verify(report, store);
            assertTrue(ok.valid(), ok.message());
            assertEquals("auditor", ok.signer());
            assertEquals(29, ok.verifiedThroughPosition());
        }
        flipOneByte(report, Files.size(report) / 2);
        ReportVerification broken = new ReportVerifier().verify(report);
        assertEquals(Outcome.REPORT_CHANGED, broken.outcome(), broken.message());
        assertTrue(broken.message().contains("was changed after it was signed"), broken.message());
    }

    @Test
    void a_json_report_carries_its_signature_inside_and_verifies_without_the_sig_file() throws Exception {
        Path ledger = AuditFixtures.acmeLedger(folder.resolve("acme.ledger"));
        Path report = signedReport(ledger, ReportFormat.JSON);
        String text = Files.readString(report);
        assertTrue(text.endsWith("}}"));
        assertTrue(dev.eventscope.codec.EventCodec.newObjectMapper().readTree(text).path("signature").has("publicKeyFingerprint"));
        Files.delete(ReportSigner.signatureFile(report));
        assertTrue(new ReportVerifier().verify(report).valid());
        flipOneByte(report, 40);
        assertEquals(Outcome.REPORT_CHANGED, new ReportVerifier().verify(report).outcome());
    }

    @Test
    void a_report_of_one_ledger_does_not_match_another_ledgers_chain() throws Exception {
        Path ledger = AuditFixtures.acmeLedger(folder.resolve("acme.ledger"));
        Path other = AuditFixtures.acmeLedger(folder.resolve("other.ledger"));
        Path report = signedReport(ledger, ReportFormat.CSV);
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(other)) {
            ReportVerification verification = new ReportVerifier().verify(report, store);
            assertEquals(Outcome.HEAD_NOT_IN_LEDGER, verification.outcome());
            assertTrue(verification.message().contains("is not in this ledger's chain"), verification.message());
        }
    }

    @Test
    void a_changed_signer_in_the_sig_file_is_refused() throws Exception {
        Path ledger = AuditFixtures.acmeLedger(folder.resolve("acme.ledger"));
        Path report = signedReport(ledger, ReportFormat.HTML);
        Path sig = ReportSigner.signatureFile(report);
        Files.writeString(sig, Files.readString(sig).replace("\"auditor\"", "\"mallory\""));
        assertEquals(Outcome.SIGNATURE_INVALID, new ReportVerifier().verify(report).outcome());
    }

    @Test
    void a_changed_position_in_the_sig_file_is_refused_in_a_sentence_that_says_what_may_have_changed() throws Exception {
        // session 16: "The signature of The report …", and the position was not among the things named
        Path ledger = AuditFixtures.acmeLedger(folder.resolve("acme.ledger"));
        Path report = signedReport(ledger, ReportFormat.HTML);
        Path sig = ReportSigner.signatureFile(report);
        Files.writeString(sig, Files.readString(sig).replaceFirst("\"verifiedThroughPosition\" : \\d+",
                "\"verifiedThroughPosition\" : 1"));
        ReportVerification verification = new ReportVerifier().verify(report);
        assertEquals(Outcome.SIGNATURE_INVALID, verification.outcome());
        assertEquals("The signature of the report " + report.getFileName() + " does not match its key: the signature,"
                + " the signer, the stated position or the stated head hash was changed.", verification.message());
    }

    @Test
    void an_unsigned_report_is_named_as_such() throws Exception {
        Path report = Files.writeString(folder.resolve("plain.csv"), "position\r\n");
        ReportVerification verification = new ReportVerifier().verify(report);
        assertEquals(Outcome.NOT_SIGNED, verification.outcome());
        assertTrue(verification.message().contains("is not signed"));
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void keys_are_created_once_and_readable_only_by_their_owner() throws Exception {
        SigningKeys keys = new SigningKeys(folder.resolve("config/eventscope/keys"));
        var first = keys.forUser("alice");
        var second = keys.forUser("alice");
        assertEquals(first.getPublic(), second.getPublic());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.privateKeyFile("alice"))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.directory())));
    }

    @Test
    void the_default_key_directory_follows_xdg_config_home() {
        assertEquals(Path.of("/x/cfg/eventscope/keys"), SigningKeys.defaultDirectory(Map.of("XDG_CONFIG_HOME", "/x/cfg"), "/home/a"));
        assertEquals(Path.of("/home/a/.config/eventscope/keys"), SigningKeys.defaultDirectory(Map.of(), "/home/a"));
    }
}
