package dev.eventscope.ui.commands;

import dev.eventscope.application.CommandResult;
import dev.eventscope.application.ConflictPersisted;
import dev.eventscope.application.Executed;
import dev.eventscope.domain.ledger.EntryId;
import dev.eventscope.domain.ledger.LedgerRuleViolation;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.ui.ErrorMessages;
import dev.eventscope.ui.TaskExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What every command form shares: its fields, submitting off the UI thread, showing each rule
 * violation beside the field it concerns (never a stack trace), a persisting conflict with what
 * changed (then {@link #retry} or {@link #dismissConflict}), and read-only mode, where nothing
 * can be submitted.
 */
public abstract class CommandFormViewModel {

    /** Why every form is disabled for an auditor. */
    public static final String READ_ONLY_REASON =
            "This ledger is open read-only (as an auditor): commands cannot change it. Open it normally to make changes.";

    private final String title;
    private final String submitLabel;
    private final CommandEnvironment environment;
    private final List<FormField> fields = new ArrayList<>();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper generalError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper done = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<ConflictReport> conflict = new ReadOnlyObjectWrapper<>();
    private final javafx.collections.ObservableList<String> accountChoices = javafx.collections.FXCollections.observableArrayList();
    private final javafx.collections.ObservableList<String> entryChoices = javafx.collections.FXCollections.observableArrayList();
    private Consumer<String> onDone = message -> { };
    private BiConsumer<StreamId, List<Long>> onWritten = (stream, positions) -> { };

    protected CommandFormViewModel(String title, String submitLabel, CommandEnvironment environment) {
        this.title = title;
        this.submitLabel = submitLabel;
        this.environment = environment;
    }

    protected final FormField addField(String key, String label, FieldKind kind, String prompt) {
        FormField field = new FormField(key, label, kind, prompt);
        fields.add(field);
        return field;
    }

    /**
     * Builds the command from the fields; may throw a rule violation (a missing value, an invalid name). Runs off the
     * UI thread, inside the write transaction: a new entry takes its id from {@code newEntryIds} there, so two people
     * posting at once never get the same one.
     */
    protected abstract Object command(Supplier<EntryId> newEntryIds);

    /** A sentence saying what was done, for the status line. */
    protected abstract String describeDone(Object command, CommandResult result);

    /** The stream the explorer shows after the command (the new entry of a post or a reversal); null: none. */
    protected StreamId writtenStream(Object command) {
        return null;
    }

    /**
     * Fills the fields a selection in the sidebar answers: the entry fields (reverse) from a selected journal entry.
     * A field already filled is left alone.
     */
    public final void startFrom(StreamId selected) {
        if (selected == null || !selected.value().startsWith(LedgerLookups.ENTRY_PREFIX)) {
            return;
        }
        for (FormField field : fields) {
            if (field.kind() == FieldKind.ENTRY && field.value().isEmpty()) {
                field.textProperty().set(selected.value().substring(LedgerLookups.ENTRY_PREFIX.length()));
            }
        }
    }

    /** Loads the account names and entry ids the fields complete from (off the UI thread). */
    public final void loadChoices() {
        LedgerLookups lookups = environment.lookups();
        environment.executor().run(() -> List.of(lookups.accountNames(), lookups.entryIds()), both -> {
            accountChoices.setAll(both.get(0));
            entryChoices.setAll(both.get(1));
        }, failure -> { });
    }

    public final javafx.collections.ObservableList<String> accountChoices() {
        return accountChoices;
    }

    public final javafx.collections.ObservableList<String> entryChoices() {
        return entryChoices;
    }

    public final void submit() {
        if (readOnly() || running.get()) {
            return;
        }
        clearErrors();
        conflict.set(null);
        // a field whose typed text is unreadable still holds its earlier value: never submit that value unseen
        List<FormField> unreadable = fields.stream().filter(field -> !field.unreadableProperty().get().isEmpty()).toList();
        if (!unreadable.isEmpty()) {
            unreadable.forEach(field -> field.errorProperty().set(field.unreadableProperty().get()));
            return;
        }
        running.set(true);
        Object[] built = new Object[1];
        environment.executor().run(() -> {
            Executed executed = environment.runner().execute(this::command);
            built[0] = executed.command();
            return executed.result();
        }, result -> {
            running.set(false);
            String message = describeDone(built[0], result);
            done.set(message);
            onDone.accept(message);
            StreamId written = writtenStream(built[0]);
            if (written != null) {
                onWritten.accept(written, result.positions());
            }
        }, failure -> {
            running.set(false);
            showFailure(failure);
        });
    }

    /** After a conflict: decide again on the ledger as it is now. */
    public final void retry() {
        conflict.set(null);
        submit();
    }

    public final void dismissConflict() {
        conflict.set(null);
    }

    private void showFailure(Throwable failure) {
        if (failure instanceof LedgerRuleViolation violation) {
            showViolation(ViolationTarget.of(violation), violation.getMessage());
        } else if (failure instanceof ConflictPersisted persisted) {
            environment.executor().run(() -> ConflictDescriber.describe(environment.session(), persisted, environment.zone()),
                    conflict::set, ignored -> conflict.set(new ConflictReport(
                            persisted.lastConflict().stream().value(), -1, persisted.lastConflict().actualVersion(), "")));
        } else if (failure instanceof PostingInputProblem || failure instanceof IllegalArgumentException) {
            submitFailedOnInput((RuntimeException) failure);
        } else {
            generalError.set(ErrorMessages.of(failure));
        }
    }

    /** A value the form could not turn into a command; forms with rows override to point at the row. */
    protected void submitFailedOnInput(RuntimeException problem) {
        generalError.set(problem.getMessage());
    }

    /** Shows a violation beside its field; forms with more than plain fields (the postings grid) override. */
    protected void showViolation(ViolationTarget target, String message) {
        for (FormField field : fields) {
            if (field.key().equals(target.field())) {
                field.errorProperty().set(message);
                return;
            }
        }
        generalError.set(message);
    }

    protected void clearErrors() {
        generalError.set("");
        done.set("");
        fields.forEach(field -> field.errorProperty().set(""));
    }

    protected final CommandEnvironment environment() {
        return environment;
    }

    protected final void setGeneralError(String message) {
        generalError.set(message);
    }

    public final void setOnDone(Consumer<String> handler) {
        onDone = handler;
    }

    /** Told the stream to show after a successful command, with the positions the command wrote. */
    public final void setOnWritten(BiConsumer<StreamId, List<Long>> handler) {
        onWritten = handler;
    }

    public final String title() {
        return title;
    }

    public final String submitLabel() {
        return submitLabel;
    }

    public final List<FormField> fields() {
        return Collections.unmodifiableList(fields);
    }

    public final FormField field(String key) {
        return fields.stream().filter(field -> field.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no field " + key));
    }

    public final boolean readOnly() {
        return environment.readOnly();
    }

    public final ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public final ReadOnlyStringProperty generalErrorProperty() {
        return generalError.getReadOnlyProperty();
    }

    public final ReadOnlyStringProperty doneProperty() {
        return done.getReadOnlyProperty();
    }

    public final ReadOnlyObjectProperty<ConflictReport> conflictProperty() {
        return conflict.getReadOnlyProperty();
    }

    protected static String required(FormField field, String what) {
        if (field.value().isEmpty()) {
            throw new dev.eventscope.domain.ledger.RequiredValueMissing(what);
        }
        return field.value();
    }

    protected static java.time.LocalDate requiredDate(FormField field, String what) {
        if (field.dateProperty().get() == null) {
            throw new dev.eventscope.domain.ledger.RequiredValueMissing(what);
        }
        return field.dateProperty().get();
    }
}
