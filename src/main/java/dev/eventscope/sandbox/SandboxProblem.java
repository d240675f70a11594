package dev.eventscope.sandbox;

/** A sandbox cannot be read, written or used as asked; the message is one sentence naming what and where. */
public final class SandboxProblem extends RuntimeException {

    public SandboxProblem(String message) {
        super(message);
    }

    public SandboxProblem(String message, Throwable cause) {
        super(message, cause);
    }
}
