package dev.eventscope.projection;

import dev.eventscope.codec.DecodedEvent;

import java.util.List;

/** For tests: a read model without tables that refuses the event at one position ({@code -1}: refuses none). */
public record RefusingProjection(String name, long position) implements Projection {

    @Override
    public int version() {
        return 1;
    }

    @Override
    public List<TableDefinition> tables() {
        return List.of();
    }

    @Override
    public void apply(List<DecodedEvent> events, ReadModelTables tables) {
        for (DecodedEvent event : events) {
            if (event.recorded().position() == position) {
                throw new IllegalStateException("this projection refuses event " + position);
            }
        }
    }
}
