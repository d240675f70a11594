package dev.eventscope.application;

import dev.eventscope.domain.ledger.BookkeepingEvent;
import dev.eventscope.eventstore.StreamId;

import java.util.List;

/**
 * One stream's part of a decision: the events to append on top of the version the decision saw,
 * and the state they were decided on (so the state after them can be snapshotted or cached).
 */
record PlannedAppend(StreamId stream, Aggregate<?, ?, ?> aggregate, long expectedVersion, Object stateBefore,
                     List<BookkeepingEvent> events) {

    PlannedAppend {
        events = List.copyOf(events);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    Object stateAfter() {
        Object state = stateBefore;
        for (BookkeepingEvent event : events) {
            state = ((Aggregate) aggregate).decider().evolve(state, event);
        }
        return state;
    }

    long versionAfter() {
        return expectedVersion + events.size();
    }
}
