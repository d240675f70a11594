package dev.eventscope.application;

import dev.eventscope.domain.ledger.AccountCommand.FreezeAccount;
import dev.eventscope.domain.ledger.AccountCommand.OpenAccount;
import dev.eventscope.domain.ledger.AccountIsFrozen;
import dev.eventscope.domain.ledger.AccountName;
import dev.eventscope.domain.ledger.AccountState;
import dev.eventscope.domain.ledger.EntryCommand.PostEntry;
import dev.eventscope.domain.ledger.EntryCommand.ReverseEntry;
import dev.eventscope.domain.ledger.EntryDoesNotBalance;
import dev.eventscope.domain.ledger.EntryId;
import dev.eventscope.domain.ledger.EntryState;
import dev.eventscope.domain.ledger.LedgerCommand.ClosePeriod;
import dev.eventscope.domain.ledger.LedgerCommand.CreateLedger;
import dev.eventscope.domain.ledger.LedgerState;
import dev.eventscope.domain.ledger.LedgerStreams;
import dev.eventscope.domain.ledger.Money;
import dev.eventscope.domain.ledger.Posting;
import dev.eventscope.domain.ledger.PostingInClosedPeriod;
import dev.eventscope.eventstore.ConcurrencyConflict;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LedgerCommandServiceTest {

    private static final AccountName BANK = AccountName.of("assets:bank");
    private static final AccountName SALES = AccountName.of("income:sales");
    private static final LocalDate JAN_1 = LocalDate.of(2025, 1, 1);
    private static final CommandContext BOB = new CommandContext("bob", "corr-7", "cause-3");

    @TempDir
    Path folder;
    SqliteEventStore store;
    LedgerCommandService service;

    @BeforeEach
    void openLedger() {
        store = SqliteEventStore.open(folder.resolve("service.ledger"));
        service = new LedgerCommandService(store, BookkeepingCodec.create(), IdGenerator.sequential("id"),
                new LedgerCommandService.Settings(3, 5));
        service.execute(new CreateLedger("Test books", "EUR"), BOB);
        service.execute(new OpenAccount(BANK, JAN_1, null), BOB);
        service.execute(new OpenAccount(SALES, JAN_1, null), BOB);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static PostEntry sale(String id, String amount, LocalDate date) {
        return PostEntry.simple(EntryId.of(id), date, "Sale " + id, List.of(
                new Posting(BANK, Money.of(amount, "EUR"), null, null),
                new Posting(SALES, Money.of(amount, "EUR").negate(), null, null)));
    }

    @Nested
    @DisplayName("a command that the domain accepts")
    class Accepted {

        @Test
        void appends_to_every_stream_it_touches_in_one_go_with_the_metadata() {
            CommandResult result = service.execute(sale("S1", "10.00", JAN_1.plusDays(1)), BOB);
            assertEquals(3, result.positions().size(), "the entry and one posting on each of the two accounts");
            assertEquals(1, result.attempts());
            for (long position : result.positions()) {
                RecordedEvent event = store.readAt(position).orElseThrow();
                assertEquals("bob", event.metadata().user());
                assertEquals("corr-7", event.metadata().correlationId());
                assertEquals("cause-3", event.metadata().causationId());
                assertEquals("PostEntry", event.metadata().commandName());
            }
            assertEquals(1, store.streamVersion(StreamId.of("entry-S1")));
        }

        @Test
        void without_ids_in_the_context_the_command_id_is_correlation_and_causation() {
            CommandResult result = service.execute(sale("S1", "10.00", JAN_1.plusDays(1)), CommandContext.byUser("carol"));
            RecordedEvent event = store.readAt(result.lastPosition()).orElseThrow();
            assertEquals(result.commandId(), event.metadata().correlationId());
            assertEquals(result.commandId(), event.metadata().causationId());
        }

        @Test
        void a_reversal_writes_the_new_entry_the_mark_on_the_original_and_the_opposite_postings() {
            service.execute(sale("S1", "10.00", JAN_1.plusDays(1)), BOB);
            service.execute(new ReverseEntry(EntryId.of("S1"), EntryId.of("R1"), JAN_1.plusDays(3), null), BOB);
            EntryState original = service.repository().load(Aggregate.ENTRY, StreamId.of("entry-S1")).state();
            assertEquals(EntryId.of("R1"), original.reversedBy());
            AccountState bank = service.repository().load(Aggregate.ACCOUNT, StreamId.of(LedgerStreams.account(BANK))).state();
            assertEquals(0, bank.balance("EUR").signum());
        }
    }

    @Nested
    @DisplayName("commands that take new entry ids")
    class NewEntryIds {

        @Test
        void ids_are_given_inside_the_transaction_and_never_twice() {
            List<Executed> executed = service.executeTogether(List.of(
                    ids -> sale(ids.get().value(), "10.00", JAN_1.plusDays(1)),
                    ids -> sale(ids.get().value(), "20.00", JAN_1.plusDays(2))), BOB);

            assertEquals(EntryId.of("E000001"), ((PostEntry) executed.get(0).command()).entryId());
            assertEquals(EntryId.of("E000002"), ((PostEntry) executed.get(1).command()).entryId());
            assertEquals(1, store.streamVersion(StreamId.of("entry-E000002")));
        }

        @Test
        void a_second_store_on_the_same_file_gets_the_next_free_id() {
            try (SqliteEventStore other = SqliteEventStore.open(folder.resolve("service.ledger"))) {
                LedgerCommandService otherService = LedgerCommandService.create(other);
                otherService.execute(ids -> sale(ids.get().value(), "1.00", JAN_1.plusDays(1)), BOB);
            }
            Executed mine = service.execute(ids -> sale(ids.get().value(), "2.00", JAN_1.plusDays(1)), BOB);

            assertEquals(EntryId.of("E000002"), ((PostEntry) mine.command()).entryId());
        }

        @Test
        void a_refused_command_writes_none_of_the_batch() {
            long before = store.lastPosition();

            assertThrows(EntryDoesNotBalance.class, () -> service.executeTogether(List.of(
                    ids -> sale(ids.get().value(), "10.00", JAN_1.plusDays(1)),
                    ids -> PostEntry.simple(ids.get(), JAN_1, "Typo", List.of(
                            new Posting(BANK, Money.of("10.00", "EUR"), null, null),
                            new Posting(SALES, Money.of("-9.00", "EUR"), null, null)))), BOB));

            assertEquals(before, store.lastPosition());
            assertEquals(0, EntryIds.entryCount(store));
        }
    }

    @Nested
    @DisplayName("a command that the domain refuses")
    class Refused {

        @Test
        void writes_nothing_and_passes_the_domain_message_on() {
            long before = store.lastPosition();
            PostEntry unbalanced = PostEntry.simple(EntryId.of("X"), JAN_1, "Typo", List.of(
                    new Posting(BANK, Money.of("10.00", "EUR"), null, null),
                    new Posting(SALES, Money.of("-9.00", "EUR"), null, null)));
            EntryDoesNotBalance refused = assertThrows(EntryDoesNotBalance.class, () -> service.execute(unbalanced, BOB));
            assertTrue(refused.getMessage().contains("1.00"), refused.getMessage());
            assertEquals(before, store.lastPosition());
        }

        @Test
        void a_frozen_account_and_a_closed_period_are_refused() {
            service.execute(new FreezeAccount(SALES, "under review"), BOB);
            assertThrows(AccountIsFrozen.class, () -> service.execute(sale("S2", "5", JAN_1.plusDays(2)), BOB));
            service.execute(new ClosePeriod(JAN_1.plusDays(10)), BOB);
            assertThrows(PostingInClosedPeriod.class, () -> service.execute(sale("S3", "5", JAN_1.plusDays(5)), BOB));
        }
    }

    @Nested
    @DisplayName("a concurrency conflict")
    class Conflict {

        /** A store whose first {@code conflicts} appends lose a race: another writer posts to the bank first. */
        private EventStore racingStore(int conflicts, AtomicInteger raced) {
            return (EventStore) Proxy.newProxyInstance(EventStore.class.getClassLoader(), new Class<?>[] {EventStore.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("appendAll") && raced.get() < conflicts) {
                            raced.incrementAndGet();
                            new LedgerCommandService(store, BookkeepingCodec.create(), IdGenerator.sequential("other-" + raced.get()),
                                    LedgerCommandService.Settings.defaults())
                                    .execute(sale("OTHER-" + raced.get(), "1.00", JAN_1.plusDays(1)), CommandContext.byUser("eve"));
                        }
                        try {
                            return method.invoke(store, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        @Test
        void is_retried_against_the_new_state_and_succeeds() {
            AtomicInteger raced = new AtomicInteger();
            LedgerCommandService racing = new LedgerCommandService(racingStore(1, raced), BookkeepingCodec.create(),
                    IdGenerator.sequential("mine"), new LedgerCommandService.Settings(3, 5));
            CommandResult result = racing.execute(sale("S1", "10.00", JAN_1.plusDays(1)), BOB);
            assertEquals(2, result.attempts());
            AccountState bank = service.repository().load(Aggregate.ACCOUNT, StreamId.of(LedgerStreams.account(BANK))).state();
            assertEquals(new BigDecimal("11"), bank.balance("EUR").stripTrailingZeros());
        }

        @Test
        void that_persists_is_reported_and_writes_nothing_of_the_command() {
            AtomicInteger raced = new AtomicInteger();
            LedgerCommandService racing = new LedgerCommandService(racingStore(99, raced), BookkeepingCodec.create(),
                    IdGenerator.sequential("mine"), new LedgerCommandService.Settings(3, 5));
            ConflictPersisted refused = assertThrows(ConflictPersisted.class,
                    () -> racing.execute(sale("S1", "10.00", JAN_1.plusDays(1)), BOB));
            assertEquals(3, refused.attempts());
            assertTrue(refused.getMessage().contains("PostEntry"), refused.getMessage());
            assertEquals(0, store.streamVersion(StreamId.of("entry-S1")));
        }
    }

    @Nested
    @DisplayName("snapshots")
    class Snapshots {

        @Test
        void are_written_every_n_events_and_never_change_the_loaded_state() throws ConcurrencyConflict {
            for (int i = 1; i <= 23; i++) {
                service.execute(sale("S" + i, i + ".25", JAN_1.plusDays(i)), BOB);
            }
            StreamId bank = StreamId.of(LedgerStreams.account(BANK));
            assertTrue(store.loadSnapshot(bank, Long.MAX_VALUE, AccountState.SCHEMA_VERSION).isPresent());
            for (long version = 1; version <= store.streamVersion(bank); version++) {
                Loaded<AccountState> withSnapshots = service.repository().load(Aggregate.ACCOUNT, bank, version);
                Loaded<AccountState> replayed = service.repository().withoutSnapshots().load(Aggregate.ACCOUNT, bank, version);
                assertEquals(replayed.state(), withSnapshots.state(), "at version " + version);
                assertEquals(replayed.version(), withSnapshots.version());
            }
            assertTrue(service.repository().load(Aggregate.ACCOUNT, bank).fromSnapshotVersion() > 0);
        }

        @Test
        void a_snapshot_of_an_older_state_schema_is_ignored() throws ConcurrencyConflict {
            for (int i = 1; i <= 6; i++) {
                service.execute(sale("S" + i, "1", JAN_1.plusDays(i)), BOB);
            }
            StreamId bank = StreamId.of(LedgerStreams.account(BANK));
            store.saveSnapshot(new dev.eventscope.eventstore.Snapshot(bank, 3, "AccountState", AccountState.SCHEMA_VERSION - 1,
                    "{\"garbage\": true}"));
            Loaded<AccountState> loaded = service.repository().withoutSnapshots().load(Aggregate.ACCOUNT, bank);
            assertEquals(loaded.state(), service.repository().load(Aggregate.ACCOUNT, bank).state());
        }
    }

    @Nested
    @DisplayName("an import session")
    class Import {

        @Test
        void is_all_or_nothing() {
            long before = store.lastPosition();
            try (ImportSession session = service.beginImport(BOB)) {
                session.execute(sale("I1", "3", JAN_1.plusDays(1)));
                session.execute(sale("I2", "4", JAN_1.plusDays(2)));
                assertEquals(new BigDecimal("7"), session.accountState(BANK).balance("EUR").stripTrailingZeros());
            }
            assertEquals(before, store.lastPosition());
            try (ImportSession session = service.beginImport(BOB)) {
                session.execute(sale("I1", "3", JAN_1.plusDays(1)));
                session.commit();
            }
            assertEquals(before + 3, store.lastPosition());
            LedgerState ledger = service.repository().load(Aggregate.LEDGER, StreamId.of("ledger")).state();
            assertTrue(ledger.created());
        }

        @Test
        void knows_an_entry_id_as_taken_only_when_the_ledger_holds_it() {
            try (ImportSession session = service.beginImport(BOB)) {
                // a ledger without entries: every id is free, asked once for the whole session
                assertFalse(session.isEntryTaken(EntryId.of("E000001")));
                assertFalse(session.isEntryTaken(EntryId.of("E000002")));
            }
            service.execute(sale("E000002", "5", JAN_1.plusDays(1)), BOB);
            try (ImportSession session = service.beginImport(BOB)) {
                assertFalse(session.isEntryTaken(EntryId.of("E000001")));
                assertTrue(session.isEntryTaken(EntryId.of("E000002")), "an id a user chose by hand is taken");
                assertFalse(session.isEntryTaken(EntryId.of("E000003")));
                session.execute(sale("E000003", "1", JAN_1.plusDays(2)));
                session.commit();
            }
            assertEquals(1, store.streamVersion(StreamId.of("entry-E000003")));
        }
    }

}
