package dev.eventscope.application;

import dev.eventscope.codec.EventCodec;
import dev.eventscope.codec.LedgerEventTypes;

/** The codec for a bookkeeping ledger (see {@link LedgerEventTypes} for its types and upcasters). */
public final class BookkeepingCodec {

    private BookkeepingCodec() {
    }

    public static EventCodec create() {
        return new EventCodec(LedgerEventTypes.registry().build());
    }
}
