package dev.eventscope.cli;

import dev.eventscope.application.BookkeepingCodec;
import dev.eventscope.application.CommandContext;
import dev.eventscope.application.LedgerCommandService;
import dev.eventscope.audit.ReportStatements;
import dev.eventscope.domain.ledger.AccountCommand;
import dev.eventscope.domain.ledger.AccountName;
import dev.eventscope.domain.ledger.AccountType;
import dev.eventscope.domain.ledger.EntryCommand;
import dev.eventscope.domain.ledger.EntryId;
import dev.eventscope.domain.ledger.LedgerCommand;
import dev.eventscope.domain.ledger.Money;
import dev.eventscope.domain.ledger.Posting;
import dev.eventscope.domain.ledger.PriceCommand;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.eventstore.sqlite.SqliteOptions;
import dev.eventscope.statement.StatementText;
import dev.eventscope.testing.SettableClock;
import dev.eventscope.testing.TemporaryFolders;
import dev.eventscope.timetravel.LedgerPrefix;
import dev.eventscope.timetravel.RandomLedger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Session 18 (asof), one test per leak found: an answer as of position P read something recorded after P. The ledger:
 * a bank account with a EUR and a GBP balance at P; recorded after P, an import declaring {@code assets:bank} a
 * liability and the market prices of EUR and GBP in USD. Each answer at P must equal the answer at the head of the
 * ledger cut at P ({@link LedgerPrefix}), and the tests say what the old answer was.
 */
class AsOfLeaksTest {

    private final TemporaryFolders folders = new TemporaryFolders();
    private Path ledger;
    private Path cut;
    private long position;
    private FakeLedgerStores stores;

    @BeforeEach
    void writeTheLedger() {
        Path folder = folders.create("asof-leaks");
        ledger = folder.resolve("whole.ledger");
        cut = folder.resolve("cut.ledger");
        // one second a reading, as RandomLedger's clock; the events after P are recorded two days later (the recorded clock)
        SettableClock clock = SettableClock.stepping(Instant.parse("2025-01-01T00:00:00Z"), Duration.ofSeconds(1));
        try (SqliteEventStore store = SqliteEventStore.open(ledger, SqliteOptions.defaults().withClock(clock))) {
            LedgerCommandService service = RandomLedger.service(store, "p");
            CommandContext alice = CommandContext.byUser("alice");
            service.execute(new LedgerCommand.CreateLedger("leaks", "EUR"), alice);
            for (String account : List.of("assets:bank", "liabilities:loan", "income:sales")) {
                service.execute(new AccountCommand.OpenAccount(AccountName.of(account), LocalDate.of(2024, 1, 1), null, null), alice);
            }
            post(service, "e1", "EUR", "100.00");
            post(service, "e2", "GBP", "40.00");
            position = store.lastPosition();
            clock.set(Instant.parse("2025-01-03T00:00:00Z"));
            service.execute(new LedgerCommand.RecordImport("later.journal", "1".repeat(64), 0, null, null,
                    Map.of(AccountType.LIABILITIES, List.of("assets:bank"))), alice);
            service.execute(new PriceCommand.RecordPrice(LocalDate.of(2024, 1, 1), "EUR", new Money(new BigDecimal("1.10"), "USD"), 2), alice);
            service.execute(new PriceCommand.RecordPrice(LocalDate.of(2024, 1, 1), "GBP", new Money(new BigDecimal("1.30"), "USD"), 2), alice);
            post(service, "e3", "EUR", "5.00");
        }
        LedgerPrefix.copy(ledger, cut, event -> event.position() <= position);
        stores = new FakeLedgerStores().with(ledger).with(cut);
    }

    @AfterEach
    void deleteTheFolders() {
        folders.deleteAll();
    }

    private static void post(LedgerCommandService service, String id, String commodity, String amount) {
        service.execute(EntryCommand.PostEntry.simple(EntryId.of(id), LocalDate.of(2024, 2, 1), "sale " + id, List.of(
                Posting.of(AccountName.of("assets:bank"), new Money(new BigDecimal(amount), commodity)),
                Posting.of(AccountName.of("income:sales"), new Money(new BigDecimal(amount).negate(), commodity)))),
                CommandContext.byUser("bob"));
    }

