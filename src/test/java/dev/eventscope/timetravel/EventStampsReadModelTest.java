package dev.eventscope.timetravel;

import dev.eventscope.application.BookkeepingCodec;
import dev.eventscope.eventstore.EventCursor;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.projection.EventStampsProjection;
import dev.eventscope.projection.Projections;
import dev.eventscope.projection.ReadModelRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The event stamps read model (a server ledger's cache) holds exactly what an independent reading of the events says:
 * one row per account event, with its position, user, command and recorded time, and nothing for other streams.
 */
class EventStampsReadModelTest {

    @TempDir
    Path folder;

    @Test
    void every_account_event_is_stamped_and_nothing_else() {
        try (TimeTravelFixture fixture = new TimeTravelFixture(folder.resolve("ledger.sqlite"), 10, 7)) {
            RandomLedger ledger = new RandomLedger(5);
            var service = RandomLedger.service(fixture.store, "p");
            ledger.create(service, 5);
            ledger.importEntries(service, 30);
            ledger.post(service, 5);
            ledger.freezeAndUnfreeze(service);
            List<List<Object>> expected = new ArrayList<>();
            boolean otherStreams = false;
            try (EventCursor cursor = fixture.store.readAll(0)) {
                while (cursor.hasNext()) {
                    RecordedEvent event = cursor.next();
                    if (event.streamId().value().startsWith("account-")) {
                        expected.add(java.util.Arrays.asList(event.position(), event.metadata().user(), event.metadata().commandName(),
                                event.recordedAtMicros()));
                    } else {
                        otherStreams = true;
                    }
                }
            }
            assertFalse(expected.isEmpty(), "the ledger has account events");
            assertEquals(true, otherStreams, "and events of other streams, which get no stamp");
            try (Projections stamps = new Projections(fixture.store, BookkeepingCodec.create(), fixture.readModels,
                    List.of(new EventStampsProjection()), 7)) {
                stamps.open(dev.eventscope.projection.ProgressListener.NONE);
            }
            List<List<Object>> rows = new ArrayList<>();
            for (ReadModelRow row : fixture.readModels.ledgerQueries().dump(EventStampsProjection.NAME).get(EventStampsProjection.EVENTS)) {
                rows.add(java.util.Arrays.asList(row.integer(0), row.text(1), row.text(2), row.integer(3)));
            }
            assertEquals(expected, rows);
        }
    }
}
