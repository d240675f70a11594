package dev.eventscope.projection;

import java.util.Optional;

/**
 * How a rebuild ended: swapped in, cancelled (old read model kept), or failed on an event (old read model
 * kept); {@link #failure()} names the event when it failed and is empty otherwise.
 */
public record RebuildOutcome(String projection, Result result, long position, Optional<ProjectionFailure> failure) {

    public enum Result { COMPLETED, CANCELLED, FAILED }

    public static RebuildOutcome completed(String projection, long position) {
        return new RebuildOutcome(projection, Result.COMPLETED, position, Optional.empty());
    }

    public static RebuildOutcome cancelled(String projection, long position) {
        return new RebuildOutcome(projection, Result.CANCELLED, position, Optional.empty());
    }

    public static RebuildOutcome failed(ProjectionFailure failure) {
        return new RebuildOutcome(failure.projection(), Result.FAILED, failure.position(), Optional.of(failure));
    }
}
