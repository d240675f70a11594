package dev.eventscope.projection;

/** One open read-model transaction: table access per projection and generation, and state changes. */
public interface ReadModelTransaction {

    /**
     * Creates the projection's tables of this generation unless they exist, without their secondary indexes:
     * {@link #createIndexes} adds them once the tables are filled, which is faster.
     */
    void createTables(Projection projection, int generation);

    /** Creates the projection's secondary indexes of this generation unless they exist. */
    void createIndexes(Projection projection, int generation);

    /** Drops the projection's tables of this generation, if any. */
    void dropTables(Projection projection, int generation);

    ReadModelTables tables(Projection projection, int generation);

    void saveState(ProjectionState state);

    /** The projection's state as this transaction sees it. */
    java.util.Optional<ProjectionState> state(String projection);
}
