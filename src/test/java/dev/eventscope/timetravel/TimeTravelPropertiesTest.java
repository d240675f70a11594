package dev.eventscope.timetravel;

import dev.eventscope.testing.TemporaryFolders;
import net.jqwik.api.lifecycle.AfterTry;
import dev.eventscope.domain.ledger.AccountName;
import dev.eventscope.domain.ledger.Balances;
import dev.eventscope.domain.ledger.LedgerStreams;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.projection.BalanceBlob;
import dev.eventscope.projection.BalancesProjection;
import dev.eventscope.projection.CancellationToken;
import dev.eventscope.projection.ProgressListener;
import dev.eventscope.projection.Projection;
import dev.eventscope.projection.RebuildOutcome;
import dev.eventscope.projection.ReadModelRow;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * For random ledgers and random points, the fast answers (snapshots, balance checkpoints, register
 * lines) equal a full replay from position 0, and a rebuild gives exactly the read model that
 * incremental catch-up built.
 */
class TimeTravelPropertiesTest {

    private final TemporaryFolders folders = new TemporaryFolders();

    @AfterTry
    void deleteTheTrysFolders() {
        folders.deleteAll();
    }

    @Property(tries = 8)
    void state_from_snapshots_and_checkpoints_equals_a_full_replay(@ForAll long seed,
                                                                    @ForAll @IntRange(min = 1, max = 9) int checkpointEvery)
            throws IOException {
        Path folder = folders.create("timetravel");
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
                Balances expected = fixture.replay.balances(position);
                assertEquals(expected, fixture.timeTravel.ledgerBalancesAt(new Point.AtPosition(position)).balances(),
                        "balances at #" + position);
                LocalDate date = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(800));
                assertEquals(fixture.replay.balances(last, date),
                        fixture.timeTravel.ledgerBalancesAt(new Point.AsOfDate(date)).balances(), "balances as of " + date);
                AccountName account = ledger.accounts().get(random.nextInt(ledger.accounts().size()));
                assertEquals(expected.account(account.value()),
                        fixture.timeTravel.accountAt(account.value(), new Point.AtPosition(position)), "account at #" + position);
                StreamId stream = StreamId.of(LedgerStreams.account(account));
                AggregateStateAt fast = fixture.timeTravel.stateOf(stream, new Point.AtPosition(position));
                assertEquals(fixture.replay.state(stream, fast.version()), fast.state(), "state of " + stream + " at #" + position);
                long version = random.nextInt((int) fixture.store.streamVersion(stream) + 1);
                assertEquals(fixture.replay.state(stream, version),
                        fixture.timeTravel.stateOf(stream, new Point.AtVersion(version)).state(), stream + " at v" + version);
                var explanation = fixture.timeTravel.why(account.value(), "EUR", new Point.AtPosition(position));
                assertEquals(expected.balance(account.value(), "EUR"), explanation.balance(), "why " + account + " at #" + position);
            }
        }
    }

    @Property(tries = 8)
    void balances_and_accounts_as_of_a_date_equal_a_full_replay_also_after_back_dated_entries(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 9) int checkpointEvery) throws IOException {
        Path folder = folders.create("asof");
        try (TimeTravelFixture fixture = new TimeTravelFixture(folder.resolve("ledger.sqlite"), checkpointEvery, 7)) {
            RandomLedger ledger = new RandomLedger(seed);
            var service = RandomLedger.service(fixture.store, "p");
            ledger.create(service, 6);
            Random random = new Random(seed);
            for (int round = 0; round < 4; round++) {
                // entries are dated at random over two years: most of them land before existing date checkpoints
                ledger.importEntries(service, 25);
                ledger.post(service, 4);
                ledger.freezeAndUnfreeze(service);
                fixture.projections.catchUp();
                // the catch-up keeps the date checkpoints (no question has been asked yet), each one exact
                assertFalse(dateCheckpoints(fixture).isEmpty(), "the catch-up built date checkpoints");
                assertDateCheckpointsHoldWhatTheyClaim(fixture);
                if (round == 2) {
                    damageOneDateCheckpoint(fixture);
                }
                long last = fixture.store.lastPosition();
                List<ReadModelRow> dateCheckpointsBefore = dateCheckpoints(fixture);
                for (int i = 0; i < 5; i++) {
                    LocalDate date = LocalDate.of(2023, 12, 25).plusDays(random.nextInt(760));
                    Balances expected = fixture.replay.balances(last, date);
                    LedgerBalances fast = fixture.timeTravel.ledgerBalancesAt(new Point.AsOfDate(date));
                    assertEquals(expected, fast.balances(), "balances as of " + date + " in round " + round);
                    assertEquals(TrialBalance.of(new LedgerBalances(fast.point(), last, expected, 0, 0)),
                            fixture.timeTravel.trialBalanceAt(new Point.AsOfDate(date)), "trial balance as of " + date);
                    AccountName account = ledger.accounts().get(random.nextInt(ledger.accounts().size()));
                    assertEquals(expected.account(account.value()),
                            fixture.timeTravel.accountAt(account.value(), new Point.AsOfDate(date)), account + " as of " + date);
                    StreamId stream = StreamId.of(LedgerStreams.account(account));
                    AggregateStateAt state = fixture.timeTravel.stateOf(stream, new Point.AsOfDate(date));
                    assertEquals(fixture.replay.stateAsOf(stream, date), state.state(), stream + " as of " + date);
                }
                assertEquals(dateCheckpointsBefore, dateCheckpoints(fixture), "no question wrote a date checkpoint");
            }
        }
    }

    private static List<ReadModelRow> dateCheckpoints(TimeTravelFixture fixture) {
        return fixture.readModels.ledgerQueries().dump(BalancesProjection.NAME).get(BalancesProjection.DATE_CHECKPOINTS);
    }

    /**
     * Each date checkpoint (date D, position P) holds exactly the postings dated on or before D recorded
     * at or before P, as a full replay folds them: back-dated entries recorded later do not change it.
     */
    static void assertDateCheckpointsHoldWhatTheyClaim(TimeTravelFixture fixture) {
        for (ReadModelRow row : dateCheckpoints(fixture)) {
            LocalDate date = LocalDate.parse(row.text(0));
            long position = row.integer(1);
            assertEquals(fixture.replay.balances(position, date), BalanceBlob.decode(row.blob(4)).balances(),
                    "date checkpoint of " + date + " at #" + position);
            assertEquals(fixture.store.readAt(position).orElseThrow().hash(), row.text(2), "event hash of " + date);
        }
    }

    /** Overwrites one stored date checkpoint's data so that its digest no longer matches. */
    private static void damageOneDateCheckpoint(TimeTravelFixture fixture) {
        List<ReadModelRow> rows = dateCheckpoints(fixture);
        ReadModelRow damaged = rows.get(rows.size() / 2);
        BalancesProjection projection = new BalancesProjection(BalancesProjection.DEFAULT_CHECKPOINT_EVERY);
        int generation = fixture.readModels.state(BalancesProjection.NAME).orElseThrow().generation();
        fixture.readModels.transaction(transaction -> transaction.tables(projection, generation).upsert(
                BalancesProjection.DATE_CHECKPOINTS, damaged.text(0), damaged.integer(1), damaged.text(2), damaged.text(3),
                "assets:bank:a0\tEUR\t1000000\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), damaged.blob(5),
                damaged.blob(6)));
    }

    @Property(tries = 6)
    void a_rebuild_gives_exactly_the_read_model_that_catch_up_built(@ForAll long seed) throws IOException {
        Path folder = folders.create("rebuild");
        try (TimeTravelFixture fixture = new TimeTravelFixture(folder.resolve("ledger.sqlite"), 5, 3)) {
            RandomLedger ledger = new RandomLedger(seed);
            var service = RandomLedger.service(fixture.store, "p");
            ledger.create(service, 5);
            for (int round = 0; round < 3; round++) {
                ledger.importEntries(service, 15);
                ledger.post(service, 3);
                fixture.projections.catchUp();
            }
            assertDateCheckpointsHoldWhatTheyClaim(fixture);
            for (Projection projection : fixture.projections.projections()) {
                Map<String, List<ReadModelRow>> dumped = fixture.readModels.ledgerQueries().dump(projection.name());
                assertTrue(dumped.keySet().containsAll(projection.tables().stream().map(table -> table.name()).toList()),
                        "every table of " + projection.name() + " was dumped");
                Map<String, List<ReadModelRow>> caughtUp = withoutDateCheckpoints(dumped);
                assertTrue(caughtUp.values().stream().anyMatch(rows -> !rows.isEmpty()), projection.name() + " has rows");
                RebuildOutcome outcome = fixture.projections.rebuild(projection.name(), ProgressListener.NONE,
                        new CancellationToken());
                assertEquals(RebuildOutcome.Result.COMPLETED, outcome.result());
                assertEquals(caughtUp, withoutDateCheckpoints(fixture.readModels.ledgerQueries().dump(projection.name())),
                        projection.name());
            }
            assertDateCheckpointsHoldWhatTheyClaim(fixture);
        }
    }

    /**
     * The read model but its date checkpoints, which are built when a catch-up leaves them too far behind
     * (so where they stand depends on how the catch-ups went, not only on the events): those are checked
     * against a full replay instead ({@link #assertDateCheckpointsHoldWhatTheyClaim}).
     */
    private static Map<String, List<ReadModelRow>> withoutDateCheckpoints(Map<String, List<ReadModelRow>> tables) {
        Map<String, List<ReadModelRow>> rest = new java.util.LinkedHashMap<>(tables);
        rest.remove(BalancesProjection.DATE_CHECKPOINTS);
        return rest;
    }

    /**
     * A rebuild in batches of 1,200 events (each holds checkpoints, so the balances projection reads
     * every balance at once and writes its checkpoints from memory) gives exactly the read model that
     * a catch-up of one event per transaction built (balances looked up one account at a time).
     */
    @Property(tries = 3)
    void a_rebuild_in_large_batches_gives_the_read_model_of_a_catch_up_event_by_event(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 40) int checkpointEvery) throws IOException {
        Path file = folders.create("large-batches").resolve("ledger.sqlite");
        Map<String, List<ReadModelRow>> caughtUp;
        try (TimeTravelFixture fixture = new TimeTravelFixture(file, checkpointEvery, 1)) {
            RandomLedger ledger = new RandomLedger(seed);
            var service = RandomLedger.service(fixture.store, "p");
            ledger.create(service, 12);
            ledger.importEntries(service, 250);
            ledger.post(service, 5);
            ledger.freezeAndUnfreeze(service);
            ledger.importEntries(service, 250);
            fixture.projections.catchUp();
            assertTrue(fixture.store.lastPosition() > 1_500, "enough events for batches of 1,200");
            caughtUp = withoutDateCheckpoints(fixture.readModels.ledgerQueries().dump(BalancesProjection.NAME));
            assertTrue(caughtUp.get(BalancesProjection.REGISTER).size() > 1_000, "the register was dumped");
            assertTrue(caughtUp.get(BalancesProjection.CHECKPOINTS).size() > 30, "the checkpoints were dumped");
        }
        try (TimeTravelFixture fixture = new TimeTravelFixture(file, checkpointEvery, 600)) {
            RebuildOutcome outcome = fixture.projections.rebuild(BalancesProjection.NAME, ProgressListener.NONE,
                    new CancellationToken());
            assertEquals(RebuildOutcome.Result.COMPLETED, outcome.result());
            assertEquals(caughtUp, withoutDateCheckpoints(fixture.readModels.ledgerQueries().dump(BalancesProjection.NAME)));
            assertDateCheckpointsHoldWhatTheyClaim(fixture);
        }
    }
}
