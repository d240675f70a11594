package dev.eventscope.eventstore.sqlite;

import dev.eventscope.eventstore.EventCursor;
import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.ExpectedVersion;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.StreamId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The catch-up's cursor ({@code readAllForProjections}) holds the values that repeat from event to event once (the
 * types, the metadata of a run of one user's one command): every event must still carry its own type, user and
 * command, over several of the cursor's pages, whether they change from one event to the next, in runs, or not.
 */
class ProjectedReadTest {

    @TempDir
    Path folder;

    @Test
    void every_event_keeps_its_own_type_user_and_command_across_pages() throws Exception {
        String[] users = {"ann", "bob", "ann"};
        String[] commands = {"PostEntry", null, "ImportJournal", "PostEntry"};
        List<NewEvent> events = new ArrayList<>();
        int count = 2 * PagedCursor.PAGE_SIZE + 777;
        for (int i = 0; i < count; i++) {
            // runs of changing lengths, and events where only the user or only the command changes
            int run = i / (1 + i % 7);
            events.add(new NewEvent(UUID.randomUUID().toString(), "Type" + (i % 5 == 0 ? i % 3 : run % 4), 1,
                    "{\"n\":" + i + "}", new EventMetadata(users[run % users.length], "correlation-" + i, "cause-" + i,
                            commands[(run + i / 997) % commands.length])));
        }
        try (SqliteEventStore store = SqliteEventStore.open(folder.resolve("projected.ledger"))) {
            for (int from = 0; from < count; from += 500) {
                StreamId stream = StreamId.of(from % 1000 == 0 ? "account-assets:cash" : "entry-" + from);
                store.append(stream, ExpectedVersion.ANY, events.subList(from, Math.min(count, from + 500)));
            }
            List<RecordedEvent> all = read(store.readAll(0));
            List<RecordedEvent> projected = read(store.readAllForProjections(0, Set.of()));
            assertEquals(count, all.size());
            assertEquals(all.size(), projected.size());
            for (int i = 0; i < all.size(); i++) {
                RecordedEvent expected = all.get(i);
                RecordedEvent actual = projected.get(i);
                assertEquals(expected.position(), actual.position());
                assertEquals(expected.streamId(), actual.streamId());
                assertEquals(expected.version(), actual.version());
                assertEquals(expected.type(), actual.type(), "type at position " + expected.position());
                assertEquals(expected.data(), actual.data());
                assertEquals(expected.metadata().user(), actual.metadata().user(), "user at position " + expected.position());
                assertEquals(expected.metadata().commandName(), actual.metadata().commandName(),
                        "command at position " + expected.position());
                assertEquals(expected.recordedAtMicros(), actual.recordedAtMicros());
                assertEquals(expected.hash(), actual.hash());
                assertNull(actual.metadata().correlationId());
            }
        }
    }

    private static List<RecordedEvent> read(EventCursor cursor) {
        List<RecordedEvent> events = new ArrayList<>();
        try (cursor) {
            while (cursor.hasNext()) {
                events.add(cursor.next());
            }
        }
        return events;
    }
}
