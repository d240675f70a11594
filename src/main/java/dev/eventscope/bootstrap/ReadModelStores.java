package dev.eventscope.bootstrap;

import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.postgres.PostgresEventStore;
import dev.eventscope.projection.ReadModelStore;
import dev.eventscope.projection.ReadModelStoreFactory;
import dev.eventscope.projection.sqlite.SqliteReadModelStore;
import dev.eventscope.projection.sqlite.SqliteReadModelStoreFactory;
import dev.eventscope.projection.sqlite.SqliteRecordedRegisters;

import java.nio.file.Path;

/**
 * Where a ledger's read models live: a ledger file keeps them in itself (or, read-only, in the user's
 * cache); a PostgreSQL ledger keeps them in a local cache file per user and ledger id, caught up from the
 * server, so any number of desktops reading it add no writes to the server.
 */
public final class ReadModelStores implements ReadModelStoreFactory {

    private final ReadModelStoreFactory files = new SqliteReadModelStoreFactory();

    @Override
    public ReadModelStore open(Path ledger, EventStore store) {
        if (store instanceof PostgresEventStore server) {
            return SqliteReadModelStore.forServerLedger(server.ledgerId(), server.url().effectiveUser());
        }
        return files.open(ledger, store);
    }

    @Override
    public java.util.Optional<ReadModelStore> openOwnToRead(Path ledger, EventStore store) {
        return store instanceof PostgresEventStore ? java.util.Optional.empty() : files.openOwnToRead(ledger, store);
    }

    @Override
    public java.util.List<dev.eventscope.projection.RecordedRegister> registers(Path ledger) {
        return files.registers(ledger);
    }

    @Override
    public java.util.List<dev.eventscope.projection.RecordedRegister> registers(Path ledger, EventStore store) {
        if (store instanceof PostgresEventStore server) {
            return SqliteRecordedRegisters.ofCache(
                    SqliteReadModelStore.cacheFileForServerLedger(server.ledgerId(), server.url().effectiveUser()));
        }
        return files.registers(ledger);
    }
}
