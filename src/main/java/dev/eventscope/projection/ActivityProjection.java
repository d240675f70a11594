package dev.eventscope.projection;

import dev.eventscope.codec.DecodedEvent;
import dev.eventscope.eventstore.RecordedEvent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Activity by user and by command: how many events, the first and the last position. */
public final class ActivityProjection implements Projection {

    public static final String NAME = "activity";
    public static final String ACTIVITY = "activity";

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
        return List.of(TableDefinition.table(ACTIVITY).text("user_name").text("command").integer("events")
                .integer("first_position").integer("last_position").primaryKey("user_name", "command").build());
    }

    /** Reads only the stored event (type, metadata, time): nothing is decoded for it. */
    @Override
    public boolean decodes(RecordedEvent event) {
        return false;
    }

    @Override
    public void apply(List<DecodedEvent> events, ReadModelTables tables) {
        // user, then command: a key per event would be an allocation per event for a handful of rows
        Map<String, Map<String, long[]>> batch = new LinkedHashMap<>();
        // events come in runs of one user's command (an import: every event): the run's counts are looked up once
        String lastUser = null;
        String lastCommand = null;
        long[] counts = null;
        for (DecodedEvent decoded : events) {
            RecordedEvent recorded = decoded.recorded();
            String user = recorded.metadata().user();
            String command = recorded.metadata().commandName() == null ? "" : recorded.metadata().commandName();
            if (counts == null || !user.equals(lastUser) || !command.equals(lastCommand)) {
                counts = batch.computeIfAbsent(user, key -> new LinkedHashMap<>()).computeIfAbsent(command, key -> tables
                        .find(ACTIVITY, user, command)
                        .map(row -> new long[] {row.integer(2), row.integer(3), row.integer(4)})
                        .orElse(new long[] {0, recorded.position(), 0}));
                lastUser = user;
                lastCommand = command;
            }
            counts[0]++;
            counts[2] = recorded.position();
        }
        batch.forEach((user, byCommand) -> byCommand.forEach(
                (command, kept) -> tables.upsert(ACTIVITY, user, command, kept[0], kept[1], kept[2])));
    }
}
