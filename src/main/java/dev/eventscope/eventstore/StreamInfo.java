package dev.eventscope.eventstore;

/** A stream's summary: its category, current version and the global position of its last event. */
public record StreamInfo(StreamId streamId, String category, long version, long lastPosition) {
}
