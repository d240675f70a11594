package dev.eventscope.audit.tests;

import dev.eventscope.eventstore.EventCursor;
import dev.eventscope.eventstore.EventStore;

/**
 * Where the auditor's workbench reads events from: every event after a position, in position order,
 * as a constant-memory cursor. One small interface so that the workbench can be handed a ledger
 * session instead of a store without changing the tests.
 */
@FunctionalInterface
public interface LedgerEventSource {

    /** Every event with a position greater than {@code afterPosition}, in order; close it when done. */
    EventCursor readAll(long afterPosition);

    /** The events of an open store. */
    static LedgerEventSource of(EventStore store) {
        return store::readAll;
    }
}
