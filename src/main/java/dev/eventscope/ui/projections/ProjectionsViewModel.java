package dev.eventscope.ui.projections;

import dev.eventscope.projection.CancellationToken;
import dev.eventscope.projection.ProgressListener;
import dev.eventscope.projection.Projection;
import dev.eventscope.projection.ProjectionFailure;
import dev.eventscope.projection.ProjectionStatus;
import dev.eventscope.projection.Projections;
import dev.eventscope.projection.RebuildOutcome;
import dev.eventscope.projection.RebuildProgress;
import dev.eventscope.session.LedgerSession;
import dev.eventscope.ui.ErrorMessages;
import dev.eventscope.ui.TaskExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;

/**
 * The projections of the open ledger: opened and caught up off the UI thread when the ledger opens,
 * then following new events for the whole session; their status (for the panel and the status bar),
 * rebuilding one or all with progress and Cancel, and failures with a jump to the event that caused
 * them. {@link #refreshStatus()} is called by the view twice a second while the ledger is open.
 */
public final class ProjectionsViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(ProjectionsViewModel.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final LedgerSession session;
    private final TaskExecutor executor;
    private final Clock clock;
    private final ZoneId zone;
    private final LongConsumer jumpToEvent;
    private final ObservableList<ProjectionRow> rows = FXCollections.observableArrayList();
    private final ObservableList<ProjectionFailure> failures = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper opening = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper rebuilding = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper cancellable = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper speedText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper remainingText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    /** Whether the message tells of success (a completed rebuild) rather than a problem. */
    private final javafx.beans.property.ReadOnlyBooleanWrapper messageIsGood = new javafx.beans.property.ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper statusLine = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper location = new ReadOnlyStringWrapper("");
    private final Map<String, Long> lastCheckpoints = new HashMap<>();
    private final Map<String, String> lastUpdates = new HashMap<>();
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private List<ProjectionStatus> statuses = List.of();
    private Optional<ProjectionFailure> rebuildFailure = Optional.empty();
    private String rebuildingName;
    private CancellationToken cancellation;
    private boolean started;
    private volatile boolean closed;

    public ProjectionsViewModel(LedgerSession session, TaskExecutor executor, Clock clock, ZoneId zone,
                                LongConsumer jumpToEvent) {
        this.session = session;
        this.executor = executor;
        this.clock = clock;
        this.zone = zone;
        this.jumpToEvent = jumpToEvent;
    }

    /** Opens the read models, catches them up and follows the ledger, all off the UI thread; once per session. */
    public void start() {
        start(ProgressListener.NONE);
    }

    /**
     * As {@link #start()}; {@code alsoTold} hears how far the opening is too (the timeline's status: whichever of the two opens the
     * read models first reports to both, the other waits for it).
     */
    public void start(ProgressListener alsoTold) {
        if (started || closed) {
            return;
        }
        started = true;
        opening.set(true);
        statusLine.set("Projections: catching up…");
        executor.run(() -> {
            // the app's own timeline of an open (docs/cli-speed.md, "Session 19 (appopen)"): milliseconds since the JVM started
            long began = System.nanoTime();
            LOG.info("opening the read models (catch-up) at {} ms of the JVM ({} ms of process CPU)", jvmUptimeMillis(),
                    ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L));
            Projections projections = session.projections();
            // outdated read models are rebuilt while opening; show how far, without Cancel
            projections.open(shown(alsoTold));
            projections.follow();
            LOG.info("read models opened and caught up in {} ms, at {} ms of the JVM ({} ms of process CPU)",
                    (System.nanoTime() - began) / 1_000_000, jvmUptimeMillis(),
                    ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L));
            return projections.status();
        }, latest -> {
            opening.set(false);
            clearProgress();
            location.set(session.readModelsLocation());
            show(latest);
        }, failure -> {
            opening.set(false);
            clearProgress();
            if (!closed) {
                statusLine.set("Projections stopped: " + ErrorMessages.of(failure));
                message.set("The read models could not be opened: " + ErrorMessages.of(failure));
            }
        });
    }

    /**
     * Opens the read models, or waits for the opening under way, telling this panel and {@code alsoTold} how far a first
     * open's catch-up is, for the explorer's other openers (the sidebar's first listing, the subtotals): whichever opener
     * comes first does the catch-up while the others wait, and session 22 found the listing's worker, which told nobody,
     * coming first in 11 of 15 of the app's first opens (the window said "catching up…" without a figure). Off the UI thread.
     */
    public void openReadModels(ProgressListener alsoTold) {
        session.projections().open(shown(alsoTold));
    }

    /** This panel and {@code alsoTold}, told of an opening's progress a few times a second (each step shown costs a frame). */
    private ProgressListener shown(ProgressListener alsoTold) {
        ProgressListener panel = openingProgress();
        return ProgressListener.atMostEvery(ProgressListener.SHOWN_EVERY, step -> {
            panel.progressed(step);
            alsoTold.progressed(step);
        });
    }

    private static long jvmUptimeMillis() {
        return java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
    }

    /** Re-reads every projection's status in the background (skipped while one read is under way). */
    public void refreshStatus() {
        if (closed || !session.readModelsOpen() || !refreshing.compareAndSet(false, true)) {
            return;
        }
        executor.run(() -> session.projections().status(), latest -> {
            refreshing.set(false);
            show(latest);
        }, failure -> {
            refreshing.set(false);
            LOG.debug("reading the projections' status failed: {}", failure.toString());
        });
    }

    private void show(List<ProjectionStatus> latest) {
        if (closed) {
            return;
        }
        statuses = latest;
        String now = TIME.format(clock.instant().atZone(zone));
        List<ProjectionRow> updated = new ArrayList<>();
        List<ProjectionFailure> stopped = new ArrayList<>();
        for (ProjectionStatus status : latest) {
            Long before = lastCheckpoints.put(status.name(), status.checkpoint());
            if (before == null || before != status.checkpoint()) {
                lastUpdates.put(status.name(), now);
            }
            ProjectionHealth health = ProjectionHealth.of(status, opening.get(), status.name().equals(rebuildingName));
            updated.add(new ProjectionRow(status.name(), status.version(), health, status.checkpoint(), status.lag(),
                    lastUpdates.get(status.name()), detail(status, health), status.failure()));
            status.failure().ifPresent(stopped::add);
        }
        rebuildFailure.filter(failure -> !stopped.contains(failure)).ifPresent(stopped::add);
        if (!updated.equals(rows)) {
            rows.setAll(updated);
        }
        if (!stopped.equals(failures)) {
            failures.setAll(stopped);
        }
        if (!opening.get()) {
            // while opening, the status bar keeps the catch-up's percentage (session 17's shot: "200,000 behind" at 5 %)
            statusLine.set(summary(updated));
        }
    }

    private static String detail(ProjectionStatus status, ProjectionHealth health) {
        if (status.failure().isPresent()) {
            return status.failure().get().describe();
        }
        if (health == ProjectionHealth.STOPPED) {
            return "Its read model is version " + status.version() + " but this Eventscope needs version "
                    + status.wantedVersion() + "; rebuild it.";
        }
        if (status.rebuildPosition() > 0) {
            return "A rebuild has reached event " + status.rebuildPosition() + "; the old read model serves meanwhile.";
        }
        return health == ProjectionHealth.LIVE ? "Up to date with event " + status.lastPosition() + "."
                : status.lag() + " events behind the ledger.";
    }

    static String summary(List<ProjectionRow> rows) {
        long stopped = rows.stream().filter(row -> row.health() == ProjectionHealth.STOPPED).count();
        if (stopped > 0) {
            return stopped == 1 ? "1 projection stopped" : stopped + " projections stopped";
        }
        if (rows.stream().anyMatch(row -> row.health() == ProjectionHealth.REBUILDING)) {
            return "Projections: rebuilding…";
        }
        long lag = rows.stream().mapToLong(ProjectionRow::lag).max().orElse(0);
        return lag > 0 ? String.format(Locale.ROOT, "Projections: catching up (%,d behind)…", lag) : "Projections live";
    }

    /** Rebuilds one projection in the background; the old read model serves until the new one is swapped in. */
    public void rebuild(String name) {
        rebuildNames(List.of(name));
    }

    /** Rebuilds every projection, one after the other. */
    public void rebuildAll() {
        rebuildNames(statuses.stream().map(ProjectionStatus::name).toList());
    }

    private void rebuildNames(List<String> names) {
        if (rebuilding.get() || opening.get() || closed || names.isEmpty() || !session.readModelsOpen()) {
            return;
        }
        CancellationToken token = new CancellationToken();
        cancellation = token;
        rebuilding.set(true);
        cancellable.set(true);
        rebuildFailure = Optional.empty();
        message.set("");
        progress.set(0);
        progressText.set("Starting the rebuild of " + String.join(", ", names) + "…");
        executor.run(() -> {
            List<RebuildOutcome> outcomes = new ArrayList<>();
            Projections projections = session.projections();
            for (int index = 0; index < names.size() && !token.isCancelled(); index++) {
                String name = names.get(index);
                executor.onUiThread(() -> markRebuilding(name));
                outcomes.add(projections.rebuild(name, listener(index, names.size()), token));
            }
            return outcomes;
        }, this::rebuilt, failure -> {
            finishRebuild();
            if (!closed) {
                message.set("The rebuild stopped: " + ErrorMessages.of(failure) + " The old read model still serves.");
            }
        });
    }

    private void markRebuilding(String name) {
        rebuildingName = name;
        show(statuses);
    }

    /** Shows in this panel and the status bar how far an opening of the read models is (whoever opens them). */
    public ProgressListener openingProgress() {
        return listener(0, 1);
    }

    private ProgressListener listener(int index, int count) {
        return step -> executor.onUiThread(() -> showProgress(step, index, count));
    }

    private void showProgress(RebuildProgress step, int index, int count) {
        CancellationToken token = cancellation;
        if (closed || token != null && token.isCancelled()) {
            return; // "Cancelling…" stays until the rebuild has stopped
        }
        progress.set((index + step.fraction()) / count);
        boolean several = count > 1 && !step.catchUp();
        if (ProgressText.placing(step)) {
            // session 16: Cancel pressed here greyed with the text unchanged for seconds; the swap cannot be cancelled
            cancellable.set(false);
            progressText.set(ProgressText.placing(step, index, several ? count : 1));
            speedText.set("");
            remainingText.set("");
            return;
        }
        cancellable.set(rebuilding.get());
        progressText.set(several ? ProgressText.positionOfSeveral(step, index, count) : ProgressText.position(step));
        speedText.set(ProgressText.speed(step.eventsPerSecond()));
        remainingText.set(several ? ProgressText.remainingOfSeveral(step, index, count) : ProgressText.remaining(step.estimatedRemaining()));
        if (opening.get()) {
            statusLine.set(ProgressText.catchingUp(step));
        }
    }

    private void rebuilt(List<RebuildOutcome> outcomes) {
        finishRebuild();
        if (closed) {
            return;
        }
        List<String> sentences = new ArrayList<>();
        for (RebuildOutcome outcome : outcomes) {
            sentences.add(sentence(outcome, checkpointOf(outcome.projection())));
            if (outcome.failure().isPresent()) {
                rebuildFailure = outcome.failure();
            }
        }
        boolean completed = outcomes.stream().allMatch(outcome -> outcome.result() == RebuildOutcome.Result.COMPLETED);
        if (completed) {
            // done: the progress bar and Cancel go away, the message says so in the colour of success
            clearProgress();
        }
        messageIsGood.set(completed);
        message.set(String.join(" ", sentences));
        refreshNow();
    }

    /** One sentence on how a rebuild ended; a cancelled or failed one says that the old read model still serves. */
    static String sentence(RebuildOutcome outcome, long oldCheckpoint) {
        return switch (outcome.result()) {
            case COMPLETED -> String.format(Locale.ROOT, "%s was rebuilt through event %,d and is now in service.",
                    outcome.projection(), outcome.position());
            case CANCELLED -> String.format(Locale.ROOT,
                    "The rebuild of %s was cancelled at event %,d; the old read model (checkpoint %,d) still serves.",
                    outcome.projection(), outcome.position(), oldCheckpoint);
            case FAILED -> "The rebuild of " + outcome.projection() + " failed: " + outcome.failure().map(ProjectionFailure::describe).orElse("")
                    + " The old read model still serves.";
        };
    }

    private long checkpointOf(String name) {
        return statuses.stream().filter(status -> status.name().equals(name)).mapToLong(ProjectionStatus::checkpoint)
                .findFirst().orElse(0);
    }

    private void finishRebuild() {
        rebuilding.set(false);
        cancellable.set(false);
        rebuildingName = null;
        cancellation = null;
        speedText.set("");
        remainingText.set("");
    }

    private void clearProgress() {
        progress.set(0);
        progressText.set("");
        speedText.set("");
        remainingText.set("");
    }

    private void refreshNow() {
        refreshing.set(false);
        refreshStatus();
    }

    /** Stops the running rebuild between two batches; the old read model keeps serving. */
    public void cancelRebuild() {
        CancellationToken token = cancellation;
        if (token != null) {
            token.cancel();
            cancellable.set(false);
            progressText.set("Cancelling…");
        }
    }

    /** Selects, in the history, the event a projection stopped on. */
    public void jumpTo(ProjectionFailure failure) {
        jumpToEvent.accept(failure.position());
    }

    /** The names of the projections, in the engine's order. */
    public List<String> names() {
        return session.readModelsOpen() ? session.projections().projections().stream().map(Projection::name).toList()
                : rows.stream().map(ProjectionRow::name).toList();
    }

    /** Cancels a running rebuild and stops updating; the session's owner closes the read models. */
    public void close() {
        closed = true;
        cancelRebuild();
    }

    public ObservableList<ProjectionRow> rows() {
        return rows;
    }

    public ObservableList<ProjectionFailure> failures() {
        return failures;
    }

    public ReadOnlyBooleanProperty openingProperty() {
        return opening.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty rebuildingProperty() {
        return rebuilding.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty cancellableProperty() {
        return cancellable.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty speedTextProperty() {
        return speedText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty remainingTextProperty() {
        return remainingText.getReadOnlyProperty();
    }

    public javafx.beans.property.ReadOnlyBooleanProperty messageIsGoodProperty() {
        return messageIsGood.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusLineProperty() {
        return statusLine.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty locationProperty() {
        return location.getReadOnlyProperty();
    }
}
