package dev.eventscope.application;

import java.util.List;

/**
 * What a command wrote: the global positions of its events (empty when it decided nothing), its
 * command id (also the causation id of its events, unless the context named another), and how many
 * attempts it took.
 */
public record CommandResult(String commandId, List<Long> positions, int attempts) {

    public CommandResult {
        positions = List.copyOf(positions);
    }

    public long lastPosition() {
        return positions.isEmpty() ? 0 : positions.get(positions.size() - 1);
    }
}
