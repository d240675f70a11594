package dev.eventscope.eventstore;

/** Which way a stream is read. */
public enum Direction {
    FORWARD,
    BACKWARD
}