    @Test
    void a_statement_at_a_position_chooses_its_sections_by_the_account_types_declared_by_then() {
        CliRun atPosition = CliRun.run(stores, "statement", "balance-sheet", "--ledger", ledger.toString(),
                "--at-position", String.valueOf(position));
        CliRun atHeadOfCut = CliRun.run(stores, "statement", "balance-sheet", "--ledger", cut.toString());
        assertEquals(0, atPosition.exitCode(), atPosition.err());
        // before session 18: assets:bank under Liabilities, by the declaration recorded after the position
        assertThat(atPosition.out().indexOf("  bank")).isPositive().isLessThan(atPosition.out().indexOf("Liabilities"));
        assertEquals(atHeadOfCut.out(), atPosition.out());
        // at the head the later declaration holds
        assertThat(CliRun.run(stores, "statement", "balance-sheet", "--ledger", ledger.toString()).out())
                .isNotEqualTo(atPosition.out());
    }

    @Test
    void the_reports_statements_through_a_position_choose_their_sections_by_the_types_declared_by_then() {
        var codec = BookkeepingCodec.create();
        try (SqliteEventStore whole = SqliteEventStore.openReadOnly(ledger); SqliteEventStore cutOne = SqliteEventStore.openReadOnly(cut)) {
            List<String> throughPosition = ReportStatements.of(whole, codec, position).stream().map(StatementText::of).toList();
            assertEquals(ReportStatements.of(cutOne, codec, position).stream().map(StatementText::of).toList(), throughPosition);
            assertThat(throughPosition).isNotEqualTo(ReportStatements.of(whole, codec, whole.lastPosition() - 1).stream()
                    .map(StatementText::of).toList());
        }
    }

    @Test
    void a_statement_on_the_recorded_clock_chooses_its_sections_by_the_account_types_declared_by_its_last_column() {
        // the position was recorded on 1 January 2025, the declaration on the 3rd: a statement through the 2nd stands at P
        for (String[] asked : List.of(new String[] {"balance-sheet"}, new String[] {"balance-sheet", "--depth", "1"},
                new String[] {"balance-sheet", "--value", "EUR"})) {
            String[] through = concat(new String[] {"statement"}, concat(asked, new String[] {"--clock", "recorded", "-p", "..2025-01-03"}));
            CliRun onRecordedClock = CliRun.onLedger(stores, ledger, through[0], java.util.Arrays.copyOfRange(through, 1, through.length));
            CliRun onTheCut = CliRun.onLedger(stores, cut, through[0], java.util.Arrays.copyOfRange(through, 1, through.length));
            String what = String.join(" ", through);
            assertEquals(0, onRecordedClock.exitCode(), what + "\n" + onRecordedClock.err());
            // before session 19: assets:bank under Liabilities too, by the declaration recorded on the 3rd
            assertThat(onRecordedClock.out()).as(what).contains("Assets\nassets").doesNotContain("Liabilities\nassets");
            assertEquals(onTheCut.out(), onRecordedClock.out(), what);
        }
        // through the 3rd the declaration holds
        CliRun throughTheThird = CliRun.onLedger(stores, ledger, "statement", "balance-sheet", "--clock", "recorded", "-p", "..2025-01-04");
        assertThat(throughTheThird.out()).contains("Liabilities\nassets");
    }

    @Test
    void a_balance_known_at_a_position_is_valued_in_the_prices_recorded_by_then() {
        CliRun knownAt = CliRun.run(stores, "balance", "--ledger", ledger.toString(), "--known-at", "#" + position, "--market");
        CliRun atHeadOfCut = CliRun.run(stores, "balance", "--ledger", cut.toString(), "--market");
        assertEquals(0, knownAt.exitCode(), knownAt.err());
        // before session 18: valued at 1.10 USD and 1.30 USD, prices recorded after the position
        assertThat(knownAt.out()).doesNotContain("USD");
        assertEquals(atHeadOfCut.out(), knownAt.out());
    }

