package dev.eventscope.ui.state;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Marks what changed between the state panel's lines at two points. */
public final class StateRows {

    /** Shown for a line that did not exist at one of the two points. */
    public static final String ABSENT = "—";

    private StateRows() {
    }

    /**
     * {@code current} with each line whose value differs from {@code previous} marked changed; lines
     * that vanished (a balance back to zero) come back as changed to {@value #ABSENT}. With no previous
     * point nothing is marked.
     */
    public static List<StateRow> compare(List<StateRow> previous, List<StateRow> current) {
        if (previous == null) {
            return current;
        }
        Map<String, StateRow> before = new LinkedHashMap<>();
        previous.forEach(row -> before.put(row.key(), row));
        List<StateRow> marked = new ArrayList<>(current.size());
        for (StateRow row : current) {
            StateRow old = before.remove(row.key());
            if (old == null) {
                marked.add(row.changedFrom(ABSENT));
            } else if (!old.value().equals(row.value())) {
                marked.add(row.changedFrom(old.value()));
            } else {
                marked.add(row);
            }
        }
        for (StateRow gone : before.values()) {
            if (!gone.section().equals(StateQuery.LAST_ENTRIES)) {
                marked.add(new StateRow(gone.key(), gone.section(), gone.label(), ABSENT, gone.value(), true,
                        gone.account(), gone.commodity(), gone.position()));
            }
        }
        return marked;
    }

    /**
     * {@code rows} as plain lines of their point, without the marks of a comparison: changed lines read their value only,
     * and lines kept only to show that they vanished ({@value #ABSENT}) are left out.
     */
    public static List<StateRow> unmarked(List<StateRow> rows) {
        List<StateRow> plain = new ArrayList<>(rows.size());
        for (StateRow row : rows) {
            if (!row.changed()) {
                plain.add(row);
            } else if (!ABSENT.equals(row.value())) {
                plain.add(new StateRow(row.key(), row.section(), row.label(), row.value(), null, false,
                        row.account(), row.commodity(), row.position()));
            }
        }
        return plain;
    }
}
