package dev.eventscope.eventstore.postgres;

import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.InterleavedAppendProperties;

/**
 * The interleaving properties on a real PostgreSQL server (embedded, see {@link TestPostgres}), a new
 * schema per try; stores on their own connections contend for the ledger's head lock as desktops would.
 */
class PostgresInterleavedAppendProperties extends InterleavedAppendProperties {

    @Override
    protected LedgerUnderTest newLedger() {
        PostgresLedgerUrl url = TestPostgres.freshLedger();
        return new LedgerUnderTest() {
            @Override
            public EventStore open() {
                return PostgresEventStore.open(url);
            }

            @Override
            public void close() {
                // the schema stays with the test server, which is thrown away after the run
            }
        };
    }
}
