package dev.eventscope.ui.explorer;

import dev.eventscope.eventstore.Direction;
import dev.eventscope.eventstore.IntegrityReport;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.session.LedgerSession;
import dev.eventscope.ui.ErrorMessages;
import dev.eventscope.ui.TaskExecutor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The event history of one stream (or of a cross-stream query, such as a correlation), with filters
 * by event types and users (several may be ticked: an event matching any ticked value shows, nothing ticked
 * shows all), recorded date and a full-text search over the event data. The newest load
 * request wins: an older load that finishes later is dropped.
 */
public final class HistoryViewModel {

    /** What the event type filter says while no type is ticked. */
    public static final String ALL_EVENT_TYPES = "All event types";
    /** What the user filter says while no user is ticked. */
    public static final String ALL_USERS = "All users";
    private static final int PAGE = 2_000;
    /**
     * At most this many events of one stream are loaded (the newest, or those around the event to select):
     * an account with 250,000 postings would otherwise hold hundreds of megabytes and stall the window.
     */
    static final int MOST_EVENTS = 10_000;

    private final LedgerSession session;
    private final TaskExecutor executor;
    private final ZoneId zone;
    private final Consumer<String> errors;

    private final ObservableList<EventRow> allRows = FXCollections.observableArrayList();
    private final FilteredList<EventRow> rows = new FilteredList<>(allRows);
    private boolean relabelling;
    private final ObservableList<String> eventTypeChoices = FXCollections.observableArrayList();
    // held here: an unmodifiable view only weakly listens to its list, so it must live as long as this model
    private final ObservableList<String> eventTypeChoicesView = FXCollections.unmodifiableObservableList(eventTypeChoices);
    private final ObservableList<String> userChoices = FXCollections.observableArrayList();
    private final ObservableList<String> userChoicesView = FXCollections.unmodifiableObservableList(userChoices);
    private final ObservableList<String> checkedEventTypes = FXCollections.observableArrayList();
    private final ObservableList<String> checkedUsers = FXCollections.observableArrayList();
    private final ObjectProperty<LocalDate> recordedFrom = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> recordedTo = new SimpleObjectProperty<>();
    private final StringProperty text = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<EventRow> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<StreamId> stream = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("Select a stream in the sidebar");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper acrossStreams = new ReadOnlyBooleanWrapper();
    private IntegrityReport report;
    private long request;
    /** The event the newest {@link #show} asked to select, so a reload before it arrives keeps asking for it. */
    private long askedToSelect;

    public HistoryViewModel(LedgerSession session, TaskExecutor executor, ZoneId zone, Consumer<String> errors) {
        this.session = session;
        this.executor = executor;
        this.zone = zone;
        this.errors = errors;
        checkedEventTypes.addListener((javafx.collections.ListChangeListener<String>) change -> applyFilters());
        checkedUsers.addListener((javafx.collections.ListChangeListener<String>) change -> applyFilters());
        recordedFrom.addListener((observable, before, after) -> applyFilters());
        recordedTo.addListener((observable, before, after) -> applyFilters());
        text.addListener((observable, before, after) -> applyFilters());
    }

    /** Loads a stream's whole history off the UI thread, then selects the event at {@code positionToSelect} if given (> 0). */
    public void show(StreamId streamId, long positionToSelect) {
        long thisRequest = ++request;
        askedToSelect = positionToSelect;
        stream.set(streamId);
        acrossStreams.set(false);
        loading.set(true);
        executor.run(() -> readStream(streamId, positionToSelect), window -> {
            if (thisRequest == request) {
                loading.set(false);
                askedToSelect = 0;
                display(streamId.value(), window.events(), positionToSelect, window.total());
            }
        }, failure -> {
            if (thisRequest == request) {
                loading.set(false);
                errors.accept(ErrorMessages.of(failure));
            }
        });
    }

    /** Reloads the current stream, keeping the selected event. */
    public void reload() {
        if (stream.get() != null) {
            show(stream.get(), selected.get() == null ? askedToSelect : selected.get().position());
        }
    }

    /** Shows events found by a query across streams (no stream is current then). */
    public void showQuery(String queryTitle, List<RecordedEvent> events, long positionToSelect) {
        ++request;
        stream.set(null);
        acrossStreams.set(true);
        loading.set(false);
        display(queryTitle, events, positionToSelect, events.size());
    }

    private record Window(List<RecordedEvent> events, long total) {
    }

    private Window readStream(StreamId streamId, long positionToSelect) {
        long total = session.streamVersion(streamId);
        long fromVersion = Math.max(1, total - MOST_EVENTS + 1);
        if (positionToSelect > 0 && fromVersion > 1) {
            Optional<RecordedEvent> wanted = session.readAt(positionToSelect);
            if (wanted.isPresent() && wanted.get().streamId().equals(streamId) && wanted.get().version() < fromVersion) {
                fromVersion = Math.max(1, wanted.get().version() - MOST_EVENTS / 2);
            }
        }
        List<RecordedEvent> events = new ArrayList<>();
        while (events.size() < MOST_EVENTS) {
            List<RecordedEvent> page = session.readStream(streamId, fromVersion, Direction.FORWARD,
                    Math.min(PAGE, MOST_EVENTS - events.size()));
            events.addAll(page);
            if (page.isEmpty()) {
                break;
            }
            fromVersion = page.get(page.size() - 1).version() + 1;
        }
        return new Window(events, Math.max(total, events.size()));
    }

