package dev.eventscope.ui;

import dev.eventscope.eventstore.EventStoreException;

/** Turns a failure into the one sentence shown to the user; never a stack trace. */
public final class ErrorMessages {

    private ErrorMessages() {
    }

    public static String of(Throwable failure) {
        Throwable cause = failure;
        while (cause != null) {
            if (cause instanceof EventStoreException storeFailure && storeFailure.getMessage() != null) {
                return storeFailure.getMessage();
            }
            cause = cause.getCause();
        }
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return "Something went wrong (" + message + "); try again, and if it persists, report it with the log.";
    }
}
