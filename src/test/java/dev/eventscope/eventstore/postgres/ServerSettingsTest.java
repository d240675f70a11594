package dev.eventscope.eventstore.postgres;

import dev.eventscope.eventstore.ConcurrencyConflict;
import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.EventStoreException;
import dev.eventscope.eventstore.ExpectedVersion;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.StreamId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import static dev.eventscope.testing.Texts.assertMentions;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Session 21 (adversary2): settings an administrator may give a login ({@code ALTER ROLE … SET …}, as {@code ALTER
 * DATABASE … SET …} would for every login of the database), each ending in one sentence that names the setting, with
 * nothing written. The base passed the server's words on ("cannot execute SELECT FOR UPDATE in a read-only
 * transaction", "canceling statement due to lock timeout", "too many connections for role"), and for an idle-in-
 * transaction timeout said the connection was lost and to try again, which fails the same way every time.
 */
class ServerSettingsTest {

    private static final StreamId CASH = StreamId.of("account-assets:cash");
    private static final String ROLE = "es_settings";
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);

    private PostgresLedgerUrl ledger;
    private PostgresLedgerUrl asRole;

    @BeforeEach
    void ledgerAndAWriterLogin() throws Exception {
        Assumptions.assumeTrue(TestPostgres.hasPasswordRules(), "logins with passwords are set up on the embedded server"
                + " and where " + TestPostgres.PASSWORD_RULES_VARIABLE + "=1 says the external server has them");
        ledger = TestPostgres.freshLedger();
        List<String> roles = PostgresEventStore.grantRoles(ledger, PostgresOptions.defaults());
        admin("DROP ROLE IF EXISTS " + ROLE, "CREATE ROLE " + ROLE + " LOGIN PASSWORD 'pw' IN ROLE " + roles.get(0));
        try (PostgresEventStore store = PostgresEventStore.open(ledger)) {
            for (int i = 1; i <= 3; i++) {
                store.append(CASH, ExpectedVersion.ANY, List.of(event("e-" + i)));
            }
        }
        asRole = new PostgresLedgerUrl(ROLE, ledger.host(), ledger.port(), ledger.database(), ledger.schema());
    }

    @AfterEach
    void dropTheLogin() throws Exception {
        admin("DROP OWNED BY " + ROLE, "DROP ROLE IF EXISTS " + ROLE);
    }

    private static NewEvent event(String id) {
        return new NewEvent(id, "Something", 1, "{}", EventMetadata.by("alice"));
    }

    private static void admin(String... statements) throws Exception {
        try (Connection admin = TestPostgres.admin(); Statement statement = admin.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private PostgresEventStore openAsRole() {
        return PostgresEventStore.open(asRole, PostgresOptions.defaults().withPassword("pw".toCharArray()), false);
    }

    private long events() {
        try (PostgresEventStore store = PostgresEventStore.open(ledger)) {
            return store.lastPosition();
        }
    }

    private static EventStoreException appendFails(PostgresEventStore store) {
        return assertThrows(EventStoreException.class, () -> {
            try {
                store.append(CASH, ExpectedVersion.ANY, List.of(event("x-1")));
            } catch (ConcurrencyConflict conflict) {
                throw new AssertionError(conflict);
            }
        });
    }

    @Test
    void a_login_whose_transactions_are_read_only_is_told_so_and_nothing_is_written() throws Exception {
        admin("ALTER ROLE " + ROLE + " SET default_transaction_read_only = on");
        try (PostgresEventStore store = openAsRole()) {
            assertMentions(appendFails(store).getMessage(), "Could not append to the ledger", "only read",
                    "default_transaction_read_only is on for this login or its database",
                    "Nothing of this step was written");
            assertEquals(3, store.verify().lastPosition(), "reading still works");
        }
        assertEquals(3, events());
    }

    @Test
    void a_statement_timeout_is_named_and_nothing_is_written() throws Exception {
        try (PostgresEventStore store = openAsRole();
             Connection holder = TestPostgres.admin(); Statement statement = holder.createStatement()) {
            // set once the ledger is open (its opening, slow on a loaded machine, is not timed); the writer's connection,
            // opened at the first append, has it
            admin("ALTER ROLE " + ROLE + " SET statement_timeout = '1s'");
            // the append waits for a lock held here until its statement_timeout cancels it: no race on how fast it runs
            holder.setAutoCommit(false);
            statement.execute("LOCK TABLE " + ledger.schema() + ".ledger_head IN ACCESS EXCLUSIVE MODE");
            assertMentions(appendFails(store).getMessage(), "cancelled a statement that ran longer than the"
                    + " statement_timeout set for the user 'es_settings'", "Nothing of this step was written");
            holder.rollback();
        }
        assertEquals(3, events());
    }

    @Test
    void a_lock_timeout_is_named_and_nothing_is_written() throws Exception {
        admin("ALTER ROLE " + ROLE + " SET lock_timeout = '200ms'");
        try (PostgresEventStore store = openAsRole();
             Connection holder = TestPostgres.admin(); Statement statement = holder.createStatement()) {
            holder.setAutoCommit(false);
            statement.execute("LOCK TABLE " + ledger.schema() + ".ledger_head IN ACCESS EXCLUSIVE MODE");
            assertMentions(appendFails(store).getMessage(), "another session held a lock on the ledger's tables longer"
                    + " than the lock_timeout set for the user 'es_settings'", "Try again",
                    "Nothing of this step was written");
            holder.rollback();
        }
        assertEquals(3, events());
    }

    @Test
    void an_idle_in_transaction_timeout_during_verify_is_named_not_called_a_lost_connection() throws Exception {
        try (PostgresEventStore store = openAsRole()) {
            // set once the ledger is open (so its opening is not timed); verify's own connection has it
            admin("ALTER ROLE " + ROLE + " SET idle_in_transaction_session_timeout = '100ms'");
            // verify's walk waits at its first event, its transaction open, until the server has ended that session
            EventStoreException refused = assertThrows(EventStoreException.class, () -> store.verify(event -> {
                if (event.position() == 1) {
                    await().atMost(HANG_GUARD).until(() -> idleInTransactionSessionsOfTheRole() == 0);
                }
            }));
            assertMentions(refused.getMessage(), "Could not verify the ledger", "the PostgreSQL server ended the session",
                    "idle_in_transaction_session_timeout set for the user 'es_settings'");
        }
    }

    private static long idleInTransactionSessionsOfTheRole() throws Exception {
        try (Connection admin = TestPostgres.admin(); Statement statement = admin.createStatement();
             ResultSet row = statement.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE usename = '" + ROLE
                     + "' AND state LIKE 'idle in transaction%'")) {
            row.next();
            return row.getLong(1);
        }
    }

    @Test
    void a_login_limited_to_one_connection_is_told_why_it_cannot_append() throws Exception {
        admin("ALTER ROLE " + ROLE + " CONNECTION LIMIT 1");
        try (PostgresEventStore store = openAsRole()) {
            assertMentions(appendFails(store).getMessage(), "lets the user 'es_settings' open no more connections",
                    "too many connections for role", "CONNECTION LIMIT or the server's max_connections is reached");
        }
        assertEquals(3, events());
    }
}
