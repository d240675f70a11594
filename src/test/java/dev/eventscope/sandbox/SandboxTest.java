package dev.eventscope.sandbox;

import dev.eventscope.application.CommandDraft;
import dev.eventscope.domain.ledger.AccountCommand;
import dev.eventscope.domain.ledger.AccountIsFrozen;
import dev.eventscope.domain.ledger.EntryCommand;
import dev.eventscope.domain.ledger.EntryDoesNotBalance;
import dev.eventscope.domain.ledger.EntryId;
import dev.eventscope.domain.ledger.LedgerCommand;
import dev.eventscope.domain.ledger.LedgerRuleViolation;
import dev.eventscope.domain.ledger.Money;
import dev.eventscope.domain.ledger.Posting;
import dev.eventscope.domain.ledger.PostingInClosedPeriod;
import dev.eventscope.session.LedgerSession;
import dev.eventscope.session.TestSessions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static dev.eventscope.sandbox.SandboxFixture.ALICE;
import static dev.eventscope.sandbox.SandboxFixture.BANK;
import static dev.eventscope.sandbox.SandboxFixture.FEES;
import static dev.eventscope.sandbox.SandboxFixture.RENT;
import static dev.eventscope.sandbox.SandboxFixture.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SandboxTest {

    private static final Instant NOW = Instant.parse("2025-02-10T09:00:00Z");

    @TempDir
    Path folder;
    Path ledgerFile;

    @BeforeEach
    void writeLedger() {
        ledgerFile = folder.resolve("books.ledger");
        SandboxFixture.write(ledgerFile);
    }

    private Sandbox emptySandbox(LedgerSession session, SandboxBase base) {
        return Sandbox.open(session, new SandboxContents(Sandbox.ledgerId(session), "auditor", base, List.of()));
    }

    private static CommandDraft accrual(String id, String date, String amount) {
        return CommandDraft.of(post(id, date, "Accrued audit fee", FEES, amount));
    }

    @Test
    @DisplayName("the timeline as adjusted: on each date a proposal posts on, each account's balance as posted and as adjusted, with its causes")
    void timeline_as_adjusted() {
        try (LedgerSession session = TestSessions.SQLITE.openReadOnly(ledgerFile)) {
            Sandbox sandbox = emptySandbox(session, SandboxBase.HEAD)
                    .propose(accrual("A1", "2025-01-10", "300"), "audit fee not accrued", "auditor", NOW)
                    .propose(CommandDraft.of(post("A2", "2025-01-25", "Fee refund", FEES, "-50")), "refund missed", "auditor", NOW);
            AdjustedTimeline timeline = sandbox.timeline();
            assertEquals(List.of(
                    new AdjustedTimeline.Step(LocalDate.of(2025, 1, 10), "assets:bank", "EUR", amount("-500"), amount("-800"), List.of(1)),
                    new AdjustedTimeline.Step(LocalDate.of(2025, 1, 10), "expenses:fees", "EUR", amount("0"), amount("300"), List.of(1)),
                    new AdjustedTimeline.Step(LocalDate.of(2025, 1, 25), "assets:bank", "EUR", amount("700"), amount("450"), List.of(1, 2)),
                    new AdjustedTimeline.Step(LocalDate.of(2025, 1, 25), "expenses:fees", "EUR", amount("0"), amount("250"), List.of(1, 2))),
                    timeline.steps().stream().map(step -> new AdjustedTimeline.Step(step.date(), step.account(), step.commodity(),
                            step.asPosted().stripTrailingZeros(), step.asAdjusted().stripTrailingZeros(), step.causedBy())).toList());
            // each step agrees with the checked full replay as of its date, differences and their causes included
            for (AdjustedTimeline.Step step : timeline.steps()) {
                Adjustments asOf = sandbox.adjustments(step.date());
                assertEquals(0, asOf.asPosted().balance(step.account(), step.commodity()).compareTo(step.asPosted()), step.toString());
                assertEquals(0, asOf.asAdjusted().balance(step.account(), step.commodity()).compareTo(step.asAdjusted()), step.toString());
                assertEquals(step.causedBy(), asOf.differences().stream().filter(one -> one.account().equals(step.account()))
                        .findFirst().orElseThrow().causedBy());
            }
        }
    }

    @Test
    @DisplayName("a proposal on a read-only ledger shows as adjusted beside as posted, each difference linked to it, and changes no byte of the ledger")
    void proposal_on_a_read_only_ledger() {
        String bytesBefore = SandboxFixture.sha256(ledgerFile);
        String headBefore;
        try (LedgerSession session = TestSessions.SQLITE.openReadOnly(ledgerFile)) {
            headBefore = session.verifyChain().headHash();
            Sandbox sandbox = emptySandbox(session, SandboxBase.HEAD)
                    .propose(accrual("A1", "2025-01-31", "300"), "audit fee not accrued", "auditor", NOW);
            Adjustments adjustments = sandbox.adjustments(null);

            assertEquals(List.of(
                    new Adjustments.Difference("assets:bank", "EUR", amount("700"), amount("400"), List.of(1)),
                    new Adjustments.Difference("expenses:fees", "EUR", amount("0"), amount("300"), List.of(1))),
                    adjustments.differences().stream().map(SandboxTest::plain).toList());
            assertEquals(Map.of("EUR", new BigDecimal("300")), adjustments.effectOnProfit());
            assertEquals(DecidedProposal.Status.ACCEPTED, sandbox.decided().get(0).status());
            // as of an entry date before the accrual, the proposal changes nothing
            assertTrue(sandbox.adjustments(LocalDate.of(2025, 1, 30)).differences().isEmpty());
            assertEquals(headBefore, session.verifyChain().headHash());
        }
        assertEquals(bytesBefore, SandboxFixture.sha256(ledgerFile));
    }

    private static BigDecimal amount(String amount) {
        return new BigDecimal(amount).stripTrailingZeros();
    }

    private static Adjustments.Difference plain(Adjustments.Difference difference) {
        return new Adjustments.Difference(difference.account(), difference.commodity(),
                difference.asPosted().stripTrailingZeros(), difference.asAdjusted().stripTrailingZeros(), difference.causedBy());
    }

    @Nested
    @DisplayName("a proposal the domain refuses gets the explanation the real command gets")
    class Refusals {

        private void assertSameRefusal(Class<? extends LedgerRuleViolation> violation, Object command) {
            try (LedgerSession session = TestSessions.SQLITE.open(ledgerFile)) {
                long before = session.lastPosition();
                LedgerRuleViolation real = assertThrows(violation, () -> session.commands().execute(command, ALICE));
                Sandbox sandbox = emptySandbox(session, SandboxBase.HEAD);
                LedgerRuleViolation proposed = assertThrows(violation,
                        () -> sandbox.propose(CommandDraft.of(command), "try it", "auditor", NOW));
                assertEquals(real.getMessage(), proposed.getMessage());
                assertEquals(before, session.lastPosition());
            }
        }

        @Test
        void unbalanced() {
            assertSameRefusal(EntryDoesNotBalance.class, EntryCommand.PostEntry.simple(EntryId.of("U1"), LocalDate.of(2025, 1, 31),
                    "Half an entry", List.of(Posting.of(FEES, Money.of("10", "EUR")), Posting.of(BANK, Money.of("-9", "EUR")))));
        }

        @Test
        void in_a_closed_period() {
            try (LedgerSession session = TestSessions.SQLITE.open(ledgerFile)) {
                session.commands().execute(new LedgerCommand.ClosePeriod(LocalDate.of(2025, 1, 31)), ALICE);
            }
            assertSameRefusal(PostingInClosedPeriod.class, post("C1", "2025-01-15", "Late", FEES, "10"));
        }

        @Test
        void into_a_frozen_account() {
            try (LedgerSession session = TestSessions.SQLITE.open(ledgerFile)) {
                session.commands().execute(new AccountCommand.FreezeAccount(FEES, "under review"), ALICE);
            }
            assertSameRefusal(AccountIsFrozen.class, post("F1", "2025-02-01", "Fees", FEES, "10"));
        }
    }

    @Test
    @DisplayName("when the ledger moved on, a proposal that no longer applies says why; moved back, it applies again")
    void redecided_after_the_ledger_moved() {
        SandboxContents contents;
        long positionBeforeFreeze;
        try (LedgerSession session = TestSessions.SQLITE.open(ledgerFile)) {
            contents = emptySandbox(session, SandboxBase.HEAD)
                    .propose(accrual("A1", "2025-02-01", "300"), "accrual", "auditor", NOW).contents();
            positionBeforeFreeze = session.lastPosition();
            session.commands().execute(new AccountCommand.FreezeAccount(FEES, "under review"), ALICE);

            Sandbox reopened = Sandbox.open(session, contents);
            DecidedProposal decided = reopened.decided().get(0);
            assertEquals(DecidedProposal.Status.REFUSED, decided.status());
            assertTrue(decided.refusal().orElseThrow().contains("expenses:fees is frozen (under review)"), decided.verdict());
            assertTrue(reopened.adjustments(null).differences().isEmpty());

            Sandbox before = reopened.movedTo(SandboxBase.atPosition(positionBeforeFreeze));
            assertEquals(DecidedProposal.Status.ACCEPTED, before.decided().get(0).status());
        }
    }

    @Test
    @DisplayName("an automatic entry id given at a past base is one the real ledger has not taken since, so the proposal applies at the head")
    void automatic_ids_at_a_past_base() {
        try (LedgerSession session = TestSessions.SQLITE.openReadOnly(ledgerFile)) {
            long beforeSales = SandboxFixture.firstPositionOf(session, "entry-E2") - 1;
            Sandbox past = emptySandbox(session, SandboxBase.atPosition(beforeSales)).propose(newIds -> EntryCommand.PostEntry.simple(
                    newIds.get(), LocalDate.of(2025, 1, 31), "Accrued audit fee", List.of(Posting.of(FEES, Money.of("300", "EUR")),
                            Posting.of(BANK, Money.of("-300", "EUR")))), "accrual", "auditor", NOW);
            assertEquals("post E3 2025-01-31 Accrued audit fee", past.decided().get(0).proposal().summary());
            assertEquals(DecidedProposal.Status.ACCEPTED, past.movedTo(SandboxBase.HEAD).decided().get(0).status());
            SandboxProblem noReason = assertThrows(SandboxProblem.class, () -> past.propose(accrual("A9", "2025-02-01", "1"), " ", "auditor", NOW));
            assertEquals("A proposal needs a reason: the audit report lists each one with why it was proposed.", noReason.getMessage());
        }
    }

    @Test
    @DisplayName("a reversal is named by the reversed entry's date and description (of the ledger or an earlier proposal); the new id comes last")
    void a_reversal_names_the_entry_it_reverses() {
        try (LedgerSession session = TestSessions.SQLITE.openReadOnly(ledgerFile)) {
            Sandbox sandbox = emptySandbox(session, SandboxBase.HEAD)
                    .propose(CommandDraft.of(new EntryCommand.ReverseEntry(EntryId.of("E1"), EntryId.of("R1"), LocalDate.of(2025, 2, 1), null)),
                            "rent belongs to February", "auditor", NOW)
                    .propose(accrual("A1", "2025-01-31", "300"), "audit fee not accrued", "auditor", NOW)
                    .propose(CommandDraft.of(new EntryCommand.ReverseEntry(EntryId.of("A1"), EntryId.of("R2"), LocalDate.of(2025, 2, 2), null)),
                            "the fee was paid", "auditor", NOW);
            assertEquals(List.of("reverse E1 of 2025-01-05 \"Rent\" on 2025-02-01 as R1", "post A1 2025-01-31 Accrued audit fee",
                            "reverse A1 of 2025-01-31 \"Accrued audit fee\" on 2025-02-02 as R2"),
                    sandbox.decided().stream().map(DecidedProposal::summary).toList());
            // the audit report's section and the sandbox's journal say the same
            assertEquals("reverse E1 of 2025-01-05 \"Rent\" on 2025-02-01 as R1", sandbox.reportSection().get(0).entry());
            java.io.StringWriter journal = new java.io.StringWriter();
            ProposalJournal.write(sandbox, journal);
            assertTrue(journal.toString().contains("; proposal 3 (accepted): reverse A1 of 2025-01-31 \"Accrued audit fee\" on 2025-02-02 as R2\n"),
                    journal.toString());
            // before E1 was posted the reversal is refused and names the entry by its id alone
            Sandbox before = sandbox.movedTo(SandboxBase.atPosition(SandboxFixture.firstPositionOf(session, "entry-E1") - 1));
            assertEquals(DecidedProposal.Status.REFUSED, before.decided().get(0).status());
            assertEquals("reverse E1 on 2025-02-01 as R1", before.decided().get(0).summary());
        }
    }

    @Test
    @DisplayName("statements as posted beside as adjusted: each changed line names the proposals that change it, by column")
    void statements_as_adjusted() {
        try (LedgerSession session = TestSessions.SQLITE.openReadOnly(ledgerFile)) {
            Sandbox sandbox = emptySandbox(session, SandboxBase.HEAD)
                    .propose(accrual("A1", "2025-02-01", "300"), "accrual", "auditor", NOW)
                    .propose(CommandDraft.of(post("A2", "2025-01-10", "Rent refund", RENT, "-100")), "refund", "auditor", NOW);
            AdjustedStatement income = sandbox.statement(new dev.eventscope.statement.StatementRequest(
                    dev.eventscope.statement.StatementKind.INCOME, dev.eventscope.statement.ReportPeriod.all(),
                    dev.eventscope.statement.Interval.MONTHLY, 0, dev.eventscope.statement.StatementClock.ENTRY_DATE));
            assertEquals(List.of("Jan", "Feb"), income.asAdjusted().columnHeadings());
            AdjustedStatement.Line fees = line(income, "expenses:fees");
            assertEquals(List.of(Map.of(), Map.of()), fees.asPosted());
            assertEquals(List.of(Map.of(), Map.of("EUR", new BigDecimal("300"))), fees.asAdjusted().stream().map(Map::copyOf).toList());
            assertEquals(List.of(1), fees.causedBy());
            assertEquals(List.of(2), line(income, "expenses:rent").causedBy());
            AdjustedStatement.Line total = income.lines().stream().filter(one -> one.label().equals("Total expenses")).findFirst().orElseThrow();
            assertEquals(List.of(1, 2), total.causedBy());
            assertEquals(List.of(), line(income, "income:sales").causedBy(), "sales are as posted");
            AdjustedStatement.Line net = income.lines().get(income.lines().size() - 1);
            assertEquals(List.of(Map.of("EUR", new BigDecimal("700")), Map.of()), net.asPosted().stream().map(Map::copyOf).toList());
            assertEquals(List.of(Map.of("EUR", new BigDecimal("800")), Map.of("EUR", new BigDecimal("-300"))),
                    net.asAdjusted().stream().map(Map::copyOf).toList());

            // January's balance sheet: the February accrual is not in it, so only the refund changes the bank
            AdjustedStatement january = sandbox.statement(new dev.eventscope.statement.StatementRequest(
                    dev.eventscope.statement.StatementKind.BALANCE_SHEET, dev.eventscope.statement.ReportPeriod.parse("2025-01"),
                    dev.eventscope.statement.Interval.NONE, 0, dev.eventscope.statement.StatementClock.ENTRY_DATE));
            assertEquals(List.of(2), line(january, "assets:bank").causedBy());
            SandboxProblem recorded = assertThrows(SandboxProblem.class, () -> sandbox.statement(new dev.eventscope.statement.StatementRequest(
                    dev.eventscope.statement.StatementKind.BALANCE_SHEET, dev.eventscope.statement.ReportPeriod.all(),
                    dev.eventscope.statement.Interval.NONE, 0, dev.eventscope.statement.StatementClock.RECORDED)));
            assertTrue(recorded.getMessage().startsWith("A sandbox's statements are read by entry date"), recorded.getMessage());
        }
    }

    private static AdjustedStatement.Line line(AdjustedStatement statement, String account) {
        return statement.lines().stream().filter(one -> one.account().equals(account)).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("apply decides against the ledger as it now is: refused, nothing is written; else one append by the accepting user")
    void apply_decides_against_the_ledger_as_it_now_is() {
        try (LedgerSession session = TestSessions.SQLITE.open(ledgerFile)) {
            // decided at the head, then the real ledger moves on under the (stale) sandbox
            Sandbox stale = emptySandbox(session, SandboxBase.HEAD)
                    .propose(accrual("A1", "2025-02-01", "300"), "accrual", "auditor", NOW)
                    .propose(CommandDraft.of(post("A2", "2025-02-02", "Rent", RENT, "50")), "rent", "auditor", NOW);
            session.commands().execute(new AccountCommand.FreezeAccount(FEES, "under review"), ALICE);
            long frozenAt = session.lastPosition();
            assertThrows(AccountIsFrozen.class, () -> stale.apply("controller", NOW));
            assertEquals(frozenAt, session.lastPosition(), "a refusal writes nothing, not even the rent");

            // the account's stream moved on since the sandbox decided: apply loads its version afresh and appends after it
            session.commands().execute(new AccountCommand.UnfreezeAccount(FEES), ALICE);
            session.commands().execute(post("E3", "2025-02-03", "Fees", FEES, "20"), ALICE);
            long before = session.lastPosition();
            Sandbox.Applied applied = stale.apply("controller", NOW);
            List<Long> positions = applied.executed().stream().flatMap(one -> one.result().positions().stream()).toList();
            assertEquals(java.util.stream.LongStream.rangeClosed(before + 1, session.lastPosition()).boxed().toList(), positions,
                    "one append, right after the head");
            for (long position : positions) {
                assertEquals("controller", session.readAt(position).orElseThrow().metadata().user());
            }
            assertTrue(applied.sandbox().decided().stream().allMatch(one -> one.status() == DecidedProposal.Status.APPLIED));
            assertEquals(0, new BigDecimal("320").compareTo(session.fullReplay().balances(Long.MAX_VALUE).balance("expenses:fees", "EUR")));
        }
    }

    @Test
    @DisplayName("a base in recorded time is the last position recorded at or before it")
    void base_by_recorded_time() {
        try (LedgerSession session = TestSessions.SQLITE.openReadOnly(ledgerFile)) {
            Instant third = session.readAt(3).orElseThrow().recordedAt();
            Instant fourth = session.readAt(4).orElseThrow().recordedAt();
            long expected = fourth.equals(third) ? 4 : 3;
            assertEquals(expected, SandboxBase.atTime(third).resolve(session));
            assertEquals(0, SandboxBase.atTime(Instant.EPOCH).resolve(session));
            assertEquals(session.lastPosition(), SandboxBase.atTime(Instant.MAX).resolve(session));
            SandboxProblem beyond = assertThrows(SandboxProblem.class, () -> SandboxBase.atPosition(99).resolve(session));
            assertEquals("The sandbox stands at position 99, but the ledger books.ledger ends at position "
                    + session.lastPosition() + ".", beyond.getMessage());
        }
    }

    @Test
    @DisplayName("the sandbox file keeps every proposal as written; a damaged file is one sentence and is left alone")
    void sandbox_files() throws Exception {
        SandboxFiles files = new SandboxFiles(folder.resolve("state"));
        try (LedgerSession session = TestSessions.SQLITE.openReadOnly(ledgerFile)) {
            Sandbox sandbox = emptySandbox(session, SandboxBase.atPosition(session.lastPosition()))
                    .propose(accrual("A1", "2025-01-31", "300"), "accrual", "auditor", NOW)
                    .propose(CommandDraft.of(new EntryCommand.ReverseEntry(EntryId.of("E1"), EntryId.of("R1"),
                            LocalDate.of(2025, 1, 31), null)), "rent was for February", "auditor", NOW)
                    .propose(CommandDraft.of(new AccountCommand.OpenAccount(RENT.child("office"), LocalDate.of(2025, 1, 1), null)),
                            "split rent", "auditor", NOW)
                    .propose(CommandDraft.of(new LedgerCommand.ClosePeriod(LocalDate.of(2025, 1, 31))), "close January", "auditor", NOW);
            files.write(sandbox.contents());
            SandboxContents read = files.read(sandbox.contents().ledgerId(), "auditor").orElseThrow();
            assertEquals(sandbox.contents(), read);
            assertTrue(files.read(sandbox.contents().ledgerId(), "someone else").isEmpty());

            Path file = files.fileOf(read.ledgerId(), "auditor");
            Files.writeString(file, "{\"format\": 1, \"ledgerId\": ");
            SandboxProblem damaged = assertThrows(SandboxProblem.class, () -> files.read(read.ledgerId(), "auditor"));
            assertTrue(damaged.getMessage().startsWith("The sandbox file " + file + " is damaged ("), damaged.getMessage());
            assertTrue(damaged.getMessage().endsWith("); move it away to start a new sandbox."), damaged.getMessage());
            assertEquals(1, damaged.getMessage().lines().count());
            assertEquals("{\"format\": 1, \"ledgerId\": ", Files.readString(file));
        }
    }

    @Test
    @DisplayName("session 16: a proposal written from a stale read is refused, never writing over another process's")
    void two_processes_on_one_sandbox() {
        SandboxFiles files = new SandboxFiles(folder.resolve("state"));
        try (LedgerSession session = TestSessions.SQLITE.openReadOnly(ledgerFile)) {
            Sandbox empty = emptySandbox(session, SandboxBase.HEAD);
            files.replace(null, empty.contents());
            SandboxContents read = files.read(empty.contents().ledgerId(), "auditor").orElseThrow();
            SandboxContents first = empty.propose(accrual("A1", "2025-01-31", "300"), "one", "auditor", NOW).contents();
            SandboxContents second = empty.propose(accrual("A2", "2025-01-31", "400"), "two", "auditor", NOW).contents();

            files.replace(read, first);
            SandboxProblem stale = assertThrows(SandboxProblem.class, () -> files.replace(read, second));
            assertTrue(stale.getMessage().startsWith("Another process changed the sandbox of auditor"), stale.getMessage());
            assertEquals(first, files.read(read.ledgerId(), "auditor").orElseThrow(), "the first process's proposal is kept");
            assertThrows(SandboxProblem.class, () -> files.replace(null, second), "a new sandbox over an existing one");
        }
    }

    @Test
    @DisplayName("session 16: a sandbox file that is a named pipe, or of a newer format, is named so without reading it")
    @org.junit.jupiter.api.condition.EnabledOnOs({org.junit.jupiter.api.condition.OS.LINUX,
            org.junit.jupiter.api.condition.OS.MAC})
    void a_sandbox_file_that_is_a_pipe_or_newer() throws Exception {
        SandboxFiles files = new SandboxFiles(folder.resolve("state"));
        Files.createDirectories(folder.resolve("state"));
        Path pipe = files.fileOf("ledger-1", "auditor");
        assertEquals(0, new ProcessBuilder("mkfifo", pipe.toString()).inheritIO().start().waitFor());
        // only a guard against the old hang, generous for a loaded machine: the refusal reads nothing
        SandboxProblem fromPipe = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofMinutes(2),
                () -> assertThrows(SandboxProblem.class, () -> files.read("ledger-1", "auditor")));
        assertTrue(fromPipe.getMessage().contains("is damaged (it is not a file but a named pipe"), fromPipe.getMessage());

        Path newer = files.fileOf("ledger-2", "auditor");
        Files.writeString(newer, "{\"format\": 2, \"ledgerId\": \"ledger-2\", \"user\": \"auditor\"}");
        SandboxProblem fromNewer = assertThrows(SandboxProblem.class, () -> files.read("ledger-2", "auditor"));
        assertTrue(fromNewer.getMessage().contains("written by a newer Eventscope, in sandbox format 2"), fromNewer.getMessage());
    }

    @Test
    @DisplayName("sandboxes live in the XDG state folder, beside the remembered heads")
    void default_directory() {
        assertEquals(Path.of("/state/eventscope/sandboxes"),
                SandboxFiles.defaultDirectory(Map.of("XDG_STATE_HOME", "/state"), "/home/ann"));
        assertEquals(Path.of("/home/ann/.local/state/eventscope/sandboxes"),
                SandboxFiles.defaultDirectory(Map.of("XDG_STATE_HOME", "relative"), "/home/ann"));
    }
}
