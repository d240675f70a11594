package dev.eventscope.ui.state;

import java.util.List;

/**
 * Lines of the state panel that tell, without spelling them out, whether a line reads exactly as the line at the same
 * place in the lines shown before: a table is then told only of the lines that changed (a slider move changes a few
 * hundred of the whole ledger's thousands of lines, and often none of those on screen).
 */
public interface ComparedLines {

    /** True when line {@code index} reads exactly as line {@code index} of {@code before}; false when it differs or cannot tell. */
    boolean readsAsBefore(List<StateRow> before, int index);
}
