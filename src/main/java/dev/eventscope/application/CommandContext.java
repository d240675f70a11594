package dev.eventscope.application;

import java.util.Objects;

/**
 * Who issues a command and what it belongs to. The user is written on every event; the
 * correlation id ties together everything one user action caused, and the causation id names what
 * directly caused this command. Either id may be null; the service then uses the command's own id.
 */
public record CommandContext(String user, String correlationId, String causationId) {

    public CommandContext {
        Objects.requireNonNull(user, "user");
        if (user.isBlank()) {
            throw new IllegalArgumentException("a command needs a user to name in the audit trail");
        }
    }

    public static CommandContext byUser(String user) {
        return new CommandContext(user, null, null);
    }

    /** The operating-system user running Eventscope. */
    public static CommandContext osUser() {
        String user = System.getProperty("user.name");
        return byUser(user == null || user.isBlank() ? "unknown" : user);
    }

    public CommandContext withCorrelation(String correlation) {
        return new CommandContext(user, correlation, causationId);
    }

    public CommandContext causedBy(String causation) {
        return new CommandContext(user, correlationId, causation);
    }
}
