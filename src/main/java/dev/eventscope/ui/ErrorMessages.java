package dev.eventscope.ui;

import dev.eventscope.eventstore.EventStoreException;

/** Turns a failure into the one sentence shown to the user; never a stack trace. */
public final class ErrorMessages {

    private ErrorMessages() {
    }

    /**
     * The sentence for {@code failure}, in its printable form: a file name or a user's text it quotes shows its line
     * breaks, escape sequences and right-to-left overrides as {@code \\uXXXX} (session 22, adversary2).
     */
    public static String of(Throwable failure) {
        return dev.eventscope.domain.PrintableText.of(sentence(failure));
    }

    private static String sentence(Throwable failure) {
        Throwable cause = failure;
        while (cause != null) {
            if (cause instanceof dev.eventscope.timetravel.TimeTravelException.ReadModelStopped stopped) {
                // time travel names the command-line tool; a desktop user is told where the window shows it
                return "The balances read model stops at position " + stopped.stop() + " and cannot reach position "
                        + stopped.asked() + ": a projection could not apply the event after it. Click Projections in the toolbar"
                        + " to see which event it is and why.";
            }
            if (cause instanceof EventStoreException refused && refused.problem() != EventStoreException.Problem.OTHER) {
                return withWhatToDo(refused);
            }
            if (isWrittenForUsers(cause) && cause.getMessage() != null) {
                return cause.getMessage();
            }
            cause = cause.getCause();
        }
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return "Something went wrong (" + message + "); try again, and if it persists, report it with the log.";
    }

    /**
     * A refused file's sentence, shared with the command line, says what is wrong; the window puts after it what a person
     * can do there (session 15's trial: "is damaged: its SQLite header gives an impossible page size" and "an SQLite
     * database but not an Eventscope ledger" ended without a next step). The advice follows the kind of problem the
     * store names, never its wording (session 16: rewording a store message must not change the advice).
     */
    static String withWhatToDo(EventStoreException refused) {
        return switch (refused.problem()) {
            case NOT_A_LEDGER -> refused.what()
                    + " Open a ledger made by Eventscope, or bring the books in from their journal (File › Import a journal…).";
            case DAMAGED -> refused.what() + " Nothing was changed; restore the file from a backup.";
            case READ_ONLY, ALREADY_A_LEDGER, OTHER -> refused.getMessage();
        };
    }

    /** Whether {@code failure} (or a cause of it) is a store problem of this kind. */
    public static boolean isProblem(Throwable failure, EventStoreException.Problem problem) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof EventStoreException refused && refused.problem() == problem) {
                return true;
            }
        }
        return false;
    }

    /**
     * Failures whose message already says what is wrong and where, in the user's terms: a store problem,
     * a question time travel cannot answer (an unreadable event, a point that is not one), a history
     * that cannot be rebuilt, a sandbox that cannot be used as asked.
     */
    private static boolean isWrittenForUsers(Throwable failure) {
        return failure instanceof EventStoreException
                || failure instanceof dev.eventscope.timetravel.TimeTravelException
                || failure instanceof dev.eventscope.timetravel.InvalidPoint
                || failure instanceof dev.eventscope.application.UnreadableHistory
                // session 20's shot: a proposal made while the sandbox opened read "Something went wrong (The sandbox is
                // still opening.); try again, and if it persists, report it with the log."
                || failure instanceof dev.eventscope.sandbox.SandboxProblem;
    }
}
