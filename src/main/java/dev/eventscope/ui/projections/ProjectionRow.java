package dev.eventscope.ui.projections;

import dev.eventscope.projection.ProjectionFailure;

import java.util.Optional;

/**
 * One line of the projections panel: name, version in service, what it is doing, its checkpoint
 * (the last event applied), its lag behind the ledger, when its checkpoint last moved, and why it
 * stopped (empty unless stopped).
 */
public record ProjectionRow(String name, int version, ProjectionHealth health, long checkpoint, long lag,
                            String lastUpdate, String detail, Optional<ProjectionFailure> failure) {

    public String statusLabel() {
        return health.label();
    }
}
