package dev.eventscope.ui.sandbox;

import dev.eventscope.ui.state.MoneyText;
import dev.eventscope.domain.ledger.EntryCommand.PostEntry;
import dev.eventscope.domain.ledger.LedgerRuleViolation;
import dev.eventscope.sandbox.AdjustedStatement;
import dev.eventscope.sandbox.AdjustedTimeline;
import dev.eventscope.sandbox.ProposalJournal;
import dev.eventscope.statement.Interval;
import dev.eventscope.statement.ReportPeriod;
import dev.eventscope.statement.StatementClock;
import dev.eventscope.statement.StatementKind;
import dev.eventscope.statement.StatementRequest;
import dev.eventscope.ui.commands.CommandEnvironment;
import dev.eventscope.ui.commands.CommandRunner;
import dev.eventscope.ui.commands.LedgerLookups;
import dev.eventscope.sandbox.Adjustments;
import dev.eventscope.sandbox.DecidedProposal;
import dev.eventscope.sandbox.Sandbox;
import dev.eventscope.sandbox.SandboxBase;
import dev.eventscope.sandbox.SandboxContents;
import dev.eventscope.sandbox.SandboxFiles;
import dev.eventscope.sandbox.SandboxProblem;
import dev.eventscope.session.LedgerSession;
import dev.eventscope.ui.TaskExecutor;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * "Propose adjustments…": the user's sandbox of the open ledger (at the base its file holds, the head for a new one), its
 * proposals with their verdicts, and as posted beside as adjusted: the balances (as of an entry date if chosen), the
 * trial balance, a statement and the timeline, each change with the proposals that cause it. The real command forms
 * propose through {@link #proposing()}, so a refusal reads as it would for a real command. Work runs on the
 * {@link TaskExecutor}.
 */
public final class SandboxViewModel {

    /**
     * One line of the proposals table; {@code lines} are the entry's lines, one per line of text ("account  amount"):
     * the postings it writes when accepted (a reversal's too), else the postings it asked for.
     */
    public record ProposalRow(String number, String proposal, String lines, String status, String reason, String proposedBy) {
    }

    /** One account and commodity, as posted and as adjusted; {@code changedBy} is empty where nothing changed. */
    public record BalanceRow(String account, String commodity, String asPosted, String asAdjusted, String change, String changedBy) {
        public boolean changed() {
            return !changedBy.isEmpty();
        }
    }

    /** What the sandbox's file held when this window last read or wrote it; null when there was no file. */
    private volatile SandboxContents onDisk;
    private final LedgerSession session;
    /** One step of the timeline as adjusted: an account at the end of a date a proposal posts on, and the proposals that cause the change. */
    public record TimelineRow(String date, String account, String commodity, String asPosted, String asAdjusted, String change,
                              String changedBy, List<Integer> proposals) {
    }

    /** A sandbox with what the window shows of it, worked out off the UI thread. */
    private record Shown(Sandbox sandbox, Adjustments adjustments, AdjustedTimeline timeline, AdjustedStatement statement) {
    }

    /** What the window shows besides the proposals: postings dated on or before {@code asOf} (null: all), and which statement. */
    private record View(LocalDate asOf, StatementKind kind, ReportPeriod period) {
        Shown of(Sandbox sandbox) {
            return new Shown(sandbox, sandbox.adjustments(asOf), sandbox.timeline(), sandbox.statement(
                    new StatementRequest(kind, period, Interval.NONE, 0, StatementClock.ENTRY_DATE)));
        }
    }

    private final SandboxFiles files;
    private final String user;
    private final TaskExecutor executor;
    private final Clock clock;
    private final ObservableList<ProposalRow> proposals = FXCollections.observableArrayList();
    private final ObservableList<BalanceRow> balances = FXCollections.observableArrayList();
    private final ObservableList<TimelineRow> timeline = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper profit = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper base = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper trialBalance = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper statementTitle = new ReadOnlyStringWrapper("");
    private final ObservableList<StatementRow> statement = FXCollections.observableArrayList();
    private final javafx.beans.property.StringProperty reason = new javafx.beans.property.SimpleStringProperty("");
    /** Whether the sandbox has opened (its file read and decided): until then there is nothing to propose into. */
    private final javafx.beans.property.ReadOnlyBooleanWrapper opened = new javafx.beans.property.ReadOnlyBooleanWrapper(false);
    /** The reason as typed, for the proposing runner (which runs off the UI thread). */
    private volatile String reasonText = "";
    private volatile Sandbox sandbox;
    private volatile View view = new View(null, StatementKind.BALANCE_SHEET, ReportPeriod.all());
    private volatile Shown proposedJustNow;
    private LedgerFollowing following;

    public SandboxViewModel(LedgerSession session, SandboxFiles files, String user, TaskExecutor executor, Clock clock) {
        this.session = session;
        this.files = files;
        this.user = user;
        this.executor = executor;
        this.clock = clock;
        reason.addListener((observable, before, text) -> reasonText = text == null ? "" : text);
    }

    public ObservableList<ProposalRow> proposals() {
        return proposals;
    }

    public ObservableList<BalanceRow> balances() {
        return balances;
    }

    /** The timeline as posted beside as adjusted, by entry date; each row names the proposals that cause its change. */
    public ObservableList<TimelineRow> timeline() {
        return timeline;
    }

    /** The last refusal or problem, or what was just proposed. */
    public ReadOnlyStringProperty message() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty profit() {
        return profit.getReadOnlyProperty();
    }

    /** The trial balance's debit and credit totals as posted and as adjusted, per commodity. */
    public ReadOnlyStringProperty trialBalance() {
        return trialBalance.getReadOnlyProperty();
    }

    /** The statement shown, e.g. "Balance Sheet 2025-03-31", with the base it is drawn at. */
    public ReadOnlyStringProperty statementTitle() {
        return statementTitle.getReadOnlyProperty();
    }

    /** The chosen statement's lines as posted beside as adjusted. */
    public ObservableList<StatementRow> statement() {
        return statement;
    }

    /** Where the sandbox stands on the real ledger, e.g. "Base: the head (position 12)". */
    public ReadOnlyStringProperty base() {
        return base.getReadOnlyProperty();
    }

    /**
     * Whether the sandbox has opened: the window greys its reason, forms, base field and export until then (a proposal
     * made meanwhile could only be refused with "The sandbox is still opening.").
     */
    public javafx.beans.property.ReadOnlyBooleanProperty opened() {
        return opened.getReadOnlyProperty();
    }

    /** Opens (or starts, at the head) the user's sandbox of the ledger; from then on it follows the ledger's head. */
    public void load() {
        following = following == null ? new LedgerFollowing(session, executor, this::ledgerMoved) : following;
        executor.run(this::openedNow, this::show, this::failed);
    }

    /**
     * The ledger moved on to {@code head}. A sandbox at "the head" follows it: its proposals are decided again there and
     * the message says so (it kept saying "Base: the head (position 11)" and showed the books without the new entries
     * until Decide again was pressed: session 22, adversary). A base at a fixed position or time does not move.
     */
    private void ledgerMoved(long head) {
        Sandbox shown = sandbox;
        if (shown == null || shown.contents().base().position() != null || head <= shown.basePosition()) {
            return;
        }
        long before = shown.basePosition();
        String saidBefore = message.get();
        // the proposals shown, decided again at the new head (the file is not read: onDisk stays); anything shown since
        // (a proposal, Apply, Decide again, a move of the base) is newer: kept, and followed in turn if still behind
        executor.run(() -> view.of(Sandbox.open(session, shown.contents())), again -> {
            if (!following.closed() && sandbox != shown) {
                ledgerMoved(again.sandbox().basePosition());
            } else if (!following.closed() && again.sandbox().basePosition() > shown.basePosition()) {
                show(again);
                long refused = again.sandbox().decided().stream().filter(one -> one.status() == DecidedProposal.Status.REFUSED).count();
                // what was said meanwhile (Apply refused) stays said (session 23, adversary: the follow replaced it)
                message.set(SandboxText.saidMeanwhile(saidBefore, message.get()) + "The ledger moved on to position "
                        + again.sandbox().basePosition() + " since the sandbox was decided at position " + before
                        + "; every proposal was decided again at the head: "
                        + (refused == 0 ? "all still apply." : refused + " no longer apply; each says why."));
            }
        }, this::failed);
    }

    /** Stops following the ledger (the window closed). */
    public void close() {
        if (following != null) {
            following.close();
        }
    }

    /** The user's sandbox from its file (a new one at the head), decided against the ledger as it now is. */
    private Shown openedNow() {
        String ledgerId = Sandbox.ledgerId(session);
        java.util.Optional<SandboxContents> read = files.read(ledgerId, user);
        onDisk = read.orElse(null);
        SandboxContents contents = read.orElseGet(() -> new SandboxContents(ledgerId, user, SandboxBase.HEAD, List.of()));
        return view.of(Sandbox.open(session, contents));
    }

    /** Reads the ledger again (it may have moved on) and decides every proposal against it, saying so. */
    public void decideAgain() {
        executor.run(this::openedNow, shown -> {
            show(shown);
            long refused = shown.sandbox().decided().stream().filter(one -> one.status() == DecidedProposal.Status.REFUSED).count();
            message.set("Decided every proposal again at position " + shown.sandbox().basePosition() + ": "
                    + (refused == 0 ? "all still apply." : refused + " no longer apply; each says why."));
        }, this::failed);
    }

    /**
     * Moves the sandbox to another point of the real ledger: "head", a position ("12") or a recorded time
     * ("2025-01-31T12:00:00Z"); its proposals are decided again there. Text that is none of these is refused in a sentence.
     */
    public void moveBase(String point) {
        Sandbox current = sandbox;
        String text = point == null ? "" : point.strip();
        // a position as the app writes it ("#12", the history and the known-at bar) is a position too
        text = text.startsWith("#") ? text.substring(1).strip() : text;
        SandboxBase wanted;
        try {
            wanted = text.equalsIgnoreCase("head") || text.isEmpty() ? SandboxBase.HEAD
                    : text.chars().allMatch(Character::isDigit) ? SandboxBase.atPosition(Long.parseLong(text))
                    : SandboxBase.atTime(java.time.Instant.parse(text));
        } catch (RuntimeException wrong) {
            message.set("The base \"" + text + "\" is not \"head\", a position such as #12 or a recorded time such as"
                    + " 2025-01-31T12:00:00Z.");
            return;
        }
        executor.run(() -> {
            Sandbox moved = opened(current).movedTo(wanted);
            keep(moved.contents());
            return view.of(moved);
        }, moved -> {
            show(moved);
            message.set("Moved to " + wanted.describe() + "; every proposal was decided again there.");
        }, this::failed);
    }

    /**
     * The command runner the proposal forms (the real post, reverse, open-account and close-period forms) use here: it
     * decides their command in the sandbox, after the proposals already made, with the reason typed in {@link #reason()},
     * and keeps it in the sandbox file. A refusal throws the rule violation the real service throws, so the form shows it
     * beside the field it concerns exactly as it would for a real command. Call {@link #proposalMade()} when the form
     * says it is done.
     */
    public CommandRunner proposing() {
        return draft -> {
            Sandbox.Proposed proposed = opened(sandbox).proposed(draft, reasonText, user, clock.instant());
            keep(proposed.sandbox().contents());
            proposedJustNow = view.of(proposed.sandbox());
            return proposed.executed();
        };
    }

    /** Shows the sandbox with the proposal a form just made (on the UI thread), and clears the reason for the next one. */
    public void proposalMade() {
        Shown shown = proposedJustNow;
        if (shown == null) {
            return;
        }
        show(shown);
        DecidedProposal last = shown.sandbox().decided().get(shown.sandbox().decided().size() - 1);
        message.set("Proposed " + last.proposal().number() + ": " + last.summary() + " (" + last.verdict() + ").");
        reason.set("");
    }

    /**
     * Says that a form's proposal was not made, and why (the form shows the same beside the field it concerns); an entry
     * the sentence names that a proposal writes (a reversal's new entry) is named with its proposal, as it is not in the
     * books. The reason typed is kept for the corrected proposal.
     */
    public void proposalRefused(String why) {
        message.set(SandboxText.notProposed(why, proposals));
    }

    /** The environment the proposal forms run in: the ledger for completion, never read-only (only the sandbox file is written). */
    public CommandEnvironment formEnvironment() {
        return new CommandEnvironment(session, false, proposing(), new LedgerLookups(session), executor, clock);
    }

    /** Why the proposal is made; required. */
    public javafx.beans.property.StringProperty reason() {
        return reason;
    }

    /** Counts only postings dated on or before {@code date} (null: all) in the balances, trial balance and profit effect. */
    public void asOf(LocalDate date) {
        View wanted = new View(date, view.kind(), view.period());
        redraw(wanted, "Balances as of " + (date == null ? "every entry date" : date) + ".");
    }

    /** Shows {@code kind} as posted beside as adjusted over {@code period} (hledger's forms: 2025, 2025Q1, A..B; empty: all). */
    public void showStatement(StatementKind kind, String period) {
        ReportPeriod parsed;
        try {
            parsed = ReportPeriod.parse(period);
        } catch (IllegalArgumentException wrong) {
            message.set(wrong.getMessage());
            return;
        }
        redraw(new View(view.asOf(), kind, parsed), "");
    }

    private void redraw(View wanted, String done) {
        view = wanted;
        Sandbox current = sandbox;
        if (current == null) {
            return;
        }
        executor.run(() -> wanted.of(current), shown -> {
            show(shown);
            if (!done.isEmpty()) {
                message.set(done);
            }
        }, this::failed);
    }

    /** Writes the proposals as an hledger journal to {@code file} (replaced whole). */
    public void exportJournal(java.nio.file.Path file) {
        Sandbox current = sandbox;
        executor.run(() -> ProposalJournal.writeFile(opened(current), file),
                entries -> message.set("Wrote " + entries + " proposed entries to " + file + "."), this::failed);
    }

    /** Whether {@link #apply} can post to this ledger (not when it is open read-only). */
    public boolean canApply() {
        return !session.readOnly();
    }

    /**
     * Posts every accepted proposal to the real ledger in one atomic append by this user, decided against the ledger as
     * it now is; a refusal or conflict writes nothing and says why.
     */
    public void apply() {
        Sandbox current = sandbox;
        executor.run(() -> {
            Sandbox.Applied[] applied = new Sandbox.Applied[1];
            synchronized (this) { // the file is checked, the ledger appended to and the file marked under its lock
                onDisk = files.replaceAfter(onDisk, () -> (applied[0] = opened(current).apply(user, clock.instant())).sandbox().contents());
            }
            return java.util.Map.entry(view.of(applied[0].sandbox()), applied[0].executed().size());
        }, done -> {
            show(done.getKey());
            message.set("Applied " + done.getValue() + " proposals to the ledger as " + user + ".");
        }, problem -> {
            failed(problem);
            message.set(SandboxText.notApplied(message.get()));
        });
    }

    /**
     * Writes the sandbox's file only if it still holds what this window last read or wrote there, as the command line
     * does (session 16: a proposal made by {@code eventscope sandbox post} while this window was open was lost at the
     * window's next proposal); otherwise a sentence says another process changed it and nothing is kept.
     */
    private void keep(SandboxContents contents) {
        synchronized (this) {
            onDisk = files.replace(onDisk, contents);
        }
    }

    /** {@code current}, or a sentence when the window acts before the sandbox has opened. */
    private static Sandbox opened(Sandbox current) {
        if (current == null) {
            throw new SandboxProblem("The sandbox is still opening.");
        }
        return current;
    }

    private void failed(Throwable problem) {
        if (problem instanceof LedgerRuleViolation || problem instanceof SandboxProblem) {
            message.set(problem.getMessage());
        } else if (problem instanceof NumberFormatException) {
            message.set("The amount is not a number.");
        } else {
            message.set(problem.getMessage() == null ? problem.toString() : problem.getMessage());
        }
    }

    private void show(Shown shown) {
        Sandbox opened = shown.sandbox();
        sandbox = opened;
        this.opened.set(true);
        List<ProposalRow> rows = new ArrayList<>();
        for (DecidedProposal decided : opened.decided()) {
            rows.add(new ProposalRow(Integer.toString(decided.proposal().number()), decided.summary(), SandboxText.linesOf(decided),
                    decided.verdict(), decided.proposal().reason(), decided.proposal().proposedBy()));
        }
        proposals.setAll(rows);
        SandboxBase where = opened.contents().base();
        base.set("Base: " + where.describe() + (where.position() == null ? " (position " + opened.basePosition() + ")" : "")
                + "."); // "Proposals are decided after it." is said above the bar: with it the bar wrapped at 1280 px
        Adjustments adjustments = shown.adjustments();
        List<TimelineRow> steps = new ArrayList<>();
        for (AdjustedTimeline.Step step : shown.timeline().steps()) {
            steps.add(new TimelineRow(step.date().toString(), step.account(), step.commodity(), MoneyText.of(step.asPosted()),
                    MoneyText.of(step.asAdjusted()), MoneyText.of(step.change()),
                    step.causedBy().stream().map(number -> "#" + number).collect(Collectors.joining(", ")), step.causedBy()));
        }
        timeline.setAll(steps);
        List<BalanceRow> lines = new ArrayList<>();
        List<Adjustments.Difference> differences = adjustments.differences();
        java.util.SortedSet<List<String>> keys = new java.util.TreeSet<>(java.util.Comparator.comparing((List<String> key) -> key.get(0))
                .thenComparing(key -> key.get(1)));
        adjustments.asPosted().forEach((account, commodity, amount) -> keys.add(List.of(account, commodity)));
        adjustments.asAdjusted().forEach((account, commodity, amount) -> keys.add(List.of(account, commodity)));
        for (List<String> key : keys) {
            String account = key.get(0);
            String commodity = key.get(1);
            String causes = differences.stream().filter(one -> one.account().equals(account) && one.commodity().equals(commodity))
                    .flatMap(one -> one.causedBy().stream()).map(number -> "#" + number).collect(Collectors.joining(", "));
            BigDecimal posted = adjustments.asPosted().balance(account, commodity);
            BigDecimal adjusted = adjustments.asAdjusted().balance(account, commodity);
            lines.add(new BalanceRow(account, commodity, MoneyText.of(posted), MoneyText.of(adjusted),
                    causes.isEmpty() ? "" : MoneyText.of(adjusted.subtract(posted)), causes));
        }
        balances.setAll(lines);
        statement.setAll(StatementRow.of(shown.statement()));
        statementTitle.set(shown.statement().asAdjusted().columns().isEmpty() ? "No entries in that period."
                : shown.statement().asAdjusted().title() + ": as posted beside as adjusted");
        trialBalance.set("Trial balance" + (adjustments.asOf() == null ? "" : " as of " + adjustments.asOf()) + ": as posted "
                + SandboxText.totals(adjustments.asPosted()) + "; as adjusted " + SandboxText.totals(adjustments.asAdjusted()) + ".");
        // income and expenses sum to minus the profit: a proposal that adds 300 EUR of expenses lowers profit by 300 EUR
        profit.set(adjustments.effectOnProfit().isEmpty() ? "The proposals do not change profit."
                : "Effect on profit: " + adjustments.effectOnProfit().entrySet().stream()
                .map(entry -> (entry.getValue().signum() > 0 ? "lower by " : "higher by ")
                        + MoneyText.of(entry.getValue().abs(), entry.getKey()))
                .collect(Collectors.joining(", ")) + ".");
    }
}
