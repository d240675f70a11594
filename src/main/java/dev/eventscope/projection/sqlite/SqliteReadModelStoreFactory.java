package dev.eventscope.projection.sqlite;

import dev.eventscope.projection.ReadModelStore;
import dev.eventscope.projection.ReadModelStoreFactory;

import java.nio.file.Path;

/** Read models in the ledger file, or for a read-only ledger in {@link SqliteReadModelStore#cacheFileFor}. */
public final class SqliteReadModelStoreFactory implements ReadModelStoreFactory {

    @Override
    public ReadModelStore open(Path ledgerFile, boolean ledgerIsReadOnly) {
        return ledgerIsReadOnly ? SqliteReadModelStore.inSeparateFile(SqliteReadModelStore.cacheFileFor(ledgerFile), ledgerFile)
                : SqliteReadModelStore.inLedgerFile(ledgerFile);
    }
}
