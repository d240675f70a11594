package dev.eventscope.audit;

import dev.eventscope.application.BookkeepingCodec;
import dev.eventscope.application.CommandContext;
import dev.eventscope.application.LedgerCommandService;
import dev.eventscope.domain.ledger.AccountName;
import dev.eventscope.domain.ledger.EntryCommand.PostEntry;
import dev.eventscope.domain.ledger.EntryId;
import dev.eventscope.domain.ledger.Money;
import dev.eventscope.domain.ledger.Posting;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.IntegrityReport.Tampering;
import dev.eventscope.eventstore.sqlite.ChainRewriter;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static dev.eventscope.testing.Texts.assertMentions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17's attacks, each by someone with write access who drops the triggers, edits the tables
 * and recomputes the chain with the documented encoding. Each test states what catches the attack
 * and, where only a seal or a remembered head can, sets that up first.
 */
class AdversarialVerificationTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-01T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path folder;

    private Path acme() {
        return AuditFixtures.acmeLedger(folder.resolve("acme.ledger"));
    }

    /** A machine: its remembered heads and its keys. */
    private LedgerVerifier machine(String name) {
        return new LedgerVerifier(BookkeepingCodec.create(), new RememberedHeads(folder.resolve(name).resolve("heads")),
                new TrustedKeys(keysOf(name)), CLOCK);
    }

    private SigningKeys keysOf(String name) {
        return new SigningKeys(folder.resolve(name).resolve("keys"));
    }

    private LedgerVerification verify(Path ledger, LedgerVerifier verifier) {
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger)) {
            return verifier.verify(store, ledger);
        }
    }

    private LedgerSealer.Outcome seal(Path ledger, String machine, String user) {
        try (SqliteEventStore store = SqliteEventStore.open(ledger)) {
            return new LedgerSealer(machine(machine), keysOf(machine), CLOCK).seal(store, ledger, user);
        }
    }

    @Test
    void an_untouched_ledger_passes_and_its_head_is_remembered_for_the_next_time() {
        Path ledger = acme();
        LedgerVerification first = verify(ledger, machine("auditor"));
        assertFalse(first.tampered(), String.join("\n", first.lines()));
        assertTrue(first.headRemembered());
        assertTrue(first.balance().balanced(), first.balance().summary());

        LedgerVerification second = verify(ledger, machine("auditor"));
        assertFalse(second.tampered());
        assertEquals(first.chain().lastPosition(), second.remembered().orElseThrow().position());
        assertMentions(String.join("\n", second.lines()), "still passes through the head verified here through #"
                + first.chain().lastPosition());
    }

    @Nested
    @DisplayName("deleting the newest events and editing head_position")
    class Truncation {

        @Test
        void is_caught_by_the_head_this_machine_remembered() throws Exception {
            // given a ledger this machine verified through its last event
            Path ledger = acme();
            LedgerVerification before = verify(ledger, machine("auditor"));
            long head = before.chain().lastPosition();

            // when the attacker deletes the newest events and sets head_position (and the streams) to match
            ChainRewriter.rewrite(ledger, "DELETE FROM events WHERE position > 20");

            // then the chain alone looks intact, but the remembered head is gone from the history
            LedgerVerification after = verify(ledger, machine("auditor"));
            assertTrue(after.chain().intact(), after.chain().summary());
            assertTrue(after.tampered());
            assertMentions(after.historyProblem(), "verified here through #" + head, before.chain().headHash(),
                    "its history no longer contains that head");
            assertFalse(after.headRemembered(), "a shorter history never replaces the remembered head");
            assertEquals(head, verify(ledger, machine("auditor")).remembered().orElseThrow().position());
        }

        @Test
        void a_ledger_rolled_back_to_an_older_copy_is_named_as_rolled_back_on_opening_and_by_verify() throws Exception {
            // given an older copy of the ledger, and the ledger itself verified here after a seal was appended to it
            Path ledger = acme();
            Path older = folder.resolve("older-copy.ledger");
            java.nio.file.Files.copy(ledger, older);
            assertTrue(seal(ledger, "auditor", "alice").sealed());
            LedgerVerification later = verify(ledger, machine("auditor"));
            long head = later.chain().lastPosition();

            // when the file is replaced by its older copy (session 17: what does the app say on opening it?)
            for (String log : List.of("-wal", "-shm")) {
                java.nio.file.Files.deleteIfExists(Path.of(ledger + log));
            }
            java.nio.file.Files.copy(older, ledger, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

            // then the quick check on opening says, in one sentence, that it ends earlier than the head verified here
            String onOpening;
            try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger)) {
                onOpening = machine("auditor").checkRememberedHead(store).orElseThrow();
            }
            String rolledBack = "it now ends at #" + (head - 1) + ", 1 event earlier, so it was rolled back (replaced by an"
                    + " older copy of itself, or its newest events were removed)";
            assertMentions(onOpening, "verified here through #" + head, "its history no longer contains that head: "
                    + rolledBack);
            assertEquals(onOpening.indexOf("rolled back"), onOpening.lastIndexOf("rolled back"), "said once: " + onOpening);
            // and verify says the same, while the chain alone is intact
            LedgerVerification after = verify(ledger, machine("auditor"));
            assertTrue(after.chain().intact() && after.tampered(), after.chain().summary());
            assertEquals(onOpening, after.historyProblem());
        }

        @Test
        void goes_unnoticed_by_a_machine_that_never_verified_the_ledger_before() throws Exception {
            Path ledger = acme();
            ChainRewriter.rewrite(ledger, "DELETE FROM events WHERE position > 20");
            LedgerVerification fresh = verify(ledger, machine("newcomer"));
            assertFalse(fresh.tampered(), "the documented limit: nothing remembered, nothing to compare");
        }
    }

    @Nested
    @DisplayName("altering an event and recomputing the chain")
    class Rewrite {

        private static final String INFLATE_INVOICE = "UPDATE events SET data = replace(data, '250.5', '2500.5')"
                + " WHERE position = 11";

        @Test
        void is_caught_by_a_seal_even_on_a_machine_that_never_saw_the_ledger() throws Exception {
            // given a ledger sealed by alice, whose key the auditor trusts
            Path ledger = acme();
            LedgerSealer.Outcome sealed = seal(ledger, "alice", "alice");
            assertTrue(sealed.sealed(), String.join("\n", sealed.verification().lines()));
            new TrustedKeys(keysOf("auditor")).trust(keysOf("alice").publicKeyFile("alice"));

            // when the attacker inflates an invoice and recomputes every hash
            ChainRewriter.rewrite(ledger, INFLATE_INVOICE);

            // then the chain is self-consistent, but alice's seal no longer matches it
            LedgerVerification after = verify(ledger, machine("auditor"));
            assertTrue(after.chain().intact(), after.chain().summary());
            assertTrue(after.tampered());
            assertTrue(after.seals().broken());
            assertMentions(String.join("\n", after.lines()), "TAMPERED: the seal at #" + sealed.position() + " by alice",
                    "vouches for head " + sealed.seal().sealedHash(), "was rewritten after it was sealed");
            assertFalse(after.balance().balanced(), "one posting changed alone also unbalances the books");
        }

        @Test
        void is_caught_by_a_remembered_head() throws Exception {
            Path ledger = acme();
            verify(ledger, machine("auditor"));
            ChainRewriter.rewrite(ledger, INFLATE_INVOICE);
            LedgerVerification after = verify(ledger, machine("auditor"));
            assertTrue(after.chain().intact());
            assertMentions(after.historyProblem(), "its history no longer contains that head: the event at #",
                    "has another hash now, so the history up to it was rewritten");
        }

        @Test
        void and_resealing_with_the_attackers_own_key_confirms_nothing() throws Exception {
            // given alice's seal, trusted by the auditor
            Path ledger = acme();
            seal(ledger, "alice", "alice");
            new TrustedKeys(keysOf("auditor")).trust(keysOf("alice").publicKeyFile("alice"));

            // when mallory removes the seal, inflates the whole invoice entry (so the books still balance),
            // recomputes the chain and seals it with her own key under alice's name
            ChainRewriter.rewrite(ledger, "DELETE FROM events WHERE position = (SELECT MAX(position) FROM events)",
                    "UPDATE events SET data = replace(data, '250.5', '2500.5') WHERE data LIKE '%Invoice 7%'");
            assertTrue(seal(ledger, "mallory", "alice").sealed());

            // then her seal is reported as signed by a key this machine does not trust, and no seal is confirmed
            LedgerVerification after = verify(ledger, machine("auditor"));
            assertTrue(after.seals().lastConfirmed().isEmpty());
            assertMentions(String.join("\n", after.lines()), "signed, but by a key this machine does not trust (fingerprint "
                    + TrustedKeys.fingerprint(keysOf("mallory").forUser("alice").getPublic().getEncoded()) + ")");
        }
    }

    @Test
    void appended_forged_events_leave_the_seal_short_of_the_head_and_unbalance_the_books() throws Exception {
        // given a ledger verified and sealed
        Path ledger = acme();
        LedgerSealer.Outcome sealed = seal(ledger, "alice", "alice");
        new TrustedKeys(keysOf("auditor")).trust(keysOf("alice").publicKeyFile("alice"));
        verify(ledger, machine("auditor"));

        // when a forged posting to the bank, under bob's name, is appended and chained
        ChainRewriter.rewrite(ledger, "INSERT INTO events (position, event_id, stream_key, version, type, schema_version, data,"
                + " user_name, correlation_id, causation_id, command_name, recorded_at, hash)"
                + " SELECT (SELECT MAX(position) + 1 FROM events), 'forged-1', stream_key, version + 1000, type, schema_version,"
                + " data, 'bob', NULL, NULL, command_name, recorded_at + 1, hash FROM events WHERE position = 11");

        // then the history extends what was remembered, so only the books and the seal's reach tell
        LedgerVerification after = verify(ledger, machine("auditor"));
        assertTrue(after.chain().intact());
        assertNull(after.historyProblem());
        assertEquals(sealed.seal().sealedPosition(), after.seals().lastConfirmed().orElseThrow().seal().sealedPosition());
        assertTrue(after.chain().lastPosition() > sealed.position(), "events after the last seal are vouched for by nobody");
        assertFalse(after.balance().balanced());
        assertMentions(after.balance().summary(), "DO NOT balance", "250.50 EUR");
    }

    @Test
    void an_edited_stream_category_is_tampering() throws Exception {
        Path ledger = acme();
        ChainRewriter.rewrite(ledger, "UPDATE streams SET category = 'archived' WHERE stream_id = 'account-assets:bank'");
        LedgerVerification after = verify(ledger, machine("auditor"));
        assertTrue(after.tampered());
        assertEquals(Tampering.METADATA, after.chain().kind());
        assertMentions(after.chain().summary(), "account-assets:bank", "archived");
    }

    @Test
    void a_seal_of_a_head_that_others_posted_after_is_still_confirmed() throws Exception {
        // given a colleague who posts an entry right after the sealer's verification, before the seal is appended
        Path ledger = acme();
        long sealedAt;
        try (SqliteEventStore sealing = SqliteEventStore.open(ledger); SqliteEventStore colleague = SqliteEventStore.open(ledger)) {
            LedgerCommandService posting = LedgerCommandService.create(colleague);
            EventStore postsAfterVerifying = (EventStore)
                    Proxy.newProxyInstance(EventStore.class.getClassLoader(),
                            new Class<?>[] {EventStore.class}, (proxy, method, arguments) -> {
                                Object result;
                                try {
                                    result = method.invoke(sealing, arguments);
                                } catch (InvocationTargetException e) {
                                    throw e.getCause();
                                }
                                if (method.getName().equals("verify")) {
                                    posting.execute(PostEntry.simple(
                                            EntryId.of("MEANWHILE"), LocalDate.of(2024, 2, 10),
                                            "posted meanwhile", List.of(
                                                    Posting.of(AccountName.of(
                                                            AuditFixtures.BANK), Money.of("5.00", "EUR")),
                                                    Posting.of(AccountName.of(
                                                            AuditFixtures.SALES), Money.of("-5.00", "EUR")))),
                                            CommandContext.byUser("dave"));
                                }
                                return result;
                            });

            // when alice seals
            LedgerSealer.Outcome sealed = new LedgerSealer(machine("alice"), keysOf("alice"), CLOCK)
                    .seal(postsAfterVerifying, ledger, "alice");
            sealedAt = sealed.position();

            // then the seal names the head she verified, which is no longer the event just before it
            assertEquals(29, sealed.seal().sealedPosition());
            assertTrue(sealedAt > 30, "the colleague's entry lies between the sealed head and the seal");
        }
        LedgerVerification verification = verify(ledger, machine("alice"));
        assertFalse(verification.tampered(), String.join("\n", verification.lines()));
        assertEquals(sealedAt, verification.seals().lastConfirmed().orElseThrow().position());
    }
}
