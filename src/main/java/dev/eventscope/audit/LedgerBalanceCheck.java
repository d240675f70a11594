package dev.eventscope.audit;

import dev.eventscope.codec.EventCodec;
import dev.eventscope.domain.ledger.AccountEvent.PostingRecorded;
import dev.eventscope.domain.ledger.BalancingRule;
import dev.eventscope.domain.ledger.EntryEvent.EntryPosted;
import dev.eventscope.domain.ledger.EntryId;
import dev.eventscope.domain.ledger.PostingKind;
import dev.eventscope.eventstore.ChainObserver;
import dev.eventscope.eventstore.RecordedEvent;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The trial balance over the verified events: every entry's real postings must sum to zero per commodity at cost
 * (its amounts after prices), judged by the domain's {@link BalancingRule} at the display precision the entry was
 * balanced at, as {@code hledger --real} judges them. Virtual postings are counted, and left out, as
 * {@code --real} leaves them out. An entry's postings follow its {@code EntryPosted} event in the same append; a
 * posting met without its entry (a verification that starts in the middle) must sum to exactly zero with the
 * others like it. A posting that cannot be read is counted, never skipped in silence.
 */
final class LedgerBalanceCheck implements ChainObserver {

    private static final String POSTING_TYPE = "PostingRecorded";
    private static final String ENTRY_TYPE = "EntryPosted";

    private final EventCodec codec;
    private final TreeMap<String, BigDecimal> imbalances = new TreeMap<>();
    private final Map<String, BigDecimal> withoutEntry = new LinkedHashMap<>();
    private final Map<String, BigDecimal> entrySums = new LinkedHashMap<>();
    private EntryId entryId;
    private Map<String, Integer> entryPrecision = Map.of();
    private long postings;
    private long virtualPostings;
    private long unreadable;
    private long firstUnreadablePosition;

    LedgerBalanceCheck(EventCodec codec) {
        this.codec = codec;
    }

    @Override
    public void verified(RecordedEvent event) {
        if (ENTRY_TYPE.equals(event.type())) {
            if (codec.decodeValue(event).value().orElse(null) instanceof EntryPosted posted) {
                closeEntry();
                entryId = posted.entryId();
                entryPrecision = posted.displayPrecision();
            }
            return;
        }
        if (!POSTING_TYPE.equals(event.type())) {
            return;
        }
        if (codec.decodeValue(event).value().orElse(null) instanceof PostingRecorded posting) {
            postings++;
            if (posting.kind() != PostingKind.REAL) {
                virtualPostings++;
                return;
            }
            Map<String, BigDecimal> sums = posting.entryId().equals(entryId) ? entrySums : withoutEntry;
            sums.merge(posting.cost().commodity(), posting.cost().amount(), BigDecimal::add);
        } else {
            if (unreadable++ == 0) {
                firstUnreadablePosition = event.position();
            }
        }
    }

    private void closeEntry() {
        BalancingRule.imbalances(entrySums, entryPrecision)
                .forEach((commodity, sum) -> imbalances.merge(commodity, sum, BigDecimal::add));
        entrySums.clear();
        entryId = null;
        entryPrecision = Map.of();
    }

    LedgerBalance result() {
        closeEntry();
        Map<String, BigDecimal> total = new TreeMap<>(imbalances);
        withoutEntry.forEach((commodity, sum) -> total.merge(commodity, sum, BigDecimal::add));
        total.values().removeIf(sum -> sum.signum() == 0);
        return new LedgerBalance(postings, total, unreadable, firstUnreadablePosition, virtualPostings);
    }
}
