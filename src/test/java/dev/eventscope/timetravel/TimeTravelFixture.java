package dev.eventscope.timetravel;

import dev.eventscope.application.BookkeepingCodec;
import dev.eventscope.codec.EventCodec;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.projection.BuiltInProjections;
import dev.eventscope.projection.ProgressListener;
import dev.eventscope.projection.Projections;
import dev.eventscope.projection.sqlite.SqliteReadModelStore;

import java.nio.file.Path;

/** A ledger file with its store, read models in the same file, projections and time travel. */
public final class TimeTravelFixture implements AutoCloseable {

    public final SqliteEventStore store;
    public final SqliteReadModelStore readModels;
    public final Projections projections;
    public final TimeTravel timeTravel;
    public final FullReplay replay;
    public final EventCodec codec = BookkeepingCodec.create();

    public TimeTravelFixture(Path file, int checkpointEvery, int batchSize) {
        store = RandomLedger.openStore(file);
        readModels = SqliteReadModelStore.inLedgerFile(file);
        projections = new Projections(store, codec, readModels, BuiltInProjections.all(checkpointEvery), batchSize);
        projections.open(ProgressListener.NONE);
        timeTravel = new TimeTravel(store, codec, projections);
        replay = new FullReplay(store, codec);
    }

    @Override
    public void close() {
        projections.close();
        readModels.close();
        store.close();
    }
}
