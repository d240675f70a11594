package dev.eventscope.projection;

import dev.eventscope.application.BookkeepingCodec;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.projection.sqlite.SqliteReadModelStore;

import java.nio.file.Path;

/** Run in a child JVM by {@link ProjectionCrashTest}: catches up or rebuilds in small batches until killed. */
public final class CrashChild {

    private CrashChild() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[1]);
        try (SqliteEventStore store = SqliteEventStore.open(file);
             SqliteReadModelStore readModels = SqliteReadModelStore.inLedgerFile(file)) {
            Projections projections = new Projections(store, BookkeepingCodec.create(), readModels,
                    BuiltInProjections.all(50), 50);
            if (args[0].equals("catch-up")) {
                projections.open(ProgressListener.NONE);
            } else {
                projections.rebuild(BalancesProjection.NAME, ProgressListener.NONE, new CancellationToken());
            }
        }
    }
}
