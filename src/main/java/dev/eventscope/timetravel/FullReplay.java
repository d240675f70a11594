package dev.eventscope.timetravel;

import dev.eventscope.codec.DecodedEvent;
import dev.eventscope.codec.EventCodec;
import dev.eventscope.domain.ledger.AccountEvent;
import dev.eventscope.domain.ledger.LedgerStreams;
import dev.eventscope.eventstore.Direction;
import dev.eventscope.eventstore.EventCursor;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.StreamId;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The slow, obviously right answers that the fast paths must equal: every balance folded from
 * position 1, every aggregate folded from its first event, with no snapshot or checkpoint. Used by
 * the tests and as the reference an auditor can ask for.
 */
public final class FullReplay {

    private static final String POSTING_RECORDED = AccountEvent.PostingRecorded.class.getSimpleName();

    private final EventStore store;
    private final EventCodec codec;

    public FullReplay(EventStore store, EventCodec codec) {
        this.store = store;
        this.codec = codec;
    }

    /**
     * Balances after the event at {@code position} ({@link Long#MAX_VALUE}: the whole ledger), counting
     * only postings dated on or before {@code asOf} (null: all); zero balances left out, amounts without
     * trailing zeros. A posting that cannot be read stops the replay with a {@link TimeTravelException}
     * naming its position: a balance is never given without it.
     */
    public SortedMap<String, SortedMap<String, BigDecimal>> balances(long position, LocalDate asOf) {
        SortedMap<String, SortedMap<String, BigDecimal>> balances = new TreeMap<>();
        try (EventCursor cursor = store.readAll(0)) {
            while (cursor.hasNext()) {
                RecordedEvent recorded = cursor.next();
                if (recorded.position() > position) {
                    break;
                }
                if (!recorded.type().equals(POSTING_RECORDED)
                        || !recorded.streamId().value().startsWith(LedgerStreams.ACCOUNT_PREFIX)) {
                    continue;
                }
                DecodedEvent decoded = codec.decode(recorded);
                if (!(decoded.value().orElse(null) instanceof AccountEvent.PostingRecorded posting)) {
                    throw new TimeTravelException("The posting at position " + recorded.position() + " cannot be read: "
                            + decoded.problem().orElse("unknown reason"));
                }
                if (asOf == null || !posting.date().isAfter(asOf)) {
                    String account = recorded.streamId().value().substring(LedgerStreams.ACCOUNT_PREFIX.length());
                    balances.computeIfAbsent(account, name -> new TreeMap<>())
                            .merge(posting.amount().commodity(), posting.amount().amount(), BigDecimal::add);
                }
            }
        }
        return Balances.withoutZeros(balances);
    }

    /**
     * An aggregate's state as of an entry date: every event of its stream folded from the first,
     * leaving out postings, entries and reversals dated after {@code asOf}.
     */
    public Object stateAsOf(StreamId stream, LocalDate asOf) {
        AggregateKind kind = AggregateKind.of(stream);
        Object state = kind.decider().initialState();
        long next = 1;
        while (true) {
            List<RecordedEvent> page = store.readStream(stream, next, Direction.FORWARD, 1_000);
            for (RecordedEvent recorded : page) {
                Object event = TimeTravel.typed(codec, kind, recorded);
                next = recorded.version() + 1;
                if (!TimeTravel.datedAfter(event, asOf)) {
                    state = kind.decider().evolve(state, event);
                }
            }
            if (page.size() < 1_000) {
                return state;
            }
        }
    }

    /** An aggregate's state after its event at {@code version}, folded from its first event. */
    public Object state(StreamId stream, long version) {
        AggregateKind kind = AggregateKind.of(stream);
        Object state = kind.decider().initialState();
        long current = 0;
        while (current < version) {
            List<RecordedEvent> page = store.readStream(stream, current + 1, Direction.FORWARD,
                    (int) Math.min(1_000, version - current));
            for (RecordedEvent recorded : page) {
                state = kind.decider().evolve(state, TimeTravel.typed(codec, kind, recorded));
                current = recorded.version();
            }
            if (page.isEmpty()) {
                break;
            }
        }
        return state;
    }
}
