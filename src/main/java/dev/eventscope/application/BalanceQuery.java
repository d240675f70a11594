package dev.eventscope.application;

import dev.eventscope.codec.DecodedEvent;
import dev.eventscope.codec.EventCodec;
import dev.eventscope.domain.ledger.AccountEvent.PostingRecorded;
import dev.eventscope.domain.ledger.LedgerStreams;
import dev.eventscope.eventstore.EventCursor;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.RecordedEvent;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every account's balance per commodity by a full replay of the ledger: the reference answer the
 * faster engines are checked against. Counts postings dated on or before {@code asOf} (null: any
 * date) among the events up to global position {@code atPosition} (0 or less: all). Balances that
 * come to zero are left out.
 */
public final class BalanceQuery {

    private static final String POSTING_RECORDED = PostingRecorded.class.getSimpleName();

    private final EventStore store;
    private final EventCodec codec;

    public BalanceQuery(EventStore store, EventCodec codec) {
        this.store = store;
        this.codec = codec;
    }

    /** account name → commodity → amount, both sorted. */
    public Map<String, Map<String, BigDecimal>> balances(LocalDate asOf, long atPosition) {
        Map<String, Map<String, BigDecimal>> balances = new TreeMap<>();
        try (EventCursor cursor = store.readAll(0)) {
            while (cursor.hasNext()) {
                RecordedEvent recorded = cursor.next();
                if (atPosition > 0 && recorded.position() > atPosition) {
                    break;
                }
                if (!recorded.type().equals(POSTING_RECORDED)
                        || !recorded.streamId().value().startsWith(LedgerStreams.ACCOUNT_PREFIX)) {
                    continue;
                }
                DecodedEvent decoded = codec.decode(recorded);
                if (!(decoded.value().orElse(null) instanceof PostingRecorded posting)) {
                    throw new UnreadableHistory("The posting at position " + recorded.position() + " cannot be read: "
                            + decoded.problem().orElse("unknown reason"));
                }
                if (asOf != null && posting.date().isAfter(asOf)) {
                    continue;
                }
                String account = recorded.streamId().value().substring(LedgerStreams.ACCOUNT_PREFIX.length());
                balances.computeIfAbsent(account, a -> new TreeMap<>())
                        .merge(posting.amount().commodity(), posting.amount().amount(), BigDecimal::add);
            }
        }
        balances.values().forEach(byCommodity -> byCommodity.values().removeIf(amount -> amount.signum() == 0));
        balances.values().removeIf(Map::isEmpty);
        balances.values().forEach(byCommodity -> byCommodity.replaceAll((commodity, amount) -> plain(amount)));
        return balances;
    }

    /** The amount without trailing zeros and never in exponent form: 1000.00 → 1000, 12.50 → 12.5. */
    static BigDecimal plain(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
