package dev.eventscope.ui.importer;

import dev.eventscope.eventstore.EventStore;

import java.nio.file.Path;

/**
 * Where an import writes: the open ledger's store (left open), or a new ledger file opened for the
 * import and closed after it ({@code newLedger} true; removed again when the import does not finish).
 */
public record ImportTarget(Path ledger, EventStore openStore, boolean newLedger) {

    public static ImportTarget openLedger(Path ledger, EventStore store) {
        return new ImportTarget(ledger, store, false);
    }

    public static ImportTarget newLedger(Path ledger) {
        return new ImportTarget(ledger, null, true);
    }
}
