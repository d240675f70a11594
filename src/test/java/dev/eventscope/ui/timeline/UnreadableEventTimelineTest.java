package dev.eventscope.ui.timeline;

import dev.eventscope.eventstore.StreamId;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.samples.SampleLedgers;
import dev.eventscope.session.LedgerSession;
import dev.eventscope.session.TestSessions;
import dev.eventscope.ui.SameThreadExecutor;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static dev.eventscope.testing.Texts.assertMentions;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A copy of the small-business sample whose event #250 (account income:sales:design-services) no longer
 * holds valid JSON.
 * Past it the account's state cannot be rebuilt; the panel must say so instead of keeping the state of
 * the point shown before under the new point's label, and show states again before it.
 */
class UnreadableEventTimelineTest {

    private static final StreamId ACCOUNT = StreamId.of("account-income:sales:design-services");

    @TempDir
    Path folder;

    private final SameThreadExecutor executor = new SameThreadExecutor();
    private final SimpleObjectProperty<StreamId> selected = new SimpleObjectProperty<>();
    private SqliteEventStore store;
    private TimelineViewModel model;
    private PointStateViewModel state;

    @BeforeEach
    void open() throws Exception {
        Path ledger = Files.copy(Path.of("sample-data/ledgers/small-business.ledger"), folder.resolve("unreadable.ledger"));
        SampleLedgers.tamper(ledger, "replace(data, '\"amount\":', '\"amount\":1')");
        store = SqliteEventStore.open(ledger);
        List<Long> jumps = new ArrayList<>();
        model = new TimelineViewModel(TestSessions.of(ledger, store), executor, ZoneOffset.UTC, selected);
        state = StatePanelModels.following(model, executor, jumps::add).state();
        model.start();
        selected.set(ACCOUNT);
    }

    @AfterEach
    void close() {
        model.close();
        store.close();
    }

    @Test
    void past_the_unreadable_event_the_panel_says_which_event_and_shows_no_stale_state() {
        model.select(2);
        assertFalse(state.rows().isEmpty(), "before #250 the state is shown");
        assertFalse(state.headingProperty().get().startsWith("No state"), state.headingProperty().get());

        model.toEnd();
        assertTrue(state.rows().isEmpty(), "no rows of an earlier point under the last point's label");
        assertMentions(state.headingProperty().get(), "No state at", "position 250", "cannot be read");
        assertMentions(model.statusProperty().get(), "position 250");

        model.select(2);
        assertFalse(state.rows().isEmpty(), "states before #250 are shown again");
    }
}
