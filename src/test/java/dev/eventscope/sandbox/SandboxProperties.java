package dev.eventscope.sandbox;

import dev.eventscope.testing.TemporaryFolders;
import net.jqwik.api.lifecycle.AfterTry;
import dev.eventscope.domain.ledger.AccountCommand;
import dev.eventscope.domain.ledger.AccountName;
import dev.eventscope.domain.ledger.Balances;
import dev.eventscope.domain.ledger.EntryCommand;
import dev.eventscope.domain.ledger.EntryId;
import dev.eventscope.domain.ledger.LedgerCommand;
import dev.eventscope.domain.ledger.Money;
import dev.eventscope.domain.ledger.Posting;
import dev.eventscope.eventstore.StreamFilter;
import dev.eventscope.eventstore.StreamInfo;
import dev.eventscope.session.LedgerSession;
import dev.eventscope.session.TestSessions;
import dev.eventscope.statement.Interval;
import dev.eventscope.statement.ReportPeriod;
import dev.eventscope.statement.Statement;
import dev.eventscope.statement.StatementClock;
import dev.eventscope.statement.StatementKind;
import dev.eventscope.statement.StatementRequest;
import dev.eventscope.timetravel.RandomLedger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * For random ledgers and random proposals (some of which the domain refuses): applying the sandbox's proposals to a
 * copy of the ledger gives exactly the "as adjusted" balances the sandbox showed, in full and as of an entry date;
 * and nothing done in the sandbox changes the ledger file's bytes or its verified head hash.
 */
class SandboxProperties {

    private final TemporaryFolders folders = new TemporaryFolders();

    @AfterTry
    void deleteTheTrysFolders() {
        folders.deleteAll();
    }

    /** A balance sheet by quarter, an income statement by month, a trial balance, as the sandbox and the copy draw them. */
    private static final List<StatementRequest> STATEMENTS = List.of(
            new StatementRequest(StatementKind.BALANCE_SHEET, ReportPeriod.all(), Interval.QUARTERLY, 0, StatementClock.ENTRY_DATE),
            new StatementRequest(StatementKind.INCOME, ReportPeriod.all(), Interval.MONTHLY, 2, StatementClock.ENTRY_DATE),
            new StatementRequest(StatementKind.TRIAL_BALANCE, ReportPeriod.parse("2024"), Interval.NONE, 0, StatementClock.ENTRY_DATE));

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Property(tries = 12)
    void applying_the_proposals_gives_the_as_adjusted_balances(@ForAll long seed,
                                                               @ForAll @IntRange(min = 1, max = 8) int proposalCount) throws IOException {
        Path folder = folders.create("sandbox-property");
        Path ledger = folder.resolve("real.ledger");
        Path copy = folder.resolve("copy.ledger");
        RandomLedger.writeLedger(ledger, seed, "ev", 4, 25);
        Files.copy(ledger, copy);
        String bytesBefore = SandboxFixture.sha256(ledger);
        Random random = new Random(seed);
        LocalDate asOf = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(900));

