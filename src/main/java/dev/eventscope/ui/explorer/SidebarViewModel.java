package dev.eventscope.ui.explorer;

import dev.eventscope.eventstore.StreamId;
import dev.eventscope.eventstore.StreamInfo;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;

/** The ledger sidebar: streams grouped by type, filtered by a search text and a type; the selected stream. */
public final class SidebarViewModel {

    private List<StreamInfo> streams = List.of();
    private final ReadOnlyObjectWrapper<List<SidebarNode>> groups = new ReadOnlyObjectWrapper<>(List.of());
    private final ObservableList<String> typeChoices = FXCollections.observableArrayList(SidebarTree.ALL_TYPES);
    // held here: an unmodifiable view only weakly listens to its list, so it must live as long as this model
    private final ObservableList<String> typeChoicesView = FXCollections.unmodifiableObservableList(typeChoices);
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<String> type = new SimpleObjectProperty<>(SidebarTree.ALL_TYPES);
    private final ReadOnlyObjectWrapper<StreamId> selectedStream = new ReadOnlyObjectWrapper<>();

    public SidebarViewModel() {
        search.addListener((observable, before, after) -> rebuild());
        type.addListener((observable, before, after) -> rebuild());
    }

    /** The latest streams of the ledger (after opening, a refresh, or new events). */
    public void setStreams(List<StreamInfo> latest) {
        streams = List.copyOf(latest);
        List<String> choices = SidebarTree.typeChoices(streams);
        if (!choices.equals(typeChoices)) {
            String chosen = type.get();
            typeChoices.setAll(choices);
            type.set(choices.contains(chosen) ? chosen : SidebarTree.ALL_TYPES);
        }
        rebuild();
    }

    private void rebuild() {
        groups.set(SidebarTree.build(streams, search.get(), type.get()));
    }

    public void select(StreamId stream) {
        selectedStream.set(stream);
    }

    /** The stream's current number of events; 0 when it is not in the ledger. */
    public long versionOf(StreamId stream) {
        return streams.stream().filter(info -> info.streamId().equals(stream)).mapToLong(StreamInfo::version).findFirst().orElse(0);
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

    public ReadOnlyObjectProperty<StreamId> selectedStreamProperty() {
        return selectedStream.getReadOnlyProperty();
    }
}
