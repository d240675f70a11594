package dev.eventscope.ui.importer;

import dev.eventscope.session.LedgerSession;

import java.nio.file.Path;

/**
 * Where an import writes: the open ledger's session (left open), or a new ledger file opened for the
 * import and closed after it ({@code newLedger} true; removed again when the import does not finish).
 */
public record ImportTarget(Path ledger, LedgerSession openSession, boolean newLedger) {

    public static ImportTarget openLedger(LedgerSession session) {
        return new ImportTarget(session.file(), session, false);
    }

    public static ImportTarget newLedger(Path ledger) {
        return new ImportTarget(ledger, null, true);
    }
}
