package dev.eventscope.audit;

import dev.eventscope.audit.ReportVerification.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import static dev.eventscope.testing.Texts.assertMentions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 17, point 6: keys that mean something, and a JSON signature over exactly the signed document. */
class ReportTrustTest {

    @TempDir
    Path folder;

    private SigningKeys auditorKeys() {
        return new SigningKeys(folder.resolve("auditor-keys"));
    }

    private Path signedJson() {
        Path ledger = AuditFixtures.acmeLedger(folder.resolve("acme.ledger"));
        Path report = folder.resolve("report.json");
        try {
            ReportOutcome outcome = ReportFiles.write(ledger, ReportScope.wholeLedger(), ReportFormat.JSON, report);
            new ReportSigner(auditorKeys()).sign(report, ReportFormat.JSON, "auditor", outcome.integrity());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return report;
    }

    @Test
    void a_report_signed_by_a_key_this_machine_does_not_trust_is_named_so_until_the_key_is_trusted() {
        Path report = signedJson();
        TrustedKeys reader = new TrustedKeys(new SigningKeys(folder.resolve("reader-keys")));

        ReportVerification untrusted = new ReportVerifier(reader).verify(report);
        String fingerprint = TrustedKeys.fingerprint(auditorKeys().forUser("auditor").getPublic().getEncoded());
        assertEquals(Outcome.UNTRUSTED_SIGNER, untrusted.outcome());
        assertMentions(untrusted.message(), "signed, but by a key this machine does not trust (fingerprint " + fingerprint);

        reader.trust(auditorKeys().publicKeyFile("auditor"));
        assertTrue(new ReportVerifier(reader).verify(report).valid());
        assertTrue(new ReportVerifier(new TrustedKeys(auditorKeys())).verify(report).valid(), "the signer's own key is trusted");
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void a_key_file_that_is_a_named_pipe_or_far_too_large_is_refused_without_reading_it() throws Exception {
        // session 16: 'keys trust PIPE' waited for ever for a writer, and a huge file would have been read whole
        Path pipe = folder.resolve("key.pub");
        assertEquals(0, new ProcessBuilder("mkfifo", pipe.toString()).inheritIO().start().waitFor());
        Path huge = folder.resolve("huge.pub");
        Files.write(huge, new byte[1 << 20]);
        TrustedKeys reader = new TrustedKeys(new SigningKeys(folder.resolve("reader-keys")));

        // only a guard against the old hang, generous for a loaded machine: the refusal reads nothing
        IllegalArgumentException fromPipe = assertTimeoutPreemptively(Duration.ofMinutes(2),
                () -> assertThrows(IllegalArgumentException.class, () -> reader.trust(pipe)));
        assertMentions(fromPipe.getMessage(), "key.pub", "not a file but a named pipe");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> reader.trust(huge)).getMessage(),
                "huge.pub", "larger than any key file");
        assertEquals(0, reader.list().stream().filter(key -> !key.own()).count());
    }

    @Test
    void content_after_the_signed_json_document_is_an_error() throws Exception {
        Path report = signedJson();
        Files.delete(ReportSigner.signatureFile(report));
        Files.writeString(report, "\n{\"note\":\"all fine\",\"x\":{}}", StandardOpenOption.APPEND);

        ReportVerification verification = new ReportVerifier(new TrustedKeys(auditorKeys())).verify(report);

        assertEquals(Outcome.REPORT_CHANGED, verification.outcome(), verification.message());
        assertMentions(verification.message(), "content after its signed document");
    }

    @Test
    void a_private_key_others_can_read_is_refused_with_a_message() throws Exception {
        SigningKeys keys = auditorKeys();
        keys.forUser("auditor");
        Files.setPosixFilePermissions(keys.privateKeyFile("auditor"), PosixFilePermissions.fromString("rw-r--r--"));

        UnsafePrivateKey refused = assertThrows(UnsafePrivateKey.class, () -> keys.forUser("auditor"));

        assertMentions(refused.getMessage(), keys.privateKeyFile("auditor").toString(), "rw-r--r--", "chmod 600");
    }

    @Test
    void a_report_names_the_last_seal_of_the_ledger() throws Exception {
        // given a sealed ledger
        Path ledger = AuditFixtures.acmeLedger(folder.resolve("sealed.ledger"));
        try (dev.eventscope.eventstore.sqlite.SqliteEventStore store = dev.eventscope.eventstore.sqlite.SqliteEventStore.open(ledger)) {
            LedgerVerifier verifier = new LedgerVerifier(dev.eventscope.application.BookkeepingCodec.create(),
                    new RememberedHeads(folder.resolve("heads")), new TrustedKeys(auditorKeys()), java.time.Clock.systemUTC());
            assertTrue(new LedgerSealer(verifier, auditorKeys(), java.time.Clock.systemUTC()).seal(store, ledger, "alice").sealed());
        }
        Path json = folder.resolve("sealed.json");

        // when a report is written
        ReportFiles.write(ledger, ReportScope.wholeLedger(), ReportFormat.JSON, json);

        // then its header names the seal, and a ledger without one says so
        String lastSeal = dev.eventscope.codec.EventCodec.newObjectMapper().readTree(json.toFile()).path("header").path("lastSeal").asText();
        assertMentions(lastSeal, "the seal at #30 by alice", "vouches for #29", "key fingerprint");
        // and the seal's own event row says what it is (it read "No event class is registered for type 'LedgerSealed'")
        com.fasterxml.jackson.databind.JsonNode sealRow = null;
        for (com.fasterxml.jackson.databind.JsonNode row : dev.eventscope.codec.EventCodec.newObjectMapper().readTree(json.toFile()).path("events")) {
            if ("LedgerSealed".equals(row.path("eventType").asText())) {
                sealRow = row;
            }
        }
        assertTrue(sealRow != null, "the seal is an event row of the report");
        assertMentions(sealRow.path("description").asText(), "Sealed through position 29", "by alice", "key fingerprint ");
        Path unsealed = folder.resolve("unsealed.json");
        ReportFiles.write(AuditFixtures.acmeLedger(folder.resolve("plain.ledger")), ReportScope.wholeLedger(), ReportFormat.JSON, unsealed);
        assertEquals(ReportHeader.NO_SEAL, dev.eventscope.codec.EventCodec.newObjectMapper().readTree(unsealed.toFile())
                .path("header").path("lastSeal").asText());
    }
}
