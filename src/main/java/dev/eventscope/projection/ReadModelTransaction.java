package dev.eventscope.projection;

/** One open read-model transaction: table access per projection and generation, and state changes. */
public interface ReadModelTransaction {

    /**
     * Creates the projection's tables of this generation unless they exist; secondary indexes only when
     * {@code withIndexes} (a rebuild adds them with {@link #createIndexes} at the end, which is faster).
     */
    void createTables(Projection projection, int generation, boolean withIndexes);

    /** Creates the projection's secondary indexes of this generation unless they exist. */
    void createIndexes(Projection projection, int generation);

    /** Builds the projection's on-demand indexes in a generation (those not built yet). */
    void createOnDemandIndexes(Projection projection, int generation);

    /** Drops the projection's tables of this generation, if any. */
    void dropTables(Projection projection, int generation);

    ReadModelTables tables(Projection projection, int generation);

    void saveState(ProjectionState state);

    /** The projection's state as this transaction sees it. */
    java.util.Optional<ProjectionState> state(String projection);
}
