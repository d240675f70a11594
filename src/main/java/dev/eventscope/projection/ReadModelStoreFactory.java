package dev.eventscope.projection;

import java.nio.file.Path;
import java.util.ServiceLoader;

/**
 * Opens the read models of a ledger file: in the ledger itself when it may be written, otherwise
 * in a separate cache file. The installed implementation is found with {@link ServiceLoader}, so the
 * layers above never name a store adapter.
 */
public interface ReadModelStoreFactory {

    ReadModelStore open(Path ledgerFile, boolean ledgerIsReadOnly);

    /** The implementation on the class path; throws {@link ReadModelException} when there is none. */
    static ReadModelStoreFactory installed() {
        return ServiceLoader.load(ReadModelStoreFactory.class).findFirst().orElseThrow(() ->
                new ReadModelException("No read-model store is installed; this Eventscope build is incomplete."));
    }
}
