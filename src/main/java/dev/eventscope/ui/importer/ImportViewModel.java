package dev.eventscope.ui.importer;

import dev.eventscope.application.CommandContext;
import dev.eventscope.journal.DuplicateImport;
import dev.eventscope.session.LedgerSession;
import dev.eventscope.session.LedgerSessions;
import dev.eventscope.journal.ImportProgress;
import dev.eventscope.journal.ImportSummary;
import dev.eventscope.journal.JournalImportException;
import dev.eventscope.journal.JournalImporter;
import dev.eventscope.journal.JournalWarning;
import dev.eventscope.ui.ErrorMessages;
import dev.eventscope.ui.TaskExecutor;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Imports a journal off the UI thread: the phase ("Checking" the whole file, then "Importing"),
 * bytes read of the total, the speed, a cancel that rolls everything back, and at the end the
 * summary with the skipped lines, or the error with its file:line.
 */
public final class ImportViewModel {

    private static final long UPDATE_EVERY_NANOS = 50_000_000L;

    private final TaskExecutor executor;
    private final LedgerSessions sessions;
    private final AtomicBoolean cancelRequested = new AtomicBoolean();
    private final ReadOnlyObjectWrapper<ImportState> state = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper phase = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper bytesText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper rateText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ObservableList<String> skippedLines = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ImportSummary> result = new ReadOnlyObjectWrapper<>();
    private Path journal;
    private ImportTarget target;
    /** Set once this import has made its new ledger file: only then is a failed import's file removed (session 24). */
    private volatile boolean createdHere;

    public ImportViewModel(TaskExecutor executor, LedgerSessions sessions) {
        this.executor = executor;
        this.sessions = sessions;
    }

    /** Starts importing {@code journal} into {@code target}. */
    public void start(Path journal, ImportTarget target) {
        this.journal = journal;
        this.target = target;
        cancelRequested.set(false);
        skippedLines.clear();
        summary.set("");
        error.set("");
        result.set(null);
        state.set(ImportState.RUNNING);
        phase.set("Checking the journal");
        progress.set(0);
        long started = System.nanoTime();
        AtomicLong lastUpdate = new AtomicLong();
        ImportProgress listener = new ImportProgress() {
            @Override
            public void progress(String phaseName, long bytesRead, long totalBytes, long entries) {
                long now = System.nanoTime();
                if (now - lastUpdate.get() < UPDATE_EVERY_NANOS && bytesRead < totalBytes) {
                    return;
                }
                lastUpdate.set(now);
                executor.onUiThread(() -> showProgress(phaseName, bytesRead, totalBytes, entries, now - started));
            }

            @Override
            public void warning(JournalWarning warning) {
                executor.onUiThread(() -> skippedLines.add(describe(warning)));
            }

            @Override
            public boolean cancelled() {
                return cancelRequested.get();
            }
        };
        executor.run(() -> runImport(listener), this::finished, this::failed);
    }

    private ImportSummary runImport(ImportProgress listener) {
        LedgerSession session = target.newLedger() ? createNewLedger() : target.openSession();
        try {
            JournalImporter importer = new JournalImporter(session.commands());
            return importer.importJournal(journal, JournalImporter.Options.defaults(), CommandContext.osUser(), listener);
        } finally {
            if (target.newLedger()) {
                session.close();
            }
        }
    }

    /**
     * The new ledger, created only as new: a file another process makes under its name after it was chosen is refused
     * and left as it is (session 24, adversary: it was opened, imported into, and removed when the import failed).
     */
    private LedgerSession createNewLedger() {
        LedgerSession created = sessions.create(target.ledger());
        createdHere = true;
        return created;
    }

