package dev.eventscope.eventstore.postgres;

import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.EventStoreContract;

/** The PostgreSQL store keeps every promise of the store contract, on a real server, in a fresh schema per test. */
class PostgresEventStoreTest extends EventStoreContract {

    @Override
    protected EventStore newStore() {
        return PostgresEventStore.create(TestPostgres.freshUrl(), PostgresOptions.defaults());
    }
}
