package dev.eventscope.timetravel;

import dev.eventscope.application.BookkeepingCodec;
import dev.eventscope.application.CommandContext;
import dev.eventscope.application.IdGenerator;
import dev.eventscope.application.ImportSession;
import dev.eventscope.application.LedgerCommandService;
import dev.eventscope.domain.ledger.AccountCommand;
import dev.eventscope.domain.ledger.AccountName;
import dev.eventscope.domain.ledger.EntryCommand;
import dev.eventscope.domain.ledger.EntryId;
import dev.eventscope.domain.ledger.LedgerCommand;
import dev.eventscope.domain.ledger.Money;
import dev.eventscope.domain.ledger.Posting;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.eventstore.sqlite.SqliteOptions;
import dev.eventscope.testing.SettableClock;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random ledgers written through the command service: accounts opened on 2024-01-01, two-posting
 * entries in EUR and USD dated over two years, some reversed, by a few users. Recorded times advance
 * one second per append, so that points in recorded time are testable. Snapshots every 3 events.
 */
public final class RandomLedger {

    private static final String[] USERS = {"alice", "bob", "carol"};
    private static final String[] COMMODITIES = {"EUR", "USD"};
    private static final LocalDate START = LocalDate.of(2024, 1, 1);

    private final Random random;
    private final List<AccountName> accounts = new ArrayList<>();
    private final List<EntryId> reversible = new ArrayList<>();
    private final List<EntryId> pending = new ArrayList<>();
    private int entries;

    public RandomLedger(long seed) {
        this.random = new Random(seed);
    }

    /** A ticking clock: each reading is one second after the previous one. */
    public static Clock tickingClock() {
        return SettableClock.stepping(Instant.parse("2025-01-01T00:00:00Z"), Duration.ofSeconds(1));
    }

    /** Writes a ledger file: {@code accounts} accounts opened, then {@code entries} entries imported. */
    public static void writeLedger(Path file, long seed, String idPrefix, int accounts, int entries) {
        try (SqliteEventStore store = openStore(file)) {
            RandomLedger ledger = new RandomLedger(seed);
            LedgerCommandService service = service(store, idPrefix);
            ledger.create(service, accounts);
            ledger.importEntries(service, entries);
        }
    }

    public static SqliteEventStore openStore(Path file) {
        return SqliteEventStore.open(file, SqliteOptions.defaults().withSynchronous(SqliteOptions.Synchronous.NORMAL)
                .withClock(tickingClock()));
    }

    public static LedgerCommandService service(SqliteEventStore store, String idPrefix) {
        return new LedgerCommandService(store, BookkeepingCodec.create(), IdGenerator.sequential(idPrefix),
                new LedgerCommandService.Settings(5, 3));
    }

    /** Creates the ledger and {@code accountCount} accounts, one command at a time. */
    public void create(LedgerCommandService service, int accountCount) {
        service.execute(new LedgerCommand.CreateLedger("random", "EUR"), CommandContext.byUser("alice"));
        for (int i = 0; i < accountCount; i++) {
            AccountName account = AccountName.of((i % 2 == 0 ? "assets:bank:" : "expenses:cost:") + "a" + i);
            accounts.add(account);
            service.execute(new AccountCommand.OpenAccount(account, START, null), CommandContext.byUser(user()));
        }
    }

    /** Posts (or now and then reverses) {@code count} entries, each its own command and transaction. */
    public void post(LedgerCommandService service, int count) {
        for (int i = 0; i < count; i++) {
            service.execute(nextCommand(), CommandContext.byUser(user()));
            reversible.addAll(pending);
            pending.clear();
        }
    }

    /** The same, in one import transaction. */
    public void importEntries(LedgerCommandService service, int count) {
        try (ImportSession session = service.beginImport(CommandContext.byUser(user()))) {
            for (int i = 0; i < count; i++) {
                session.execute(nextCommand());
            }
            session.commit();
        }
        // an import cannot reverse an entry of the same import (it is not readable until committed)
        reversible.addAll(pending);
        pending.clear();
    }

    /** Freezes and unfreezes a random account: lifecycle events between its postings. */
    public void freezeAndUnfreeze(LedgerCommandService service) {
        AccountName account = accounts.get(random.nextInt(accounts.size()));
        service.execute(new AccountCommand.FreezeAccount(account, "audit"), CommandContext.byUser(user()));
        service.execute(new AccountCommand.UnfreezeAccount(account), CommandContext.byUser(user()));
    }

    private Object nextCommand() {
        if (!reversible.isEmpty() && random.nextInt(8) == 0) {
            EntryId original = reversible.remove(random.nextInt(reversible.size()));
            return new EntryCommand.ReverseEntry(original, EntryId.of("r" + (++entries)), START.plusDays(800), null);
        }
        AccountName debit = accounts.get(random.nextInt(accounts.size()));
        AccountName credit = accounts.get(random.nextInt(accounts.size()));
        while (credit.equals(debit)) {
            credit = accounts.get(random.nextInt(accounts.size()));
        }
        String commodity = COMMODITIES[random.nextInt(COMMODITIES.length)];
        BigDecimal amount = BigDecimal.valueOf(random.nextInt(100_000) + 1, 2);
        EntryId id = EntryId.of("e" + (++entries));
        pending.add(id);
        return EntryCommand.PostEntry.simple(id, START.plusDays(random.nextInt(730)), "entry " + entries,
                List.of(Posting.of(debit, new Money(amount, commodity)), Posting.of(credit, new Money(amount.negate(), commodity))));
    }

    private String user() {
        return USERS[random.nextInt(USERS.length)];
    }

    public List<AccountName> accounts() {
        return accounts;
    }

    public Random random() {
        return random;
    }
}
