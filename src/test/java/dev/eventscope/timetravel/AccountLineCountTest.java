package dev.eventscope.timetravel;

import dev.eventscope.application.CommandContext;
import dev.eventscope.application.ImportSession;
import dev.eventscope.application.LedgerCommandService;
import dev.eventscope.domain.ledger.AccountCommand;
import dev.eventscope.domain.ledger.AccountName;
import dev.eventscope.domain.ledger.EntryCommand;
import dev.eventscope.domain.ledger.EntryId;
import dev.eventscope.domain.ledger.LedgerCommand;
import dev.eventscope.domain.ledger.LedgerStreams;
import dev.eventscope.domain.ledger.Money;
import dev.eventscope.domain.ledger.Posting;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.projection.LedgerQueries;
import dev.eventscope.projection.RegisterBlob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An account's line count (up to a limit: it chooses the path of a question as of a date) is read from its first blocks
 * when they reach the limit and from all of them otherwise (session 24 (mend)): an account of more blocks than the first
 * read takes and more lines than the limit, and one of more blocks (one a commodity) but few lines, are counted exactly
 * at every limit around the blocks' sizes, and their states as of dates equal the full replay's.
 */
class AccountLineCountTest {

    private static final LocalDate START = LocalDate.of(2024, 1, 1);
    private static final AccountName BUSY = AccountName.of("assets:bank:busy");
    private static final AccountName MANY = AccountName.of("assets:bank:many");
    private static final AccountName OTHER = AccountName.of("expenses:cost:other");
    /** 20 full blocks of the busy account and a part of one. */
    private static final int BUSY_LINES = 20 * RegisterBlob.LINES + 37;
    /** One line in each of 20 commodities: 20 blocks of one line. */
    private static final int COMMODITIES = 20;

    @TempDir
    Path folder;

    @Test
    void the_count_of_a_busy_account_and_of_one_of_many_small_blocks_is_exact_at_every_limit() throws Exception {
        Path file = folder.resolve("ledger.sqlite");
        try (SqliteEventStore store = RandomLedger.openStore(file)) {
            LedgerCommandService service = RandomLedger.service(store, "c");
            CommandContext alice = CommandContext.byUser("alice");
            service.execute(new LedgerCommand.CreateLedger("counts", "EUR"), alice);
            for (AccountName account : List.of(BUSY, MANY, OTHER)) {
                service.execute(new AccountCommand.OpenAccount(account, START, null), alice);
            }
            try (ImportSession session = service.beginImport(alice)) {
                for (int i = 0; i < BUSY_LINES; i++) {
                    session.execute(entry("b" + i, START.plusDays(i % 700), BUSY, "EUR", i));
                }
                for (int i = 0; i < COMMODITIES; i++) {
                    session.execute(entry("m" + i, START.plusDays(30L * i), MANY, "C" + i, i));
                }
                session.commit();
            }
        }
        try (TimeTravelFixture fixture = new TimeTravelFixture(file, 10, 1_000)) {
            LedgerQueries queries = fixture.readModels.ledgerQueries();
            for (long limit : new long[] {1, 255, 256, 2_000, 16L * RegisterBlob.LINES - 1, 16L * RegisterBlob.LINES,
                    16L * RegisterBlob.LINES + 1, BUSY_LINES - 1, BUSY_LINES, BUSY_LINES + 1, 1_000_000}) {
                assertEquals(Math.min(BUSY_LINES, limit), queries.countAccountLines(BUSY.value(), limit), "busy, limit " + limit);
                assertEquals(Math.min(COMMODITIES, limit), queries.countAccountLines(MANY.value(), limit), "many, limit " + limit);
                assertEquals(Math.min(BUSY_LINES + COMMODITIES, limit), queries.countAccountLines(OTHER.value(), limit),
                        "other, limit " + limit);
            }
            assertEquals(0, queries.countAccountLines("assets:bank:none", 2_000));
            for (AccountName account : List.of(BUSY, MANY, OTHER)) {
                StreamId stream = StreamId.of(LedgerStreams.account(account));
                for (LocalDate date : List.of(START.minusDays(1), START.plusDays(100), START.plusDays(365), START.plusDays(900))) {
                    assertEquals(fixture.replay.stateAsOf(stream, date), fixture.timeTravel.stateOf(stream, new Point.AsOfDate(date)).state(),
                            account + " as of " + date);
                }
            }
        }
    }

    private static EntryCommand.PostEntry entry(String id, LocalDate date, AccountName debit, String commodity, int n) {
        BigDecimal amount = BigDecimal.valueOf(100 + n % 997, 2);
        return EntryCommand.PostEntry.simple(EntryId.of(id), date, "entry " + id, List.of(
                Posting.of(debit, new Money(amount, commodity)), Posting.of(OTHER, new Money(amount.negate(), commodity))));
    }
}
