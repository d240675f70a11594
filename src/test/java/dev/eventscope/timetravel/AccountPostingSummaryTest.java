package dev.eventscope.timetravel;

import dev.eventscope.codec.DecodedEvent;
import dev.eventscope.domain.ledger.AccountEvent;
import dev.eventscope.domain.ledger.AccountName;
import dev.eventscope.domain.ledger.LedgerStreams;
import dev.eventscope.eventstore.EventCursor;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.projection.BalancesProjection;
import dev.eventscope.projection.PostingSummaries;
import dev.eventscope.projection.PostingSummary;
import dev.eventscope.projection.ReadModelRow;
import dev.eventscope.testing.TemporaryFolders;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterTry;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The posting summaries the date checkpoints keep for their busiest accounts ({@link PostingSummaries}), and an
 * account's state as of a date that adds the lines after a checkpoint to them, against an independent fold of the
 * events read from the store: a hot account (the one with the most postings), dates before the first checkpoint,
 * on each, between two and after the last, also after back-dated entries recorded after the checkpoints.
 */
class AccountPostingSummaryTest {

    private final TemporaryFolders folders = new TemporaryFolders();

    /** One posting as the store holds it. */
    private record Posting(String account, long position, LocalDate date) {
    }

    @AfterTry
    void deleteTheTrysFolders() {
        folders.deleteAll();
    }

    @Property(tries = 6)
    void summaries_and_account_states_as_of_a_date_equal_an_independent_fold(@ForAll long seed,
            @ForAll @IntRange(min = 4, max = 14) int checkpointEvery) throws IOException {
        try (TimeTravelFixture fixture = new TimeTravelFixture(folders.create("summary").resolve("ledger.sqlite"),
                checkpointEvery, 7)) {
            RandomLedger ledger = new RandomLedger(seed);
            var service = RandomLedger.service(fixture.store, "p");
            ledger.create(service, 5);
            for (int round = 0; round < 3; round++) {
                ledger.importEntries(service, 30);
                ledger.freezeAndUnfreeze(service);
                // a few entries recorded after the checkpoints, most of them dated before some of them
                ledger.post(service, 2);
                fixture.projections.catchUp();
                List<Posting> postings = postings(fixture);
                String hot = hottest(postings);

                // the summaries each checkpoint keeps
                int kept = 0;
                int hotKept = 0;
                for (ReadModelRow row : fixture.readModels.ledgerQueries().dump(BalancesProjection.NAME)
                        .get(BalancesProjection.DATE_CHECKPOINTS)) {
                    LocalDate date = LocalDate.parse(row.text(0));
                    for (AccountName account : ledger.accounts()) {
                        Optional<PostingSummary> summary = PostingSummaries.find(row.blob(6), account.value());
                        if (summary.isPresent()) {
                            kept++;
                            assertEquals(fold(postings, account.value(), date, row.integer(1)), summary.get(),
                                    account + " at the checkpoint of " + date);
                        }
                    }
                    hotKept += PostingSummaries.find(row.blob(6), hot).isPresent() ? 1 : 0;
                }
                assertTrue(hotKept > 0, "a checkpoint keeps the summary of the hot account " + hot);
                assertTrue(kept >= hotKept);

                // states as of dates around every checkpoint, before the first posting and after the last
                long last = fixture.store.lastPosition();
                SortedSet<LocalDate> dates = new TreeSet<>();
                postings.stream().map(Posting::date).min(Comparator.naturalOrder()).ifPresent(first -> dates.add(first.minusDays(1)));
                postings.stream().map(Posting::date).max(Comparator.naturalOrder()).ifPresent(latest -> dates.add(latest.plusDays(3)));
                for (ReadModelRow row : fixture.readModels.ledgerQueries().dump(BalancesProjection.NAME)
                        .get(BalancesProjection.DATE_CHECKPOINTS)) {
                    LocalDate date = LocalDate.parse(row.text(0));
                    dates.addAll(List.of(date.minusDays(1), date, date.plusDays(1)));
                }
                for (AccountName account : List.of(AccountName.of(hot), ledger.accounts().get(round))) {
                    StreamId stream = StreamId.of(LedgerStreams.account(account));
                    for (LocalDate date : dates) {
                        AggregateStateAt state = fixture.timeTravel.stateOf(stream, new Point.AsOfDate(date));
                        assertEquals(fixture.replay.stateAsOf(stream, date), state.state(), account + " as of " + date);
                        long position = Math.max(lastOtherEvent(fixture, stream, last),
                                fold(postings, account.value(), date, last).lastPosition());
                        assertEquals(position, state.position(), "the last event counted for " + account + " as of " + date);
                        assertEquals(versionAt(fixture, stream, position), state.version(), account + "'s version as of " + date);
                    }
                }
            }
        }
    }

    /** Every posting in the store, decoded (nothing of the read models). */
    private static List<Posting> postings(TimeTravelFixture fixture) {
        List<Posting> postings = new ArrayList<>();
        try (EventCursor cursor = fixture.store.readAll(0)) {
            while (cursor.hasNext()) {
                RecordedEvent recorded = cursor.next();
                DecodedEvent decoded = fixture.codec.decode(recorded);
                if (decoded.value().orElse(null) instanceof AccountEvent.PostingRecorded posting) {
                    postings.add(new Posting(recorded.streamId().value().substring(LedgerStreams.ACCOUNT_PREFIX.length()),
                            recorded.position(), posting.date()));
                }
            }
        }
        return postings;
    }

    private static String hottest(List<Posting> postings) {
        return postings.stream().collect(java.util.stream.Collectors.groupingBy(Posting::account,
                java.util.stream.Collectors.counting())).entrySet().stream()
                .max(java.util.Map.Entry.<String, Long>comparingByValue().thenComparing(java.util.Map.Entry.comparingByKey()))
                .orElseThrow().getKey();
    }

    private static PostingSummary fold(List<Posting> postings, String account, LocalDate date, long upTo) {
        List<Posting> counted = postings.stream()
                .filter(posting -> posting.account().equals(account) && !posting.date().isAfter(date) && posting.position() <= upTo)
                .toList();
        return new PostingSummary(counted.size(), counted.stream().map(Posting::date).max(Comparator.naturalOrder()),
                counted.stream().mapToLong(Posting::position).max().orElse(0));
    }

    /** The position of the stream's last event that is not a posting (opened, frozen...), at most {@code upTo}. */
    private static long lastOtherEvent(TimeTravelFixture fixture, StreamId stream, long upTo) {
        return fixture.store.readStream(stream, 1, dev.eventscope.eventstore.Direction.FORWARD, Integer.MAX_VALUE).stream()
                .filter(event -> event.position() <= upTo && !(fixture.codec.decode(event).value().orElse(null)
                        instanceof AccountEvent.PostingRecorded))
                .mapToLong(RecordedEvent::position).max().orElse(0);
    }

    private static long versionAt(TimeTravelFixture fixture, StreamId stream, long position) {
        return fixture.store.readStream(stream, 1, dev.eventscope.eventstore.Direction.FORWARD, Integer.MAX_VALUE).stream()
                .filter(event -> event.position() <= position).count();
    }
}
