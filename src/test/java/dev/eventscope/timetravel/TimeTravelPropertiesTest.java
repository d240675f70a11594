package dev.eventscope.timetravel;

import dev.eventscope.domain.ledger.AccountName;
import dev.eventscope.domain.ledger.LedgerStreams;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.projection.CancellationToken;
import dev.eventscope.projection.ProgressListener;
import dev.eventscope.projection.Projection;
import dev.eventscope.projection.RebuildOutcome;
import dev.eventscope.projection.ReadModelRow;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * For random ledgers and random points, the fast answers (snapshots, balance checkpoints, register
 * lines) equal a full replay from position 0, and a rebuild gives exactly the read model that
 * incremental catch-up built.
 */
class TimeTravelPropertiesTest {

    @Property(tries = 8)
    void state_from_snapshots_and_checkpoints_equals_a_full_replay(@ForAll long seed,
                                                                    @ForAll @IntRange(min = 1, max = 9) int checkpointEvery)
            throws IOException {
        Path folder = Files.createTempDirectory("timetravel");
        try (TimeTravelFixture fixture = new TimeTravelFixture(folder.resolve("ledger.sqlite"), checkpointEvery, 7)) {
            RandomLedger ledger = new RandomLedger(seed);
            var service = RandomLedger.service(fixture.store, "p");
            ledger.create(service, 6);
            ledger.importEntries(service, 40);
            ledger.post(service, 10);
            fixture.projections.catchUp();
            Random random = new Random(seed);
            long last = fixture.store.lastPosition();
            for (int i = 0; i < 6; i++) {
                long position = random.nextInt((int) last + 1);
                SortedMap<String, SortedMap<String, BigDecimal>> expected = fixture.replay.balances(position, null);
                assertEquals(expected, fixture.timeTravel.ledgerBalancesAt(new Point.AtPosition(position)).balances(),
                        "balances at #" + position);
                LocalDate date = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(800));
                assertEquals(fixture.replay.balances(last, date),
                        fixture.timeTravel.ledgerBalancesAt(new Point.AsOfDate(date)).balances(), "balances as of " + date);
                AccountName account = ledger.accounts().get(random.nextInt(ledger.accounts().size()));
                assertEquals(expected.getOrDefault(account.value(), new java.util.TreeMap<>()),
                        fixture.timeTravel.accountAt(account.value(), new Point.AtPosition(position)), "account at #" + position);
                StreamId stream = StreamId.of(LedgerStreams.account(account));
                AggregateStateAt fast = fixture.timeTravel.stateOf(stream, new Point.AtPosition(position));
                assertEquals(fixture.replay.state(stream, fast.version()), fast.state(), "state of " + stream + " at #" + position);
                long version = random.nextInt((int) fixture.store.streamVersion(stream) + 1);
                assertEquals(fixture.replay.state(stream, version),
                        fixture.timeTravel.stateOf(stream, new Point.AtVersion(version)).state(), stream + " at v" + version);
                var explanation = fixture.timeTravel.why(account.value(), "EUR", new Point.AtPosition(position));
                assertEquals(expected.getOrDefault(account.value(), new java.util.TreeMap<>()).getOrDefault("EUR", BigDecimal.ZERO),
                        explanation.balance(), "why " + account + " at #" + position);
            }
        }
    }

    @Property(tries = 6)
    void a_rebuild_gives_exactly_the_read_model_that_catch_up_built(@ForAll long seed) throws IOException {
        Path folder = Files.createTempDirectory("rebuild");
        try (TimeTravelFixture fixture = new TimeTravelFixture(folder.resolve("ledger.sqlite"), 5, 3)) {
            RandomLedger ledger = new RandomLedger(seed);
            var service = RandomLedger.service(fixture.store, "p");
            ledger.create(service, 5);
            for (int round = 0; round < 3; round++) {
                ledger.importEntries(service, 15);
                ledger.post(service, 3);
                fixture.projections.catchUp();
            }
            for (Projection projection : fixture.projections.projections()) {
                Map<String, List<ReadModelRow>> caughtUp = fixture.readModels.ledgerQueries().dump(projection.name());
                RebuildOutcome outcome = fixture.projections.rebuild(projection.name(), ProgressListener.NONE,
                        new CancellationToken());
                assertEquals(RebuildOutcome.Result.COMPLETED, outcome.result());
                assertEquals(caughtUp, fixture.readModels.ledgerQueries().dump(projection.name()), projection.name());
            }
        }
    }
}
