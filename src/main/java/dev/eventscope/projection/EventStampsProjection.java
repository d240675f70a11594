package dev.eventscope.projection;

import dev.eventscope.codec.DecodedEvent;
import dev.eventscope.domain.ledger.LedgerStreams;
import dev.eventscope.eventstore.RecordedEvent;

import java.util.List;
import java.util.Set;

/**
 * Who recorded each account event, by which command and when: the event's own columns, copied into the
 * read models of a ledger whose events are not in reach of their queries (a ledger on a PostgreSQL
 * server, whose read models live in a local cache file). Register lines join these rows as they join the
 * ledger file's events table. Reads no event's data, so no event can stop it.
 */
public final class EventStampsProjection implements Projection {

    public static final String NAME = "event_stamps";
    /** The table, with the columns of the events table the register lines read. */
    public static final String EVENTS = "events";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public List<TableDefinition> tables() {
        return List.of(TableDefinition.table(EVENTS).integer("position").text("user_name").text("command_name")
                .integer("recorded_at").primaryKey("position").build());
    }

    /** Register lines are account events: only those are stamped (a rebuild reads these categories). */
    @Override
    public Set<String> streamCategories() {
        return ProjectionEvents.ACCOUNT_AND_LEDGER;
    }

    @Override
    public boolean decodes(RecordedEvent event) {
        return false;
    }

    @Override
    public void apply(List<DecodedEvent> events, ReadModelTables tables) {
        for (DecodedEvent decoded : events) {
            RecordedEvent recorded = decoded.recorded();
            if (recorded.streamId().value().startsWith(LedgerStreams.ACCOUNT_PREFIX)) {
                tables.insert(EVENTS, recorded.position(), recorded.metadata().user(), recorded.metadata().commandName(),
                        recorded.recordedAtMicros());
            }
        }
    }
}
