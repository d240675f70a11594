package dev.eventscope.timetravel;

import dev.eventscope.codec.EventCodec;
import dev.eventscope.domain.ledger.LedgerEvent;
import dev.eventscope.domain.ledger.LedgerStreams;
import dev.eventscope.eventstore.Direction;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.projection.RegisterLine;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What changed the figures of a period after they were known: the postings dated on or before the period's end
 * recorded after a knowledge point (by default the first {@code PeriodClosed} that closed the period), read from the
 * register with who, when and by which command, and the balances as known then against as known now. Only reads;
 * throws {@link TimeTravelException} when no knowledge point is given and the period was never closed.
 */
public final class Restatements {

    private static final int PAGE = 500;

    private final EventStore store;
    private final EventCodec codec;
    private final LedgerAtPoint ledger;

    public Restatements(EventStore store, EventCodec codec, LedgerAtPoint ledger) {
        this.store = store;
        this.codec = codec;
        this.ledger = ledger;
    }

    /** The restatements of the period ending {@code periodEnd} after {@code knownAt} (empty: after the period was closed). */
    public Restatement of(LocalDate periodEnd, Optional<Point> knownAt) {
        long position;
        String basis;
        if (knownAt.isPresent()) {
            position = ledger.positionOf(knownAt.get());
            basis = "the knowledge point " + knownAt.get();
        } else {
            RecordedEvent closing = firstClosing(periodEnd).orElseThrow(() -> new TimeTravelException("The period ending "
                    + periodEnd + " was never closed, so there is no closing to count changes from; give a knowledge point"
                    + " (--known-at POINT)."));
            position = closing.position();
            basis = "the period was closed (PeriodClosed at #" + closing.position() + " by " + closing.metadata().user() + ")";
        }
        ledger.ensureRegister(store.lastPosition());
        List<RegisterLine> lines = new ArrayList<>();
        ledger.queries().registerRecordedAfter(position, periodEnd, lines::add);
        Optional<Instant> recordedAt = position == 0 ? Optional.empty() : store.readAt(position).map(RecordedEvent::recordedAt);
        List<BalanceChange> effect = BalanceChange.between(
                ledger.ledgerBalancesAt(new Point.AsKnownAt(periodEnd, new Point.AtPosition(position))).balances(),
                ledger.ledgerBalancesAt(new Point.AsOfDate(periodEnd)).balances());
        return new Restatement(periodEnd, position, recordedAt, basis, lines, effect);
    }

    /** The first {@code PeriodClosed} of the ledger stream that closed a date on or after the period's end. */
    private Optional<RecordedEvent> firstClosing(LocalDate periodEnd) {
        StreamId stream = StreamId.of(LedgerStreams.LEDGER);
        long next = 1;
        while (true) {
            List<RecordedEvent> page = store.readStream(stream, next, Direction.FORWARD, PAGE);
            for (RecordedEvent recorded : page) {
                next = recorded.version() + 1;
                if (codec.decode(recorded).value().orElse(null) instanceof LedgerEvent.PeriodClosed closed
                        && !closed.throughDate().isBefore(periodEnd)) {
                    return Optional.of(recorded);
                }
            }
            if (page.size() < PAGE) {
                return Optional.empty();
            }
        }
    }
}
