package dev.eventscope.projection;

import dev.eventscope.application.BookkeepingCodec;
import dev.eventscope.codec.EventCodec;
import dev.eventscope.domain.ledger.AccountEvent;
import dev.eventscope.domain.ledger.Balances;
import dev.eventscope.domain.ledger.LedgerStreams;
import dev.eventscope.eventstore.EventCursor;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.ReadsStoppingAfter;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.projection.sqlite.SqliteReadModelStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The first catch-up of the balances read model (the first open of a ledger) writes its balances table once, at its
 * end, not after every batch (docs/cli-speed.md, session 13); one that stops midway leaves the table empty beside a
 * register that is not, and the next catch-up reads the balances from the register's running balances and ends with
 * the balances an independent fold of the events gives.
 */
class FirstCatchUpBalancesTest {

    private static final int BATCH = 100;
    /** Past the first transaction of four batches, which commits. */
    private static final long STOP_AFTER = 450;

    @TempDir
    Path folder;

    @Test
    void a_first_catch_up_stopped_midway_leaves_the_balances_for_its_end_and_the_next_one_ends_with_every_balance()
            throws Exception {
        Path file = Files.copy(Path.of("sample-data/ledgers/small-business.ledger"), folder.resolve("books.ledger"));
        EventCodec codec = BookkeepingCodec.create();
        try (SqliteEventStore store = SqliteEventStore.open(file)) {
            assertTrue(store.lastPosition() > STOP_AFTER + 2 * BATCH, "batches after the stop: " + store.lastPosition());
            try (SqliteReadModelStore readModels = SqliteReadModelStore.inLedgerFile(file);
                 Projections projections = new Projections(new ReadsStoppingAfter(store, STOP_AFTER), codec, readModels,
                         BuiltInProjections.all(), BATCH)) {
                assertThrows(RuntimeException.class, () -> projections.open(ProgressListener.NONE));
                long reached = readModels.state(BalancesProjection.NAME).orElseThrow().position();
                assertTrue(reached > 0 && reached <= STOP_AFTER, "the catch-up committed batches before the stop: " + reached);
                Map<String, List<ReadModelRow>> midway = readModels.ledgerQueries().dump(BalancesProjection.NAME);
                assertFalse(midway.get(BalancesProjection.REGISTER).isEmpty(), "the register holds the batches applied");
                assertEquals(List.of(), midway.get(BalancesProjection.BALANCES), "the balances are left for the end");
            }
            try (SqliteReadModelStore readModels = SqliteReadModelStore.inLedgerFile(file);
                 Projections projections = new Projections(store, codec, readModels, BuiltInProjections.all(), BATCH)) {
                projections.open(ProgressListener.NONE);
                assertEquals(store.lastPosition(), readModels.state(BalancesProjection.NAME).orElseThrow().position());
                Map<String, List<ReadModelRow>> caughtUp = readModels.ledgerQueries().dump(BalancesProjection.NAME);
                Balances.Fold table = Balances.fold();
                caughtUp.get(BalancesProjection.BALANCES).forEach(row -> table.add(row.text(0), row.text(1), row.decimal(2)));
                assertEquals(foldOfTheEvents(store, codec), table.balances(), "the balances table after the resumed catch-up");
                RebuildOutcome rebuilt = projections.rebuild(BalancesProjection.NAME, ProgressListener.NONE,
                        new CancellationToken());
                assertEquals(RebuildOutcome.Result.COMPLETED, rebuilt.result());
                assertEquals(caughtUp, readModels.ledgerQueries().dump(BalancesProjection.NAME), "the same as a rebuild");
            }
        }
    }

    /** Every posting of the ledger folded into balances, without the read models. */
    private static Balances foldOfTheEvents(EventStore store, EventCodec codec) {
        Balances.Fold fold = Balances.fold();
        try (EventCursor events = store.readAll(0)) {
            while (events.hasNext()) {
                RecordedEvent recorded = events.next();
                Object event = codec.decode(recorded).value().orElseThrow();
                if (event instanceof AccountEvent.PostingRecorded posting) {
                    fold.add(recorded.streamId().value().substring(LedgerStreams.ACCOUNT_PREFIX.length()), posting.amount());
                }
            }
        }
        return fold.balances();
    }
}
