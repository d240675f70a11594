package dev.eventscope.ui.state;

import java.util.List;

/**
 * What the state panel must do to show a point: replace all its lines with {@code state.rows()}, or
 * ({@code patch}) replace only the lines at {@code indices} with {@code replacements}, keeping the rest.
 */
public record StateUpdate(PointState state, boolean patch, int[] indices, List<StateRow> replacements) {

    public static StateUpdate whole(PointState state) {
        return new StateUpdate(state, false, new int[0], List.of());
    }
}
