package dev.eventscope.projection;

import java.nio.file.Path;

/**
 * Opens the read models of a ledger file: in the ledger itself when it may be written, otherwise
 * in a separate cache file. {@code bootstrap} hands the implementation to the ledger sessions, so the
 * layers above never name a store adapter.
 */
public interface ReadModelStoreFactory {

    ReadModelStore open(Path ledgerFile, boolean ledgerIsReadOnly);
}
