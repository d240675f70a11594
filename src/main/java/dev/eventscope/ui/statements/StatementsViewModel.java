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
import dev.eventscope.statement.StatementValue;
import dev.eventscope.domain.ledger.ValuationTarget;
import dev.eventscope.ui.state.MoneyText;
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
 * (hledger's syntax), the columns, the depth, the clock and the valuation (at cost, in a commodity, or at market
 * prices, each column at its end); the statement drawn from the session's read models off
 * the UI thread, as lines of a table (amounts with thousands grouped, as the rest of the app) and the prices used;
 * a one-sentence message when the period cannot be read or drawing fails; and
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
    private final ObjectProperty<String> valuation = new SimpleObjectProperty<>(AT_COST);
    private final ObservableList<String> valuationChoices = FXCollections.observableArrayList(AT_COST);
    private final ReadOnlyStringWrapper pricesUsed = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper("");

    private final ReadOnlyObjectWrapper<Statement> statement = new ReadOnlyObjectWrapper<>();
    private final ObservableList<StatementLines.Line> lines = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private long requests;

    /** The valuation choice for amounts at cost, as posted. */
    public static final String AT_COST = "";
    /** The valuation choice for each commodity's default valuation commodity (hledger's {@code -V}). */
    public static final String MARKET = "*";

    public StatementsViewModel(LedgerSession session, TaskExecutor executor) {
        this.session = Objects.requireNonNull(session, "session");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /**
     * Fills {@link #valuationChoices()} off the UI thread: at cost, then each commodity a recorded market price names
     * (valued in it, hledger's {@code -X}), then {@link #MARKET}; a ledger without prices offers at cost alone.
     */
    public void loadValuationChoices() {
        executor.run(() -> {
            java.util.SortedSet<String> commodities = new java.util.TreeSet<>();
            session.marketPrices().recorded().forEach(price -> {
                commodities.add(price.commodity());
                commodities.add(price.price().commodity());
            });
            List<String> choices = new java.util.ArrayList<>(List.of(AT_COST));
            if (!commodities.isEmpty()) {
                choices.addAll(commodities);
                choices.add(MARKET);
            }
            return choices;
        }, valuationChoices::setAll, failure -> message.set(ErrorMessages.of(failure)));
    }

    /** The valuation chosen: none, into one commodity, or to the default commodities; each column at its end. */
    private java.util.Optional<StatementValue> chosenValuation() {
        String chosen = valuation.get();
        if (chosen == null || chosen.equals(AT_COST)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(StatementValue.atPeriodEnds(chosen.equals(MARKET) ? ValuationTarget.defaults()
                : ValuationTarget.in(chosen)));
    }

    /** How the view names a valuation choice. */
    public static String describeValuation(String choice) {
        return choice == null || choice.equals(AT_COST) ? "At cost" : choice.equals(MARKET) ? "At market prices (-V)"
                : "In " + choice + " at market prices";
    }

    /** Draws the chosen statement; a period that cannot be read is reported in {@link #messageProperty()} and nothing is asked. */
    public void show() {
        StatementRequest request;
        try {
            request = new StatementRequest(kind.get(), ReportPeriod.parse(period.get()), interval.get(), depth.get(), clock.get(),
                    chosenValuation());
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
            // a statement in one commodity names it once, in its heading, so that more periods fit beside the history
            java.util.Set<String> commodities = new java.util.TreeSet<>(StatementLines.scales(drawn).keySet());
            boolean single = commodities.size() == 1 && !commodities.iterator().next().isEmpty();
            lines.setAll(single ? inOneColumn(drawn, commodities.iterator().next()) : StatementLines.of(drawn, MoneyText::of));
            heading.set(drawn.title() + (single ? " \u00b7 amounts in " + commodities.iterator().next() : ""));
            pricesUsed.set(drawn.valuation().map(valued -> valued.legend(drawn.columnHeadings())).filter(legend -> !legend.isEmpty())
                    .map(legend -> "Prices used (each applies to every line of its column holding that commodity):\n"
                            + String.join("\n", legend)).orElse(""));
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
     * The lines of a statement in one commodity, its amounts without the commodity (the heading names it once) and a
     * zero at the commodity's decimals: "0.00" beside "44.70" reads as one column of figures, where the "0" hledger and
     * the text, HTML and PDF statements write for nothing (beside "44.70 EUR") did not. The CSV export keeps plain
     * decimals, as spreadsheets read them.
     */
    static List<StatementLines.Line> inOneColumn(Statement drawn, String commodity) {
        // a cell with no amount is the one StatementLines writes as "0"; MoneyText never writes an amount that way
        List<String> nothing = StatementLines.cell(new java.util.TreeMap<>(), java.util.Map.of(), (amount, unit) -> "");
        List<String> zero = List.of(MoneyText.of(java.math.BigDecimal.ZERO.setScale(
                StatementLines.scales(drawn).getOrDefault(commodity, 2))));
        return StatementLines.of(drawn, (amount, unit) -> MoneyText.of(amount)).stream()
                .map(line -> new StatementLines.Line(line.kind(), line.label(), line.account(), line.cells().stream()
                        .map(cell -> cell.equals(nothing) ? zero : cell).toList()))
                .toList();
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
            return "Exported " + shown.title() + " to " + dev.eventscope.ui.ShownText.of(target.getFileName()) + ".";
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

    /** The valuation chosen: {@link #AT_COST}, a commodity, or {@link #MARKET}. */
    public ObjectProperty<String> valuationProperty() {
        return valuation;
    }

    public ObservableList<String> valuationChoices() {
        return valuationChoices;
    }

    /** The shown statement's title, and, when every amount is in one commodity, which (the cells then leave it out). */
    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    /** For a valued statement, the prices each column used, one line each; empty at cost. */
    public ReadOnlyStringProperty pricesUsedProperty() {
        return pricesUsed.getReadOnlyProperty();
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
