package dev.eventscope.timetravel;

import dev.eventscope.application.BookkeepingCodec;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.projection.BalancesProjection;
import dev.eventscope.projection.BuiltInProjections;
import dev.eventscope.projection.CancellationToken;
import dev.eventscope.projection.ProgressListener;
import dev.eventscope.projection.Projections;
import dev.eventscope.projection.ReadModelRow;
import dev.eventscope.projection.RebuildOutcome;
import dev.eventscope.projection.sqlite.SqliteReadModelStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The balances projection keeps the balances of the last batch in memory for the next one; that copy
 * must be dropped whenever the read model moved without it: here a second process (another engine on
 * the same ledger file) applies postings between two batches of the first.
 */
class KeptBalancesTest {

    @TempDir
    Path folder;

    @Test
    void balances_stay_right_when_another_process_applies_postings_between_two_batches() {
        Path file = folder.resolve("ledger.sqlite");
        RandomLedger ledger = new RandomLedger(11);
        try (TimeTravelFixture first = new TimeTravelFixture(file, 40, 100);
             SqliteEventStore otherStore = RandomLedger.openStore(file);
             SqliteReadModelStore otherReadModels = SqliteReadModelStore.inLedgerFile(file)) {
            first.projections.close(); // no follower: this test says when each engine catches up
            Projections other = new Projections(otherStore, BookkeepingCodec.create(), otherReadModels,
                    BuiltInProjections.all(40), 100);
            var service = RandomLedger.service(first.store, "p");
            ledger.create(service, 6);
            ledger.importEntries(service, 50);
            first.projections.catchUp();
            ledger.importEntries(service, 40);
            other.catchUp();
            ledger.importEntries(service, 40);
            first.projections.catchUp();

            Map<String, List<ReadModelRow>> caughtUp = first.readModels.ledgerQueries().dump(BalancesProjection.NAME);
            // the read model's current balances, against the replay's fold of the events
            dev.eventscope.domain.ledger.Balances.Fold current = dev.eventscope.domain.ledger.Balances.fold();
            caughtUp.get(BalancesProjection.BALANCES).forEach(row -> current.add(row.text(0), row.text(1), row.decimal(2)));
            assertEquals(first.replay.balances(Long.MAX_VALUE), current.balances());
            RebuildOutcome rebuilt = first.projections.rebuild(BalancesProjection.NAME, ProgressListener.NONE,
                    new CancellationToken());
            assertEquals(RebuildOutcome.Result.COMPLETED, rebuilt.result());
            assertEquals(caughtUp, first.readModels.ledgerQueries().dump(BalancesProjection.NAME));
        }
    }
}
