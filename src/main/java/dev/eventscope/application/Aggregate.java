package dev.eventscope.application;

import dev.eventscope.domain.Decider;
import dev.eventscope.domain.ledger.AccountCommand;
import dev.eventscope.domain.ledger.AccountDecider;
import dev.eventscope.domain.ledger.AccountEvent;
import dev.eventscope.domain.ledger.AccountState;
import dev.eventscope.domain.ledger.EntryCommand;
import dev.eventscope.domain.ledger.EntryDecider;
import dev.eventscope.domain.ledger.EntryEvent;
import dev.eventscope.domain.ledger.EntryState;
import dev.eventscope.domain.ledger.LedgerCommand;
import dev.eventscope.domain.ledger.LedgerDecider;
import dev.eventscope.domain.ledger.LedgerEvent;
import dev.eventscope.domain.ledger.LedgerState;
import dev.eventscope.domain.ledger.LedgerStreams;
import dev.eventscope.domain.ledger.PriceCommand;
import dev.eventscope.domain.ledger.PriceEvent;
import dev.eventscope.domain.ledger.PricesDecider;
import dev.eventscope.domain.ledger.PricesState;
import dev.eventscope.eventstore.StreamId;

import java.util.Optional;

/**
 * What the application must know to load one kind of aggregate: its decider, the Java types of its
 * state and events, and the schema version of its snapshots.
 */
public record Aggregate<S, C, E>(String name, Decider<S, C, E> decider, Class<S> stateType, Class<E> eventType,
                                 int stateSchemaVersion) {

    public static final Aggregate<LedgerState, LedgerCommand, LedgerEvent> LEDGER = new Aggregate<>("ledger",
            LedgerDecider.decider(), LedgerState.class, LedgerEvent.class, LedgerState.SCHEMA_VERSION);

    public static final Aggregate<AccountState, AccountCommand, AccountEvent> ACCOUNT = new Aggregate<>("account",
            AccountDecider.decider(), AccountState.class, AccountEvent.class, AccountState.SCHEMA_VERSION);

    public static final Aggregate<EntryState, EntryCommand, EntryEvent> ENTRY = new Aggregate<>("entry",
            EntryDecider.decider(), EntryState.class, EntryEvent.class, EntryState.SCHEMA_VERSION);

    public static final Aggregate<PricesState, PriceCommand, PriceEvent> PRICES = new Aggregate<>("prices",
            PricesDecider.decider(), PricesState.class, PriceEvent.class, PricesState.SCHEMA_VERSION);

    /** The kind of aggregate a stream holds, by its name: the ledger, an account, an entry or the prices; empty for any other stream. */
    public static Optional<Aggregate<?, ?, ?>> of(StreamId stream) {
        String value = stream.value();
        if (value.equals(LedgerStreams.LEDGER)) {
            return Optional.of(LEDGER);
        }
        if (value.startsWith(LedgerStreams.ACCOUNT_PREFIX)) {
            return Optional.of(ACCOUNT);
        }
        if (value.startsWith(LedgerStreams.ENTRY_PREFIX)) {
            return Optional.of(ENTRY);
        }
        if (value.equals(LedgerStreams.PRICES)) {
            return Optional.of(PRICES);
        }
        return Optional.empty();
    }

    public S initialState() {
        return decider.initialState();
    }
}
