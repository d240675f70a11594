package dev.eventscope.ui.knownat;

import dev.eventscope.domain.ledger.Balances;
import dev.eventscope.projection.ProgressListener;
import dev.eventscope.projection.RegisterLine;
import dev.eventscope.session.LedgerSession;
import dev.eventscope.timetravel.BalanceChange;
import dev.eventscope.timetravel.InvalidPoint;
import dev.eventscope.timetravel.Point;
import dev.eventscope.timetravel.Restatement;
import dev.eventscope.timetravel.TimeTravel;
import dev.eventscope.ui.ErrorMessages;
import dev.eventscope.ui.TaskExecutor;
import dev.eventscope.ui.state.MoneyText;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.LongConsumer;

/**
 * The knowledge point beside the timeline (issue 18): an entry date ("as of") and a knowledge point ("known at": a
 * position, a recorded time or a date meaning the end of that day in UTC; empty: when the period was closed), and
 * what the state panel shows for them: every balance as of the date as known then against as known now, and the
 * postings recorded since that restated it. Selecting a restating posting selects its event in the history.
 * The figures are read off the FX thread through the {@link TaskExecutor}; an unreadable input is one sentence in
 * {@link #statusProperty()}.
 */
public final class KnownAtViewModel {

    private static final double IDLE = -1;
    private static final int STEPS = 3;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final LedgerSession session;
    private final TaskExecutor executor;
    private final ZoneId zone;
    private final LongConsumer jumpTo;

    private final StringProperty asOf = new SimpleStringProperty("");
    private final StringProperty knownAt = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper("Set an entry date and a knowledge point beside"
            + " the timeline to see the books as known then against as known now.");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper();
    /** While a question is read: how far (0 to 1), negative when nothing is being read. */
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(IDLE);
    /** True from a new question until its answer: the figures shown answer the question before. */
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper reading = new ReadOnlyStringWrapper("");
    private final ObservableList<KnownFigure> figures = FXCollections.observableArrayList();
    private final ObservableList<RestatingLine> lines = FXCollections.observableArrayList();
    private long requests;

    public KnownAtViewModel(LedgerSession session, TaskExecutor executor, ZoneId zone, LongConsumer jumpTo) {
        this.session = session;
        this.executor = executor;
        this.zone = zone;
        this.jumpTo = jumpTo;
    }

    /** What the ledger showed for both points: the restatement (lines, effect) and every balance then and now. */
    private record Answer(Restatement restatement, Balances then, Balances now, String knowledge) {
    }

    /** Reads the two inputs and shows the books as of the date as known then against now; a bad input is a status sentence. */
    public void show() {
        LocalDate date;
        try {
            date = LocalDate.parse(asOf.get().strip());
        } catch (DateTimeParseException unreadable) {
            status.set("'" + asOf.get().strip() + "' is not an entry date; write it as 2025-03-31.");
            return;
        }
        Optional<Point> knowledge;
        try {
            knowledge = knownAt.get().isBlank() ? Optional.empty() : Optional.of(Point.parseKnowledge(knownAt.get()));
        } catch (InvalidPoint invalid) {
            status.set(invalid.getMessage());
            return;
        }
        long request = ++requests;
        String typed = knownAt.get().strip();
        // session 16: on a loaded machine the answer takes seconds; the question is shown being read, step by step, and
        // the figures of the question before are marked as such (never shown as if they answered this one)
        status.set("Reading the books as of " + date + " (1 of " + STEPS + ")…");
        reading.set("Reading the books as of " + date + ", as known " + (typed.isEmpty() ? "when the period was closed" : "at " + typed)
                + "… It is safe to wait" + (shown.get() ? "; the figures below still answer the question before." : "."));
        stale.set(shown.get());
        if (!shown.get()) {
            // session 22: under the reading sentence the heading still asked to "Set an entry date and a knowledge point",
            // both just set, for the seconds the first answer takes (TrialScreenshots' known-at shot at load 20)
            heading.set("The books as of " + date + ", as known " + (typed.isEmpty() ? "when the period was closed" : "at " + typed)
                    + ", are being read: their figures appear here.");
        }
        progress.set(0);
        executor.run(() -> answer(date, knowledge, typed, request), answer -> {
            if (request == requests) {
                progress.set(IDLE);
                stale.set(false);
                present(answer);
            }
        }, failure -> {
            if (request == requests) {
                progress.set(IDLE);
                stale.set(false);
                String why = ErrorMessages.of(failure);
                status.set(why);
                // the figures of the question before would read as this one's answer
                figures.clear();
                lines.clear();
                heading.set("No figures as of " + date + ": " + why);
            }
        });
    }

    private Answer answer(LocalDate date, Optional<Point> knowledge, String typed, long request) {
        session.projections().open(ProgressListener.NONE);
        TimeTravel timeTravel = session.timeTravel();
        Restatement restatement = timeTravel.restatements(date, knowledge);
        stepDone(request, 1, "the books as known then");
        Balances then = timeTravel.ledgerBalancesAt(new Point.AsKnownAt(date, new Point.AtPosition(restatement.knownAtPosition())))
                .balances();
        stepDone(request, 2, "the books as known now");
        Balances now = timeTravel.ledgerBalancesAt(new Point.AsOfDate(date)).balances();
        return new Answer(restatement, then, now, knowledge(typed, restatement));
    }

