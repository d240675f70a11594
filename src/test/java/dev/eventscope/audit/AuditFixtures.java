package dev.eventscope.audit;

import dev.eventscope.application.CommandContext;
import dev.eventscope.application.LedgerCommandService;
import dev.eventscope.domain.ledger.AccountCommand.FreezeAccount;
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

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;

/**
 * A small trading company's January and February, written through the command service by three
 * users: opening balance, an invoice, rent, a January close, a reopen for a late invoice (a late
 * correction), a re-close, a chair bought and returned (a reversal) and a frozen account.
 * Bank ends at 550.00 EUR.
 */
public final class AuditFixtures {

    public static final String BANK = "assets:bank";
    public static final String SALES = "income:sales";

    private AuditFixtures() {
    }

    public static Path acmeLedger(Path file) {
        try (SqliteEventStore store = SqliteEventStore.open(file)) {
            LedgerCommandService service = LedgerCommandService.create(store);
            CommandContext alice = CommandContext.byUser("alice");
            CommandContext bob = CommandContext.byUser("bob");
            CommandContext carol = CommandContext.byUser("carol");
            LocalDate newYear = LocalDate.of(2024, 1, 1);
            service.execute(new CreateLedger("Acme Trading", "EUR"), alice);
            for (String account : List.of(BANK, SALES, "expenses:rent", "expenses:office", "equity:opening")) {
                service.execute(new OpenAccount(AccountName.of(account), newYear, null), alice);
            }
            service.execute(entry("E1", "2024-01-02", "Opening balance", BANK, "1000.00", "equity:opening"), alice);
            service.execute(entry("E2", "2024-01-15", "Invoice 7 paid, \"Widgets\"", BANK, "250.50", SALES), bob);
            service.execute(entry("E3", "2024-01-31", "January rent", "expenses:rent", "800.00", BANK), bob);
            service.execute(new ClosePeriod(LocalDate.of(2024, 1, 31)), alice);
            service.execute(new ReopenPeriod("Invoice 8 was missed"), alice);
            service.execute(entry("E4", "2024-01-20", "Invoice 8 paid (late)", BANK, "99.50", SALES), bob);
            service.execute(new ClosePeriod(LocalDate.of(2024, 1, 31)), alice);
            service.execute(entry("E5", "2024-02-03", "Office chair", "expenses:office", "120.00", BANK), carol);
            service.execute(new ReverseEntry(EntryId.of("E5"), EntryId.of("R5"), LocalDate.of(2024, 2, 4), "Chair returned"), carol);
            service.execute(new FreezeAccount(AccountName.of("expenses:office"), "under review"), carol);
        }
        return file;
    }

    private static PostEntry entry(String id, String date, String description, String debit, String amount, String credit) {
        return PostEntry.simple(EntryId.of(id), LocalDate.parse(date), description, List.of(
                Posting.of(AccountName.of(debit), Money.of(amount, "EUR")),
                Posting.of(AccountName.of(credit), Money.of("-" + amount, "EUR"))));
    }

    /**
     * Changes the stored data of the event at {@code position}, as someone with a plain SQLite tool
     * would: drops the guarding triggers and sets data to the SQL expression {@code dataExpression}.
     */
    public static void tamper(Path file, long position, String dataExpression) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP TRIGGER events_are_immutable");
            statement.execute("DROP TRIGGER events_are_permanent");
            statement.execute("UPDATE events SET data = " + dataExpression + " WHERE position = " + position);
        }
    }
}
