package dev.eventscope.eventstore.postgres;

import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.EventStoreException;
import dev.eventscope.eventstore.ExpectedVersion;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.StreamId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;

import static dev.eventscope.testing.Texts.assertMentions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server drops a store's connections (a restart, a network cut, an administrator): the next
 * append says so in one sentence and writes nothing, and the append after it reconnects by itself.
 * A read, which changes nothing, reconnects and is answered at once.
 */
class LostConnectionTest {

    private static final StreamId CASH = StreamId.of("account-assets:cash");

    private static NewEvent event(String id) {
        return new NewEvent(id, "Something", 1, "{}", EventMetadata.by("alice"));
    }

    /** Ends every Eventscope connection to the test database, as a server restart would. */
    private static int dropEventscopeConnections() throws Exception {
        try (Connection admin = TestPostgres.admin(); PreparedStatement kill = admin.prepareStatement(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = 'eventscope'"
                        + " AND datname = current_database() AND pid <> pg_backend_pid()")) {
            try (var row = kill.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    @Test
    @DisplayName("given a store whose connections the server dropped, when it appends, then it reports the lost connection once and reconnects for the next append; reads reconnect at once")
    void a_dropped_connection_is_reported_clearly_and_the_next_call_reconnects() throws Exception {
        PostgresLedgerUrl url = TestPostgres.freshLedger();
        try (PostgresEventStore store = PostgresEventStore.open(url)) {
            store.append(CASH, ExpectedVersion.NO_STREAM, List.of(event("before")));
            assertEquals(1, store.lastPosition());
            assertTrue(dropEventscopeConnections() >= 2, "the store's reader and writer were connected");

            EventStoreException lost = assertThrows(EventStoreException.class,
                    () -> store.append(CASH, ExpectedVersion.exactly(1), List.of(event("during"))));
            assertMentions(lost.getMessage(), "connection to the PostgreSQL server", "was lost", "nothing of this step was written");

            store.append(CASH, ExpectedVersion.exactly(1), List.of(event("after")));
            assertEquals(2, store.lastPosition());
            assertEquals(2, store.streamVersion(CASH));
            assertTrue(store.verify().intact());
        }
    }

    @Test
    @DisplayName("given a listener whose connection the server dropped, when another store appends, then the listener reconnects and hears it")
    void a_listener_reconnects_after_its_connection_was_dropped() throws Exception {
        PostgresLedgerUrl url = TestPostgres.freshLedger();
        List<long[]> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (PostgresEventStore watcher = PostgresEventStore.open(url);
             AutoCloseable subscription = watcher.subscribe((from, to) -> heard.add(new long[] {from, to}))) {
            try (PostgresEventStore writer = PostgresEventStore.open(url)) {
                writer.append(CASH, ExpectedVersion.NO_STREAM, List.of(event("first")));
                org.awaitility.Awaitility.await().atMost(PostgresChangeNotificationTest.HEARD_WITHIN)
                        .until(() -> !heard.isEmpty() && heard.get(heard.size() - 1)[1] == 1);
            }
            assertTrue(dropEventscopeConnections() >= 1, "the listener was connected");
            try (PostgresEventStore writer = PostgresEventStore.open(url)) {
                writer.append(CASH, ExpectedVersion.exactly(1), List.of(event("second"), event("third")));
            }
            org.awaitility.Awaitility.await().atMost(PostgresChangeNotificationTest.HEARD_WITHIN)
                    .until(() -> heard.get(heard.size() - 1)[1] == 3);
        }
        assertEquals(1, heard.get(0)[0]);
        for (int i = 1; i < heard.size(); i++) {
            assertEquals(heard.get(i - 1)[1] + 1, heard.get(i)[0], "no range is heard twice or skipped");
        }
    }

    @Test
    void a_store_opened_read_only_refuses_appends_and_snapshots_in_one_sentence() {
        PostgresLedgerUrl url = TestPostgres.freshLedger();
        try (PostgresEventStore store = PostgresEventStore.open(url, PostgresOptions.defaults(), true)) {
            assertTrue(store.isReadOnly());
            assertMentions(assertThrows(EventStoreException.class,
                    () -> store.append(CASH, ExpectedVersion.ANY, List.of(event("x")))).getMessage(),
                    "is open read-only", "nothing can be appended to it");
            assertEquals(0, store.lastPosition());
        }
    }
}
