package dev.eventscope.projection;

/**
 * Which of a projection's two generations of tables a batch is applied to: the one in service
 * ({@link #LIVE}), or the shadow copy a rebuild fills beside it ({@link #SHADOW}). Each knows its own
 * checkpoint in the {@link ProjectionState}.
 */
enum Generation {

    LIVE {
        @Override
        long position(ProjectionState state) {
            return state.position();
        }

        @Override
        int tables(ProjectionState state) {
            return state.generation();
        }

        @Override
        ProjectionState advancedTo(ProjectionState state, long position, String hash) {
            return state.at(position, hash);
        }

        @Override
        boolean stopped(ProjectionState state) {
            return state.failed();
        }
    },

    SHADOW {
        @Override
        long position(ProjectionState state) {
            return state.buildingPosition();
        }

        @Override
        int tables(ProjectionState state) {
            return state.buildingGeneration();
        }

        @Override
        ProjectionState advancedTo(ProjectionState state, long position, String hash) {
            return state.buildingAt(position, hash);
        }

        /** A failure recorded for the live tables does not stop their rebuild, which may be its cure. */
        @Override
        boolean stopped(ProjectionState state) {
            return false;
        }
    };

    /** The last position this generation holds. */
    abstract long position(ProjectionState state);

    /** The generation number of its tables. */
    abstract int tables(ProjectionState state);

    /** The state with this generation's checkpoint moved to {@code position}. */
    abstract ProjectionState advancedTo(ProjectionState state, long position, String hash);

    /** Whether this generation takes no more events (the live one, after a failure). */
    abstract boolean stopped(ProjectionState state);
}
