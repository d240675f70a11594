package dev.eventscope.cli;

/**
 * A problem a command reports to the person running it: one readable sentence and the exit code
 * to end with. Printed without a stack trace by {@link ReadableErrorHandler}.
 */
public class CommandProblem extends RuntimeException {

    private final int exitCode;

    public CommandProblem(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
