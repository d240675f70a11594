package dev.eventscope.projection;

import dev.eventscope.codec.DecodedEvent;
import dev.eventscope.eventstore.RecordedEvent;

import java.time.LocalDate;
import java.util.ArrayList;
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
        // a batch holds a handful of event types: a short list compared by equals costs less than hashing each
        // event's type (a new string per event)
        List<String> types = new ArrayList<>();
        List<long[]> typeCounts = new ArrayList<>();
        Map<String, Long> byDay = new LinkedHashMap<>();
        // events come in recorded order, so runs of one day are long: its name is made and counted once per run
        long dayNumber = Long.MIN_VALUE;
        String day = null;
        long inDay = 0;
        for (DecodedEvent decoded : events) {
            count(decoded.recorded().type(), types, typeCounts);
            long eventDay = Math.floorDiv(decoded.recorded().recordedAtMicros(), MICROS_PER_DAY);
            if (eventDay != dayNumber) {
                if (day != null) {
                    byDay.merge(day, inDay, Long::sum);
                }
                dayNumber = eventDay;
                day = LocalDate.ofEpochDay(eventDay).toString();
                inDay = 0;
            }
            inDay++;
        }
        if (day != null) {
            byDay.merge(day, inDay, Long::sum);
        }
        Map<String, Long> byType = new LinkedHashMap<>();
        for (int i = 0; i < types.size(); i++) {
            byType.put(types.get(i), typeCounts.get(i)[0]);
        }
        add(tables, BY_TYPE, byType);
        add(tables, BY_DAY, byDay);
    }

    private static void count(String type, List<String> types, List<long[]> counts) {
        for (int i = 0; i < types.size(); i++) {
            if (types.get(i).equals(type)) {
                counts.get(i)[0]++;
                return;
            }
        }
        types.add(type);
        counts.add(new long[] {1});
    }

    private static void add(ReadModelTables tables, String table, Map<String, Long> counts) {
        counts.forEach((key, count) -> tables.upsert(table, key,
                tables.find(table, key).map(row -> row.integer(1)).orElse(0L) + count));
    }
}
