package dev.eventscope.ui.timeline;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableListBase;

/**
 * A live read-only view of a list for a table, in which a replacement that keeps the size arrives as an
 * <em>update</em> of those indices rather than as a removal and addition. A table rebuilds every visible row
 * (new cells, styles applied afresh) when its items report a replacement, but only refreshes the rows'
 * contents on an update; the state panel replaces its changed lines at every slider move. Every other change
 * (lines added or removed) passes through as it is. The view always holds exactly the source's elements.
 */
final class InPlaceRows<T> extends ObservableListBase<T> {

    private final ObservableList<T> source;
    // held here: the source keeps only this listener, which lives as long as this view
    private final ListChangeListener<T> listener = this::sourceChanged;

    InPlaceRows(ObservableList<T> source) {
        this.source = source;
        source.addListener(listener);
    }

    private void sourceChanged(ListChangeListener.Change<? extends T> change) {
        beginChange();
        while (change.next()) {
            if (change.wasPermutated()) {
                int[] permutation = new int[change.getTo() - change.getFrom()];
                for (int index = change.getFrom(); index < change.getTo(); index++) {
                    permutation[index - change.getFrom()] = change.getPermutation(index);
                }
                nextPermutation(change.getFrom(), change.getTo(), permutation);
            } else if (change.wasUpdated()) {
                for (int index = change.getFrom(); index < change.getTo(); index++) {
                    nextUpdate(index);
                }
            } else if (change.wasReplaced() && change.getAddedSize() == change.getRemovedSize()) {
                for (int index = change.getFrom(); index < change.getTo(); index++) {
                    nextUpdate(index);
                }
            } else {
                if (change.wasRemoved()) {
                    nextRemove(change.getFrom(), change.getRemoved());
                }
                if (change.wasAdded()) {
                    nextAdd(change.getFrom(), change.getTo());
                }
            }
        }
        endChange();
    }

    @Override
    public T get(int index) {
        return source.get(index);
    }

    @Override
    public int size() {
        return source.size();
    }
}
