package dev.eventscope.audit.tests;

import dev.eventscope.application.BookkeepingCodec;
import dev.eventscope.application.CommandContext;
import dev.eventscope.application.IdGenerator;
import dev.eventscope.application.LedgerCommandService;
import dev.eventscope.domain.ledger.AccountCommand.OpenAccount;
import dev.eventscope.domain.ledger.AccountName;
import dev.eventscope.domain.ledger.EntryCommand.PostEntry;
import dev.eventscope.domain.ledger.EntryCommand.ReverseEntry;
import dev.eventscope.domain.ledger.EntryId;
import dev.eventscope.domain.ledger.LedgerCommand.ClosePeriod;
import dev.eventscope.domain.ledger.LedgerCommand.CreateLedger;
import dev.eventscope.domain.ledger.LedgerCommand.ReopenPeriod;
import dev.eventscope.domain.ledger.Money;
import dev.eventscope.domain.ledger.Posting;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.eventstore.sqlite.SqliteOptions;
import dev.eventscope.testing.SettableClock;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A small SQLite ledger for the journal-entry tests, written through the command service with a clock
 * the test sets before each command (recorded times are UTC). Accounts are opened on first use.
 * {@link #cleanBooks()} writes 20 entries that no test flags; each test then plants its cases.
 */
final class WorkbenchLedger implements AutoCloseable {

    static final String MATERIALS = "expenses:materials";
    static final String PAYABLES = "liabilities:payables";
    static final String SALES = "income:sales";
    static final String RECEIVABLES = "assets:receivables";

    private final SettableClock clock = new SettableClock(Instant.EPOCH);
    private final SqliteEventStore store;
    private final LedgerCommandService service;
    private final Set<String> opened = new HashSet<>();
    private LocalDate lastCleanDate;

    WorkbenchLedger(Path file) {
        store = SqliteEventStore.open(file, SqliteOptions.defaults().withClock(clock));
        service = new LedgerCommandService(store, BookkeepingCodec.create(), IdGenerator.random(),
                LedgerCommandService.Settings.defaults());
        at("2025-01-02T10:00");
        service.execute(new CreateLedger("Workbench", "EUR"), CommandContext.byUser("alice"));
    }

    /** The facts as the tests read them. */
    LedgerFacts facts() {
        return LedgerFacts.read(LedgerEventSource.of(store), BookkeepingCodec.create());
    }

    /**
     * Twenty entries by alice, E-0001..E-0020, dated on the weekdays from 2025-02-03, recorded the next
     * weekday at 10:00 UTC, with amounts that are neither round nor repeated.
     */
    WorkbenchLedger cleanBooks() {
        LocalDate date = LocalDate.of(2025, 2, 3);
        for (int i = 1; i <= 20; i++) {
            String amount = new BigDecimal("137.13").add(new BigDecimal("41.07").multiply(BigDecimal.valueOf(i))).toPlainString();
            boolean sale = i % 2 == 0;
            post(String.format("E-%04d", i), date, nextWeekday(date).atTime(10, 0).toString(), "alice",
                    sale ? RECEIVABLES : MATERIALS, amount, sale ? SALES : PAYABLES);
            lastCleanDate = date;
            date = nextWeekday(date);
        }
        return this;
    }

    LocalDate lastCleanDate() {
        return lastCleanDate;
    }

    static LocalDate nextWeekday(LocalDate date) {
        LocalDate next = date.plusDays(1);
        while (next.getDayOfWeek() == DayOfWeek.SATURDAY || next.getDayOfWeek() == DayOfWeek.SUNDAY) {
            next = next.plusDays(1);
        }
        return next;
    }

    /** Posts {@code amount} to {@code debit} against {@code credit}, recorded at {@code recordedAt} (UTC) by {@code user}. */
    void post(String id, LocalDate date, String recordedAt, String user, String debit, String amount, String credit) {
        Money money = Money.of(amount, "EUR");
        post(id, date, recordedAt, user, List.of(Posting.of(AccountName.of(debit), money),
                Posting.of(AccountName.of(credit), money.negate())));
    }

    void post(String id, String date, String recordedAt, String user, String debit, String amount, String credit) {
        post(id, LocalDate.parse(date), recordedAt, user, debit, amount, credit);
    }

    void post(String id, LocalDate date, String recordedAt, String user, List<Posting> postings) {
        at(recordedAt);
        CommandContext context = CommandContext.byUser(user);
        for (Posting posting : postings) {
            if (opened.add(posting.account().value())) {
                service.execute(new OpenAccount(posting.account(), LocalDate.of(2020, 1, 1), null), context);
            }
        }
        service.execute(PostEntry.simple(EntryId.of(id), date, "entry " + id, postings), context);
    }

    void reverse(String original, String reversal, String date, String recordedAt, String user) {
        at(recordedAt);
        service.execute(new ReverseEntry(EntryId.of(original), EntryId.of(reversal), LocalDate.parse(date), null),
                CommandContext.byUser(user));
    }

    void closePeriod(String through, String recordedAt) {
        at(recordedAt);
        service.execute(new ClosePeriod(LocalDate.parse(through)), CommandContext.byUser("controller"));
    }

    void reopenPeriod(String recordedAt) {
        at(recordedAt);
        service.execute(new ReopenPeriod("a late correction"), CommandContext.byUser("controller"));
    }

    private void at(String localUtc) {
        clock.set(LocalDateTime.parse(localUtc).toInstant(ZoneOffset.UTC));
    }

    @Override
    public void close() {
        store.close();
    }
}
