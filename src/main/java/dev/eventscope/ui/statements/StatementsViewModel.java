package dev.eventscope.ui.statements;

import dev.eventscope.audit.CsvWriter;
import dev.eventscope.audit.OutputFile;
import dev.eventscope.projection.ProgressListener;
import dev.eventscope.session.LedgerSession;
import dev.eventscope.statement.Interval;
import dev.eventscope.statement.ReportPeriod;
import dev.eventscope.statement.Statement;
import dev.eventscope.statement.StatementClock;
import dev.eventscope.statement.StatementCsv;
import dev.eventscope.statement.StatementKind;
import dev.eventscope.statement.StatementLines;
import dev.eventscope.statement.StatementRequest;
import dev.eventscope.ui.ErrorMessages;
import dev.eventscope.ui.TaskExecutor;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The Statements view's state: which statement (balance sheet, income statement, trial balance), the period
 * (hledger's syntax), the columns, the depth and the clock; the statement drawn from the session's read models off
 * the UI thread, as lines of a table; a one-sentence message when the period cannot be read or drawing fails; and
 * the export of the shown statement to CSV (written beside the target and moved into place, never half-written).
 */
public final class StatementsViewModel {

    private final LedgerSession session;
    private final TaskExecutor executor;

    private final ObjectProperty<StatementKind> kind = new SimpleObjectProperty<>(StatementKind.BALANCE_SHEET);
    private final StringProperty period = new SimpleStringProperty("");
    private final ObjectProperty<Interval> interval = new SimpleObjectProperty<>(Interval.NONE);
    private final IntegerProperty depth = new SimpleIntegerProperty(0);
    private final ObjectProperty<StatementClock> clock = new SimpleObjectProperty<>(StatementClock.ENTRY_DATE);

    private final ReadOnlyObjectWrapper<Statement> statement = new ReadOnlyObjectWrapper<>();
    private final ObservableList<StatementLines.Line> lines = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private long requests;

    public StatementsViewModel(LedgerSession session, TaskExecutor executor) {
        this.session = Objects.requireNonNull(session, "session");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /** Draws the chosen statement; a period that cannot be read is reported in {@link #messageProperty()} and nothing is asked. */
    public void show() {
        StatementRequest request;
        try {
            request = new StatementRequest(kind.get(), ReportPeriod.parse(period.get()), interval.get(), depth.get(), clock.get());
        } catch (IllegalArgumentException unreadable) {
            message.set(unreadable.getMessage());
            return;
        }
        long number = ++requests;
        running.set(true);
        message.set("");
        executor.run(() -> {
            session.projections().open(ProgressListener.NONE);
            return session.statements().draw(request);
        }, drawn -> {
            if (number != requests) {
                return;
            }
            running.set(false);
            // the lines first: the view makes its columns when the statement changes, as wide as the lines need
            lines.setAll(StatementLines.of(drawn));
            statement.set(drawn);
            message.set(drawn.columns().isEmpty() ? "No entries in this period." : "");
        }, failure -> {
            if (number != requests) {
                return;
            }
            running.set(false);
            message.set(ErrorMessages.of(failure));
        });
    }

    /**
     * Writes the shown statement to {@code target} as CSV (the records of {@link StatementCsv}, for spreadsheets),
     * off the UI thread; {@code done} gets the sentence to show (written, or why not).
     */
    public void exportCsv(Path target, java.util.function.Consumer<String> done) {
        Statement shown = statement.get();
        if (shown == null) {
            done.accept("Show a statement first; there is nothing to export yet.");
            return;
        }
        executor.run(() -> {
            writeCsv(shown, target, session.file());
            return "Exported " + shown.title() + " to " + target.getFileName() + ".";
        }, done, failure -> done.accept(ErrorMessages.of(failure)));
    }

    static void writeCsv(Statement statement, Path target, Path ledger) throws java.io.IOException {
        try (OutputFile output = OutputFile.prepare(target, "the statement", true, List.of(ledger))) {
            try (BufferedWriter writer = Files.newBufferedWriter(output.temporary(), StandardCharsets.UTF_8)) {
                CsvWriter csv = CsvWriter.forSpreadsheets(writer);
                StatementCsv.records(statement).forEach(csv::writeRecord);
                csv.flush();
            }
            output.commit();
        }
    }

    public ObjectProperty<StatementKind> kindProperty() {
        return kind;
    }

    public StringProperty periodProperty() {
        return period;
    }

    public ObjectProperty<Interval> intervalProperty() {
        return interval;
    }

    public IntegerProperty depthProperty() {
        return depth;
    }

    public ObjectProperty<StatementClock> clockProperty() {
        return clock;
    }

    public ReadOnlyObjectProperty<Statement> statementProperty() {
        return statement.getReadOnlyProperty();
    }

    /** The shown statement as the lines of a table. */
    public ObservableList<StatementLines.Line> lines() {
        return lines;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }
}
