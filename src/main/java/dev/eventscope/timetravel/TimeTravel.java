package dev.eventscope.timetravel;

import dev.eventscope.application.AggregateRepository;
import dev.eventscope.codec.EventCodec;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.projection.Projections;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Answers "what was the state here?" for any point; only answers, never writes. The parts, each
 * usable alone: {@link AggregateHistory} (one aggregate, through the one aggregate loader),
 * {@link LedgerAtPoint} (the whole ledger, from the balances projection's checkpoints and register),
 * {@link Differences} (diffs and "why") and {@link Restatements} (what changed a period after it was known).
 * Every answer equals {@link FullReplay}'s. Safe to call from any thread (the UI calls it off the FX thread); throws {@link TimeTravelException} for a question that has no answer.
 */
public final class TimeTravel {

    private final LedgerAtPoint ledger;
    private final AggregateHistory history;
    private final Differences differences;
    private final Restatements restatements;

    public TimeTravel(EventStore store, EventCodec codec, Projections projections) {
        this.ledger = new LedgerAtPoint(store, projections);
        this.history = new AggregateHistory(store, new AggregateRepository(store, codec), ledger);
        this.differences = new Differences(codec, ledger, history);
        this.restatements = new Restatements(store, codec, ledger);
    }

    public LedgerAtPoint ledger() {
        return ledger;
    }

    public AggregateHistory history() {
        return history;
    }

    public Differences differences() {
        return differences;
    }

    /** See {@link LedgerAtPoint#positionOf}. */
    public long positionOf(Point point) {
        return ledger.positionOf(point);
    }

    /** See {@link AggregateHistory#stateOf}. */
    public AggregateStateAt stateOf(StreamId stream, Point point) {
        return history.stateOf(stream, point);
    }

    /** See {@link LedgerAtPoint#accountAt}. */
    public SortedMap<String, BigDecimal> accountAt(String account, Point point) {
        return ledger.accountAt(account, point);
    }

    /** See {@link LedgerAtPoint#ledgerBalancesAt}. */
    public LedgerBalances ledgerBalancesAt(Point point) {
        return ledger.ledgerBalancesAt(point);
    }

    /** See {@link LedgerAtPoint#trialBalanceAt}. */
    public TrialBalance trialBalanceAt(Point point) {
        return ledger.trialBalanceAt(point);
    }

    /** See {@link Differences#diff(Point, Point)}. */
    public List<BalanceChange> diff(Point from, Point to) {
        return differences.diff(from, to);
    }

    /** See {@link Differences#diff(StreamId, Point, Point)}. */
    public List<FieldChange> diff(StreamId stream, Point from, Point to) {
        return differences.diff(stream, from, to);
    }

    /** See {@link Restatements#of}. */
    public Restatement restatements(LocalDate periodEnd, Optional<Point> knownAt) {
        return restatements.of(periodEnd, knownAt);
    }

    /** See {@link Differences#why}. */
    public Explanation why(String account, String commodity, Point point) {
        return differences.why(account, commodity, point);
    }
}
