package dev.eventscope.ui.team;

import dev.eventscope.application.CommandContext;
import dev.eventscope.bootstrap.TestBootstrap;
import dev.eventscope.domain.ledger.AccountCommand.OpenAccount;
import dev.eventscope.domain.ledger.AccountName;
import dev.eventscope.domain.ledger.EntryCommand;
import dev.eventscope.domain.ledger.EntryId;
import dev.eventscope.domain.ledger.EntryStatus;
import dev.eventscope.domain.ledger.LedgerCommand.CreateLedger;
import dev.eventscope.domain.ledger.Money;
import dev.eventscope.domain.ledger.Posting;
import dev.eventscope.eventstore.AppendResult;
import dev.eventscope.eventstore.BulkAppend;
import dev.eventscope.eventstore.ConcurrencyConflict;
import dev.eventscope.eventstore.ForwardingEventStore;
import dev.eventscope.eventstore.StreamAppend;
import dev.eventscope.eventstore.postgres.PostgresEventStore;
import dev.eventscope.eventstore.postgres.PostgresLedgerUrl;
import dev.eventscope.eventstore.postgres.TestPostgres;
import dev.eventscope.session.LedgerSession;
import dev.eventscope.session.LedgerSessions;
import dev.eventscope.ui.SameThreadExecutor;
import dev.eventscope.ui.commands.AccountStatusViewModel;
import dev.eventscope.ui.commands.CommandEnvironment;
import dev.eventscope.ui.commands.CommandRunner;
import dev.eventscope.ui.commands.ConflictReport;
import dev.eventscope.ui.commands.LedgerLookups;
import dev.eventscope.ui.commands.ViolationTarget;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two desktops on one PostgreSQL ledger: when the other desktop's command reaches the server between the moment
 * this desktop decided its command and the moment it appends, the server refuses this append (expected version)
 * and the form shows the existing conflict explanation, naming what the other desktop recorded.
 */
class TeamLedgerConflictTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-15T09:00:00Z"), ZoneOffset.UTC);
    private static final AccountName BANK = AccountName.of("assets:bank:checking");

    @Test
    @DisplayName("given two desktops, when the other desktop posts to the account while this one freezes it, then the"
            + " form explains the conflict with the other desktop's posting")
    void a_change_lost_to_the_other_desktop_gets_the_conflict_explanation() {
        PostgresLedgerUrl url = TestPostgres.freshLedger();
        Path ledger = Path.of(url.toString());
        LedgerSessions sessions = TestBootstrap.sessions();
        try (LedgerSession otherDesk = sessions.open(ledger);
             PostgresEventStore thisDeskStore = PostgresEventStore.open(url)) {
            CommandContext alice = CommandContext.byUser("alice");
            otherDesk.commands().execute(new CreateLedger("Team", "EUR"), alice);
            for (String account : new String[] {"assets:bank:checking", "income:sales"}) {
                otherDesk.commands().execute(new OpenAccount(AccountName.of(account), LocalDate.of(2025, 1, 1), null), alice);
            }
            AtomicBoolean otherDeskPosted = new AtomicBoolean();
            // this desktop's store: its first append of the command waits until the other desktop's post is on the server
            ForwardingEventStore thisDesk = new ForwardingEventStore(thisDeskStore) {
                @Override
                public BulkAppend beginBulkAppend() {
                    BulkAppend bulk = super.beginBulkAppend();
                    return new BulkAppend() {
                        @Override
                        public AppendResult append(List<StreamAppend> appends) throws ConcurrencyConflict {
                            if (otherDeskPosted.compareAndSet(false, true)) {
                                otherDesk.commands().execute(new EntryCommand.PostEntry(EntryId.of("B1"), LocalDate.of(2025, 3, 1),
                                        null, EntryStatus.UNMARKED, null, "Cash sale", null, null, List.of(
                                        Posting.of(BANK, Money.of("250.00", "EUR")),
                                        Posting.of(AccountName.of("income:sales"), Money.of("-250.00", "EUR")))),
                                        CommandContext.byUser("bob"));
                            }
                            return bulk.append(appends);
                        }

                        @Override
                        public void commit() {
                            bulk.commit();
                        }

                        @Override
                        public void close() {
                            bulk.close();
                        }
                    };
                }
            };
            try (LedgerSession session = sessions.of(ledger, thisDesk)) {
                CommandEnvironment environment = new CommandEnvironment(session, false, CommandRunner.of(session.commands()),
                        new LedgerLookups(session), new SameThreadExecutor(), CLOCK);
                AccountStatusViewModel freeze = new AccountStatusViewModel(environment, true);
                freeze.field(ViolationTarget.ACCOUNT).textProperty().set(BANK.value());
                freeze.field(ViolationTarget.REASON).textProperty().set("under audit");
                freeze.submit();

                ConflictReport conflict = freeze.conflictProperty().get();
                assertTrue(conflict != null, "a conflict, not: " + freeze.doneProperty().get() + freeze.generalErrorProperty().get());
                String text = conflict.describe();
                assertTrue(text.startsWith("assets:bank:checking changed while you were editing: it is now at version 2 (you saw 1);"
                        + " its last event: PostingRecorded 250.00 EUR by bob at "), text);

                freeze.retry();
                assertNull(freeze.conflictProperty().get());
                assertTrue(freeze.doneProperty().get().startsWith("Froze assets:bank:checking"), freeze.doneProperty().get());
            }
        }
    }
}
