package dev.eventscope.ui.commands;

import dev.eventscope.application.CommandResult;
import dev.eventscope.domain.ledger.EntryCommand.PostEntry;
import dev.eventscope.domain.ledger.EntryId;
import dev.eventscope.domain.ledger.EntryStatus;
import dev.eventscope.domain.ledger.Money;
import dev.eventscope.domain.ledger.Posting;
import dev.eventscope.eventstore.StreamId;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Post a journal entry: date, description, status, code and a postings grid whose running
 * imbalance per commodity is shown live. One row may leave its amount empty; it then takes what
 * balances the entry. Violations about an account go to that account's row, balance problems to
 * the grid, a closed period to the date.
 */
public final class PostEntryViewModel extends CommandFormViewModel {

    private final FormField date;
    private final FormField description;
    private final FormField code;
    private final ObjectProperty<EntryStatus> status = new SimpleObjectProperty<>(EntryStatus.UNMARKED);
    private final ObservableList<PostingRow> rows = FXCollections.observableArrayList(row -> new Observable[]{
            row.accountProperty(), row.amountProperty(), row.commodityProperty(), row.priceProperty()});
    private final ReadOnlyStringWrapper imbalance = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper balanced = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper gridError = new ReadOnlyStringWrapper("");
    private final String defaultCommodity;

    public PostEntryViewModel(CommandEnvironment environment, String defaultCommodity) {
        super("Post an entry", "Post entry", environment);
        this.defaultCommodity = defaultCommodity;
        date = addField(ViolationTarget.DATE, "Date", FieldKind.DATE, "");
        description = addField(ViolationTarget.DESCRIPTION, "Description", FieldKind.TEXT, "what happened, e.g. Invoice 1042");
        code = addField("code", "Code", FieldKind.TEXT, "optional");
        date.dateProperty().set(LocalDate.now(environment.clock()));
        rows.addListener((javafx.collections.ListChangeListener<PostingRow>) change -> recompute());
        addRow();
        addRow();
    }

    /** Adds an empty row (its commodity that of the last row, else the ledger's base commodity) and returns it. */
    public PostingRow addRow() {
        String commodity = rows.isEmpty() ? defaultCommodity : rows.get(rows.size() - 1).commodityText();
        PostingRow row = new PostingRow(commodity.isEmpty() ? defaultCommodity : commodity);
        rows.add(row);
        return row;
    }

    /** Removes a row; at least one row always stays. */
    public void removeRow(PostingRow row) {
        if (rows.size() > 1) {
            rows.remove(row);
        }
    }

    private void recompute() {
        RunningImbalance running = RunningImbalance.of(rows);
        imbalance.set(running.describe());
        balanced.set(running.balanced());
        rows.forEach(row -> row.errorProperty().set(""));
        gridError.set("");
    }

    @Override
    protected Object command(Supplier<EntryId> newEntryIds) {
        LocalDate when = requiredDate(date, "entry date");
        String text = required(description, "description");
        List<PostingRow> filled = rows.stream().filter(row -> !row.isBlank()).toList();
        Money balancing = RunningImbalance.of(filled).balancingAmount();
        List<Posting> postings = new ArrayList<>();
        for (PostingRow row : filled) {
            postings.add(row.toPosting(row.amountText().isEmpty() ? balancing : null));
        }
        String entryCode = code.value();
        return new PostEntry(newEntryIds.get(), when, null, status.get(),
                entryCode.isEmpty() ? null : entryCode, text, null, null, postings);
    }

    @Override
    protected StreamId writtenStream(Object command) {
        return StreamId.of(LedgerLookups.ENTRY_PREFIX + ((PostEntry) command).entryId().value());
    }

    @Override
    protected String describeDone(Object command, CommandResult result) {
        PostEntry entry = (PostEntry) command;
        return "Posted " + entry.entryId() + " (" + entry.postings().size() + " postings, " + result.positions().size() + " events).";
    }

    @Override
    protected void submitFailedOnInput(RuntimeException problem) {
        if (problem instanceof PostingInputProblem input) {
            input.row().errorProperty().set(input.getMessage());
        } else {
            super.submitFailedOnInput(problem);
        }
    }

    @Override
    protected void showViolation(ViolationTarget target, String message) {
        if (target.account() != null) {
            List<PostingRow> matching = rows.stream().filter(row -> row.accountText().equals(target.account())).toList();
            if (!matching.isEmpty()) {
                matching.forEach(row -> row.errorProperty().set(message));
                return;
            }
        }
        if (target.commodity() != null) {
            List<PostingRow> matching = rows.stream().filter(row -> row.commodityText().equals(target.commodity())
                    || row.priceProperty().get().contains(target.commodity())).toList();
            if (!matching.isEmpty()) {
                matching.forEach(row -> row.errorProperty().set(message));
                return;
            }
        }
        if (target.field().equals(ViolationTarget.POSTINGS) || target.field().equals(ViolationTarget.ACCOUNT)
                || target.field().equals(ViolationTarget.ENTRY)) {
            gridError.set(message);
            return;
        }
        super.showViolation(target, message);
    }

    @Override
    protected void clearErrors() {
        super.clearErrors();
        rows.forEach(row -> row.errorProperty().set(""));
        gridError.set("");
    }

    /** Clears the form for the next entry, keeping the date. */
    public void reset() {
        description.textProperty().set("");
        code.textProperty().set("");
        status.set(EntryStatus.UNMARKED);
        rows.clear();
        addRow();
        addRow();
    }

    public ObservableList<PostingRow> rows() {
        return rows;
    }

    public ObjectProperty<EntryStatus> statusProperty() {
        return status;
    }

    public ReadOnlyStringProperty imbalanceProperty() {
        return imbalance.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty balancedProperty() {
        return balanced.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty gridErrorProperty() {
        return gridError.getReadOnlyProperty();
    }
}
