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
}
