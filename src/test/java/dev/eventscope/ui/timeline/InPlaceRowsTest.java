package dev.eventscope.ui.timeline;

import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class InPlaceRowsTest {

    private final ObservableList<String> source = FXCollections.observableArrayList("a", "b", "c", "d");
    private final InPlaceRows<String> view = new InPlaceRows<>(source);
    private final List<String> events = new ArrayList<>();
    private final List<String> mirror = new ArrayList<>(view);

    InPlaceRowsTest() {
        view.addListener((ListChangeListener<String>) change -> {
            while (change.next()) {
                if (change.wasUpdated()) {
                    events.add("updated " + change.getFrom() + ".." + change.getTo());
                    for (int index = change.getFrom(); index < change.getTo(); index++) {
                        mirror.set(index, change.getList().get(index));
                    }
                } else {
                    if (change.wasRemoved()) {
                        events.add("removed " + change.getRemoved());
                        mirror.subList(change.getFrom(), change.getFrom() + change.getRemovedSize()).clear();
                    }
                    if (change.wasAdded()) {
                        events.add("added " + change.getAddedSubList());
                        mirror.addAll(change.getFrom(), change.getAddedSubList());
                    }
                }
            }
        });
    }

    @Test
    void a_line_replaced_in_place_arrives_as_an_update_and_the_view_shows_the_new_line() {
        source.set(2, "C");
        assertEquals(List.of("updated 2..3"), events);
        assertEquals(List.of("a", "b", "C", "d"), view);
        assertEquals(source, mirror);
    }

    @Test
    void a_whole_new_list_of_the_same_size_arrives_as_updates_of_every_line() {
        source.setAll("w", "x", "y", "z");
        assertEquals(List.of("updated 0..4"), events);
        assertEquals(source, mirror);
    }

    @Test
    void lines_added_or_removed_pass_through_as_they_are() {
        source.setAll("a", "b");
        source.add(1, "new");
        source.remove(0);
        assertEquals(List.of("removed [a, b, c, d]", "added [a, b]", "added [new]", "removed [a]"), events);
        assertEquals(List.of("new", "b"), view);
        assertEquals(source, mirror);
    }
}
