package dev.eventscope.projection;

/** How a rebuild ended: swapped in, cancelled (old read model kept), or failed on an event (old read model kept). */
public record RebuildOutcome(String projection, Result result, long position, ProjectionFailure failure) {

    public enum Result { COMPLETED, CANCELLED, FAILED }
}
