package dev.eventscope.cli;

/** The exit codes of every Eventscope command, so that scripts and CI can act on them. */
public final class ExitCodes {

    /** The command did what was asked; for verify, the ledger is intact. */
    public static final int OK = 0;
    /** Something unexpected went wrong inside Eventscope. */
    public static final int UNEXPECTED_FAILURE = 1;
    /** The command line was wrong, or the ledger does not exist, is not a ledger or cannot be read. */
    public static final int USAGE_OR_UNREADABLE_LEDGER = 2;
    /** Verify found an event that was altered, removed or inserted after it was recorded. */
    public static final int TAMPERED = 3;
    /**
     * The command was refused and nothing was written: a bookkeeping rule (an unbalanced entry, a
     * frozen account, a closed period), a journal with an error, an import that would book entries twice,
     * or a writer that kept conflicting.
     */
    public static final int REFUSED = 4;

    private ExitCodes() {
    }
}