    @Test
    void a_balance_known_at_a_recorded_time_is_valued_in_the_prices_recorded_by_then() {
        String time;
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger)) {
            time = "@" + store.readAt(position).orElseThrow().recordedAt().plusMillis(500);
        }
        CliRun knownAt = CliRun.run(stores, "trial-balance", "--ledger", ledger.toString(), "--as-of", "2024-12-31",
                "--known-at", time, "--market");
        CliRun atHeadOfCut = CliRun.run(stores, "trial-balance", "--ledger", cut.toString(), "--as-of", "2024-12-31", "--market");
        assertEquals(0, knownAt.exitCode(), knownAt.err());
        assertThat(knownAt.out()).doesNotContain("USD");
        assertEquals(atHeadOfCut.out(), knownAt.out());
    }

    @Test
    void a_commodity_first_priced_after_the_point_is_refused_as_unknown_at_it() {
        for (String[] asked : List.of(new String[] {"balance", "--known-at", "#" + position, "--value", "USD"},
                new String[] {"balance", "--at-position", String.valueOf(position), "--value", "USD"},
                new String[] {"statement", "income", "--at-position", String.valueOf(position), "--value", "USD"},
                // session 19: on the recorded clock, a statement through the 2nd of January stands at P
                new String[] {"statement", "income", "--clock", "recorded", "-p", "..2025-01-03", "--value", "USD"})) {
            CliRun answer = CliRun.onLedger(stores, ledger, asked[0], java.util.Arrays.copyOfRange(asked, 1, asked.length));
            // before session 18: accepted, as a price recorded after the point names USD
            assertEquals(ExitCodes.USAGE_OR_UNREADABLE_LEDGER, answer.exitCode(), String.join(" ", asked) + "\n" + answer.out());
            assertThat(answer.err()).contains("--value USD names a commodity").contains("give one of EUR, GBP");
        }
    }

    @Test
    void a_sandbox_at_a_base_chooses_its_sections_by_the_types_declared_by_then() {
        Path sandboxes = folders.create("asof-sandboxes");
        CliRun started = CliRun.run(stores, "sandbox", "new", "--ledger", ledger.toString(), "--user", "ann",
                "--sandbox-dir", sandboxes.resolve("whole").toString(), "--at-position", String.valueOf(position));
        assertEquals(0, started.exitCode(), started.err());
        started = CliRun.run(stores, "sandbox", "new", "--ledger", cut.toString(), "--user", "ann",
                "--sandbox-dir", sandboxes.resolve("cut").toString(), "--at-position", String.valueOf(position));
        assertEquals(0, started.exitCode(), started.err());
        CliRun atBase = CliRun.run(stores, "sandbox", "diff", "--ledger", ledger.toString(), "--user", "ann",
                "--sandbox-dir", sandboxes.resolve("whole").toString(), "--statement", "balance-sheet");
        CliRun atHeadOfCut = CliRun.run(stores, "sandbox", "diff", "--ledger", cut.toString(), "--user", "ann",
                "--sandbox-dir", sandboxes.resolve("cut").toString(), "--statement", "balance-sheet");
        assertEquals(0, atBase.exitCode(), atBase.err());
        assertEquals(atHeadOfCut.out(), atBase.out());
    }

    @Test
    void a_stream_first_recorded_after_the_point_is_no_stream_at_it() {
        for (String[] point : List.of(new String[] {"--at-position", String.valueOf(position)},
                new String[] {"--as-of", "2024-12-31", "--known-at", "#" + position})) {
            CliRun state = CliRun.onLedger(stores, ledger, "state", concat(new String[] {"--stream", "entry-e3"}, point));
            // before session 18: shown at version 0 with an empty state, the stream only being recorded later
            assertEquals(ExitCodes.USAGE_OR_UNREADABLE_LEDGER, state.exitCode(), state.out());
            assertThat(state.err()).startsWith("The ledger had no stream 'entry-e3' at ");
            assertEquals(state.exitCode(), CliRun.onLedger(stores, cut, "state", "--stream", "entry-e3").exitCode());
        }
        CliRun begun = CliRun.onLedger(stores, ledger, "state", "--stream", "entry-e2", "--at-position", String.valueOf(position));
        assertEquals(0, begun.exitCode(), begun.err());
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    @Test
    void the_cut_ledger_is_the_prefix() throws Exception {
        assertThat(Files.size(cut)).isPositive();
        try (SqliteEventStore whole = SqliteEventStore.openReadOnly(ledger); SqliteEventStore cutOne = SqliteEventStore.openReadOnly(cut)) {
            assertEquals(position, cutOne.lastPosition());
            for (long at = 1; at <= position; at++) {
                var original = whole.readAt(at).orElseThrow();
                var copy = cutOne.readAt(at).orElseThrow();
                assertEquals(original.data(), copy.data());
                assertEquals(original.recordedAtMicros(), copy.recordedAtMicros());
                assertEquals(original.hash(), copy.hash(), "the same events chain to the same hashes");
            }
        }
    }
}
