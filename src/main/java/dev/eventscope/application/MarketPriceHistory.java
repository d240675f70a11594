package dev.eventscope.application;

import dev.eventscope.codec.EventCodec;
import dev.eventscope.domain.ledger.MarketPrices;
import dev.eventscope.domain.ledger.PriceEvent.PriceRecorded;
import dev.eventscope.eventstore.EventCursor;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.RecordedEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the {@code prices} stream into {@link MarketPrices}, in the order recorded. Throws {@link UnreadableHistory}
 * when a price event cannot be decoded (a valuation never leaves a price out silently).
 */
public final class MarketPriceHistory {

    private MarketPriceHistory() {
    }

    /** Every recorded price. */
    public static MarketPrices read(EventStore store, EventCodec codec) {
        return readThrough(store, codec, Long.MAX_VALUE);
    }

    /** The prices recorded at or before {@code position} (what the ledger knew then). */
    public static MarketPrices readThrough(EventStore store, EventCodec codec, long position) {
        List<PriceRecorded> prices = new ArrayList<>();
        try (EventCursor cursor = store.readAll(0, Set.of("prices"))) {
            while (cursor.hasNext()) {
                RecordedEvent recorded = cursor.next();
                if (recorded.position() > position) {
                    break;
                }
                Object event = codec.decode(recorded).value().orElseThrow(() -> new UnreadableHistory(
                        "the price event at position " + recorded.position() + " cannot be read"));
                if (event instanceof PriceRecorded price) {
                    prices.add(price);
                }
            }
        }
        return new MarketPrices(prices);
    }
}