    private void showProgress(String phaseName, long bytesRead, long totalBytes, long entries, long elapsedNanos) {
        if (state.get() != ImportState.RUNNING) {
            return;
        }
        boolean importing = "importing".equals(phaseName);
        phase.set(importing ? "Importing" : "Checking the journal");
        double fraction = totalBytes == 0 ? 1 : (double) bytesRead / totalBytes;
        progress.set(importing ? 0.5 + fraction / 2 : fraction / 2);
        bytesText.set(size(bytesRead) + " of " + size(totalBytes));
        double seconds = Math.max(1e-3, elapsedNanos / 1e9);
        if (importing && entries > 0) {
            if (importStartedNanos == 0) {
                importStartedNanos = elapsedNanos;
                importStartEntries = entries;
            }
            double importSeconds = Math.max(1e-3, (elapsedNanos - importStartedNanos) / 1e9);
            rateText.set(String.format(Locale.ROOT, "%,d entries · %,.0f entries/s", entries,
                    importSeconds < 0.2 ? entries / seconds : (entries - importStartEntries) / importSeconds));
        } else {
            rateText.set(String.format(Locale.ROOT, "%s/s", size((long) (bytesRead / seconds))));
        }
    }

    private long importStartedNanos;
    private long importStartEntries;

    private void finished(ImportSummary done) {
        result.set(done);
        progress.set(1);
        phase.set("Imported");
        rateText.set(String.format(Locale.ROOT, "%,.0f entries/s", done.entriesPerSecond()));
        summary.set("Imported " + done.describe() + (done.entries() > 0
                ? String.format(Locale.ROOT, ", positions #%d to #%d.", done.firstPosition(), done.lastPosition()) : ".")
                + " The journal held " + done.read().describe() + ".");
        skippedLines.setAll(done.warnings().stream().map(ImportViewModel::describe).toList());
        state.set(ImportState.DONE);
    }

    private void failed(Throwable failure) {
        removeUnfinishedLedger();
        if (failure instanceof JournalImporter.ImportCancelled cancelled) {
            phase.set("Cancelled");
            summary.set(cancelled.getMessage());
            state.set(ImportState.CANCELLED);
            return;
        }
        phase.set("Failed");
        if (failure instanceof JournalImportException || failure instanceof DuplicateImport
                || failure instanceof UncheckedIOException) {
            error.set(dev.eventscope.ui.ShownText.of(failure.getMessage()));
        } else {
            error.set(ErrorMessages.of(failure));
        }
        state.set(ImportState.FAILED);
    }

    private void removeUnfinishedLedger() {
        // a ledger refused before it was created leaves nothing of ours: files beside its name are another's (session 19)
        if (target == null || !target.newLedger() || !createdHere || !Files.exists(target.ledger())) {
            return;
        }
        for (String suffix : new String[]{"", "-wal", "-shm", "-journal"}) {
            try {
                Files.deleteIfExists(Path.of(target.ledger() + suffix));
            } catch (IOException ignored) {
                // a leftover empty ledger is harmless; the user may delete it
            }
        }
    }

    /** Runs {@code action} on the UI thread once the import is no longer running (at once when it is not). */
    public void whenEnded(Runnable action) {
        if (state.get() != ImportState.RUNNING) {
            action.run();
            return;
        }
        state.addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends ImportState> observable, ImportState before, ImportState now) {
                if (now != ImportState.RUNNING) {
                    state.removeListener(this);
                    action.run();
                }
            }
        });
    }

    /** Stops the import; everything it wrote is rolled back. */
    public void cancel() {
        cancelRequested.set(true);
        if (state.get() == ImportState.RUNNING) {
            phase.set("Cancelling…");
        }
    }

    static String describe(JournalWarning warning) {
        return "line " + warning.location().line() + ": " + warning.message();
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        } else if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }

    public Path journal() {
        return journal;
    }

    public ImportTarget target() {
        return target;
    }

    public ReadOnlyObjectProperty<ImportState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty bytesTextProperty() {
        return bytesText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty rateTextProperty() {
        return rateText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ObservableList<String> skippedLines() {
        return skippedLines;
    }

    public ReadOnlyObjectProperty<ImportSummary> resultProperty() {
        return result.getReadOnlyProperty();
    }
}
