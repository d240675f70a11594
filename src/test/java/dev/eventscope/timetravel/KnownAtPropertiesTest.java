package dev.eventscope.timetravel;

import dev.eventscope.testing.TemporaryFolders;
import net.jqwik.api.lifecycle.AfterTry;
import dev.eventscope.codec.DecodedEvent;
import dev.eventscope.domain.ledger.AccountEvent;
import dev.eventscope.domain.ledger.AccountName;
import dev.eventscope.domain.ledger.Balances;
import dev.eventscope.domain.ledger.LedgerStreams;
import dev.eventscope.eventstore.EventCursor;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.StreamId;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 18, both clocks at once: for random ledgers (entries dated at random over two years, so most are back-dated
 * against what was recorded before them; reversals; lifecycle events), the balances as of a date D known at a
 * position or a recorded time K, read either way from the read models, equal a fold of only the events recorded at
 * or before K and dated on or before D, written here without any Eventscope read path; and so do the full replay,
 * one account's balances and its state.
 */
class KnownAtPropertiesTest {

    private final TemporaryFolders folders = new TemporaryFolders();

    @AfterTry
    void deleteTheTrysFolders() {
        folders.deleteAll();
    }

    @Property(tries = 8)
    void balances_as_of_a_date_known_at_a_point_equal_a_fold_of_the_events_known_then(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 9) int checkpointEvery) throws IOException {
        Path folder = folders.create("known-at");
        try (TimeTravelFixture fixture = new TimeTravelFixture(folder.resolve("ledger.sqlite"), checkpointEvery, 7)) {
            RandomLedger ledger = new RandomLedger(seed);
            var service = RandomLedger.service(fixture.store, "p");
            ledger.create(service, 6);
            Random random = new Random(seed);
            for (int round = 0; round < 3; round++) {
                ledger.importEntries(service, 20);
                ledger.post(service, 12);
                ledger.freezeAndUnfreeze(service);
                fixture.projections.catchUp();
                long last = fixture.store.lastPosition();
                for (int i = 0; i < 6; i++) {
                    LocalDate date = LocalDate.of(2023, 12, 25).plusDays(random.nextInt(760));
                    long position = random.nextInt((int) last + 1);
                    Point byPosition = new Point.AtPosition(position);
                    Instant time = fixture.store.readAt(Math.max(1, position)).orElseThrow().recordedAt()
                            .plusMillis(random.nextInt(1_500));
                    Point byTime = new Point.AtRecordedTime(time);
                    for (Point knowledge : new Point[] {byPosition, byTime}) {
                        Point.AsKnownAt point = new Point.AsKnownAt(date, knowledge);
                        Balances expected = foldKnownAt(fixture, date, knowledge);
                        String what = date + " known at " + knowledge + " in round " + round;
                        for (KnownAtStrategy strategy : KnownAtStrategy.values()) {
                            assertEquals(expected, fixture.timeTravel.ledger().ledgerBalancesAt(point, strategy).balances(),
                                    strategy + ": " + what);
                        }
                        assertEquals(expected, fixture.timeTravel.ledgerBalancesAt(point).balances(), what);
                        assertEquals(expected, fixture.replay.balancesAt(point), "replay: " + what);
                        AccountName account = ledger.accounts().get(random.nextInt(ledger.accounts().size()));
                        assertEquals(expected.account(account.value()), fixture.timeTravel.accountAt(account.value(), point),
                                account + " " + what);
                        StreamId stream = StreamId.of(LedgerStreams.account(account));
                        assertEquals(fixture.replay.stateAt(stream, point), fixture.timeTravel.stateOf(stream, point).state(),
                                stream + " " + what);
                    }
                }
            }
        }
    }

    /** Every posting recorded at or before the knowledge point and dated on or before the date, summed in order. */
    private static Balances foldKnownAt(TimeTravelFixture fixture, LocalDate date, Point knowledge) {
        Balances.Fold balances = Balances.fold();
        try (EventCursor cursor = fixture.store.readAll(0)) {
            while (cursor.hasNext()) {
                RecordedEvent recorded = cursor.next();
                boolean known = knowledge instanceof Point.AtPosition at ? recorded.position() <= at.position()
                        : !recorded.recordedAt().isAfter(((Point.AtRecordedTime) knowledge).time());
                DecodedEvent decoded = fixture.codec.decode(recorded);
                if (known && decoded.value().orElseThrow() instanceof AccountEvent.PostingRecorded posting
                        && !posting.date().isAfter(date)) {
                    balances.add(recorded.streamId().value().substring(LedgerStreams.ACCOUNT_PREFIX.length()), posting.amount());
                }
            }
        }
        return balances.balances();
    }
}
