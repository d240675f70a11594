package dev.eventscope.projection.sqlite;

import dev.eventscope.eventstore.EventStoreException;
import dev.eventscope.projection.ReadModelStore;
import dev.eventscope.projection.ReadModelStoreFactory;

import java.nio.file.Path;

/** Read models in the ledger file, or for a read-only ledger in {@link SqliteReadModelStore#cacheFileFor}. */
public final class SqliteReadModelStoreFactory implements ReadModelStoreFactory {

    @Override
    public ReadModelStore open(Path ledgerFile, boolean ledgerIsReadOnly) {
        if (ledgerFile.toString().startsWith("postgresql:")) {
            // the read models attach the ledger file; a server ledger has none (docs/postgresql.md, "Not done yet")
            throw new EventStoreException("Read models (for state, diff, projections and the desktop's panels) are not kept"
                    + " for PostgreSQL ledgers yet; " + ledgerFile.toString().replaceFirst("^postgresql:/(?!/)", "postgresql://")
                    + " can be used with import, post, balance, accounts, streams, history, verify, report, export and copy.");
        }
        return ledgerIsReadOnly ? SqliteReadModelStore.inSeparateFile(SqliteReadModelStore.cacheFileFor(ledgerFile), ledgerFile)
                : SqliteReadModelStore.inLedgerFile(ledgerFile);
    }
}