    /** Tells, on the UI thread, that {@code done} of the three readings are done and which comes next. */
    private void stepDone(long request, int done, String next) {
        executor.onUiThread(() -> {
            if (request == requests && progress.get() >= 0) {
                progress.set((double) done / STEPS);
                status.set("Reading " + next + " (" + (done + 1) + " of " + STEPS + ")…");
            }
        });
    }

    private void present(Answer answer) {
        Restatement restatement = answer.restatement();
        heading.set("As of " + restatement.periodEnd() + ", as known " + answer.knowledge() + " (through #"
                + restatement.knownAtPosition() + restatement.knownAtRecordedAt()
                .map(recorded -> ", recorded " + time(recorded)).orElse("") + "), against as known now.");
        Set<String> restated = new HashSet<>();
        for (BalanceChange change : restatement.effect()) {
            restated.add(change.account() + "\t" + change.commodity());
        }
        List<KnownFigure> rows = new ArrayList<>();
        TreeSet<String> accounts = new TreeSet<>(answer.then().asMap().keySet());
        accounts.addAll(answer.now().asMap().keySet());
        for (String account : accounts) {
            TreeMap<String, BigDecimal> commodities = new TreeMap<>(answer.then().account(account));
            answer.now().account(account).forEach(commodities::putIfAbsent);
            for (String commodity : commodities.keySet()) {
                BigDecimal then = answer.then().balance(account, commodity);
                BigDecimal now = answer.now().balance(account, commodity);
                rows.add(new KnownFigure(account, commodity, MoneyText.of(then, commodity), MoneyText.of(now, commodity),
                        now.compareTo(then) == 0 ? "" : MoneyText.of(now.subtract(then), commodity),
                        restated.contains(account + "\t" + commodity)));
            }
        }
        figures.setAll(rows);
        List<RestatingLine> restating = new ArrayList<>();
        for (RegisterLine line : restatement.lines()) {
            restating.add(new RestatingLine(line.position(), time(Instant.EPOCH.plus(line.recordedAtMicros(), ChronoUnit.MICROS)),
                    line.user(), line.command() == null ? "" : line.command(),
                    line.entryId() + (line.reversesEntryId() == null ? "" : " (reverses " + line.reversesEntryId() + ")"),
                    line.date().toString(), line.account(), MoneyText.of(line.amount(), line.commodity())));
        }
        lines.setAll(restating);
        // the point was missing from both sentences ("Nothing recorded since changed the figures…")
        String since = " recorded after #" + restatement.knownAtPosition();
        status.set(restating.isEmpty() ? "Nothing" + since + " changed the figures as of " + restatement.periodEnd()
                + ": as known " + answer.knowledge() + " and as known now agree."
                : restating.size() + " posting" + (restating.size() == 1 ? "" : "s") + since + " restated the figures as of "
                + restatement.periodEnd() + " (on the As known tab).");
        shown.set(true);
    }

    /** The knowledge point in words: as typed, a day's end in UTC, or the closing the default stands for. */
    private static String knowledge(String typed, Restatement restatement) {
        if (typed.isEmpty()) {
            return "when " + restatement.basis();
        }
        if (typed.startsWith("#") || typed.startsWith("@")) {
            return "at " + typed;
        }
        return "at the end of " + typed + " (UTC)";
    }

    private String time(Instant instant) {
        return TIME.format(instant.atZone(zone)) + " " + zoneName(zone);
    }

    /** "UTC" for any zone that is UTC ("Etc/UTC", "Z", "UTC"); a zone's id otherwise ("Europe/Berlin"). */
    static String zoneName(java.time.ZoneId zone) {
        return zone.normalized().equals(java.time.ZoneOffset.UTC) ? "UTC" : zone.getId();
    }

    /** Selects the restating posting's event in the history. */
    public void select(RestatingLine line) {
        if (line != null) {
            jumpTo.accept(line.position());
        }
    }

    /** Forgets the knowledge point: the panel goes back to its first sentence. */
    public void clear() {
        requests++;
        progress.set(IDLE);
        stale.set(false);
        knownAt.set("");
        figures.clear();
        lines.clear();
        status.set("");
        shown.set(false);
    }

    public StringProperty asOfProperty() {
        return asOf;
    }

    public StringProperty knownAtProperty() {
        return knownAt;
    }

    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** True once figures are shown (the state panel brings its "As known" tab forward). */
    public ReadOnlyBooleanProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** How far the question being read is (0 to 1); negative while none is. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** True while the figures shown answer the question before the one being read. */
    public ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    /** The question being read, in words, with what the figures shown meanwhile are. */
    public ReadOnlyStringProperty readingProperty() {
        return reading.getReadOnlyProperty();
    }

    public ObservableList<KnownFigure> figures() {
        return figures;
    }

    public ObservableList<RestatingLine> lines() {
        return lines;
    }
}
