package dev.eventscope.ui.projections;

import dev.eventscope.projection.ProjectionStatus;

/** What the projections panel says a projection is doing. */
public enum ProjectionHealth {
    CATCHING_UP("catching up"),
    LIVE("live"),
    REBUILDING("rebuilding"),
    STOPPED("stopped");

    private final String label;

    ProjectionHealth(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * A stopped projection (it failed on an event, or its read model is of another version) stays
     * stopped until rebuilt; a rebuild in progress (here or in another process) wins over lag; any
     * lag, or the first catch-up after opening, is catching up; otherwise it is live.
     */
    public static ProjectionHealth of(ProjectionStatus status, boolean opening, boolean rebuildingHere) {
        if (status.failure().isPresent()) {
            return STOPPED;
        }
        if (rebuildingHere || status.rebuildPosition() > 0) {
            return REBUILDING;
        }
        if (opening) {
            return CATCHING_UP;
        }
        if (status.version() != status.wantedVersion()) {
            return STOPPED;
        }
        return status.lag() > 0 ? CATCHING_UP : LIVE;
    }
}
