package dev.eventscope.projection;

import java.util.Optional;

/**
 * A projection as the projections panel shows it: version in service (and the version the code
 * wants), checkpoint, lag behind the ledger, the failure that stopped it (empty when none) and, during a
 * rebuild, the shadow copy's position (0 when none).
 */
public record ProjectionStatus(String name, int version, int wantedVersion, long checkpoint, long lastPosition,
                               Optional<ProjectionFailure> failure, long rebuildPosition) {

    public long lag() {
        return Math.max(0, lastPosition - checkpoint);
    }

    public String health() {
        if (failure.isPresent()) {
            return "FAILED";
        }
        if (rebuildPosition > 0) {
            return "REBUILDING";
        }
        if (version != wantedVersion) {
            return "OUTDATED";
        }
        return lag() == 0 ? "UP TO DATE" : "BEHIND";
    }
}
