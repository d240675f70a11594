package dev.eventscope.eventstore.sqlite;

/**
 * For tests in other packages: runs {@code meanwhile} once a new ledger's hidden file is complete and before it is linked
 * under the ledger's name, as another process creating a file under that name would (session 24, adversary).
 */
public final class LedgerCreationSeam {

    private LedgerCreationSeam() {
    }

    /** Sets the seam until the returned handle is closed. */
    public static AutoCloseable beforeLinking(Runnable meanwhile) {
        SqliteLedgerOpener.creationSteps = (step, connection) -> {
            if (step == SqliteLedgerOpener.CreationStep.COMMITTED) {
                meanwhile.run();
            }
        };
        return () -> SqliteLedgerOpener.creationSteps = (step, connection) -> { };
    }
}
