package dev.eventscope.projection;

import dev.eventscope.codec.DecodedEvent;
import dev.eventscope.eventstore.RecordedEvent;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts of events by type and by recorded day (UTC); every event counts, readable or not. */
public final class EventCountsProjection implements Projection {

    public static final String NAME = "event_counts";
    public static final String BY_TYPE = "counts_by_type";
    public static final String BY_DAY = "counts_by_day";
    private static final long MICROS_PER_DAY = 86_400_000_000L;

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
        return List.of(
                TableDefinition.table(BY_TYPE).text("type").integer("events").primaryKey("type").build(),
                TableDefinition.table(BY_DAY).text("day").integer("events").primaryKey("day").build());
    }

    /** Reads only the stored event (type, metadata, time): nothing is decoded for it. */
    @Override
    public boolean decodes(RecordedEvent event) {
        return false;
    }

    @Override
    public void apply(List<DecodedEvent> events, ReadModelTables tables) {
        Map<String, Long> byType = new LinkedHashMap<>();
        Map<String, Long> byDay = new LinkedHashMap<>();
        // events come in recorded order, so runs of one day are long: its name is made once per run, not per event
        long dayNumber = Long.MIN_VALUE;
        String day = null;
        for (DecodedEvent decoded : events) {
            byType.merge(decoded.recorded().type(), 1L, Long::sum);
            long eventDay = Math.floorDiv(decoded.recorded().recordedAtMicros(), MICROS_PER_DAY);
            if (eventDay != dayNumber) {
                dayNumber = eventDay;
                day = LocalDate.ofEpochDay(eventDay).toString();
            }
            byDay.merge(day, 1L, Long::sum);
        }
        add(tables, BY_TYPE, byType);
        add(tables, BY_DAY, byDay);
    }

    private static void add(ReadModelTables tables, String table, Map<String, Long> counts) {
        counts.forEach((key, count) -> tables.upsert(table, key,
                tables.find(table, key).map(row -> row.integer(1)).orElse(0L) + count));
    }
}
