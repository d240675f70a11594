package dev.eventscope.ui.explorer;

import dev.eventscope.session.TestSessions;
import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.ExpectedVersion;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.ui.SameThreadExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HistoryViewModelTest {

    private static final StreamId BUSY = StreamId.of("account-assets:bank");
    private static final int EVENTS = HistoryViewModel.MOST_EVENTS + 500;

    @TempDir
    Path folder;

    private SqliteEventStore store;
    private final List<String> errors = new ArrayList<>();
    private HistoryViewModel history;

    @BeforeEach
    void open() throws Exception {
        store = SqliteEventStore.open(folder.resolve("busy.ledger"));
        List<NewEvent> events = new ArrayList<>();
        for (int number = 1; number <= EVENTS; number++) {
            events.add(new NewEvent("event-" + number, "PostingRecorded", 1, "{\"n\":" + number + "}", EventMetadata.by("alice")));
        }
        store.append(BUSY, ExpectedVersion.NO_STREAM, events);
        history = new HistoryViewModel(TestSessions.of(folder.resolve("busy.ledger"), store), new SameThreadExecutor(), ZoneOffset.UTC, errors::add);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void given_a_stream_longer_than_the_limit_when_shown_then_only_its_newest_events_are_loaded_and_the_title_says_so() {
        history.show(BUSY, 0);
        assertEquals(HistoryViewModel.MOST_EVENTS, history.rows().size());
        assertEquals(EVENTS, history.rows().stream().mapToLong(row -> row.event().version()).max().orElseThrow());
        assertTrue(history.titleProperty().get().contains("versions 501–10,500 of 10,500 events"), history.titleProperty().get());
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void given_an_old_event_to_select_when_shown_then_the_events_around_it_are_loaded_and_it_is_selected() {
        history.show(BUSY, 3);
        assertEquals(3, history.selectedProperty().get().position());
        assertEquals(1, history.rows().stream().mapToLong(row -> row.event().version()).min().orElseThrow());
        assertTrue(history.rows().size() <= HistoryViewModel.MOST_EVENTS);
    }
}
