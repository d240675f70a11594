package dev.eventscope.bootstrap;

import dev.eventscope.audit.AuditFixtures;
import dev.eventscope.cli.ExitCodes;
import dev.eventscope.eventstore.sqlite.ChainRewriter;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.eventscope.testing.Texts.assertMentions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 17: verify, seal and keys over real ledger files, each machine's state in its own temporary folders. */
class IntegrityCommandsEndToEndTest {

    @TempDir
    Path folder;

    /** Runs the command line as the given machine (its remembered heads and keys). */
    private RealCli run(String machine, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (!args[0].equals("report")) {
            all.addAll(List.of("--heads-dir", folder.resolve(machine).resolve("heads").toString()));
        }
        all.addAll(List.of("--key-dir", folder.resolve(machine).resolve("keys").toString()));
        return runPlain(all.toArray(String[]::new));
    }

    private Path acme() {
        return AuditFixtures.acmeLedger(folder.resolve("acme.ledger"));
    }

    @Test
    void a_sealed_ledger_verifies_with_its_last_seal_named_and_balanced_books() {
        Path ledger = acme();

        RealCli seal = run("alice", "seal", "--ledger", ledger.toString(), "--user", "alice");
        RealCli verify = run("alice", "verify", "--ledger", ledger.toString());

        assertEquals(ExitCodes.OK, seal.exitCode(), seal.err());
        assertMentions(seal.out(), "Sealed ledger", "through #29", "as alice");
        assertEquals(ExitCodes.OK, verify.exitCode(), verify.out() + verify.err());
        assertMentions(verify.out(), "intact through position 30", "Last confirmed seal: the seal at #30 by alice",
                "vouches for #29", "The books balance");
    }

    @Test
    void another_machine_confirms_the_seal_only_after_trusting_the_exported_key() throws Exception {
        Path ledger = acme();
        run("alice", "seal", "--ledger", ledger.toString(), "--user", "alice");
        Path exported = folder.resolve("alice.pub");

        RealCli before = run("auditor", "verify", "--ledger", ledger.toString());
        RealCli export = run("alice", "keys", "export", "--user", "alice", "--out", exported.toString());
        RealCli trust = run("auditor", "keys", "trust", exported.toString());
        RealCli list = run("auditor", "keys", "list");
        RealCli after = run("auditor", "verify", "--ledger", ledger.toString());

        assertMentions(before.out(), "signed, but by a key this machine does not trust");
        assertEquals(ExitCodes.OK, export.exitCode(), export.err());
        assertEquals(ExitCodes.OK, trust.exitCode(), trust.err());
        assertTrue(list.out().startsWith("trusted  "), list.out());
        assertMentions(trust.out(), "Trusted the key");
        assertMentions(after.out(), "Last confirmed seal: the seal at #30 by alice");
    }

    @Test
    void a_truncated_and_rechained_ledger_fails_verify_with_exit_3_on_a_machine_that_verified_it() throws Exception {
        Path ledger = acme();
        assertEquals(ExitCodes.OK, run("auditor", "verify", "--ledger", ledger.toString()).exitCode());

        ChainRewriter.rewrite(ledger, "DELETE FROM events WHERE position > 20");
        RealCli verify = run("auditor", "verify", "--ledger", ledger.toString());

        assertEquals(ExitCodes.TAMPERED, verify.exitCode(), verify.out());
        assertMentions(verify.out(), "intact through position 20", "TAMPERED: this ledger was verified here through #29",
                "its history no longer contains that head");
    }

    @Test
    void a_tampered_ledger_is_not_sealed() throws Exception {
        Path ledger = acme();
        AuditFixtures.tamper(ledger, 11, "replace(data, '250.5', '2500.5')");
        long before;
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger)) {
            before = store.lastPosition();
        }

        RealCli seal = run("alice", "seal", "--ledger", ledger.toString(), "--user", "alice");

        assertEquals(ExitCodes.TAMPERED, seal.exitCode(), seal.out() + seal.err());
        assertMentions(seal.err(), "TAMPERED at position 11", "Not sealed");
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger)) {
            assertEquals(before, store.lastPosition());
        }
    }

    @Test
    void trusting_a_file_that_is_not_a_key_is_refused_in_one_sentence() throws Exception {
        Path notAKey = Files.writeString(folder.resolve("notes.txt"), "shopping list\n");
        RealCli trust = run("auditor", "keys", "trust", notAKey.toString());
        assertEquals(ExitCodes.USAGE_OR_UNREADABLE_LEDGER, trust.exitCode());
        assertEquals(1, trust.err().lines().count(), trust.err());
        assertMentions(trust.err(), "notes.txt", "does not hold an Ed25519 public key");
    }

    @Test
    void verify_report_exits_7_for_a_signer_this_machine_does_not_trust_and_0_once_trusted() throws Exception {
        Path ledger = acme();
        Path report = folder.resolve("acme.json");
        RealCli made = run("alice", "report", "--ledger", ledger.toString(), "--format", "json", "--out", report.toString());
        assertEquals(ExitCodes.OK, made.exitCode(), made.err());
        Path exported = folder.resolve("alice.pub");
        String signer = dev.eventscope.application.CommandContext.osUser().user();
        run("alice", "keys", "export", "--user", signer, "--out", exported.toString());

        RealCli untrusted = run("auditor", "verify-report", report.toString());
        run("auditor", "keys", "trust", exported.toString());
        RealCli trusted = run("auditor", "verify-report", report.toString());

        assertEquals(dev.eventscope.cli.VerifyReportCommand.UNTRUSTED_SIGNER, untrusted.exitCode(), untrusted.out() + untrusted.err());
        assertMentions(untrusted.err(), "signed, but by a key this machine does not trust (fingerprint ");
        assertEquals(ExitCodes.OK, trusted.exitCode(), trusted.out() + trusted.err());
    }

    @Test
    void a_private_key_others_can_read_is_refused_and_nothing_is_sealed() throws Exception {
        Path ledger = acme();
        run("alice", "keys", "export", "--user", "alice");
        Path privateKey = folder.resolve("alice").resolve("keys").resolve("alice.ed25519.key");
        Files.setPosixFilePermissions(privateKey, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));

        RealCli seal = run("alice", "seal", "--ledger", ledger.toString(), "--user", "alice");

        assertEquals(ExitCodes.REFUSED, seal.exitCode(), seal.out() + seal.err());
        assertEquals(1, seal.err().lines().count(), seal.err());
        assertMentions(seal.err(), "alice.ed25519.key", "chmod 600");
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger)) {
            assertEquals(29, store.lastPosition());
        }
    }

    @Test
    void a_seal_event_is_harmless_to_the_other_commands() {
        Path ledger = acme();
        run("alice", "seal", "--ledger", ledger.toString(), "--user", "alice");

        for (String[] command : List.of(
                new String[] {"balance", "--ledger", ledger.toString()},
                new String[] {"streams", "--ledger", ledger.toString()},
                new String[] {"history", "--ledger", ledger.toString(), "--stream", "seal"},
                new String[] {"accounts", "--ledger", ledger.toString()})) {
            RealCli result = runPlain(command);
            assertEquals(ExitCodes.OK, result.exitCode(), String.join(" ", command) + ": " + result.err());
        }
        assertMentions(runPlain("balance", "--ledger", ledger.toString()).out(), "550");
    }

    /** Runs the command line with no machine state options (for commands that keep none). */
    private RealCli runPlain(String... args) {
        return RealCli.run(args);
    }
}
