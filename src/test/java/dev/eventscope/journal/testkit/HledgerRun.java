package dev.eventscope.journal.testkit;

import java.util.List;

/**
 * The outcome of one run of the {@code hledger} binary: the arguments it was given, its exit code and
 * everything it printed.
 */
public record HledgerRun(List<String> arguments, int exitCode, String standardOutput, String standardError) {

    public HledgerRun {
        arguments = List.copyOf(arguments);
    }

    public boolean succeeded() {
        return exitCode == 0;
    }

    /** A one-paragraph description for assertion messages. */
    public String describe() {
        return "hledger " + String.join(" ", arguments) + " exited with " + exitCode
                + (standardError.isBlank() ? "" : ":\n" + standardError.strip());
    }
}
