package dev.eventscope.eventstore;

/**
 * A failure of the store that a person must act on: a file that is not a ledger, a ledger from a
 * newer Eventscope, a write to a read-only ledger, a disk error. The message is one readable
 * sentence that names the file and what is wrong; {@link #problem()} says what kind of problem it is, so a window can
 * advise from the kind and never from the wording.
 */
public class EventStoreException extends RuntimeException {

    /** What kind of problem a person meets, where a caller advises by kind; {@link #OTHER} for the rest. */
    public enum Problem {
        /** The file is something else: a text file, another application's database, a folder, an empty file. */
        NOT_A_LEDGER,
        /** The file is a ledger (or claims to be) but its bytes are damaged or truncated. */
        DAMAGED,
        /** The ledger may be read but not written by this user (its file or folder is read-only): it opens read-only. */
        READ_ONLY,
        /** A ledger was to be created where one exists already (nothing was changed). */
        ALREADY_A_LEDGER,
        OTHER
    }

    private final Problem problem;
    private final String what;

    public EventStoreException(String message) {
        super(message);
        this.problem = Problem.OTHER;
        this.what = message;
    }

    public EventStoreException(String message, Throwable cause) {
        super(message, cause);
        this.problem = Problem.OTHER;
        this.what = message;
    }

    /**
     * A problem of a kind: the message is {@code what} is wrong, followed by {@code whatToDo} when there is one (the
     * command line prints both; a window may put its own next step after {@code what}).
     */
    public EventStoreException(Problem problem, String what, String whatToDo, Throwable cause) {
        super(whatToDo.isEmpty() ? what : what + " " + whatToDo, cause);
        this.problem = problem;
        this.what = what;
    }

    public Problem problem() {
        return problem;
    }

    /** The message without its advice: what is wrong. */
    public String what() {
        return what;
    }
}
