package dev.eventscope.session;

import dev.eventscope.application.CommandContext;
import dev.eventscope.domain.ledger.AccountCommand.OpenAccount;
import dev.eventscope.domain.ledger.AccountName;
import dev.eventscope.domain.ledger.LedgerCommand.CreateLedger;
import dev.eventscope.eventstore.Direction;
import dev.eventscope.eventstore.EventStoreException;
import dev.eventscope.eventstore.StreamFilter;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.projection.ProgressListener;
import dev.eventscope.projection.sqlite.SqliteReadModelStore;
import dev.eventscope.timetravel.Point;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One ledger session: commands, histories, notification, read models and verification over one store. */
class LedgerSessionTest {

    @TempDir
    Path folder;

    private Path ledgerWithAnAccount() {
        Path file = folder.resolve("books.ledger");
        try (LedgerSession session = TestSessions.SQLITE.create(file)) {
            session.commands().execute(new CreateLedger("Acme", "EUR"), CommandContext.byUser("alice"));
            session.commands().execute(new OpenAccount(AccountName.of("assets:bank"), LocalDate.of(2025, 1, 1), null),
                    CommandContext.byUser("alice"));
        }
        return file;
    }

    @Test
    void commands_written_through_the_session_are_read_back_through_its_histories() {
        Path file = ledgerWithAnAccount();
        try (LedgerSession session = TestSessions.SQLITE.open(file)) {
            assertSame(session.commands(), session.commands(), "one command service per session");
            assertEquals(2, session.lastPosition());
            assertEquals(List.of("account-assets:bank"), session.streams(StreamFilter.category("account")).stream()
                    .map(info -> info.streamId().value()).toList());
            StreamId account = StreamId.of("account-assets:bank");
            assertEquals(1, session.streamVersion(account));
            assertEquals("AccountOpened", session.readStream(account, 1, Direction.FORWARD, 10).get(0).type());
            assertEquals("LedgerCreated", session.readAt(1).orElseThrow().type());
            assertTrue(session.verifyChain().intact());
            assertFalse(session.readOnly());
        }
    }

    @Test
    void listeners_hear_of_appends_made_through_the_session() throws Exception {
        Path file = ledgerWithAnAccount();
        try (LedgerSession session = TestSessions.SQLITE.open(file)) {
            List<long[]> heard = new ArrayList<>();
            try (AutoCloseable subscription = session.subscribe((from, to) -> heard.add(new long[] {from, to}))) {
                session.commands().execute(new OpenAccount(AccountName.of("income:sales"), LocalDate.of(2025, 1, 1), null),
                        CommandContext.byUser("bob"));
                org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> !heard.isEmpty());
            }
            assertEquals(3, heard.get(heard.size() - 1)[1]);
        }
    }

    @Test
    void read_models_open_on_first_use_in_the_ledger_or_for_a_read_only_ledger_in_the_cache() {
        Path file = ledgerWithAnAccount();
        try (LedgerSession session = TestSessions.SQLITE.open(file)) {
            assertFalse(session.readModelsOpen());
            assertEquals("", session.readModelsLocation());
            session.projections().open(ProgressListener.NONE);
            assertTrue(session.readModelsOpen());
            assertTrue(session.readModelsLocation().contains("books.ledger"), session.readModelsLocation());
            assertEquals(1, session.timeTravel().stateOf(StreamId.of("account-assets:bank"), new Point.AtPosition(2)).version());
        }
        try (LedgerSession auditor = TestSessions.SQLITE.openReadOnly(file)) {
            assertTrue(auditor.readOnly());
            auditor.projections().open(ProgressListener.NONE);
            assertEquals(SqliteReadModelStore.cacheFileFor(file).toAbsolutePath().toString(), auditor.readModelsLocation());
        }
    }

    @Test
    void a_closed_session_closes_its_read_models_and_its_store() {
        Path file = ledgerWithAnAccount();
        LedgerSession session = TestSessions.SQLITE.open(file);
        session.projections();
        session.close();
        assertFalse(session.readModelsOpen());
        IllegalStateException closed = assertThrows(IllegalStateException.class, session::projections);
        assertTrue(closed.getMessage().contains("closed"), closed.getMessage());
        assertThrows(RuntimeException.class, session::lastPosition);
    }

    @Test
    void a_ledger_that_does_not_exist_is_not_created_by_a_read_only_open() {
        Path missing = folder.resolve("missing.ledger");
        assertThrows(EventStoreException.class, () -> TestSessions.SQLITE.openReadOnly(missing));
        assertFalse(Files.exists(missing));
    }
}
