package dev.eventscope.audit;

/** An output file Eventscope will not write (it is a ledger, it exists, its folder is missing…); the message says why. */
public final class OutputRefused extends RuntimeException {

    public OutputRefused(String message) {
        super(message);
    }
}
