package dev.eventscope.projection;

import java.util.Objects;
import java.util.Optional;

/**
 * What the read-model store remembers of a projection: the version and table generation in service,
 * its checkpoint (last applied position and the hash of that event, so that a checkpoint that does
 * not belong to this ledger is noticed), its failure if it stopped (empty while it runs), and a rebuild in progress (a
 * shadow generation, its version and checkpoint; generation 0 when none).
 */
public record ProjectionState(String name, int version, int generation, long position, String positionHash,
                              Optional<ProjectionFailure> failure, int buildingVersion, int buildingGeneration,
                              long buildingPosition, String buildingHash) {

    public ProjectionState {
        Objects.requireNonNull(failure, "failure: Optional.empty() when the projection runs");
    }

    public static ProjectionState fresh(String name, int version) {
        return new ProjectionState(name, version, 1, 0, "", Optional.empty(), 0, 0, 0, "");
    }

    public boolean failed() {
        return failure.isPresent();
    }

    public boolean building() {
        return buildingGeneration != 0;
    }

    public ProjectionState at(long newPosition, String hash) {
        return new ProjectionState(name, version, generation, newPosition, hash, failure, buildingVersion,
                buildingGeneration, buildingPosition, buildingHash);
    }

    public ProjectionState withFailure(ProjectionFailure newFailure) {
        return new ProjectionState(name, version, generation, position, positionHash, Optional.of(newFailure), buildingVersion,
                buildingGeneration, buildingPosition, buildingHash);
    }

    public ProjectionState buildingAt(long newPosition, String hash) {
        return new ProjectionState(name, version, generation, position, positionHash, failure, buildingVersion,
                buildingGeneration, newPosition, hash);
    }

    public ProjectionState startBuilding(int newVersion, int newGeneration) {
        return new ProjectionState(name, version, generation, position, positionHash, failure, newVersion,
                newGeneration, 0, "");
    }

    public ProjectionState stopBuilding() {
        return new ProjectionState(name, version, generation, position, positionHash, failure, 0, 0, 0, "");
    }

    /** The shadow generation takes over: its version, tables and checkpoint; any failure is cleared. */
    public ProjectionState swapped() {
        return new ProjectionState(name, buildingVersion, buildingGeneration, buildingPosition, buildingHash, Optional.empty(),
                0, 0, 0, "");
    }
}
