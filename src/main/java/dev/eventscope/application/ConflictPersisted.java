package dev.eventscope.application;

import dev.eventscope.eventstore.ConcurrencyConflict;

/**
 * Thrown when a command met a concurrency conflict on every attempt: someone else keeps writing
 * to the same account or entry. Nothing of the command was written.
 */
public class ConflictPersisted extends RuntimeException {

    private final transient ConcurrencyConflict lastConflict;
    private final int attempts;

    public ConflictPersisted(String commandName, int attempts, ConcurrencyConflict lastConflict) {
        super("The command " + commandName + " was not carried out: '" + lastConflict.stream()
                + "' changed while it was being decided, " + attempts + " times in a row (it is now at version "
                + lastConflict.actualVersion() + "). Someone else is writing to it; review the change and try again.",
                lastConflict);
        this.lastConflict = lastConflict;
        this.attempts = attempts;
    }

    public ConcurrencyConflict lastConflict() {
        return lastConflict;
    }

    public int attempts() {
        return attempts;
    }
}
