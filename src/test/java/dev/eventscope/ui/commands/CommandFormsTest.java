package dev.eventscope.ui.commands;

import dev.eventscope.session.LedgerSession;
import dev.eventscope.session.TestSessions;
import dev.eventscope.application.CommandContext;
import dev.eventscope.application.ConflictPersisted;
import dev.eventscope.application.LedgerCommandService;
import dev.eventscope.domain.ledger.AccountCommand.FreezeAccount;
import dev.eventscope.domain.ledger.AccountCommand.OpenAccount;
import dev.eventscope.domain.ledger.AccountName;
import dev.eventscope.domain.ledger.LedgerCommand.ClosePeriod;
import dev.eventscope.domain.ledger.LedgerCommand.CreateLedger;
import dev.eventscope.eventstore.ConcurrencyConflict;
import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.ExpectedVersion;
import dev.eventscope.eventstore.StreamFilter;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.ui.SameThreadExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command forms' view models on a real ledger, without a screen (same-thread executor). */
class CommandFormsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-15T09:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path folder;

    private EventStore store;
    private LedgerCommandService service;
    private CommandRunner runner;

    @BeforeEach
    void givenABookkeepingLedger() {
        store = SqliteEventStore.open(folder.resolve("books.ledger"));
        service = LedgerCommandService.create(store);
        CommandContext alice = CommandContext.byUser("alice");
        service.execute(new CreateLedger("Acme", "EUR"), alice);
        for (String account : new String[]{"assets:bank:checking", "income:sales", "expenses:rent"}) {
            service.execute(new OpenAccount(AccountName.of(account), LocalDate.of(2025, 1, 1), null), alice);
        }
        runner = CommandRunner.of(service);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private CommandEnvironment environment(boolean readOnly) {
        LedgerSession session = TestSessions.of(folder.resolve("books.ledger"), store);
        return new CommandEnvironment(session, readOnly, command -> runner.execute(command),
                new LedgerLookups(session), new SameThreadExecutor(), CLOCK);
    }

    private PostEntryViewModel postEntry() {
        PostEntryViewModel form = new PostEntryViewModel(environment(false), "EUR");
        form.field(ViolationTarget.DESCRIPTION).textProperty().set("Invoice 1042");
        return form;
    }

    private static void fill(PostingRow row, String account, String amount) {
        row.accountProperty().set(account);
        row.amountProperty().set(amount);
    }

    private int entryStreams() {
        return store.streams(StreamFilter.category("entry")).size();
    }

    @Test
    void an_id_taken_by_someone_else_while_the_form_was_open_is_not_reused() {
        runner = draft -> {
            // bob posts E000001 just before this form's command is carried out
            service.execute(new dev.eventscope.domain.ledger.EntryCommand.PostEntry(
                    dev.eventscope.domain.ledger.EntryId.of("E000001"), LocalDate.of(2025, 3, 1), null,
                    dev.eventscope.domain.ledger.EntryStatus.UNMARKED, null, "Cash sale", null, null, java.util.List.of(
                    dev.eventscope.domain.ledger.Posting.of(AccountName.of("assets:bank:checking"), dev.eventscope.domain.ledger.Money.of("5.00", "EUR")),
                    dev.eventscope.domain.ledger.Posting.of(AccountName.of("income:sales"), dev.eventscope.domain.ledger.Money.of("-5.00", "EUR")))),
                    CommandContext.byUser("bob"));
            return CommandRunner.of(service).execute(draft);
        };
        PostEntryViewModel form = postEntry();
        fill(form.rows().get(0), "assets:bank:checking", "120.00");
        fill(form.rows().get(1), "income:sales", "-120.00");

        form.submit();

        assertEquals("Posted E000002 (2 postings, 3 events).", form.doneProperty().get(), form.generalErrorProperty().get());
        assertEquals(2, entryStreams());
    }

    @Test
    void a_description_with_a_semicolon_is_refused_beside_the_description_field() {
        PostEntryViewModel form = postEntry();
        form.field(ViolationTarget.DESCRIPTION).textProperty().set("Invoice; paid:yes");
        fill(form.rows().get(0), "assets:bank:checking", "120.00");
        fill(form.rows().get(1), "income:sales", "-120.00");

        form.submit();

        assertTrue(form.field(ViolationTarget.DESCRIPTION).errorProperty().get().contains("';'"),
                form.field(ViolationTarget.DESCRIPTION).errorProperty().get());
        assertEquals(0, entryStreams());
    }

    @Test
    void a_valid_entry_is_posted_with_the_next_free_id_and_the_form_reports_it() {
        PostEntryViewModel form = postEntry();
        fill(form.rows().get(0), "assets:bank:checking", "120.00");
        fill(form.rows().get(1), "income:sales", "-120.00");
        assertEquals("Balanced", form.imbalanceProperty().get());
        assertTrue(form.balancedProperty().get());

        form.submit();

        assertEquals("Posted E000001 (2 postings, 3 events).", form.doneProperty().get());
        assertEquals(1, entryStreams());
        assertEquals("E000002", dev.eventscope.application.EntryIds.next(store));
    }

    @Test
    void the_running_imbalance_is_shown_per_commodity_at_cost() {
        PostEntryViewModel form = postEntry();
        fill(form.rows().get(0), "assets:bank:checking", "100.00");
        assertEquals("Enter at least two postings", form.imbalanceProperty().get());
        fill(form.rows().get(1), "income:sales", "-90.00");
        assertEquals("Off by 10.00 EUR", form.imbalanceProperty().get());
        assertFalse(form.balancedProperty().get());

        PostingRow dollars = form.addRow();
        fill(dollars, "assets:bank:checking", "20");
        dollars.commodityProperty().set("USD");
        assertEquals("Off by 10.00 EUR · 20.00 USD", form.imbalanceProperty().get());

        dollars.priceProperty().set("@ 0.50 EUR");
        assertEquals("Off by 20.00 EUR", form.imbalanceProperty().get());
        dollars.priceProperty().set("@@ -10 EUR".replace("-", ""));
        assertEquals("Off by 20.00 EUR", form.imbalanceProperty().get());
        dollars.amountProperty().set("-20");
        assertEquals("Balanced", form.imbalanceProperty().get());
    }

    @Test
    void one_empty_amount_takes_what_balances_the_entry() {
        PostEntryViewModel form = postEntry();
        fill(form.rows().get(0), "expenses:rent", "950.00");
        form.rows().get(1).accountProperty().set("assets:bank:checking");
        assertEquals("Balanced: the empty amount takes -950.00 EUR", form.imbalanceProperty().get());
        form.submit();
        assertEquals(1, entryStreams());
    }

    @Test
    void an_unbalanced_entry_is_refused_beside_the_grid() {
        PostEntryViewModel form = postEntry();
        fill(form.rows().get(0), "assets:bank:checking", "100.00");
        fill(form.rows().get(1), "income:sales", "-90.00");
        form.submit();
        assertTrue(form.gridErrorProperty().get().contains("10"), form.gridErrorProperty().get());
        assertEquals("", form.generalErrorProperty().get());
        assertEquals(0, entryStreams());
    }

    @Test
    void a_frozen_account_is_refused_on_its_row() {
        service.execute(new FreezeAccount(AccountName.of("income:sales"), "audit"), CommandContext.byUser("alice"));
        PostEntryViewModel form = postEntry();
        fill(form.rows().get(0), "assets:bank:checking", "100.00");
        fill(form.rows().get(1), "income:sales", "-100.00");
        form.submit();
        assertEquals("", form.rows().get(0).errorProperty().get());
        assertTrue(form.rows().get(1).errorProperty().get().contains("income:sales"), form.rows().get(1).errorProperty().get());
    }

    @Test
    void an_account_not_open_is_refused_on_its_row() {
        PostEntryViewModel form = postEntry();
        fill(form.rows().get(0), "assets:cash", "100.00");
        fill(form.rows().get(1), "income:sales", "-100.00");
        form.submit();
        assertTrue(form.rows().get(0).errorProperty().get().contains("assets:cash"), form.rows().get(0).errorProperty().get());
    }

    @Test
    void a_posting_in_a_closed_period_is_refused_beside_the_date() {
        service.execute(new ClosePeriod(LocalDate.of(2025, 2, 28)), CommandContext.byUser("alice"));
        PostEntryViewModel form = postEntry();
        form.field(ViolationTarget.DATE).dateProperty().set(LocalDate.of(2025, 2, 10));
        fill(form.rows().get(0), "assets:bank:checking", "100.00");
        fill(form.rows().get(1), "income:sales", "-100.00");
        form.submit();
        assertTrue(form.field(ViolationTarget.DATE).errorProperty().get().contains("2025-02-28"),
                form.field(ViolationTarget.DATE).errorProperty().get());
    }

    @Test
    void an_amount_that_is_not_a_number_and_a_missing_description_are_explained_where_they_are() {
        PostEntryViewModel form = postEntry();
        fill(form.rows().get(0), "assets:bank:checking", "12,x");
        fill(form.rows().get(1), "income:sales", "-100.00");
        form.submit();
        assertTrue(form.rows().get(0).errorProperty().get().contains("not a number"));

        form.field(ViolationTarget.DESCRIPTION).textProperty().set(" ");
        form.submit();
        assertTrue(form.field(ViolationTarget.DESCRIPTION).errorProperty().get().contains("description"));
    }

    @Test
    void a_persisting_conflict_shows_what_changed_and_retry_posts_the_entry() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        runner = command -> {
            if (calls.incrementAndGet() == 1) {
                // bob posts to the bank account meanwhile
                service.execute(new dev.eventscope.domain.ledger.EntryCommand.PostEntry(
                        dev.eventscope.domain.ledger.EntryId.of("B1"), LocalDate.of(2025, 3, 1), null,
                        dev.eventscope.domain.ledger.EntryStatus.UNMARKED, null, "Cash sale", null, null, java.util.List.of(
                        dev.eventscope.domain.ledger.Posting.of(AccountName.of("assets:bank:checking"), dev.eventscope.domain.ledger.Money.of("250.00", "EUR")),
                        dev.eventscope.domain.ledger.Posting.of(AccountName.of("income:sales"), dev.eventscope.domain.ledger.Money.of("-250.00", "EUR")))),
                        CommandContext.byUser("bob"));
                throw new ConflictPersisted("PostEntry", 5, new ConcurrencyConflict(StreamId.of("account-assets:bank:checking"),
                        ExpectedVersion.exactly(1), 2));
            }
            return CommandRunner.of(service).execute(command);
        };
        PostEntryViewModel form = postEntry();
        fill(form.rows().get(0), "assets:bank:checking", "100.00");
        fill(form.rows().get(1), "income:sales", "-100.00");
        form.submit();

        ConflictReport conflict = form.conflictProperty().get();
        String text = conflict.describe();
        assertTrue(text.startsWith("assets:bank:checking changed while you were editing: it is now at version 2 (you saw 1);"
                + " its last event: PostingRecorded 250.00 EUR by bob at "), text);

        form.retry();
        assertNull(form.conflictProperty().get());
        assertEquals(2, entryStreams());
        // new ids follow the newest entry's numbering: bob's B1 was booked meanwhile
        assertTrue(form.doneProperty().get().startsWith("Posted B2"), form.doneProperty().get());
    }

    @Test
    void in_read_only_mode_nothing_is_submitted() {
        PostEntryViewModel form = new PostEntryViewModel(environment(true), "EUR");
        form.field(ViolationTarget.DESCRIPTION).textProperty().set("x");
        fill(form.rows().get(0), "assets:bank:checking", "1");
        fill(form.rows().get(1), "income:sales", "-1");
        form.submit();
        assertTrue(form.readOnly());
        assertEquals(0, entryStreams());
    }

    @Test
    void open_account_shows_the_type_live_explains_an_invalid_name_and_opens_it() {
        OpenAccountViewModel form = new OpenAccountViewModel(environment(false));
        FormField account = form.field(ViolationTarget.ACCOUNT);
        account.textProperty().set("assets:cash");
        assertEquals("Type: cash", account.hintProperty().get());
        account.textProperty().set("transfers:savings");
        assertEquals("Type: unclassified (shown under Other)", account.hintProperty().get());
        account.textProperty().set("assets");
        assertEquals("Type: assets", account.hintProperty().get());
        account.textProperty().set("assets::cash");
        assertTrue(account.hintIsProblemProperty().get());
        assertTrue(account.hintProperty().get().contains("empty segment"), account.hintProperty().get());
        account.textProperty().set("things:cash");
        assertFalse(account.hintIsProblemProperty().get(), "any name hledger accepts is accepted");

        account.textProperty().set("assets:cash");
        form.submit();
        assertEquals("Opened assets:cash.", form.doneProperty().get());

        form.submit();
        assertTrue(account.errorProperty().get().contains("assets:cash"), account.errorProperty().get());
    }

    @Test
    void freeze_and_unfreeze_map_their_refusals_to_the_account_and_the_reason() {
        AccountStatusViewModel freeze = new AccountStatusViewModel(environment(false), true);
        freeze.field(ViolationTarget.ACCOUNT).textProperty().set("income:sales");
        freeze.submit();
        assertTrue(freeze.field(ViolationTarget.REASON).errorProperty().get().contains("reason"));
        freeze.field(ViolationTarget.REASON).textProperty().set("under audit");
        freeze.submit();
        assertEquals("Froze income:sales.", freeze.doneProperty().get());
        freeze.submit();
        assertTrue(freeze.field(ViolationTarget.ACCOUNT).errorProperty().get().contains("income:sales"));

        AccountStatusViewModel unfreeze = new AccountStatusViewModel(environment(false), false);
        unfreeze.field(ViolationTarget.ACCOUNT).textProperty().set("expenses:rent");
        unfreeze.submit();
        assertTrue(unfreeze.field(ViolationTarget.ACCOUNT).errorProperty().get().contains("expenses:rent"));
    }

    @Test
    void close_account_close_period_and_reopen_period() {
        CloseAccountViewModel close = new CloseAccountViewModel(environment(false));
        close.field(ViolationTarget.ACCOUNT).textProperty().set("assets:nowhere");
        close.submit();
        assertTrue(close.field(ViolationTarget.ACCOUNT).errorProperty().get().contains("assets:nowhere"));
        close.field(ViolationTarget.ACCOUNT).textProperty().set("expenses:rent");
        close.submit();
        assertEquals("Closed expenses:rent.", close.doneProperty().get());

        ReopenPeriodViewModel reopen = new ReopenPeriodViewModel(environment(false));
        reopen.field(ViolationTarget.REASON).textProperty().set("late invoice");
        reopen.submit();
        assertFalse(reopen.field(ViolationTarget.REASON).errorProperty().get().isEmpty(), "no closed period yet");

        ClosePeriodViewModel period = new ClosePeriodViewModel(environment(false));
        assertEquals(LocalDate.of(2025, 2, 28), period.field(ViolationTarget.DATE).dateProperty().get());
        period.submit();
        assertEquals("Closed the books through 2025-02-28.", period.doneProperty().get());
        period.field(ViolationTarget.DATE).dateProperty().set(LocalDate.of(2025, 1, 31));
        period.submit();
        assertTrue(period.field(ViolationTarget.DATE).errorProperty().get().contains("2025-02-28"),
                period.field(ViolationTarget.DATE).errorProperty().get());

        reopen.submit();
        assertEquals("Reopened the last closed period.", reopen.doneProperty().get());
    }

    @Test
    void record_price_reads_the_price_as_a_p_line_and_shows_refusals_beside_the_price() {
        RecordPriceViewModel price = new RecordPriceViewModel(environment(false));
        price.field(ViolationTarget.COMMODITY).textProperty().set("EUR");
        price.field(ViolationTarget.PRICE).textProperty().set("$1.08");
        price.submit();
        assertEquals("Recorded the price of EUR on " + LocalDate.now(CLOCK) + ": 1.08 $.", price.doneProperty().get());
        assertEquals(1, store.streamVersion(StreamId.of("prices")));

        price.field(ViolationTarget.PRICE).textProperty().set("1 EUR");
        price.submit();
        assertTrue(price.field(ViolationTarget.PRICE).errorProperty().get().startsWith("The price of EUR is given in EUR itself"),
                price.field(ViolationTarget.PRICE).errorProperty().get());
        price.field(ViolationTarget.PRICE).textProperty().set("one dollar");
        price.submit();
        assertTrue(price.generalErrorProperty().get().startsWith("The price 'one dollar' "), price.generalErrorProperty().get());
        assertEquals(1, store.streamVersion(StreamId.of("prices")), "nothing more was recorded");
    }

    @Test
    void reverse_entry_completes_entry_ids_and_maps_unknown_entries_and_early_dates() {
        PostEntryViewModel post = postEntry();
        fill(post.rows().get(0), "assets:bank:checking", "100.00");
        fill(post.rows().get(1), "income:sales", "-100.00");
        post.submit();

        ReverseEntryViewModel reverse = new ReverseEntryViewModel(environment(false));
        reverse.loadChoices();
        assertEquals(java.util.List.of("E000001"), reverse.entryChoices());
        assertEquals(java.util.List.of("assets:bank:checking", "expenses:rent", "income:sales"), reverse.accountChoices());

        reverse.field(ViolationTarget.ENTRY).textProperty().set("E999999");
        reverse.submit();
        assertTrue(reverse.field(ViolationTarget.ENTRY).errorProperty().get().contains("E999999"));

        reverse.field(ViolationTarget.ENTRY).textProperty().set("E000001");
        reverse.field(ViolationTarget.DATE).dateProperty().set(LocalDate.of(2024, 12, 1));
        reverse.submit();
        assertFalse(reverse.field(ViolationTarget.DATE).errorProperty().get().isEmpty());

        reverse.field(ViolationTarget.DATE).dateProperty().set(LocalDate.of(2025, 3, 15));
        reverse.submit();
        assertEquals("Reversed E000001 with E000002.", reverse.doneProperty().get());
    }

    @Test
    void every_rule_violation_type_has_a_field() {
        assertEquals(ViolationTarget.POSTINGS, ViolationTarget.of(new dev.eventscope.domain.ledger.TooFewPostings(
                dev.eventscope.domain.ledger.EntryId.of("E1"), 1)).field());
        assertEquals(ViolationTarget.ENTRY, ViolationTarget.of(new dev.eventscope.domain.ledger.DuplicateEntry(
                dev.eventscope.domain.ledger.EntryId.of("E1"), LocalDate.of(2025, 1, 1), "x")).field());
        assertEquals(ViolationTarget.REASON, ViolationTarget.of(new dev.eventscope.domain.ledger.NoClosedPeriod()).field());
        assertEquals(ViolationTarget.GENERAL, ViolationTarget.of(new dev.eventscope.domain.ledger.LedgerNotCreated()).field());
    }
}
