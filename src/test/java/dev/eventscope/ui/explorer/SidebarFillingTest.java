package dev.eventscope.ui.explorer;

import dev.eventscope.application.BookkeepingCodec;
import dev.eventscope.bootstrap.SqliteLedgerStoreFactory;
import dev.eventscope.eventstore.EventCursor;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.projection.BuiltInProjections;
import dev.eventscope.projection.Projections;
import dev.eventscope.projection.sqlite.SqliteReadModelStoreFactory;
import dev.eventscope.projection.sqlite.search.SqliteSearchIndexFactory;
import dev.eventscope.session.LedgerSession;
import dev.eventscope.session.LedgerSessions;
import dev.eventscope.ui.LedgerFixtures;
import dev.eventscope.ui.SameThreadExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A first open lists the ledger's streams for the sidebar once, after the read models' catch-up, never once per batch
 * nor beside the catch-up (session 18: on 252,001 streams that is a second or more of CPU taken from the catch-up);
 * meanwhile the sidebar says it is filling, and what it shows after is what it showed before.
 */
class SidebarFillingTest {

    /** Small batches, so that the catch-up of the fixture's 184 events runs in many of them. */
    private static final int BATCH = 10;

    @TempDir
    Path folder;

    private final SameThreadExecutor executor = new SameThreadExecutor();
    private final List<String> errors = new ArrayList<>();
    private final AtomicLong listings = new AtomicLong();
    private final AtomicLong caughtUp = new AtomicLong();
    private final List<Long> caughtUpAtListing = new ArrayList<>();
    private ExplorerViewModel explorer;

    @AfterEach
    void close() {
        if (explorer != null) {
            explorer.close();
        }
        if (session != null) {
            session.close();
        }
    }

    private LedgerSession session;

