package dev.eventscope.domain.ledger;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of posting or reversing an entry: the events for every stream the decision read,
 * to be appended atomically. The {@code ledger} stream comes first with no events, so the append
 * can check that no period was closed meanwhile; then the entry stream(s), then each account.
 */
public record EntryDecision(List<StreamEvents> streams) {

    public EntryDecision {
        streams = List.copyOf(streams);
    }

    /** The events for one stream; an empty list means the stream is only version-checked. */
    public record StreamEvents(String streamName, List<BookkeepingEvent> events) {
        public StreamEvents {
            Objects.requireNonNull(streamName, "stream name");
            events = List.copyOf(events);
        }
    }

    /** The events for {@code streamName}, or an empty list when the decision does not touch it. */
    public List<BookkeepingEvent> eventsFor(String streamName) {
        return streams.stream()
                .filter(stream -> stream.streamName().equals(streamName))
                .findFirst()
                .map(StreamEvents::events)
                .orElse(List.of());
    }

    /** The names of every stream in the decision, in append order. */
    public List<String> streamNames() {
        return streams.stream().map(StreamEvents::streamName).toList();
    }

    /** Every event in append order. */
    public List<BookkeepingEvent> allEvents() {
        return streams.stream().flatMap(stream -> stream.events().stream()).toList();
    }
}
