package dev.eventscope.projection.sqlite;

import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.EventStoreException;
import dev.eventscope.projection.ReadModelStore;
import dev.eventscope.projection.ReadModelStoreFactory;
import dev.eventscope.projection.RecordedRegister;

import java.nio.file.Path;
import java.util.List;

/**
 * Read models of a ledger file: in the file, or for a read-only ledger in {@link SqliteReadModelStore#cacheFileFor}.
 * A server ledger's read models are opened by {@code bootstrap}, which knows its ledger id
 * ({@link SqliteReadModelStore#forServerLedger(String, String)}).
 */
public final class SqliteReadModelStoreFactory implements ReadModelStoreFactory {

    @Override
    public ReadModelStore open(Path ledgerFile, EventStore store) {
        if (ledgerFile.toString().startsWith("postgresql:")) {
            throw new EventStoreException("The read models of the server ledger " + ledgerFile
                    + " are kept in a cache per ledger id, which this factory cannot tell.");
        }
        return store.isReadOnly() ? SqliteReadModelStore.inSeparateFile(SqliteReadModelStore.cacheFileFor(ledgerFile), ledgerFile)
                : SqliteReadModelStore.inLedgerFile(ledgerFile);
    }

    @Override
    public java.util.Optional<ReadModelStore> openOwnToRead(Path ledgerFile, EventStore store) {
        return ledgerFile.toString().startsWith("postgresql:") ? java.util.Optional.empty()
                : LedgerReadModelsAsRead.open(ledgerFile).map(ReadModelStore.class::cast);
    }

    @Override
    public List<RecordedRegister> registers(Path ledgerFile) {
        return ledgerFile.toString().startsWith("postgresql:") || !java.nio.file.Files.isRegularFile(ledgerFile)
                ? List.of() : SqliteRecordedRegisters.of(ledgerFile);
    }
}
