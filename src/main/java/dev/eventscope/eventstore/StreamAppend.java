package dev.eventscope.eventstore;

import java.util.List;
import java.util.Objects;

/** One stream's part of an atomic multi-stream append. */
public record StreamAppend(StreamId stream, ExpectedVersion expected, List<NewEvent> events) {

    public StreamAppend {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(expected, "expected version");
        events = List.copyOf(events);
    }
}
