package dev.eventscope.ui.explorer;

import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.ExpectedVersion;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.ui.LedgerFixtures;
import dev.eventscope.session.LedgerSession;
import dev.eventscope.session.TestSessions;
import dev.eventscope.ui.SameThreadExecutor;
import dev.eventscope.ui.explorer.IntegrityViewModel.BannerState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The explorer's view models over a real ledger, with a same-thread executor and no screen. */
class ExplorerViewModelTest {

    private static final StreamId CHECKING = StreamId.of(LedgerFixtures.CHECKING);

    @TempDir
    Path folder;

    private final SameThreadExecutor executor = new SameThreadExecutor();
    private final List<String> errors = new ArrayList<>();
    private SqliteEventStore store;
    private ExplorerViewModel explorer;

    /** 4 setup events, then 6 entries of 3 events: 22 events; checking has 7, sales 5 (4 entries + opening), rent 3. */
    private ExplorerViewModel open(Path file) {
        store = SqliteEventStore.open(file);
        explorer = new ExplorerViewModel(TestSessions.of(file, store), executor,
                Clock.fixed(Instant.parse("2025-04-01T10:15:30Z"), ZoneOffset.UTC), ZoneOffset.UTC, errors::add);
        explorer.start();
        return explorer;
    }

    private Path ledger() throws Exception {
        return LedgerFixtures.bookkeepingLedger(folder.resolve("books.ledger"), 6);
    }

    @AfterEach
    void close() {
        if (explorer != null) {
            explorer.close();
        }
        if (store != null) {
            store.close();
        }
    }

    @Test
    void opening_fills_the_sidebar_and_the_status() throws Exception {
        open(ledger());
        assertEquals(List.of("Ledger", "Accounts", "Journal entries"),
                explorer.sidebar().groupsProperty().get().stream().map(SidebarNode::label).toList());
        assertEquals(22, explorer.eventCountProperty().get());
        assertEquals(22, explorer.lastPositionProperty().get());
        assertEquals("10:15:30", explorer.lastRefreshProperty().get());
    }

    @Test
    void the_sidebar_subtotals_show_on_the_first_open_even_when_the_first_question_comes_before_any_panel_opened_the_read_models()
            throws Exception {
        // a copy of a sample whose read models do not exist yet: the sidebar asks for subtotals in its first refresh,
        // before the timeline or the projections panel opened (built) the read models (CI once lost this race and the
        // subtotals never came)
        Path copy = java.nio.file.Files.copy(Path.of("sample-data/ledgers/small-business.ledger"), folder.resolve("small-business.ledger"));
        open(copy);
        java.util.Map<String, String> subtotals = explorer.sidebar().subtotalsProperty().get();
        assertTrue(subtotals.containsKey("assets"), "the assets level has its subtotal: " + subtotals);
        assertTrue(errors.isEmpty(), errors::toString);
    }

    @Test
    void selecting_an_account_shows_its_history_and_selecting_an_event_its_detail() throws Exception {
        open(ledger());
        explorer.sidebar().select(CHECKING);
        HistoryViewModel history = explorer.history();
        assertEquals(7, history.rows().size());
        assertTrue(history.titleProperty().get().startsWith(LedgerFixtures.CHECKING));
        history.select(history.rows().get(1));
        assertEquals("PostingRecorded  ·  #6", explorer.detail().headingProperty().get());
        assertTrue(explorer.detail().jsonProperty().get().contains("\"entryId\" : \"entry-0001\""));
        assertEquals("cmd-1", field("Correlation id").value());
        assertEquals(MetadataField.Link.CORRELATION, field("Correlation id").link());
        assertEquals("? unverified", field("Hash status").value());
    }

    private MetadataField field(String label) {
        return explorer.detail().metadata().stream().filter(field -> field.label().equals(label)).findFirst().orElseThrow();
    }

    @Test
    void history_filters_by_type_user_date_and_text() throws Exception {
        open(ledger());
        explorer.sidebar().select(CHECKING);
        HistoryViewModel history = explorer.history();
        assertEquals(List.of("AccountOpened", "PostingRecorded"), history.eventTypeChoices());
        history.checkedEventTypes().setAll("PostingRecorded");
        assertEquals(6, history.rows().size());
        history.checkedEventTypes().setAll("PostingRecorded", "AccountOpened");
        assertEquals(7, history.rows().size(), "an event of any ticked type shows");
        history.checkedEventTypes().remove("AccountOpened");
        history.checkedUsers().setAll("bob");
        assertEquals(3, history.rows().size());
        history.textProperty().set("OFFICE RENT");
        assertEquals(1, history.rows().size());
        history.clearFilters();
        LocalDate firstDay = history.rows().get(0).recordedDate();
        history.recordedToProperty().set(firstDay);
        assertTrue(history.rows().size() < 7 && !history.rows().isEmpty(), "events of the first day only");
        history.recordedFromProperty().set(firstDay.plusDays(1));
        assertEquals(0, history.rows().size());
    }

