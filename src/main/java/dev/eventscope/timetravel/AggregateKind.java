package dev.eventscope.timetravel;

import dev.eventscope.domain.Decider;
import dev.eventscope.domain.ledger.AccountDecider;
import dev.eventscope.domain.ledger.AccountState;
import dev.eventscope.domain.ledger.EntryDecider;
import dev.eventscope.domain.ledger.EntryState;
import dev.eventscope.domain.ledger.LedgerDecider;
import dev.eventscope.domain.ledger.LedgerState;
import dev.eventscope.domain.ledger.LedgerStreams;
import dev.eventscope.eventstore.StreamId;

/**
 * The kinds of aggregate time travel can rebuild, found by stream name: the decider that folds its
 * events, its state class and the schema version its snapshots must carry.
 */
record AggregateKind(String name, Decider<Object, Object, Object> decider, Class<?> stateType, Class<?> eventType,
                     int stateSchemaVersion) {

    @SuppressWarnings({"unchecked", "rawtypes"})
    static AggregateKind of(StreamId stream) {
        String value = stream.value();
        if (value.equals(LedgerStreams.LEDGER)) {
            return new AggregateKind("ledger", (Decider) LedgerDecider.decider(), LedgerState.class,
                    dev.eventscope.domain.ledger.LedgerEvent.class, LedgerState.SCHEMA_VERSION);
        }
        if (value.startsWith(LedgerStreams.ACCOUNT_PREFIX)) {
            return new AggregateKind("account", (Decider) AccountDecider.decider(), AccountState.class,
                    dev.eventscope.domain.ledger.AccountEvent.class, AccountState.SCHEMA_VERSION);
        }
        if (value.startsWith(LedgerStreams.ENTRY_PREFIX)) {
            return new AggregateKind("entry", (Decider) EntryDecider.decider(), EntryState.class,
                    dev.eventscope.domain.ledger.EntryEvent.class, EntryState.SCHEMA_VERSION);
        }
        throw new TimeTravelException("The stream '" + value + "' is not a ledger, account or entry stream, so its"
                + " state cannot be rebuilt; its events can still be browsed.");
    }
}
