package dev.eventscope.ui.timeline;

import dev.eventscope.ui.state.ComparedLines;
import dev.eventscope.ui.state.StateRow;
import javafx.collections.ObservableListBase;

import java.util.List;

/**
 * The state panel's lines: a read-only observable list that shows one immutable list of lines at a time
 * without copying it (the whole ledger's lines are spelled out only when read, and a table reads only
 * those it shows). Showing new lines reports the lines both lists have as <em>updated</em>, and the rest as
 * added or removed at the end: a table then refreshes the rows it shows instead of rebuilding them (it
 * rebuilds every visible row, new cells and styles, when its items report a replacement). Lines that can tell
 * ({@link ComparedLines}) report only those that read differently, so a move re-reads, re-spells and refits
 * only what changed. UI thread only.
 */
final class PanelRows extends ObservableListBase<StateRow> {

    private List<StateRow> lines = List.of();

    /** Shows {@code next} (immutable) instead of the lines shown now. */
    void show(List<StateRow> next) {
        List<StateRow> before = lines;
        lines = next;
        int common = Math.min(before.size(), next.size());
        ComparedLines compared = next instanceof ComparedLines lines ? lines : null;
        beginChange();
        for (int index = 0; index < common; index++) {
            if (compared == null || !compared.readsAsBefore(before, index)) {
                nextUpdate(index);
            }
        }
        if (next.size() > common) {
            nextAdd(common, next.size());
        } else if (before.size() > common) {
            nextRemove(common, before.subList(common, before.size()));
        }
        endChange();
    }

    @Override
    public StateRow get(int index) {
        return lines.get(index);
    }

    @Override
    public int size() {
        return lines.size();
    }
}
