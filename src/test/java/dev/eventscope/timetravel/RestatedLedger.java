package dev.eventscope.timetravel;

import dev.eventscope.application.BookkeepingCodec;
import dev.eventscope.application.CommandContext;
import dev.eventscope.application.IdGenerator;
import dev.eventscope.application.LedgerCommandService;
import dev.eventscope.domain.ledger.AccountCommand;
import dev.eventscope.domain.ledger.AccountName;
import dev.eventscope.domain.ledger.EntryCommand;
import dev.eventscope.domain.ledger.EntryId;
import dev.eventscope.domain.ledger.LedgerCommand;
import dev.eventscope.domain.ledger.Money;
import dev.eventscope.domain.ledger.Posting;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * A small ledger whose first quarter is restated after it was closed, each case planted once:
 * <ol>
 *   <li>Q1 as reported: R1 rent 100.00 (10 Jan), T1 travel 50.00 (10 Feb), S1 sales 300.00 (15 Mar); Q1 closed by
 *   {@code controller} ({@link #firstClosing}).</li>
 *   <li>After the closing, not restating Q1: T2 travel 20.00 dated 5 April, and T1 reversed by RT1 dated 2 April.</li>
 *   <li>Q1 reopened; restating it: L1, a late rent accrual of 40.00 dated 30 March by {@code carol}
 *   ({@link #lateEntry}); RR1 reverses R1 dated 31 March by {@code dave}; B1, a sale of 75.00 back-dated to
 *   31 December 2024 (before the quarter: its closing balances change) by {@code erin}; Q1 closed again.</li>
 * </ol>
 * Recorded times tick one second per command from 2025-01-01T00:00:01Z.
 */
public final class RestatedLedger {

    public static final LocalDate PERIOD_END = LocalDate.of(2025, 3, 31);

    /** The position of the first {@code PeriodClosed} (Q1 as reported), and of the late entry L1's last posting. */
    public final long firstClosing;
    public final long lateEntry;

    private RestatedLedger(long firstClosing, long lateEntry) {
        this.firstClosing = firstClosing;
        this.lateEntry = lateEntry;
    }

    public static RestatedLedger write(Path file) {
        try (SqliteEventStore store = RandomLedger.openStore(file)) {
            LedgerCommandService service = new LedgerCommandService(store, BookkeepingCodec.create(),
                    IdGenerator.sequential("x"), LedgerCommandService.Settings.defaults());
            run(service, "alice", new LedgerCommand.CreateLedger("restated", "EUR"));
            for (String account : List.of("assets:bank", "expenses:rent", "expenses:travel", "income:sales")) {
                run(service, "alice", new AccountCommand.OpenAccount(AccountName.of(account), LocalDate.of(2024, 12, 1), null));
            }
            post(service, "alice", "R1", "2025-01-10", "expenses:rent", "100.00");
            post(service, "alice", "T1", "2025-02-10", "expenses:travel", "50.00");
            post(service, "alice", "S1", "2025-03-15", "income:sales", "-300.00");
            run(service, "controller", new LedgerCommand.ClosePeriod(PERIOD_END));
            long firstClosing = store.lastPosition();
            post(service, "bob", "T2", "2025-04-05", "expenses:travel", "20.00");
            run(service, "bob", new EntryCommand.ReverseEntry(EntryId.of("T1"), EntryId.of("RT1"), LocalDate.of(2025, 4, 2), null));
            run(service, "controller", new LedgerCommand.ReopenPeriod("late invoices for Q1"));
            post(service, "carol", "L1", "2025-03-30", "expenses:rent", "40.00");
            long lateEntry = store.lastPosition();
            run(service, "dave", new EntryCommand.ReverseEntry(EntryId.of("R1"), EntryId.of("RR1"), PERIOD_END, null));
            post(service, "erin", "B1", "2024-12-31", "income:sales", "-75.00");
            run(service, "controller", new LedgerCommand.ClosePeriod(PERIOD_END));
            return new RestatedLedger(firstClosing, lateEntry);
        }
    }

    private static void post(LedgerCommandService service, String user, String id, String date, String account, String amount) {
        Money money = new Money(new BigDecimal(amount), "EUR");
        run(service, user, EntryCommand.PostEntry.simple(EntryId.of(id), LocalDate.parse(date), "entry " + id,
                List.of(Posting.of(AccountName.of(account), money), Posting.of(AccountName.of("assets:bank"), money.negate()))));
    }

    private static void run(LedgerCommandService service, String user, Object command) {
        service.execute(command, CommandContext.byUser(user));
    }
}
