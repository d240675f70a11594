package dev.eventscope.codec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eventscope.domain.ledger.AccountEvent;
import dev.eventscope.domain.ledger.AccountEvent.AccountOpened;
import dev.eventscope.domain.ledger.AccountName;
import dev.eventscope.domain.ledger.AccountType;
import dev.eventscope.domain.ledger.EntryEvent;
import dev.eventscope.domain.ledger.LedgerEvent;
import dev.eventscope.domain.ledger.PriceEvent;

/**
 * The event types of a bookkeeping ledger: every event of the ledger, account, entry and price families,
 * and the upcasters that read events written by earlier versions of Eventscope.
 *
 * <p>Schema history: {@code AccountOpened} v1 (Eventscope 0.0.x) was {@code {"account", "openedOn",
 * "description"}} without a type; v2 names the field {@code name} and stores the account type.
 */
public final class LedgerEventTypes {

    private LedgerEventTypes() {
    }

    public static EventTypeRegistry.Builder registry() {
        return EventTypeRegistry.builder()
                .register(AccountOpened.class, 2)
                .upcaster("AccountOpened", 1, LedgerEventTypes::accountOpenedV1ToV2)
                .registerSealedFamily(LedgerEvent.class)
                .registerSealedFamily(AccountEvent.class)
                .registerSealedFamily(EntryEvent.class)
                .registerSealedFamily(PriceEvent.class);
    }

    /** v1 {@code {"account": "assets:bank", ...}} → v2 {@code {"name": "assets:bank", "type": "ASSETS", ...}}. */
    static ObjectNode accountOpenedV1ToV2(ObjectNode v1) {
        ObjectNode v2 = v1.deepCopy();
        String account = v2.remove("account").asText();
        v2.put("name", account);
        v2.put("type", typeWhenWritten(AccountName.of(account)).name());
        if (!v2.has("description")) {
            v2.putNull("description");
        }
        return v2;
    }

    /**
     * The type Eventscope gave a v1 account: from the top segment alone (assets:bank was ASSETS, not CASH as
     * hledger's rules make it now), so an old event keeps the meaning it had when it was written.
     */
    private static AccountType typeWhenWritten(AccountName account) {
        return AccountName.of(account.segments().get(0)).type();
    }
}
