package dev.eventscope.application;

import dev.eventscope.codec.EventCodec;
import dev.eventscope.codec.EventTypeRegistry;
import dev.eventscope.domain.ledger.AccountEvent;
import dev.eventscope.domain.ledger.EntryEvent;
import dev.eventscope.domain.ledger.LedgerEvent;

/** The codec for a bookkeeping ledger: every event of the ledger, account and entry families. */
public final class BookkeepingCodec {

    private BookkeepingCodec() {
    }

    public static EventTypeRegistry.Builder registry() {
        return EventTypeRegistry.builder()
                .registerSealedFamily(LedgerEvent.class)
                .registerSealedFamily(AccountEvent.class)
                .registerSealedFamily(EntryEvent.class);
    }

    public static EventCodec create() {
        return new EventCodec(registry().build());
    }
}
