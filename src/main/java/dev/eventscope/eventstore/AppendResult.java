package dev.eventscope.eventstore;

import java.util.List;

/**
 * What an append wrote: the global position of each event, in the order given (for events that
 * were already stored, their original positions), and each stream's version afterwards.
 */
public record AppendResult(List<Long> positions, java.util.Map<StreamId, Long> streamVersions, boolean alreadyStored) {

    public AppendResult {
        positions = List.copyOf(positions);
        streamVersions = java.util.Map.copyOf(streamVersions);
    }

    public long lastPosition() {
        return positions.isEmpty() ? 0 : positions.get(positions.size() - 1);
    }

    public long versionOf(StreamId stream) {
        Long version = streamVersions.get(stream);
        if (version == null) {
            throw new IllegalArgumentException("stream " + stream + " was not part of this append");
        }
        return version;
    }
}
