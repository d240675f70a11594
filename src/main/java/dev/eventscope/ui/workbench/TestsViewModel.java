package dev.eventscope.ui.workbench;

import dev.eventscope.application.BookkeepingCodec;
import dev.eventscope.audit.tests.BenfordGroup;
import dev.eventscope.audit.tests.FlaggedEntry;
import dev.eventscope.audit.tests.JournalEntryTests;
import dev.eventscope.audit.tests.LedgerEventSource;
import dev.eventscope.audit.tests.LedgerFacts;
import dev.eventscope.audit.tests.TestResult;
import dev.eventscope.audit.tests.TestSettings;
import dev.eventscope.ui.TaskExecutor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The Tests tab: runs every journal-entry test off the UI thread, lists them with their counts, and for
 * the selected test its flagged entries and (Benford) each account type's digits and conformity.
 */
public final class TestsViewModel {

    private final LedgerEventSource source;
    private final TaskExecutor executor;
    private final TestSettings settings;
    private final Consumer<String> errors;
    private final ObservableList<TestResult> results = FXCollections.observableArrayList();
    private final ObjectProperty<TestResult> selected = new SimpleObjectProperty<>();
    private final ObservableList<FlaggedEntry> flagged = FXCollections.observableArrayList();
    private final ObservableList<BenfordGroup> benford = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Run the tests to see what they flag.");

    public TestsViewModel(LedgerEventSource source, TaskExecutor executor, TestSettings settings, Consumer<String> errors) {
        this.source = source;
        this.executor = executor;
        this.settings = settings;
        this.errors = errors;
        selected.addListener((observable, before, result) -> {
            flagged.setAll(result == null ? List.of() : result.flagged());
            benford.setAll(result == null ? List.of() : result.benford());
        });
    }

    /** Reads the ledger and runs every test in the background. */
    public void run() {
        if (running.get()) {
            return;
        }
        running.set(true);
        status.set("Running the tests…");
        executor.run(() -> JournalEntryTests.run(LedgerFacts.read(source, BookkeepingCodec.create()), settings, Set.of()), done -> {
            running.set(false);
            String name = selected.get() == null ? null : selected.get().name();
            results.setAll(done);
            selected.set(done.stream().filter(result -> result.name().equals(name)).findFirst().orElse(done.isEmpty() ? null : done.get(0)));
            long total = done.stream().mapToLong(result -> result.flagged().size()).sum();
            status.set(done.size() + " tests ran; " + total + " flags in all.");
        }, failure -> {
            running.set(false);
            status.set("The tests could not run.");
            errors.accept("The tests could not run: " + failure.getMessage());
        });
    }

    public ObservableList<TestResult> results() {
        return results;
    }

    public ObjectProperty<TestResult> selectedProperty() {
        return selected;
    }

    /** Selects a test by name, if it ran. */
    public void select(String name) {
        results.stream().filter(result -> result.name().equals(name)).findFirst().ifPresent(selected::set);
    }

    public ObservableList<FlaggedEntry> flagged() {
        return flagged;
    }

    public ObservableList<BenfordGroup> benford() {
        return benford;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
