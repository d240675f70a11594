package dev.eventscope.ui.explorer;

import dev.eventscope.session.TestSessions;
import dev.eventscope.application.BookkeepingCodec;
import dev.eventscope.audit.AuditFixtures;
import dev.eventscope.audit.LedgerVerifier;
import dev.eventscope.audit.RememberedHeads;
import dev.eventscope.audit.SigningKeys;
import dev.eventscope.audit.TrustedKeys;
import dev.eventscope.eventstore.sqlite.ChainRewriter;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.ui.SameThreadExecutor;
import dev.eventscope.ui.explorer.IntegrityViewModel.BannerState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static dev.eventscope.testing.Texts.assertMentions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 17, point 3: the app's red banner shows what the machine's remembered head says, on open and on verify. */
class MachineVerificationBannerTest {

    @TempDir
    Path folder;

    private final SameThreadExecutor executor = new SameThreadExecutor();
    private final List<String> errors = new ArrayList<>();

    private LedgerVerifier machine() {
        return new LedgerVerifier(BookkeepingCodec.create(), new RememberedHeads(folder.resolve("heads")),
                new TrustedKeys(new SigningKeys(folder.resolve("keys"))), Clock.systemUTC());
    }

    private IntegrityViewModel integrityOf(SqliteEventStore store, Path ledger) {
        IntegrityViewModel integrity = new IntegrityViewModel(TestSessions.of(ledger, store), executor, errors::add);
        integrity.useMachineVerification(machine());
        return integrity;
    }

    @Test
    void a_ledger_cut_short_since_this_machine_verified_it_shows_the_red_banner_on_open_and_on_verify() throws Exception {
        // given a ledger verified once in the app
        Path ledger = AuditFixtures.acmeLedger(folder.resolve("acme.ledger"));
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger)) {
            IntegrityViewModel first = integrityOf(store, ledger);
            first.verify();
            assertEquals(BannerState.INTACT, first.bannerStateProperty().get());
        }

        // when its newest events are deleted and the chain recomputed, and it is opened again
        ChainRewriter.rewrite(ledger, "DELETE FROM events WHERE position > 20");
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger)) {
            IntegrityViewModel reopened = integrityOf(store, ledger);
            reopened.checkOnOpen();

            // then the banner is red at once, and a full verify says the same
            assertEquals(BannerState.TAMPERED, reopened.bannerStateProperty().get());
            assertMentions(reopened.bannerTextProperty().get(), "verified here through #29", "no longer contains that head");
            reopened.dismissBanner();
            reopened.verify();
            assertEquals(BannerState.TAMPERED, reopened.bannerStateProperty().get());
            assertMentions(reopened.bannerTextProperty().get(), "Tampered: this ledger was verified here through #29");
        }
        assertEquals(List.of(), errors);
    }

    @Test
    void tools_seal_appends_a_seal_that_the_next_verify_confirms() {
        // given a ledger open for writing with this machine's verification
        Path ledger = AuditFixtures.acmeLedger(folder.resolve("acme.ledger"));
        try (SqliteEventStore store = SqliteEventStore.open(ledger)) {
            IntegrityViewModel integrity = integrityOf(store, ledger);

            // when the user seals it
            integrity.seal("alice");

            // then the banner names what was sealed, the seal is the newest event, and verify confirms it
            assertEquals(BannerState.INTACT, integrity.bannerStateProperty().get());
            assertMentions(integrity.bannerTextProperty().get(), "Sealed through #29 by alice");
            assertEquals("LedgerSealed", store.readAt(30).orElseThrow().type());
            // and it says why the status bar counts one event more than the position sealed: the seal is an event
            assertMentions(integrity.bannerTextProperty().get(), "(the seal itself is event #30)");
            assertEquals(30, store.lastPosition());
            assertTrue(machine().verify(store, ledger).seals().lastConfirmed().isPresent());
        }
        assertEquals(List.of(), errors);
    }

    @Test
    void a_ledger_open_read_only_is_not_sealed() {
        Path ledger = AuditFixtures.acmeLedger(folder.resolve("acme.ledger"));
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger)) {
            integrityOf(store, ledger).seal("alice");
            assertEquals(29, store.lastPosition());
        }
        assertEquals(1, errors.size());
        assertMentions(errors.get(0), "read-only", "open it normally to seal it");
    }
}
