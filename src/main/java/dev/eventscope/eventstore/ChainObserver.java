package dev.eventscope.eventstore;

/**
 * Sees every event that a verification walk found correctly chained, in position order, from the
 * same consistent read as the walk itself. Checks that need the verified history (remembered heads,
 * seals, whether the books balance) observe the walk instead of reading the ledger a second time.
 * An observer must not call back into the store.
 */
@FunctionalInterface
public interface ChainObserver {

    /** Observes nothing. */
    ChainObserver NONE = event -> { };

    /** Called once per verified event, in position order. */
    void verified(RecordedEvent event);
}
