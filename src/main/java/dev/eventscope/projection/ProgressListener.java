package dev.eventscope.projection;

/** Told of a rebuild's progress after every batch, on the rebuilding thread. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = progress -> { };

    void progressed(RebuildProgress progress);
}
