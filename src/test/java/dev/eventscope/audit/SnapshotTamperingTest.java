package dev.eventscope.audit;

import dev.eventscope.application.AggregateRepository;
import dev.eventscope.application.Aggregate;
import dev.eventscope.application.BookkeepingCodec;
import dev.eventscope.application.CommandContext;
import dev.eventscope.application.IdGenerator;
import dev.eventscope.application.LedgerCommandService;
import dev.eventscope.domain.ledger.AccountCommand.CloseAccount;
import dev.eventscope.domain.ledger.AccountName;
import dev.eventscope.domain.ledger.AccountState;
import dev.eventscope.domain.ledger.LedgerRuleViolation;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import static dev.eventscope.testing.Texts.assertMentions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 17, point 5: an edited snapshot must not make the rules act on a false state, and verify reports it. */
class SnapshotTamperingTest {

    private static final StreamId BANK = StreamId.of("account-" + AuditFixtures.BANK);

    @TempDir
    Path folder;

    /** The Acme ledger written with a snapshot every two events, so the bank account has snapshots. */
    private Path snapshottedAcme() throws Exception {
        Path ledger = AuditFixtures.acmeLedger(folder.resolve("acme.ledger"));
        try (SqliteEventStore store = SqliteEventStore.open(ledger)) {
            new LedgerCommandService(store, BookkeepingCodec.create(), IdGenerator.sequential("s"),
                    new LedgerCommandService.Settings(5, 1))
                    .execute(new dev.eventscope.domain.ledger.AccountCommand.FreezeAccount(AccountName.of(AuditFixtures.BANK),
                            "snapshot please"), CommandContext.byUser("alice"));
        }
        return ledger;
    }

    private static void sql(Path ledger, String statement) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + ledger);
             Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }

    private LedgerVerification verify(Path ledger) {
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger)) {
            return new LedgerVerifier(BookkeepingCodec.create(), new RememberedHeads(folder.resolve("heads")),
                    new TrustedKeys(new SigningKeys(folder.resolve("keys"))), Clock.systemUTC()).verify(store, ledger);
        }
    }

    @Test
    void an_untouched_snapshot_is_used_and_equals_its_replay() throws Exception {
        Path ledger = snapshottedAcme();
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger)) {
            assertTrue(store.loadSnapshot(BANK, Long.MAX_VALUE, AccountState.SCHEMA_VERSION).isPresent());
        }
        LedgerVerification verification = verify(ledger);
        assertFalse(verification.tampered(), String.join("\n", verification.lines()));
        assertEquals(1, verification.snapshots().checked());
    }

    @Test
    void a_snapshot_edited_to_a_zero_balance_is_ignored_so_the_account_cannot_be_closed_and_verify_reports_it() throws Exception {
        // given the bank (550.00 EUR) snapshotted, and a snapshot edited to say its balance is zero and it is open
        Path ledger = snapshottedAcme();
        sql(ledger, "UPDATE snapshots SET data = replace(replace(data, '550', '0'), 'FROZEN', 'OPEN')"
                + " WHERE stream_key = (SELECT stream_key FROM streams WHERE stream_id = '" + BANK + "')");

        // when the account is loaded and someone tries to close it
        try (SqliteEventStore store = SqliteEventStore.open(ledger)) {
            AccountState state = new AggregateRepository(store, BookkeepingCodec.create()).load(Aggregate.ACCOUNT, BANK).state();
            // then the edited snapshot is ignored: the state is the replay's
            assertEquals(0, new BigDecimal("550.00").compareTo(state.balance("EUR")), state.toString());
            assertThrows(LedgerRuleViolation.class, () -> LedgerCommandService.create(store).execute(
                    new CloseAccount(AccountName.of(AuditFixtures.BANK), LocalDate.of(2024, 3, 1)), CommandContext.byUser("mallory")));
        }
        // and verify names it
        LedgerVerification verification = verify(ledger);
        assertMentions(String.join("\n", verification.lines()), "Ignored: the snapshot of '" + BANK + "'",
                "its content was changed after it was taken", "differs from the replay");
    }

    @Test
    void snapshots_from_before_anchors_are_summed_up_in_one_line_and_not_used() throws Exception {
        Path ledger = snapshottedAcme();
        sql(ledger, "DROP TABLE snapshot_anchors");
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger)) {
            assertFalse(store.loadSnapshot(BANK, Long.MAX_VALUE, AccountState.SCHEMA_VERSION).isPresent());
        }
        LedgerVerification verification = verify(ledger);
        assertFalse(verification.tampered());
        assertEquals(List.of("1 snapshot was written before snapshots were anchored to the chain; they equal their replay"
                + " but are not used (new snapshots replace them)"), verification.snapshots().ignored());
    }
}
