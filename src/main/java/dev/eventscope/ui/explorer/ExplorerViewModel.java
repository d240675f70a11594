package dev.eventscope.ui.explorer;

import dev.eventscope.eventstore.EventCursor;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.StreamFilter;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.eventstore.StreamInfo;
import dev.eventscope.session.LedgerSession;
import dev.eventscope.timetravel.Point;
import dev.eventscope.ui.ErrorMessages;
import dev.eventscope.ui.TaskExecutor;
import dev.eventscope.ui.timeline.StatePanelModels;
import dev.eventscope.ui.timeline.TimelineViewModel;
import dev.eventscope.ui.knownat.KnownAtViewModel;
import dev.eventscope.ui.projections.ProjectionsViewModel;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The explorer screen of one open ledger: sidebar, history, event detail and integrity check, the
 * status line, following links between events, and live refresh when events are appended (here or
 * by another process).
 */
public final class ExplorerViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(ExplorerViewModel.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final LedgerSession session;
    private final SessionWork executor;
    private dev.eventscope.ui.statements.StatementsViewModel statements;
    private final Clock clock;
    private final ZoneId zone;
    private final Consumer<String> errors;
    private final SidebarViewModel sidebar;
    private final HistoryViewModel history;
    private final EventDetailViewModel detail = new EventDetailViewModel();
    private final IntegrityViewModel integrity;
    private final TimelineViewModel timeline;
    private final StatePanelModels statePanel;
    private final ProjectionsViewModel projections;
    private final KnownAtViewModel knownAt;
    private final ForeignAppends foreignAppends;
    private final ReadOnlyLongWrapper eventCount = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper lastPosition = new ReadOnlyLongWrapper();
    private final ReadOnlyStringWrapper lastRefresh = new ReadOnlyStringWrapper("");
    private final AtomicBoolean refreshPending = new AtomicBoolean();
    private AutoCloseable subscription;
    private long started = System.nanoTime();
    private volatile boolean closed;
    /** Whether this view model opened the read models (or saw them opened) before its first question to them. */
    private volatile boolean readModelsOpened;
    /** Set (on the UI thread) while the first listing of the streams waits for the read models; refreshes meanwhile wait with it. */
    private boolean listingWaits;
    /** A refresh of everything asked for while the first listing waited. */
    private boolean everythingAsked;
    /** Set while the history and the timeline follow each other, so neither echoes the other's move back. */
    private boolean linking;

    public ExplorerViewModel(LedgerSession session, TaskExecutor executor, Clock clock, ZoneId zone, Consumer<String> errors) {
        this.session = session;
        // every panel's background work goes through it, so a close can await (and then silence) what still runs
        this.executor = new SessionWork(executor);
        this.clock = clock;
        this.zone = zone;
        this.errors = errors;
        this.sidebar = new SidebarViewModel(this.executor);
        this.history = new HistoryViewModel(session, this.executor, zone, errors);
        this.integrity = new IntegrityViewModel(session, this.executor, errors);
        this.timeline = new TimelineViewModel(session, this.executor, zone, sidebar.selectedStreamProperty());
        this.statePanel = StatePanelModels.following(timeline, this.executor, this::jumpTo);
        this.projections = new ProjectionsViewModel(session, this.executor, clock, zone, this::jumpTo);
        this.knownAt = new KnownAtViewModel(session, this.executor, zone, this::jumpTo);
        this.foreignAppends = new ForeignAppends(session, this.executor);
        sidebar.selectedStreamProperty().addListener((observable, before, stream) -> {
            if (stream != null && !stream.equals(history.streamProperty().get())) {
                history.show(stream, 0);
            }
        });
        history.selectedProperty().addListener((observable, before, row) -> {
            detail.show(row);
            // an event picked in the history of the stream the timeline shows moves the slider to it
            if (row != null && !linking && timeline.scope() != null && timeline.scope().equals(row.event().streamId())
                    && timeline.positionShown() != row.position()) {
                linking = true;
                try {
                    timeline.showPosition(row.position());
                } finally {
                    linking = false;
                }
            }
        });
        timeline.indexProperty().addListener((observable, before, index) -> highlightEventAtSlider());
        integrity.reportProperty().addListener((observable, before, report) -> {
            history.setIntegrityReport(report);
            detail.show(history.selectedProperty().get());
        });
    }

    /** The slider moved: the history of the same stream highlights the last event at or before its point. */
    private void highlightEventAtSlider() {
        StreamId scope = timeline.scope();
        long position = timeline.positionShown();
        if (linking || scope == null || !scope.equals(history.streamProperty().get())) {
            return;
        }
        EventRow picked = history.selectedProperty().get();
        if (timeline.placingAfterLoad()) {
            // a timeline just loaded for the stream: it goes to the event picked in the history (a jump, a
            // link), rather than the history following a slider that merely starts at the end
            if (picked != null && scope.equals(picked.event().streamId()) && picked.position() != position) {
                executor.onUiThread(() -> timeline.showPosition(picked.position()));
            }
            return;
        }
        if (position <= 0) {
            return;
        }
        EventRow atPoint = null;
        for (EventRow row : history.rows()) {
            if (row.position() <= position && (atPoint == null || row.position() > atPoint.position())) {
                atPoint = row;
            }
        }
        if (atPoint != null && atPoint != history.selectedProperty().get()) {
            linking = true;
            try {
                history.select(atPoint);
            } finally {
                linking = false;
            }
        }
    }

    /** Loads the sidebar and starts listening for new events. */
    public void start() {
        started = System.nanoTime();
        refresh(false);
        // the timeline and the projections panel both open the read models; whichever does tells both how far
        timeline.start(projections.openingProgress());
        foreignAppends.start();
        subscription = session.subscribe((fromPosition, toPosition) -> {
            // many appends in a burst become one refresh
            if (refreshPending.compareAndSet(false, true)) {
                executor.onUiThread(() -> {
                    refreshPending.set(false);
                    refresh(false);
                });
            }
        });
    }

    /** F5 and View › Refresh: re-reads everything shown, also what did not seem to change. */
    public void refresh() {
        refresh(true);
    }

    /**
     * Re-reads the streams and the status; reloads the open history when its stream has grown, and every
     * panel that shows a point of the ledger (timeline, state, chart, comparison, projections) when the
     * ledger's last position moved or {@code everything} is asked for.
     */
    private void refresh(boolean everything) {
        if (closed) {
            return;
        }
        if (listingWaits) {
            // the first listing waits for the read models and lists everything then, appends made meanwhile included
            everythingAsked |= everything;
            return;
        }
        // a first open lists and groups the streams (250,000 journal entries: a second or more of CPU) once its
        // catch-up has ended, rather than beside it on a loaded machine; the sidebar says it is filling meanwhile
        // (the projections panel may have begun the opening before this first listing: the window starts it at once)
        boolean waitForReadModels = !readModelsOpened && (!session.readModelsOpen() || projections.openingProperty().get());
        if (waitForReadModels) {
            listingWaits = true;
            sidebar.showFilling();
        }
        long asked = System.nanoTime();
        java.util.function.Function<List<StreamInfo>, SidebarViewModel.Prepared> grouping = sidebar.preparer();
        executor.run(() -> {
            if (waitForReadModels) {
                awaitReadModels();
            }
            long listing = System.nanoTime();
            long lastPosition = session.lastPosition();
            List<StreamInfo> streams = session.streams(StreamFilter.ALL);
            long listed = System.nanoTime();
            // grouped here, off the UI thread: 250,000 journal entries must not stall the window
            SidebarViewModel.Prepared prepared = grouping.apply(streams);
            long events = streams.stream().mapToLong(StreamInfo::version).sum();
            LOG.info("listed {} streams in {} ms (after {} ms waiting for the read models), grouped in {} ms ({} ms after opening)",
                    streams.size(), (listed - listing) / 1_000_000, (listing - asked) / 1_000_000,
                    (System.nanoTime() - listed) / 1_000_000, (System.nanoTime() - started) / 1_000_000);
            return new Snapshot(prepared, events, lastPosition);
        }, latest -> {
            boolean all = everything || everythingAsked;
            listingWaits = false;
            everythingAsked = false;
            if (closed) {
                return;
            }
            long applying = System.nanoTime();
            StreamId shown = history.streamProperty().get();
            long versionBefore = shown == null ? 0 : sidebar.versionOf(shown);
            sidebar.apply(latest.sidebar());
            boolean moved = latest.lastPosition() != lastPosition.get();
            eventCount.set(latest.events());
            lastPosition.set(latest.lastPosition());
            lastRefresh.set(TIME.format(clock.instant().atZone(zone)));
            if (shown != null && (all || sidebar.versionOf(shown) != versionBefore)) {
                history.reload();
            }
            if (moved || all) {
                timeline.followLedger();
                projections.refreshStatus();
                showSubtotals(latest.lastPosition());
            }
            LOG.info("sidebar and status shown in {} ms on the UI thread", (System.nanoTime() - applying) / 1_000_000);
        }, failure -> {
            listingWaits = false;
            fail(failure);
        });
    }

    /**
     * Opens the read models, or waits for the opening under way (a first open's catch-up); when they cannot be opened
     * the streams are listed all the same (the projections panel tells what went wrong).
     */
    private void awaitReadModels() {
        try {
            // session 22: this worker, asked first, ran the whole catch-up in 11 of 15 of the app's first opens of a 1M-event
            // ledger; it tells the panel and the timeline how far, as they do (docs/cli-speed.md, "Session 22 (appopen)")
            projections.openReadModels(timeline.preparing());
            readModelsOpened = true;
        } catch (RuntimeException failure) {
            LOG.info("listing the streams without the read models: {}", failure.toString());
        }
    }

    /** The parent accounts' subtotals at the ledger's last position, from the read models (off the UI thread). */
    private void showSubtotals(long position) {
        executor.run(() -> {
            if (!readModelsOpened) {
                // the first ask may come before the projections panel or the timeline opened the read models (on a
                // first open they do not exist yet, an outdated one is rebuilt): open them, or wait for the opening
                // under way, as those panels do, rather than find the register stopped and never show the subtotals
                projections.openReadModels(timeline.preparing());
                readModelsOpened = true;
            }
            return SidebarViewModel.subtotalTexts(session.timeTravel().ledgerBalancesAt(new Point.AtPosition(position)).balances());
        },
                texts -> {
                    if (!closed && position == lastPosition.get()) {
                        sidebar.setSubtotals(texts);
                    }
                }, failure -> LOG.info("no subtotals for the sidebar: {}", failure.toString()));
    }

    private record Snapshot(SidebarViewModel.Prepared sidebar, long events, long lastPosition) {
    }

    /** Selects the event at {@code position} (or the next one, when it was removed) in its stream's history. */
    public void jumpTo(long position) {
        executor.run(() -> firstEvent(position - 1, event -> true), found -> {
            if (found.isEmpty()) {
                errors.accept("There is no event at position " + position + " or after it in this ledger.");
                return;
            }
            RecordedEvent event = found.get();
            history.show(event.streamId(), event.position());
            sidebar.select(event.streamId());
        }, this::fail);
    }

    /**
     * Shows a stream a command just wrote (a new entry): selected in the sidebar, its history with the first event the
     * command wrote to it selected, so its detail shows too.
     */
    public void showWritten(StreamId stream, List<Long> positions) {
        executor.run(() -> positions.stream().filter(position -> session.readAt(position)
                        .map(event -> event.streamId().equals(stream)).orElse(false)).findFirst().orElse(0L),
                position -> {
                    sidebar.select(stream);
                    history.show(stream, position);
                }, this::fail);
    }

    /** Jumps to the event whose event id is {@code causationId}. */
    public void followCausation(String causationId) {
        executor.run(() -> firstEvent(0, event -> causationId.equals(event.eventId())), found -> {
            if (found.isEmpty()) {
                errors.accept("No event with the id '" + causationId + "' is in this ledger; the cause may live in another system.");
            } else {
                jumpTo(found.get().position());
            }
        }, this::fail);
    }

    /** Shows every event that shares {@code correlationId}, across streams. */
    public void followCorrelation(String correlationId) {
        long selected = history.selectedProperty().get() == null ? 0 : history.selectedProperty().get().position();
        executor.run(() -> allEvents(event -> correlationId.equals(event.metadata().correlationId())), found -> {
            sidebar.select(null);
            history.showQuery("Correlation " + correlationId, found, selected);
        }, this::fail);
    }

    private Optional<RecordedEvent> firstEvent(long afterPosition, Predicate<RecordedEvent> wanted) {
        try (EventCursor cursor = session.readAll(afterPosition)) {
            while (cursor.hasNext()) {
                RecordedEvent event = cursor.next();
                if (wanted.test(event)) {
                    return Optional.of(event);
                }
            }
        }
        return Optional.empty();
    }

    private List<RecordedEvent> allEvents(Predicate<RecordedEvent> wanted) {
        List<RecordedEvent> found = new ArrayList<>();
        try (EventCursor cursor = session.readAll(0)) {
            cursor.forEachRemaining(event -> {
                if (wanted.test(event)) {
                    found.add(event);
                }
            });
        }
        return found;
    }

    private void fail(Throwable failure) {
        if (!closed) {
            errors.accept(ErrorMessages.of(failure));
        }
    }

    /** Stops listening for new events; the session's owner closes the session. */
    public void close() {
        closeThen(() -> { });
    }

    /**
     * Stops listening for new events and starting work, and runs {@code closeSession} once the panels' background work
     * still running has ended (at once when none runs), so no load finds its store closed under it.
     */
    public void closeThen(Runnable closeSession) {
        closed = true;
        timeline.close();
        projections.close();
        foreignAppends.close();
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                LOG.debug("closing the subscription failed: {}", e.toString());
            }
        }
        executor.closeThen(closeSession);
    }

    /** Appends by another process writing the same ledger, told apart from this window's own. */
    public ForeignAppends foreignAppends() {
        return foreignAppends;
    }

    /** The Statements view's model, made on first use. */
    public synchronized dev.eventscope.ui.statements.StatementsViewModel statements() {
        if (statements == null) {
            statements = new dev.eventscope.ui.statements.StatementsViewModel(session, executor);
        }
        return statements;
    }

    public LedgerSession session() {
        return session;
    }

    public SidebarViewModel sidebar() {
        return sidebar;
    }

    public HistoryViewModel history() {
        return history;
    }

    public EventDetailViewModel detail() {
        return detail;
    }

    public IntegrityViewModel integrity() {
        return integrity;
    }

    public TimelineViewModel timeline() {
        return timeline;
    }

    /** The state panel's view models, each following the timeline. */
    public StatePanelModels statePanel() {
        return statePanel;
    }

    /** Starts the session's projections (the window does, once it has painted), their opening told in the timeline too. */
    public void startProjections() {
        projections.start(timeline.preparing());
    }

    /** The session's projections (started by the window when the ledger opens). */
    /** The knowledge point beside the timeline and the state panel's "As known" tab (issue 18). */
    public KnownAtViewModel knownAt() {
        return knownAt;
    }

    public ProjectionsViewModel projections() {
        return projections;
    }

    public ReadOnlyLongProperty eventCountProperty() {
        return eventCount.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty lastPositionProperty() {
        return lastPosition.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastRefreshProperty() {
        return lastRefresh.getReadOnlyProperty();
    }

}
