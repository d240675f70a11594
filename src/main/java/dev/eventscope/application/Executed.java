package dev.eventscope.application;

/** A command as it was built (with the entry ids it was given) and what it wrote. */
public record Executed(Object command, CommandResult result) {
}
