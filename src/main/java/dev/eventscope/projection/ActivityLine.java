package dev.eventscope.projection;

/** How many events one user wrote with one command, and the first and last of them. */
public record ActivityLine(String user, String command, long events, long firstPosition, long lastPosition) {
}