    @Test
    void the_newest_stream_request_wins_even_when_an_older_one_finishes_last() throws Exception {
        open(ledger());
        executor.hold();
        explorer.sidebar().select(CHECKING);
        explorer.sidebar().select(StreamId.of(LedgerFixtures.RENT));
        assertTrue(explorer.history().loadingProperty().get());
        executor.runNewestFirst();
        assertEquals(3, explorer.history().rows().size());
        assertEquals(StreamId.of(LedgerFixtures.RENT), explorer.history().rows().get(0).event().streamId());
    }

    @Test
    void verifying_an_intact_ledger_shows_the_green_banner_and_verifies_every_row() throws Exception {
        open(ledger());
        explorer.sidebar().select(CHECKING);
        explorer.integrity().verify();
        assertEquals(BannerState.INTACT, explorer.integrity().bannerStateProperty().get());
        assertTrue(explorer.integrity().bannerTextProperty().get().startsWith("Intact through #22 · head hash "));
        assertTrue(explorer.history().rows().stream().allMatch(row -> row.hashStatus() == HashStatus.VERIFIED));
        assertEquals(0, explorer.integrity().jumpPosition());
    }

    @Test
    void verifying_a_tampered_ledger_names_the_position_and_jumping_selects_that_event() throws Exception {
        Path file = ledger();
        LedgerFixtures.tamper(file, 10, "{\"entryId\":\"entry-0002\",\"amount\":\"1000000.00 EUR\"}");
        open(file);
        explorer.integrity().verify();
        assertEquals(BannerState.TAMPERED, explorer.integrity().bannerStateProperty().get());
        assertTrue(explorer.integrity().bannerTextProperty().get().startsWith("Tampered at #10: altered — "));

        explorer.jumpTo(explorer.integrity().jumpPosition());
        EventRow selected = explorer.history().selectedProperty().get();
        assertEquals(10, selected.position());
        assertEquals(selected.event().streamId(), explorer.sidebar().selectedStreamProperty().get());
        assertEquals(HashStatus.TAMPERED, selected.hashStatus());
        assertEquals("✗ altered", selected.hashLabel());
        assertTrue(explorer.history().rows().stream().filter(row -> row.position() > 10)
                .allMatch(row -> row.hashStatus() == HashStatus.UNVERIFIABLE));
    }

    @Test
    void a_correlation_id_shows_every_event_of_that_command_across_streams() throws Exception {
        open(ledger());
        explorer.followCorrelation("cmd-2");
        HistoryViewModel history = explorer.history();
        assertNull(history.streamProperty().get());
        assertTrue(history.acrossStreamsProperty().get());
        assertEquals(List.of(8L, 9L, 10L), history.rows().stream().map(EventRow::position).toList());
        assertNull(explorer.sidebar().selectedStreamProperty().get());
    }

    @Test
    void a_causation_id_jumps_to_the_event_that_caused_it() throws Exception {
        open(ledger());
        explorer.followCausation("entry-0003-recorded");
        assertEquals(11, explorer.history().selectedProperty().get().position());
        assertEquals(StreamId.of("entry-0003"), explorer.sidebar().selectedStreamProperty().get());
        explorer.followCausation("no-such-event");
        assertEquals(List.of("No event with the id 'no-such-event' is in this ledger; the cause may live in another system."), errors);
    }

    @Test
    void events_appended_by_another_writer_refresh_the_counts_and_the_open_history() throws Exception {
        Path file = ledger();
        open(file);
        explorer.sidebar().select(CHECKING);
        try (SqliteEventStore otherProcess = SqliteEventStore.open(file)) {
            otherProcess.append(CHECKING, ExpectedVersion.ANY, List.of(new NewEvent("late", "PostingRecorded", 1,
                    "{\"amount\":\"1.00 EUR\"}", EventMetadata.by("carol"))));
        }
        eventually(() -> explorer.eventCountProperty().get() == 23 && explorer.history().rows().size() == 8);
        assertEquals("carol", explorer.history().rows().get(7).user());
    }

    private static void eventually(BooleanSupplier condition) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).pollInterval(java.time.Duration.ofMillis(20))
                .until(condition::getAsBoolean);
    }
}
