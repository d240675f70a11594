package dev.eventscope.audit;

import dev.eventscope.eventstore.Direction;
import dev.eventscope.eventstore.EventCursor;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.EventStoreException;
import dev.eventscope.eventstore.EventsThrough;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.StreamFilter;
import dev.eventscope.eventstore.StreamInfo;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.timetravel.LedgerPrefix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The report's view of a ledger through a position reads what a ledger cut at that position holds, every way it is read. */
class EventsThroughTest {

    @TempDir
    Path folder;

    @Test
    void the_view_through_a_position_reads_as_the_ledger_cut_there() {
        Path ledger = AuditFixtures.acmeLedger(folder.resolve("acme.ledger"));
        long last;
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger)) {
            last = store.lastPosition();
        }
        for (long through : new long[] {1, last / 3, last / 2, last - 1, last}) {
            Path cut = folder.resolve("cut-" + through + ".ledger");
            LedgerPrefix.copy(ledger, cut, event -> event.position() <= through);
            try (SqliteEventStore whole = SqliteEventStore.openReadOnly(ledger); SqliteEventStore cutOne = SqliteEventStore.openReadOnly(cut)) {
                EventStore view = new EventsThrough(whole, through);
                String at = "through #" + through;
                assertEquals(cutOne.lastPosition(), view.lastPosition(), at);
                assertEquals(positions(cutOne, 0), positions(view, 0), at);
                assertEquals(positions(cutOne, through / 2), positions(view, through / 2), at);
                assertFalse(view.readAt(through + 1).isPresent(), at);
                assertEquals(cutOne.readAt(through).map(RecordedEvent::eventId), view.readAt(through).map(RecordedEvent::eventId), at);
                List<StreamInfo> streams = cutOne.streams(StreamFilter.ALL);
                assertEquals(streams, view.streams(StreamFilter.ALL), at);
                for (StreamInfo stream : whole.streams(StreamFilter.ALL)) {
                    String what = stream.streamId() + " " + at;
                    assertEquals(cutOne.streamVersion(stream.streamId()), view.streamVersion(stream.streamId()), what);
                    assertEquals(ids(cutOne.readStream(stream.streamId(), 1, Direction.FORWARD, 1_000)),
                            ids(view.readStream(stream.streamId(), 1, Direction.FORWARD, 1_000)), what);
                    assertEquals(ids(cutOne.readStream(stream.streamId(), Long.MAX_VALUE, Direction.BACKWARD, 2)),
                            ids(view.readStream(stream.streamId(), Long.MAX_VALUE, Direction.BACKWARD, 2)), what);
                }
                // the journal-entry tests a report adds read the same entries as on the cut ledger
                var settings = dev.eventscope.audit.tests.TestSettings.defaults(java.time.ZoneOffset.UTC);
                assertEquals(ReportWorkbench.of(cutOne, null, true, settings), ReportWorkbench.of(view, null, true, settings), at);
                assertTrue(view.isReadOnly());
                assertThrows(EventStoreException.class, view::beginBulkAppend);
            }
        }
    }

    private static List<Long> positions(EventStore store, long after) {
        List<Long> positions = new ArrayList<>();
        try (EventCursor cursor = store.readAll(after)) {
            while (cursor.hasNext()) {
                positions.add(cursor.next().position());
            }
        }
        return positions;
    }

    private static List<String> ids(List<RecordedEvent> events) {
        return events.stream().map(RecordedEvent::eventId).toList();
    }
}
