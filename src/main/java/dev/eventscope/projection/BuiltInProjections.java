package dev.eventscope.projection;

import java.util.List;

/** The read models Eventscope keeps for every ledger. */
public final class BuiltInProjections {

    private BuiltInProjections() {
    }

    public static List<Projection> all() {
        return all(BalancesProjection.DEFAULT_CHECKPOINT_EVERY);
    }

    /** With ledger-wide balance checkpoints every {@code checkpointEvery} positions. */
    public static List<Projection> all(int checkpointEvery) {
        return List.of(new BalancesProjection(checkpointEvery), new JournalProjection(), new ActivityProjection(),
                new EventCountsProjection());
    }

    /**
     * The built-in read models for {@code readModels}: with {@link EventStampsProjection} first when the
     * ledger's events are out of the queries' reach ({@link ReadModelStore#needsEventStamps()}).
     */
    public static List<Projection> forStore(ReadModelStore readModels) {
        if (!readModels.needsEventStamps()) {
            return all();
        }
        List<Projection> projections = new java.util.ArrayList<>();
        projections.add(new EventStampsProjection());
        projections.addAll(all());
        return List.copyOf(projections);
    }
}
