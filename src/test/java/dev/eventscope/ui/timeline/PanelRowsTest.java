package dev.eventscope.ui.timeline;

import dev.eventscope.ui.state.ComparedLines;
import dev.eventscope.ui.state.StateRow;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PanelRowsTest {

    private final PanelRows rows = new PanelRows();
    private final List<String> events = new ArrayList<>();
    /** What a listener that follows the changes (as a table does) believes the list holds. */
    private final List<StateRow> mirror = new ArrayList<>();

    PanelRowsTest() {
        rows.addListener((ListChangeListener<StateRow>) change -> {
            while (change.next()) {
                if (change.wasUpdated()) {
                    events.add("updated " + change.getFrom() + ".." + change.getTo());
                    for (int index = change.getFrom(); index < change.getTo(); index++) {
                        mirror.set(index, change.getList().get(index));
                    }
                } else {
                    if (change.wasRemoved()) {
                        events.add("removed " + change.getRemoved().stream().map(StateRow::label).toList());
                        mirror.subList(change.getFrom(), change.getFrom() + change.getRemovedSize()).clear();
                    }
                    if (change.wasAdded()) {
                        events.add("added " + change.getAddedSubList().stream().map(StateRow::label).toList());
                        mirror.addAll(change.getFrom(), change.getAddedSubList());
                    }
                }
            }
        });
    }

    private static List<StateRow> lines(String... labels) {
        List<StateRow> lines = new ArrayList<>();
        for (String label : labels) {
            lines.add(StateRow.of(label, "Assets", label, "1.00 EUR"));
        }
        return List.copyOf(lines);
    }

    @Test
    void new_lines_of_the_same_number_arrive_as_updates_and_the_list_holds_them() {
        rows.show(lines("a", "b", "c"));
        events.clear();
        rows.show(lines("a", "B", "c"));
        assertEquals(List.of("updated 0..3"), events);
        assertEquals(lines("a", "B", "c"), rows);
        assertEquals(rows, mirror);
    }

    /** Lines that say which of them read as before: here, those whose value is the same object as before. */
    private static List<StateRow> compared(List<StateRow> lines) {
        final class Compared extends java.util.AbstractList<StateRow> implements ComparedLines {
            @Override
            public StateRow get(int index) {
                return lines.get(index);
            }

            @Override
            public int size() {
                return lines.size();
            }

            @Override
            public boolean readsAsBefore(List<StateRow> before, int index) {
                return index < before.size() && before.get(index).equals(lines.get(index));
            }
        }
        return new Compared();
    }

    @Test
    void lines_that_can_tell_report_only_those_that_read_differently() {
        rows.show(compared(lines("a", "b", "c", "d")));
        events.clear();
        rows.show(compared(lines("a", "B", "C", "d", "e")));
        // the order of the sub-changes is JavaFX's (ListChangeBuilder's), not ours: only which ones matter
        assertEquals(List.of("added [e]", "updated 1..3"), events.stream().sorted().toList());
        assertEquals(rows, mirror);
        events.clear();
        rows.show(compared(lines("a", "B", "C", "d", "e")));
        assertEquals(List.of(), events, "nothing changed: the table is told nothing");
        rows.show(lines("a", "B", "C", "d", "e"));
        assertEquals(List.of("updated 0..5"), events, "lines that cannot tell are all reported");
    }

    @Test
    void more_or_fewer_lines_update_the_common_ones_and_add_or_remove_the_rest_at_the_end() {
        rows.show(lines("a", "b"));
        assertEquals(List.of("added [a, b]"), events);
        rows.show(lines("x", "y", "z", "w"));
        rows.show(lines("p"));
        rows.show(List.of());
        assertEquals(List.of("added [a, b]", "added [z, w]", "updated 0..2", "removed [y, z, w]", "updated 0..1", "removed [p]"), events);
        assertEquals(List.of(), rows);
        assertEquals(rows, mirror);
    }
}
