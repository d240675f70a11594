package dev.eventscope.sandbox;

import dev.eventscope.application.Aggregate;
import dev.eventscope.audit.ProposedAdjustment;
import dev.eventscope.application.BookkeepingCodec;
import dev.eventscope.application.CommandContext;
import dev.eventscope.application.CommandDraft;
import dev.eventscope.application.Executed;
import dev.eventscope.application.IdGenerator;
import dev.eventscope.application.LedgerCommandService;
import dev.eventscope.application.RecordedImports;
import dev.eventscope.codec.EventCodec;
import dev.eventscope.domain.ledger.AccountEvent;
import dev.eventscope.domain.ledger.AccountName;
import dev.eventscope.domain.ledger.AccountState;
import dev.eventscope.domain.ledger.AccountType;
import dev.eventscope.domain.ledger.Balances;
import dev.eventscope.domain.ledger.LedgerRuleViolation;
import dev.eventscope.domain.ledger.LedgerStreams;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.projection.PostingDates;
import dev.eventscope.session.LedgerSession;
import dev.eventscope.statement.AccountSections;
import dev.eventscope.statement.Column;
import dev.eventscope.statement.ColumnValuation;
import dev.eventscope.statement.StatementBuilder;
import dev.eventscope.statement.StatementClock;
import dev.eventscope.statement.StatementRequest;
import dev.eventscope.timetravel.FullReplay;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Proposed commands over the real ledger's events up to a base position, never written into the ledger until
 * {@link #apply}. Every proposal is decided by the same {@link LedgerCommandService} (and so the same deciders) as a
 * real command, run over an {@link OverlayEventStore}: the real events up to the base, read-only, with the earlier
 * proposals' events in memory after it. Opening a sandbox decides its proposals afresh against the base as it now
 * resolves, so when the ledger moved on (or the base was moved) a proposal that no longer applies says why.
 * Not thread-safe; the ledger session must stay open while the sandbox is used.
 */
public final class Sandbox {

    private static final EventCodec CODEC = BookkeepingCodec.create();

    private final LedgerSession ledger;
    private final SandboxContents contents;
    private final long basePosition;
    private final OverlayEventStore overlay;
    private final LedgerCommandService service;
    private final List<DecidedProposal> decided;

    private Sandbox(LedgerSession ledger, SandboxContents contents) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.contents = Objects.requireNonNull(contents, "contents");
        this.basePosition = contents.base().resolve(ledger);
        long baseMicros = basePosition == 0 ? 0 : ledger.readAt(basePosition).map(RecordedEvent::recordedAtMicros).orElse(0L);
        this.overlay = new OverlayEventStore(ledger, basePosition, baseMicros);
        this.service = new LedgerCommandService(overlay, CODEC, IdGenerator.random(), LedgerCommandService.Settings.defaults());
        List<DecidedProposal> decisions = new ArrayList<>();
        for (Proposal proposal : contents.proposals()) {
            decisions.add(decide(proposal));
        }
        this.decided = List.copyOf(decisions);
    }

    /** The sandbox {@code contents} over {@code ledger}, its proposals decided against the base as it now resolves. */
    public static Sandbox open(LedgerSession ledger, SandboxContents contents) {
        return new Sandbox(ledger, contents);
    }

    /** The ledger's id: its first event's id, which no copy or rename changes; an empty ledger has none to sandbox. */
    public static String ledgerId(LedgerSession ledger) {
        return ledger.readAt(1).map(RecordedEvent::eventId).orElseThrow(() -> new SandboxProblem(
                "The ledger " + ledger.fileName() + " has no events yet, so there is nothing to propose adjustments to."));
    }

    public SandboxContents contents() {
        return contents;
    }

    /** The real position the proposals are decided on. */
    public long basePosition() {
        return basePosition;
    }

    /** Every proposal with its decision, in the order proposed. */
    public List<DecidedProposal> decided() {
        return decided;
    }

    /**
     * Decides {@code draft} after the proposals already made and returns the sandbox with it added; the entry ids it
     * asks for are allocated in the sandbox. A refused command throws its {@link LedgerRuleViolation}, exactly as the
     * real command would, and nothing is kept.
     */
    public Sandbox propose(CommandDraft draft, String reason, String user, Instant now) {
        return proposed(draft, reason, user, now).sandbox();
    }

    /**
     * As {@link #propose}, also giving the command as the sandbox decided it (with its entry ids) and what it wrote in
     * the sandbox, as the real service reports a command it carried out. A blank reason is refused with a
     * {@link SandboxProblem} before anything is decided.
     */
    public Proposed proposed(CommandDraft draft, String reason, String user, Instant now) {
        if (reason == null || reason.isBlank()) {
            throw new SandboxProblem("A proposal needs a reason: the audit report lists each one with why it was proposed.");
        }
        // decided on a fresh overlay, so this sandbox's own decisions stay as they were
        Sandbox fresh = new Sandbox(ledger, contents);
        // an automatic id free at a past base may be taken later in the real ledger: skip those, so the proposal still
        // applies when the base moves to the head (and its id is what apply posts)
        CommandDraft freeAtHead = newIds -> draft.build(() -> {
            dev.eventscope.domain.ledger.EntryId id = newIds.get();
            while (ledger.streamVersion(StreamId.of(LedgerStreams.entry(id))) > 0) {
                id = newIds.get();
            }
            return id;
        });
        Executed executed = fresh.service.execute(freeAtHead, CommandContext.byUser(user));
        Proposal proposal = new Proposal(contents.nextNumber(), executed.command(), reason.strip(), user,
                now.truncatedTo(ChronoUnit.MICROS), null, null);
        return new Proposed(new Sandbox(ledger, contents.withProposal(proposal)), executed);
    }

    /** A proposal just made: the sandbox with it, and the command as decided there. */
    public record Proposed(Sandbox sandbox, Executed executed) {
    }

    /** The sandbox moved to another base; its proposals are decided again there. */
    public Sandbox movedTo(SandboxBase base) {
        return new Sandbox(ledger, contents.withBase(base));
    }

    /**
     * As posted beside as adjusted at the base, counting postings dated on or before {@code asOf} (null: all).
     * As adjusted is computed as the base's balances plus the fold of the accepted proposals' postings, and checked
     * against a full replay of the overlay; a disagreement is a defect and throws {@link IllegalStateException}.
     */
    public Adjustments adjustments(LocalDate asOf) {
        FullReplay replay = new FullReplay(overlay, CODEC);
        Balances asPosted = asOf == null ? replay.balances(basePosition) : replay.balances(basePosition, asOf);
        Balances.Fold adjusted = asPosted.toFold();
        for (DecidedProposal proposal : decided) {
            if (proposal.accepted()) {
                adjusted.addAll(proposal.effect(asOf));
            }
        }
        Balances asAdjusted = adjusted.balances();
        Balances replayed = asOf == null ? replay.balances(Long.MAX_VALUE) : replay.balances(Long.MAX_VALUE, asOf);
        if (!replayed.equals(asAdjusted)) {
            throw new IllegalStateException("The sandbox's adjusted balances " + asAdjusted
                    + " differ from a full replay of its events " + replayed + ".");
        }
        return new Adjustments(basePosition, asOf, asPosted, asAdjusted, decided, this::typeOf);
    }

    /**
     * The statement {@code request} asks for, as posted beside as adjusted ({@link AdjustedStatement}), over the same
     * columns (an open period runs from the first to the last entry date of the base and the proposals). Read on the
     * entry-date clock: the base already fixes what was recorded, so a request on the recorded clock is refused with a
     * {@link SandboxProblem}. As adjusted is each column's balances as posted plus the accepted proposals' postings
     * dated by then, checked against a full replay of the overlay as {@link #adjustments} is.
     */
    public AdjustedStatement statement(StatementRequest request) {
        if (request.clock() != StatementClock.ENTRY_DATE) {
            throw new SandboxProblem("A sandbox's statements are read by entry date: its base already says what was recorded,"
                    + " so leave out the recorded clock.");
        }
        FullReplay replay = new FullReplay(overlay, CODEC);
        PostingDates dates = replay.postingDates(Long.MAX_VALUE).orElse(null);
        List<Column> columns = request.period().columns(request.interval(), dates == null ? null : dates.first(),
                dates == null ? null : dates.last());
        java.util.SortedSet<LocalDate> asked = StatementBuilder.datesAsked(request.kind(), columns);
        java.util.SortedMap<LocalDate, Balances> posted = replay.balancesAsOf(basePosition, asked);
        java.util.SortedMap<LocalDate, Balances> adjusted = new java.util.TreeMap<>();
        posted.forEach((date, balances) -> {
            Balances.Fold fold = balances.toFold();
            decided.stream().filter(DecidedProposal::accepted).forEach(proposal -> fold.addAll(proposal.effect(date)));
            adjusted.put(date, fold.balances());
        });
        if (!adjusted.equals(replay.balancesAsOf(Long.MAX_VALUE, asked))) {
            throw new IllegalStateException("The sandbox's adjusted balances for the statement differ from a full replay of its events.");
        }
        // sections as the ledger's own statements choose them: by the imported journals' declared types, if any
        StatementBuilder builder = new StatementBuilder(AccountSections.of(RecordedImports.declaredAccountTypes(overlay), this::typeOf),
                ColumnValuation.NONE).withStyles(RecordedImports.commodityStyles(overlay, Long.MAX_VALUE));
        return AdjustedStatement.of(builder.build(request.kind(), columns, request.depth(), posted::get),
                builder.build(request.kind(), columns, request.depth(), adjusted::get), decided, this::typeOf);
    }

    /**
     * The timeline as posted beside as adjusted ({@link AdjustedTimeline}): on each date an accepted proposal posts on,
     * each account it posts to, as of that date. As posted is read from the touched accounts' own streams up to the
     * base (no full replay); as adjusted adds the accepted proposals' postings dated on or before that date.
     */
    public AdjustedTimeline timeline() {
        java.util.SortedMap<LocalDate, java.util.SortedSet<String>> touched = new java.util.TreeMap<>();
        for (DecidedProposal proposal : decided) {
            if (proposal.accepted()) {
                for (DecidedProposal.DatedPosting posting : proposal.postings()) {
                    touched.computeIfAbsent(posting.date(), date -> new java.util.TreeSet<>()).add(posting.account());
                }
            }
        }
        java.util.Map<String, List<DecidedProposal.DatedPosting>> posted = new java.util.HashMap<>();
        List<AdjustedTimeline.Step> steps = new ArrayList<>();
        touched.forEach((date, accounts) -> {
            for (String account : accounts) {
                Balances.Fold before = Balances.fold();
                for (DecidedProposal.DatedPosting line : posted.computeIfAbsent(account, this::postedTo)) {
                    if (!line.date().isAfter(date)) {
                        before.add(account, line.amount());
                    }
                }
                Balances.Fold after = before.balances().toFold();
                java.util.Map<String, java.util.SortedSet<Integer>> causes = new java.util.TreeMap<>();
                for (DecidedProposal proposal : decided) {
                    if (proposal.accepted()) {
                        for (DecidedProposal.DatedPosting line : proposal.postings()) {
                            if (line.account().equals(account) && !line.date().isAfter(date)) {
                                after.add(account, line.amount());
                                causes.computeIfAbsent(line.amount().commodity(), commodity -> new java.util.TreeSet<>())
                                        .add(proposal.proposal().number());
                            }
                        }
                    }
                }
                Balances asPosted = before.balances();
                Balances asAdjusted = after.balances();
                causes.forEach((commodity, numbers) -> steps.add(new AdjustedTimeline.Step(date, account, commodity,
                        asPosted.balance(account, commodity), asAdjusted.balance(account, commodity), List.copyOf(numbers))));
            }
        });
        return new AdjustedTimeline(steps);
    }

    /** The postings of the real ledger to {@code account} up to the base, read from the account's own stream. */
    private List<DecidedProposal.DatedPosting> postedTo(String account) {
        List<DecidedProposal.DatedPosting> lines = new ArrayList<>();
        StreamId stream = StreamId.of(LedgerStreams.ACCOUNT_PREFIX + account);
        long next = 1;
        while (true) {
            List<RecordedEvent> page = overlay.readStream(stream, next, dev.eventscope.eventstore.Direction.FORWARD, 1_000);
            for (RecordedEvent event : page) {
                next = event.version() + 1;
                if (event.position() <= basePosition
                        && CODEC.decode(event).value().orElse(null) instanceof AccountEvent.PostingRecorded posting) {
                    lines.add(new DecidedProposal.DatedPosting(account, posting.date(), posting.amount()));
                }
            }
            if (page.isEmpty() || page.get(page.size() - 1).position() > basePosition) {
                return lines;
            }
        }
    }

    /**
     * The proposals as the audit report's "Proposed adjustments" section lists them: each entry, its reason, who proposed
     * it when, accepted (or why not, or applied), and its effect on the balances and on income + expenses.
     */
    public List<ProposedAdjustment> reportSection() {
        Adjustments adjustments = adjustments(null);
        List<ProposedAdjustment> section = new ArrayList<>();
        for (DecidedProposal decided : this.decided) {
            Proposal proposal = decided.proposal();
            List<String> effects = new ArrayList<>();
            decided.effect(null).forEach((account, commodity, amount) ->
                    effects.add(account + " " + amount.toPlainString() + (commodity.isEmpty() ? "" : " " + commodity)));
            adjustments.effectOnProfit(decided).forEach((commodity, amount) ->
                    effects.add("income + expenses " + amount.toPlainString() + (commodity.isEmpty() ? "" : " " + commodity)));
            section.add(new ProposedAdjustment(proposal.number(), decided.summary(), proposal.reason(), proposal.proposedBy(),
                    proposal.proposedAt(), decided.verdict(), effects.isEmpty() ? "none" : String.join("; ", effects)));
        }
        return section;
    }

    /** The account's type as it was opened (in the ledger or a proposal), else as its name gives it. */
    private AccountType typeOf(String account) {
        AccountState state = service.repository().load(Aggregate.ACCOUNT, StreamId.of(LedgerStreams.ACCOUNT_PREFIX + account)).state();
        return state.type() != null ? state.type() : AccountType.of(AccountName.of(account));
    }

    /**
     * Posts every accepted, not yet applied proposal to the real ledger in ONE atomic append by {@code user}, decided
     * by the real command service against the ledger as it now is (with its expected-version checks), and returns
     * the sandbox with them marked applied. A rule violation or conflict propagates and nothing is written.
     */
    public Applied apply(String user, Instant now) {
        List<DecidedProposal> accepted = decided.stream().filter(DecidedProposal::accepted).toList();
        if (accepted.isEmpty()) {
            throw new SandboxProblem("The sandbox has no accepted proposals to apply.");
        }
        List<CommandDraft> drafts = accepted.stream().map(one -> CommandDraft.of(one.proposal().command())).toList();
        List<Executed> executed = ledger.commands().executeTogether(drafts, CommandContext.byUser(user));
        List<Proposal> marked = new ArrayList<>();
        for (Proposal proposal : contents.proposals()) {
            boolean applies = accepted.stream().anyMatch(one -> one.proposal().number() == proposal.number());
            marked.add(applies ? proposal.appliedBy(user, now.truncatedTo(ChronoUnit.MICROS)) : proposal);
        }
        return new Applied(new Sandbox(ledger, contents.withProposals(marked)), executed);
    }

    /** What {@link #apply} did: the sandbox afterwards, and the commands as the real ledger recorded them. */
    public record Applied(Sandbox sandbox, List<Executed> executed) {
    }

    private DecidedProposal decide(Proposal proposal) {
        // read before the proposal is decided: the entry as the base and the earlier proposals hold it
        Optional<String> reversed = reversedEntry(proposal);
        if (proposal.applied()) {
            return new DecidedProposal(proposal, DecidedProposal.Status.APPLIED, Optional.empty(), List.of(), List.of(), reversed);
        }
        long before = overlay.lastPosition();
        try {
            service.execute(CommandDraft.of(proposal.command()), CommandContext.byUser(proposal.proposedBy()));
        } catch (LedgerRuleViolation refused) {
            return new DecidedProposal(proposal, DecidedProposal.Status.REFUSED, Optional.of(refused.getMessage()),
                    List.of(), List.of(), reversed);
        }
        List<RecordedEvent> events = overlay.proposedEvents().subList((int) (before - basePosition), (int) (overlay.lastPosition() - basePosition));
        List<DecidedProposal.DatedPosting> postings = new ArrayList<>();
        for (RecordedEvent event : events) {
            if (event.streamId().value().startsWith(LedgerStreams.ACCOUNT_PREFIX)
                    && CODEC.decode(event).value().orElse(null) instanceof AccountEvent.PostingRecorded posting) {
                postings.add(new DecidedProposal.DatedPosting(
                        event.streamId().value().substring(LedgerStreams.ACCOUNT_PREFIX.length()), posting.date(), posting.amount()));
            }
        }
        return new DecidedProposal(proposal, DecidedProposal.Status.ACCEPTED, Optional.empty(), events, postings, reversed);
    }

    /**
     * The entry a reversal reverses, by its date and description, as the overlay (the base and the earlier proposals)
     * holds it; empty for another command or an entry it does not hold (the reversal is then refused, saying why).
     */
    private Optional<String> reversedEntry(Proposal proposal) {
        if (!(proposal.command() instanceof dev.eventscope.domain.ledger.EntryCommand.ReverseEntry reverse)) {
            return Optional.empty();
        }
        StreamId stream = StreamId.of(LedgerStreams.entry(reverse.originalEntryId()));
        for (RecordedEvent event : overlay.readStream(stream, 1, dev.eventscope.eventstore.Direction.FORWARD, 1)) {
            if (CODEC.decode(event).value().orElse(null) instanceof dev.eventscope.domain.ledger.EntryEvent.EntryPosted posted) {
                return Optional.of(Proposal.reversedEntry(posted.date(), posted.description()));
            }
        }
        return Optional.empty();
    }
}
