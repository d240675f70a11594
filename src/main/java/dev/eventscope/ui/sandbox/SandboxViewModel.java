package dev.eventscope.ui.sandbox;

import dev.eventscope.ui.state.MoneyText;
import dev.eventscope.application.CommandDraft;
import dev.eventscope.domain.ledger.AccountName;
import dev.eventscope.domain.ledger.EntryCommand.PostEntry;
import dev.eventscope.domain.ledger.LedgerRuleViolation;
import dev.eventscope.domain.ledger.Money;
import dev.eventscope.domain.ledger.Posting;
import dev.eventscope.sandbox.AdjustedTimeline;
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
 * "Propose adjustments…": the user's sandbox of the open ledger (at its head), its proposals with their verdicts, and
 * the balances as posted beside as adjusted, each change with the proposals that cause it. Proposing a two-line entry
 * decides it in the sandbox; a refusal shows the rule's own sentence. Work runs on the {@link TaskExecutor}.
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

    private final LedgerSession session;
    /** One step of the timeline as adjusted: an account at the end of a date a proposal posts on, and the proposals that cause the change. */
    public record TimelineRow(String date, String account, String commodity, String asPosted, String asAdjusted, String change,
                              String changedBy, List<Integer> proposals) {
    }

    /** A sandbox with what the window shows of it, worked out off the UI thread. */
    private record Shown(Sandbox sandbox, Adjustments adjustments, AdjustedTimeline timeline) {
        static Shown of(Sandbox sandbox) {
            return new Shown(sandbox, sandbox.adjustments(null), sandbox.timeline());
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
    private Sandbox sandbox;

    public SandboxViewModel(LedgerSession session, SandboxFiles files, String user, TaskExecutor executor, Clock clock) {
        this.session = session;
        this.files = files;
        this.user = user;
        this.executor = executor;
        this.clock = clock;
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

    /** Where the sandbox stands on the real ledger, e.g. "Base: the head (position 12)". */
    public ReadOnlyStringProperty base() {
        return base.getReadOnlyProperty();
    }

    /** Opens (or starts, at the head) the user's sandbox of the ledger. */
    public void load() {
        executor.run(() -> {
            String ledgerId = Sandbox.ledgerId(session);
            SandboxContents contents = files.read(ledgerId, user)
                    .orElseGet(() -> new SandboxContents(ledgerId, user, SandboxBase.HEAD, List.of()));
            return Shown.of(Sandbox.open(session, contents));
        }, this::show, this::failed);
    }

    /**
     * Moves the sandbox to another point of the real ledger: "head", a position ("12") or a recorded time
     * ("2025-01-31T12:00:00Z"); its proposals are decided again there. Text that is none of these is refused in a sentence.
     */
    public void moveBase(String point) {
        Sandbox current = sandbox;
        String text = point == null ? "" : point.strip();
        SandboxBase wanted;
        try {
            wanted = text.equalsIgnoreCase("head") || text.isEmpty() ? SandboxBase.HEAD
                    : text.chars().allMatch(Character::isDigit) ? SandboxBase.atPosition(Long.parseLong(text))
                    : SandboxBase.atTime(java.time.Instant.parse(text));
        } catch (RuntimeException wrong) {
            message.set("The base \"" + text + "\" is not \"head\", a position such as 12 or a recorded time such as"
                    + " 2025-01-31T12:00:00Z.");
            return;
        }
        executor.run(() -> {
            if (current == null) {
                throw new SandboxProblem("The sandbox is still opening.");
            }
            Sandbox moved = current.movedTo(wanted);
            files.write(moved.contents());
            return Shown.of(moved);
        }, moved -> {
            show(moved);
            message.set("Moved to " + wanted.describe() + "; every proposal was decided again there.");
        }, this::failed);
    }

    /** Proposes {@code amount} from {@code credit} to {@code debit} on {@code date}, with a reason. */
    public void proposeEntry(LocalDate date, String description, String debit, String credit, String amount, String commodity,
                             String reason) {
        Sandbox current = sandbox;
        executor.run(() -> {
            if (current == null) {
                throw new SandboxProblem("The sandbox is still opening.");
            }
            Money money = new Money(new BigDecimal(amount.strip()), commodity.strip());
            List<Posting> postings = List.of(Posting.of(AccountName.of(debit.strip()), money),
                    Posting.of(AccountName.of(credit.strip()), money.negate()));
            CommandDraft draft = newIds -> PostEntry.simple(newIds.get(), date, description, postings);
            Sandbox proposed = current.propose(draft, reason, user, clock.instant());
            files.write(proposed.contents());
            return Shown.of(proposed);
        }, shown -> {
            show(shown);
            DecidedProposal last = shown.sandbox().decided().get(shown.sandbox().decided().size() - 1);
            message.set("Proposed " + last.proposal().number() + ": " + last.proposal().summary() + ".");
        }, this::failed);
    }

    /** Every line of the proposed entry: what it writes when accepted, else what it asked for; nothing for other commands. */
    static String linesOf(DecidedProposal decided) {
        if (!decided.postings().isEmpty()) {
            return decided.postings().stream().map(posting -> posting.account() + "  "
                    + MoneyText.of(posting.amount().amount(), posting.amount().commodity())).collect(Collectors.joining("\n"));
        }
        if (decided.proposal().command() instanceof PostEntry post) {
            return post.postings().stream().map(posting -> posting.account() + "  " + (posting.amount() == null ? ""
                    : MoneyText.of(posting.amount().amount(), posting.amount().commodity()))).collect(Collectors.joining("\n"));
        }
        return "";
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
        List<ProposalRow> rows = new ArrayList<>();
        for (DecidedProposal decided : opened.decided()) {
            rows.add(new ProposalRow(Integer.toString(decided.proposal().number()), decided.proposal().summary(), linesOf(decided),
                    decided.verdict(), decided.proposal().reason(), decided.proposal().proposedBy()));
        }
        proposals.setAll(rows);
        SandboxBase where = opened.contents().base();
        base.set("Base: " + where.describe() + (where.position() == null ? " (position " + opened.basePosition() + ")" : "")
                + ". Proposals are decided after it.");
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
        // income and expenses sum to minus the profit: a proposal that adds 300 EUR of expenses lowers profit by 300 EUR
        profit.set(adjustments.effectOnProfit().isEmpty() ? "The proposals do not change profit."
                : "Effect on profit: " + adjustments.effectOnProfit().entrySet().stream()
                .map(entry -> (entry.getValue().signum() > 0 ? "lower by " : "higher by ")
                        + MoneyText.of(entry.getValue().abs(), entry.getKey()))
                .collect(Collectors.joining(", ")) + ".");
    }
}