        SandboxContents contents;
        Adjustments adjusted;
        Adjustments adjustedAsOf;
        List<AdjustedStatement> statements = new ArrayList<>();
        String headBefore;
        long accepted;
        try (LedgerSession session = TestSessions.SQLITE.openReadOnly(ledger)) {
            headBefore = session.verifyChain().headHash();
            List<String> accounts = session.streams(StreamFilter.category("account")).stream()
                    .map(StreamInfo::streamId).map(id -> id.value().substring("account-".length())).toList();
            List<Proposal> proposals = new ArrayList<>();
            for (int i = 1; i <= proposalCount; i++) {
                proposals.add(new Proposal(i, randomCommand(random, accounts, i), "reason " + i, "auditor", NOW, null, null));
            }
            contents = new SandboxContents(Sandbox.ledgerId(session), "auditor", SandboxBase.HEAD, proposals);
            Sandbox sandbox = Sandbox.open(session, contents);
            adjusted = sandbox.adjustments(null);
            adjustedAsOf = sandbox.adjustments(asOf);
            for (StatementRequest request : STATEMENTS) {
                AdjustedStatement statement = sandbox.statement(request);
                statements.add(statement);
                // as posted is the real ledger's own statement, wherever the proposals do not widen the columns
                Statement real = session.statements().replayed(request, Long.MAX_VALUE);
                if (real.columns().equals(statement.asPosted().columns())) {
                    assertEquals(real, statement.asPosted(), request.kind().title() + " as posted");
                }
            }
            accepted = sandbox.decided().stream().filter(DecidedProposal::accepted).count();
            boolean someRefused = sandbox.decided().stream().anyMatch(one -> one.status() == DecidedProposal.Status.REFUSED);
            // the property must see proposals accepted and refused, not pass on samples where nothing happens
            Statistics.label("some accepted").collect(accepted > 0);
            Statistics.label("some refused").collect(someRefused);
            Statistics.label("some accepted").coverage(coverage -> coverage.check(true).percentage(p -> p >= 30));
            Statistics.label("some refused").coverage(coverage -> coverage.check(true).percentage(p -> p >= 20));
            assertEquals(headBefore, session.verifyChain().headHash());
        }
        assertEquals(bytesBefore, SandboxFixture.sha256(ledger));

        try (LedgerSession session = TestSessions.SQLITE.open(copy)) {
            if (accepted > 0) {
                Sandbox.open(session, contents).apply("controller", NOW);
            }
            Balances applied = session.fullReplay().balances(Long.MAX_VALUE);
            assertEquals(adjusted.asAdjusted(), applied);
            assertEquals(adjustedAsOf.asAdjusted(), session.fullReplay().balances(Long.MAX_VALUE, asOf));
            assertTrue(accepted > 0 || adjusted.differences().isEmpty());
            for (int i = 0; i < STATEMENTS.size(); i++) {
                // the statement a copy with the proposals posted draws is exactly the one the sandbox showed as adjusted
                assertEquals(session.statements().replayed(STATEMENTS.get(i), Long.MAX_VALUE),
                        statements.get(i).asAdjusted(), STATEMENTS.get(i).kind().title());
                assertTrue(accepted > 0 || statements.get(i).lines().stream().noneMatch(AdjustedStatement.Line::changed));
            }
        }
    }

    /** A post (sometimes unbalanced or before the accounts opened), a reversal, an account to open, or a close. */
    private static Object randomCommand(Random random, List<String> accounts, int number) {
        LocalDate date = LocalDate.of(2023, 12, 1).plusDays(random.nextInt(900));
        switch (random.nextInt(6)) {
            case 0:
                return new EntryCommand.ReverseEntry(EntryId.of("e" + (1 + random.nextInt(30))), EntryId.of("p" + number), date, null);
            case 1:
                return new AccountCommand.OpenAccount(AccountName.of(random.nextBoolean() ? accounts.get(0) : "income:new" + number),
                        date, null);
            case 2:
                return new LedgerCommand.ClosePeriod(date);
            default:
                String debit = accounts.get(random.nextInt(accounts.size()));
                String credit = accounts.get(random.nextInt(accounts.size()));
                String commodity = random.nextBoolean() ? "EUR" : "USD";
                BigDecimal amount = BigDecimal.valueOf(random.nextInt(50_000) + 1, 2);
                BigDecimal other = random.nextInt(8) == 0 ? amount.subtract(BigDecimal.ONE) : amount;
                return EntryCommand.PostEntry.simple(EntryId.of("p" + number), date, "proposal " + number,
                        List.of(Posting.of(AccountName.of(debit), new Money(amount, commodity)),
                                Posting.of(AccountName.of(credit), new Money(other.negate(), commodity))));
        }
    }
}