    private void display(String heading, List<RecordedEvent> events, long positionToSelect, long total) {
        List<EventRow> loaded = new ArrayList<>(events.size());
        TreeSet<String> types = new TreeSet<>();
        TreeSet<String> users = new TreeSet<>();
        for (RecordedEvent event : events) {
            loaded.add(EventRow.of(event, zone, report));
            types.add(event.type());
            users.add(event.metadata().user());
        }
        replaceChoices(eventTypeChoices, types, checkedEventTypes);
        replaceChoices(userChoices, users, checkedUsers);
        allRows.setAll(loaded);
        title.set(heading + "  ·  " + (events.size() < total && !events.isEmpty()
                ? String.format("versions %,d–%,d of %,d events (the rest is not loaded)", events.get(0).version(),
                        events.get(events.size() - 1).version(), total)
                : events.size() + (events.size() == 1 ? " event" : " events")));
        select(positionToSelect > 0 ? rowAt(positionToSelect) : null);
    }

    /** The values found become the choices; a ticked value the new events no longer hold is unticked. */
    private static void replaceChoices(ObservableList<String> choices, TreeSet<String> found, ObservableList<String> checked) {
        List<String> latest = new ArrayList<>(found);
        if (!latest.equals(choices)) {
            choices.setAll(latest);
            if (!found.containsAll(checked)) {
                checked.retainAll(found);
            }
        }
    }

    private EventRow rowAt(long position) {
        return rows.stream().filter(row -> row.position() == position).findFirst().orElse(null);
    }

    /** Re-labels every row with the hash status the new integrity report gives it; the picked event stays picked. */
    public void setIntegrityReport(IntegrityReport latest) {
        report = latest;
        EventRow picked = selected.get();
        List<EventRow> relabelled = new ArrayList<>(allRows.size());
        for (EventRow row : allRows) {
            relabelled.add(row.withReport(latest));
        }
        relabelling = true;
        try {
            // one change: replaceAll fired one per row, each sorted and drawn again (seconds of a frozen window
            // after Verify on a stream of thousands of events)
            allRows.setAll(relabelled);
        } finally {
            relabelling = false;
        }
        if (picked != null) {
            select(rowAt(picked.position()));
        }
    }

    public void select(EventRow row) {
        if (relabelling) {
            return; // the table lets go of its row while every row is replaced; the same event is picked again after
        }
        selected.set(row);
    }

    public void clearFilters() {
        checkedEventTypes.clear();
        checkedUsers.clear();
        recordedFrom.set(null);
        recordedTo.set(null);
        text.set("");
    }

    private void applyFilters() {
        rows.setPredicate(filter());
    }

    private Predicate<EventRow> filter() {
        Set<String> types = Set.copyOf(checkedEventTypes);
        Set<String> users = Set.copyOf(checkedUsers);
        LocalDate from = recordedFrom.get();
        LocalDate to = recordedTo.get();
        String needle = text.get() == null ? "" : text.get().strip().toLowerCase(Locale.ROOT);
        return row -> (types.isEmpty() || types.contains(row.event().type()))
                && (users.isEmpty() || (row.user() != null && users.contains(row.user())))
                && (from == null || !row.recordedDate().isBefore(from))
                && (to == null || !row.recordedDate().isAfter(to))
                && (needle.isEmpty() || row.event().data().toLowerCase(Locale.ROOT).contains(needle));
    }

    public ObservableList<EventRow> rows() {
        return rows;
    }

    public ObservableList<String> eventTypeChoices() {
        return eventTypeChoicesView;
    }

    public ObservableList<String> userChoices() {
        return userChoicesView;
    }

    /** The ticked event types (none ticked: every type shows). */
    public ObservableList<String> checkedEventTypes() {
        return checkedEventTypes;
    }

    /** The ticked users (none ticked: every user shows). */
    public ObservableList<String> checkedUsers() {
        return checkedUsers;
    }

    public ObjectProperty<LocalDate> recordedFromProperty() {
        return recordedFrom;
    }

    public ObjectProperty<LocalDate> recordedToProperty() {
        return recordedTo;
    }

    public StringProperty textProperty() {
        return text;
    }

    public ReadOnlyObjectProperty<EventRow> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<StreamId> streamProperty() {
        return stream.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** True while the table shows a query across streams (then it has a stream column). */
    public ReadOnlyBooleanProperty acrossStreamsProperty() {
        return acrossStreams.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }
}
