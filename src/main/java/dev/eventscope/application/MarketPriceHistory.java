package dev.eventscope.application;

import dev.eventscope.codec.EventCodec;
import dev.eventscope.domain.ledger.MarketPrices;
import dev.eventscope.domain.ledger.PriceEvent.PriceRecorded;
import dev.eventscope.domain.ledger.LedgerStreams;
import dev.eventscope.eventstore.Direction;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.StreamId;

import java.util.ArrayList;
import java.util.List;

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

    /**
     * The prices recorded at or before {@code position} (what the ledger knew then). Reads the {@code prices} stream
     * by its versions (its index), never the whole ledger: the state panel asks this on every whole-ledger slider
     * move, and a category scan of the events took a second per move on 1,000,000 events (docs/benchmarks-ui.md).
     */
    public static MarketPrices readThrough(EventStore store, EventCodec codec, long position) {
        List<PriceRecorded> prices = new ArrayList<>();
        StreamId stream = StreamId.of(LedgerStreams.PRICES);
        long next = 1;
        while (true) {
            List<RecordedEvent> page = store.readStream(stream, next, Direction.FORWARD, 1_000);
            for (RecordedEvent recorded : page) {
                if (recorded.position() > position) {
                    return new MarketPrices(prices);
                }
                Object event = codec.decode(recorded).value().orElseThrow(() -> new UnreadableHistory(
                        "the price event at position " + recorded.position() + " cannot be read"));
                if (event instanceof PriceRecorded price) {
                    prices.add(price);
                }
                next = recorded.version() + 1;
            }
            if (page.isEmpty()) {
                return new MarketPrices(prices);
            }
        }
    }
}
