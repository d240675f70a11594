package dev.eventscope.audit;

import dev.eventscope.codec.EventCodec;
import dev.eventscope.domain.ledger.AccountEvent.PostingRecorded;
import dev.eventscope.eventstore.ChainObserver;
import dev.eventscope.eventstore.RecordedEvent;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sums every posting's cost (its amount after prices) per commodity over the verified events.
 * Every entry balances, so in books nobody edited each sum is exactly zero; a posting that cannot
 * be read is counted, never skipped in silence.
 */
final class LedgerBalanceCheck implements ChainObserver {

    private static final String POSTING_TYPE = "PostingRecorded";

    private final EventCodec codec;
    private final TreeMap<String, BigDecimal> sums = new TreeMap<>();
    private long postings;
    private long unreadable;
    private long firstUnreadablePosition;

    LedgerBalanceCheck(EventCodec codec) {
        this.codec = codec;
    }

    @Override
    public void verified(RecordedEvent event) {
        if (!POSTING_TYPE.equals(event.type())) {
            return;
        }
        if (codec.decodeValue(event).value().orElse(null) instanceof PostingRecorded posting) {
            postings++;
            sums.merge(posting.cost().commodity(), posting.cost().amount(), BigDecimal::add);
        } else {
            if (unreadable++ == 0) {
                firstUnreadablePosition = event.position();
            }
        }
    }

    LedgerBalance result() {
        Map<String, BigDecimal> imbalances = new TreeMap<>();
        sums.forEach((commodity, sum) -> {
            if (sum.signum() != 0) {
                imbalances.put(commodity, sum);
            }
        });
        return new LedgerBalance(postings, imbalances, unreadable, firstUnreadablePosition);
    }
}