    /** The store, counting its listings of streams and the events its catch-up cursors have handed out. */
    private EventStore counting(EventStore store) {
        return (EventStore) Proxy.newProxyInstance(EventStore.class.getClassLoader(), new Class<?>[]{EventStore.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("streams")) {
                        synchronized (caughtUpAtListing) {
                            caughtUpAtListing.add(caughtUp.get());
                        }
                        listings.incrementAndGet();
                    }
                    Object result = invoke(store, method, args);
                    return method.getName().equals("readAllForProjections") ? counted((EventCursor) result) : result;
                });
    }

    private EventCursor counted(EventCursor cursor) {
        return (EventCursor) Proxy.newProxyInstance(EventCursor.class.getClassLoader(), new Class<?>[]{EventCursor.class},
                (proxy, method, args) -> {
                    Object result = invoke(cursor, method, args);
                    if (method.getName().equals("next")) {
                        caughtUp.incrementAndGet();
                    }
                    return result;
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException thrown) {
            throw thrown.getCause();
        }
    }

    private ExplorerViewModel open(Path file) {
        LedgerSessions sessions = new LedgerSessions(new SqliteLedgerStoreFactory(), new SqliteReadModelStoreFactory(),
                new SqliteSearchIndexFactory(), (store, readModels) -> new Projections(store, BookkeepingCodec.create(), readModels,
                BuiltInProjections.forStore(readModels), BATCH));
        session = sessions.of(file, counting(SqliteEventStore.open(file)));
        explorer = new ExplorerViewModel(session, executor, Clock.fixed(Instant.parse("2025-04-01T10:15:30Z"), ZoneOffset.UTC),
                ZoneOffset.UTC, errors::add);
        return explorer;
    }

    private static List<String> labels(List<SidebarNode> nodes) {
        return nodes.stream().map(SidebarNode::label).toList();
    }

    @Test
    void a_first_open_lists_the_streams_once_after_a_catch_up_of_many_batches_never_per_batch() throws Exception {
        Path file = LedgerFixtures.bookkeepingLedger(folder.resolve("books.ledger"), 60);
        open(file).start();
        explorer.startProjections();

        long events = caughtUp.get();
        assertTrue(events >= 10 * BATCH, "the catch-up ran in many batches: " + events + " events in batches of " + BATCH);
        assertEquals(1, listings.get(), "one listing of the streams for the whole first open");
        assertEquals(List.of(events), caughtUpAtListing, "listed once the catch-up had read every event, not beside it");
        assertEquals(List.of("Ledger", "Accounts", "Journal entries"), labels(explorer.sidebar().groupsProperty().get()));
        assertFalse(explorer.sidebar().fillingProperty().get());
        assertEquals(184, explorer.eventCountProperty().get());
        assertTrue(errors.isEmpty(), errors::toString);
    }

    @Test
    void while_the_first_listing_waits_the_sidebar_says_it_is_filling_and_refreshes_meanwhile_wait_with_it() throws Exception {
        Path file = LedgerFixtures.bookkeepingLedger(folder.resolve("books.ledger"), 6);
        open(file);
        executor.hold();
        explorer.start();
        assertEquals(List.of(SidebarViewModel.FILLING), explorer.sidebar().groupsProperty().get());
        assertTrue(explorer.sidebar().fillingProperty().get());
        explorer.sidebar().searchProperty().set("checking"); // typed while the streams are not listed yet
        explorer.refresh(); // F5 while waiting: no second listing
        assertEquals(List.of(SidebarViewModel.FILLING), explorer.sidebar().groupsProperty().get());

        executor.runHeld();
        assertEquals(1, listings.get(), "one listing");
        assertFalse(explorer.sidebar().fillingProperty().get());
        assertEquals(List.of("Accounts"), labels(explorer.sidebar().groupsProperty().get()), "grouped for the search typed meanwhile");
        assertEquals(22, explorer.eventCountProperty().get());
        assertTrue(errors.isEmpty(), errors::toString);
    }

    /**
     * Session 19: the window starts the projections panel's opening (the catch-up) before the explorer's first paint, so the
     * read-model engine exists when the sidebar first lists: the listing must still wait for the catch-up, not run beside it.
     */
    @Test
    void a_catch_up_begun_by_the_projections_panel_before_the_first_listing_is_waited_for_all_the_same() throws Exception {
        Path file = LedgerFixtures.bookkeepingLedger(folder.resolve("books.ledger"), 60);
        open(file);
        session.projections(); // the panel's opening has made the engine (its first step) and not caught it up yet
        executor.hold();
        explorer.startProjections();
        explorer.start();
        assertTrue(explorer.sidebar().fillingProperty().get(), "the first listing waits for the catch-up under way");
        assertEquals(List.of(SidebarViewModel.FILLING), explorer.sidebar().groupsProperty().get());

        executor.runHeld();
        long events = caughtUp.get();
        assertTrue(events >= 10 * BATCH, "the catch-up ran in many batches: " + events);
        assertEquals(List.of(events), caughtUpAtListing, "one listing, once the catch-up had read every event");
        assertFalse(explorer.sidebar().fillingProperty().get());
        assertEquals(List.of("Ledger", "Accounts", "Journal entries"), labels(explorer.sidebar().groupsProperty().get()));
        assertTrue(errors.isEmpty(), errors::toString);
    }

    /**
     * Session 22: the sidebar's first listing opens the read models too, and in the window's order (the explorer started,
     * then the projections) its worker came first in 11 of 15 of the app's first opens of a 1M-event ledger: the whole
     * catch-up ran telling nobody, the window saying "catching up…" with no figure until the end. Here the listing's work
     * runs first (the executor runs the held work in the order it was asked for): the projections panel's status line and
     * the timeline's status must still say how far the catch-up is.
     */
    @Test
    void a_catch_up_run_by_the_first_listing_tells_the_projections_panel_and_the_timeline_how_far_it_is() throws Exception {
        Path file = LedgerFixtures.bookkeepingLedger(folder.resolve("books.ledger"), 60);
        open(file);
        List<String> statusLines = new ArrayList<>();
        List<String> timelineStatuses = new ArrayList<>();
        explorer.projections().statusLineProperty().addListener((observable, was, line) -> statusLines.add(line));
        explorer.timeline().statusProperty().addListener((observable, was, status) -> timelineStatuses.add(status));
        executor.hold();
        explorer.start();
        explorer.startProjections();
        executor.runHeld();

        assertTrue(caughtUp.get() >= 10 * BATCH, "the catch-up ran in many batches: " + caughtUp.get());
        assertEquals(List.of(caughtUp.get()), caughtUpAtListing, "the listing's worker ran the catch-up, then listed");
        // a figure is shown at most four times a second (ProgressListener.SHOWN_EVERY), always the first batch's and the end
        assertTrue(statusLines.stream().anyMatch(line -> line.matches("Projections: catching up… \\d{1,2} %.*")),
                "the status line told how far the catch-up was: " + statusLines);
        assertTrue(timelineStatuses.stream().anyMatch(status -> status.contains("(event ")),
                "the timeline told how far the catch-up was: " + timelineStatuses);
        assertTrue(errors.isEmpty(), errors::toString);
    }

    @Test
    void a_ledger_whose_read_models_are_open_is_listed_at_once() throws Exception {
        Path file = LedgerFixtures.bookkeepingLedger(folder.resolve("books.ledger"), 6);
        open(file);
        session.openReadModels();
        executor.hold();
        explorer.start();
        assertFalse(explorer.sidebar().fillingProperty().get(), "no wait: the read models are open");
        executor.runHeld();
        assertEquals(1, listings.get());
        assertEquals(List.of("Ledger", "Accounts", "Journal entries"), labels(explorer.sidebar().groupsProperty().get()));
    }
}
