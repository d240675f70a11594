package dev.eventscope.ui.explorer;

import dev.eventscope.eventstore.StreamId;
import dev.eventscope.eventstore.StreamInfo;
import dev.eventscope.ui.TaskExecutor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The ledger sidebar: streams grouped by type, filtered by a search text and a type; the selected stream.
 * Grouping a large ledger (250,000 journal entries) runs off the UI thread: {@link #prepare} in the
 * background, then {@link #apply} on the UI thread; a search or type change regroups in the background
 * too, and the newest request wins.
 */
public final class SidebarViewModel {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SidebarViewModel.class);
    private static final TaskExecutor AT_ONCE = new TaskExecutor() {
        @Override
        public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            T result;
            try {
                result = work.call();
            } catch (Exception failure) {
                onFailure.accept(failure);
                return;
            }
            onSuccess.accept(result);
        }

        @Override
        public void onUiThread(Runnable action) {
            action.run();
        }
    };

    private final TaskExecutor executor;
    private List<StreamInfo> streams = List.of();
    private Map<StreamId, Long> versions = Map.of();
    private long generation;
    private final ReadOnlyObjectWrapper<List<SidebarNode>> groups = new ReadOnlyObjectWrapper<>(List.of());
    private final ObservableList<String> typeChoices = FXCollections.observableArrayList(SidebarTree.ALL_TYPES);
    // held here: an unmodifiable view only weakly listens to its list, so it must live as long as this model
    private final ObservableList<String> typeChoicesView = FXCollections.unmodifiableObservableList(typeChoices);
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<String> type = new SimpleObjectProperty<>(SidebarTree.ALL_TYPES);
    private final ReadOnlyObjectWrapper<StreamId> selectedStream = new ReadOnlyObjectWrapper<>();
    /** Each parent account's rolled-up balance as text ("1,200.00 EUR · 5.00 USD"), by account name. */
    private final ReadOnlyObjectWrapper<Map<String, String>> subtotals = new ReadOnlyObjectWrapper<>(Map.of());

    /** What the tree shows while the streams wait to be listed (a first open's catch-up). */
    public static final SidebarNode FILLING = new SidebarNode("filling", "Listing the streams…",
            null, 0, List.of());
    private final javafx.beans.property.ReadOnlyBooleanWrapper filling = new javafx.beans.property.ReadOnlyBooleanWrapper();

    /** Groups on the calling thread (tests, small ledgers). */
    public SidebarViewModel() {
        this(AT_ONCE);
    }

    /** Regroups after a search or type change through {@code executor}. */
    public SidebarViewModel(TaskExecutor executor) {
        this.executor = executor;
        search.addListener((observable, before, after) -> rebuild());
        type.addListener((observable, before, after) -> rebuild());
    }

    /** The streams grouped for the current search and type, with their versions and the type choices: built off the UI thread. */
    public record Prepared(List<StreamInfo> streams, Map<StreamId, Long> versions, List<String> choices, String search,
                           String type, List<SidebarNode> groups) {
    }

    /** What groups streams for the search and type now set: ask on the UI thread, apply it anywhere. */
    public java.util.function.Function<List<StreamInfo>, Prepared> preparer() {
        String searching = search.get();
        String typed = type.get();
        return latest -> prepare(latest, searching, typed);
    }

    private static Prepared prepare(List<StreamInfo> latest, String search, String type) {
        List<StreamInfo> copy = List.copyOf(latest);
        Map<StreamId, Long> versions = new HashMap<>(copy.size() * 2);
        for (StreamInfo info : copy) {
            versions.put(info.streamId(), info.version());
        }
        List<String> choices = SidebarTree.typeChoices(copy);
        String effectiveType = choices.contains(type) ? type : SidebarTree.ALL_TYPES;
        return new Prepared(copy, versions, choices, search, effectiveType, SidebarTree.build(copy, search, effectiveType));
    }

    /**
     * Says the streams are being listed (a first open lists them once its catch-up has ended, rather than compete with
     * it): the tree shows {@link #FILLING} until the next {@link #apply}.
     */
    public void showFilling() {
        generation++;
        filling.set(true);
        groups.set(List.of(FILLING));
    }

    /** True from {@link #showFilling} until the streams are shown. */
    public javafx.beans.property.ReadOnlyBooleanProperty fillingProperty() {
        return filling.getReadOnlyProperty();
    }

    /** Shows what {@link #preparer} built (on the UI thread). */
    public void apply(Prepared prepared) {
        generation++;
        filling.set(false);
        streams = prepared.streams();
        versions = prepared.versions();
        if (!prepared.choices().equals(typeChoices)) {
            String chosen = type.get();
            typeChoices.setAll(prepared.choices());
            String kept = prepared.choices().contains(chosen) ? chosen : SidebarTree.ALL_TYPES;
            if (!kept.equals(type.get())) {
                type.set(kept); // regroups through the listener
                return;
            }
        }
        if (prepared.search().equals(search.get()) && prepared.type().equals(type.get())) {
            groups.set(prepared.groups());
        } else {
            rebuild(); // the search or type changed while grouping
        }
    }

    /** The latest streams of the ledger, grouped on the calling thread (tests, small ledgers). */
    public void setStreams(List<StreamInfo> latest) {
        apply(preparer().apply(latest));
    }

    private void rebuild() {
        if (filling.get()) {
            return; // nothing listed yet: the streams, once listed, are grouped for the search and type then set
        }
        long asked = ++generation;
        List<StreamInfo> current = streams;
        String searching = search.get();
        String typed = type.get();
        executor.run(() -> SidebarTree.build(current, searching, typed), built -> {
            if (asked == generation) {
                groups.set(built);
            }
        }, failure -> LOG.warn("grouping the sidebar failed: {}", failure.toString()));
    }

    public void select(StreamId stream) {
        selectedStream.set(stream);
    }

    /** The stream's current number of events; 0 when it is not in the ledger. */
    public long versionOf(StreamId stream) {
        return versions.getOrDefault(stream, 0L);
    }

    public ReadOnlyObjectProperty<List<SidebarNode>> groupsProperty() {
        return groups.getReadOnlyProperty();
    }

    public ObservableList<String> typeChoices() {
        return typeChoicesView;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<String> typeProperty() {
        return type;
    }

    /** Shows the parent accounts' subtotals (from {@link #subtotalTexts}). */
    public void setSubtotals(Map<String, String> texts) {
        subtotals.set(Map.copyOf(texts));
    }

    public ReadOnlyObjectProperty<Map<String, String>> subtotalsProperty() {
        return subtotals.getReadOnlyProperty();
    }

    /**
     * The text of every parent account's subtotal (its own balance and its sub-accounts', as hledger's tree view rolls
     * them up), for accounts that have sub-accounts; commodities joined with " · ".
     */
    public static Map<String, String> subtotalTexts(dev.eventscope.domain.ledger.Balances balances) {
        java.util.Set<String> parents = new java.util.HashSet<>();
        balances.forEach((account, commodity, amount) -> {
            for (int colon = account.indexOf(':'); colon > 0; colon = account.indexOf(':', colon + 1)) {
                parents.add(account.substring(0, colon));
            }
        });
        dev.eventscope.domain.ledger.Balances rolledUp = balances.rolledUp();
        Map<String, String> texts = new HashMap<>();
        for (String parent : parents) {
            java.util.StringJoiner text = new java.util.StringJoiner(" · ");
            rolledUp.account(parent).forEach((commodity, amount) -> text.add(dev.eventscope.ui.state.MoneyText.of(amount, commodity)));
            texts.put(parent, text.length() == 0 ? "0" : text.toString());
        }
        return texts;
    }

    public ReadOnlyObjectProperty<StreamId> selectedStreamProperty() {
        return selectedStream.getReadOnlyProperty();
    }
}
