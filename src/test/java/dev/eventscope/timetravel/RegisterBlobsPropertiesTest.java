package dev.eventscope.timetravel;

import dev.eventscope.codec.EventCodec;
import dev.eventscope.domain.ledger.AccountEvent;
import dev.eventscope.domain.ledger.LedgerStreams;
import dev.eventscope.eventstore.EventCursor;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.ReadsStoppingAfter;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.projection.BalancesProjection;
import dev.eventscope.projection.BuiltInProjections;
import dev.eventscope.projection.CancellationToken;
import dev.eventscope.projection.DateSpan;
import dev.eventscope.projection.LedgerQueries;
import dev.eventscope.projection.PostingDates;
import dev.eventscope.projection.PostingSummary;
import dev.eventscope.projection.ProgressListener;
import dev.eventscope.projection.Projections;
import dev.eventscope.projection.ReadModelRow;
import dev.eventscope.projection.RebuildOutcome;
import dev.eventscope.projection.RegisterBlob;
import dev.eventscope.projection.RegisterLine;
import dev.eventscope.projection.sqlite.SqliteReadModelStore;
import dev.eventscope.testing.TemporaryFolders;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterTry;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Session 23: the register is kept as blobs (runs of 256 consecutive lines, blocks of 256 lines of one account and
 * commodity). For random ledgers with few accounts (several hundred lines an account, so full and open blocks), two
 * commodities, reversals and back-dated entries, a first open a crash may stop midway, a later catch-up in batches that
 * end mid-block and catch-ups of a few events, every register query equals the answer folded from the events
 * themselves (the old row-based register's answers), and a rebuild gives the same read model, blob for blob.
 */
class RegisterBlobsPropertiesTest {

    private final TemporaryFolders folders = new TemporaryFolders();

    @AfterTry
    void deleteTheTrysFolders() {
        folders.deleteAll();
    }

    /** A line as the events say it is: the posting, its running balance, who, by which command and when. */
    private record Expected(long position, String account, String commodity, BigDecimal amount, BigDecimal running,
                            String entryId, int postingIndex, LocalDate date, String description, String user,
                            String command, long recordedAt, String reverses) {

        String key() {
            return position + "|" + account + "|" + commodity + "|" + plain(amount) + "|" + plain(running) + "|" + entryId
                    + "|" + postingIndex + "|" + date + "|" + description + "|" + user + "|" + command + "|" + recordedAt
                    + "|" + reverses;
        }
    }

    private static String plain(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }

    private static String key(RegisterLine line) {
        return new Expected(line.position(), line.account(), line.commodity(), line.amount(), line.runningBalance(),
                line.entryId(), line.postingIndex(), line.date(), line.description(), line.user(), line.command(),
                line.recordedAtMicros(), line.reversesEntryId()).key();
    }

    @Property(tries = 8)
    void every_register_query_over_the_blobs_equals_the_lines_folded_from_the_events(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 300) int batchSize, @ForAll @IntRange(min = 2, max = 3) int accounts,
            @ForAll @IntRange(min = 1, max = 40) int checkpointEvery) throws Exception {
        Path file = folders.create("blobs").resolve("ledger.sqlite");
        Random random = new Random(seed);
        RandomLedger ledger = new RandomLedger(seed);
        EventCodec codec = dev.eventscope.application.BookkeepingCodec.create();
        try (SqliteEventStore store = RandomLedger.openStore(file)) {
            var service = RandomLedger.service(store, "p");
            ledger.create(service, accounts);
            // two or three accounts in two commodities: several hundred lines an account and commodity; now and then
            // over 2,000 lines an account (the path for large accounts)
            ledger.importEntries(service, accounts == 2 && random.nextInt(3) == 0 ? 2_100 : 600 + random.nextInt(500));
            ledger.post(service, 3);
            if (random.nextBoolean()) {
                // a first open a crash stops midway: the next one resumes it
                long stopAfter = 1 + random.nextInt((int) store.lastPosition() - 1);
                try (SqliteReadModelStore readModels = SqliteReadModelStore.inLedgerFile(file);
                     Projections projections = new Projections(new ReadsStoppingAfter(store, stopAfter), codec, readModels,
                             BuiltInProjections.all(checkpointEvery), batchSize)) {
                    assertThrows(RuntimeException.class, () -> projections.open(ProgressListener.NONE));
                }
            }
        }
        Map<String, List<ReadModelRow>> caughtUp;
        try (TimeTravelFixture fixture = new TimeTravelFixture(file, checkpointEvery, batchSize)) {
            assertQueriesEqualTheEvents(fixture, random, "after the first open");
            var service = RandomLedger.service(fixture.store, "q");
            ledger.importEntries(service, 100 + random.nextInt(400));
            ledger.freezeAndUnfreeze(service);
            fixture.projections.catchUp();
            assertQueriesEqualTheEvents(fixture, random, "after a catch-up in batches");
            for (int round = 0; round < 1 + random.nextInt(4); round++) {
                ledger.post(service, 1 + random.nextInt(3));
                fixture.projections.catchUp();
            }
            assertQueriesEqualTheEvents(fixture, random, "after catch-ups of a few events");
            caughtUp = withoutDateCheckpoints(fixture.readModels.ledgerQueries().dump(BalancesProjection.NAME));
            RebuildOutcome outcome = fixture.projections.rebuild(BalancesProjection.NAME, ProgressListener.NONE,
                    new CancellationToken());
            assertEquals(RebuildOutcome.Result.COMPLETED, outcome.result());
            assertEquals(caughtUp, withoutDateCheckpoints(fixture.readModels.ledgerQueries().dump(BalancesProjection.NAME)),
                    "a rebuild writes the same blobs");
            assertQueriesEqualTheEvents(fixture, random, "after a rebuild");
        }
        assertTrue(caughtUp.get(BalancesProjection.REGISTER_BLOCKS).stream()
                .anyMatch(row -> row.integer(4) == RegisterBlob.LINES), "some account has a full block");
    }

    private static Map<String, List<ReadModelRow>> withoutDateCheckpoints(Map<String, List<ReadModelRow>> tables) {
        Map<String, List<ReadModelRow>> rest = new java.util.LinkedHashMap<>(tables);
        rest.remove(BalancesProjection.DATE_CHECKPOINTS);
        return rest;
    }

    private static List<Expected> fold(EventStore store, EventCodec codec) {
        List<Expected> lines = new ArrayList<>();
        Map<String, BigDecimal> running = new HashMap<>();
        try (EventCursor events = store.readAll(0)) {
            while (events.hasNext()) {
                RecordedEvent recorded = events.next();
                if (codec.decode(recorded).value().orElse(null) instanceof AccountEvent.PostingRecorded posting) {
                    String account = recorded.streamId().value().substring(LedgerStreams.ACCOUNT_PREFIX.length());
                    String commodity = posting.amount().commodity();
                    BigDecimal after = running.merge(account + "\n" + commodity, posting.amount().amount(), BigDecimal::add);
                    lines.add(new Expected(recorded.position(), account, commodity, posting.amount().amount(), after,
                            posting.entryId().value(), posting.postingIndex(), posting.date(), posting.description(),
                            recorded.metadata().user(), recorded.metadata().commandName(), recorded.recordedAtMicros(),
                            posting.reversesEntryId() == null ? null : posting.reversesEntryId().value()));
                }
            }
        }
        return lines;
    }

    private static List<String> keys(List<Expected> lines, Predicate<Expected> keep) {
        return lines.stream().filter(keep).map(Expected::key).toList();
    }

    private static List<String> sorted(List<String> values) {
        return values.stream().sorted().toList();
    }

    private static void assertQueriesEqualTheEvents(TimeTravelFixture fixture, Random random, String when) {
        List<Expected> lines = fold(fixture.store, fixture.codec);
        LedgerQueries queries = fixture.readModels.ledgerQueries();
        long last = fixture.store.lastPosition();
        List<String> accounts = lines.stream().map(Expected::account).distinct().sorted().toList();
        LocalDate start = LocalDate.of(2023, 12, 25);

        List<String> all = new ArrayList<>();
        queries.registerBetween(0, Long.MAX_VALUE, line -> all.add(key(line)));
        assertEquals(keys(lines, line -> true), all, "every line " + when);
        assertEquals(lines.size(), queries.dump(BalancesProjection.NAME).get(BalancesProjection.REGISTER).size(), "dump " + when);
        assertEquals(lines.size(), queries.countRegisterBetween(0, Long.MAX_VALUE), "count " + when);

        for (int i = 0; i < 12; i++) {
            long after = random.nextInt((int) last + 1);
            long upTo = after + random.nextInt((int) (last - after) + 2);
            LocalDate date = start.plusDays(random.nextInt(820));
            LocalDate from = start.plusDays(random.nextInt(820));
            String account = accounts.get(random.nextInt(accounts.size()));
            String commodity = random.nextBoolean() ? null : random.nextBoolean() ? "EUR" : "USD";
            String at = when + ": account " + account + ", commodity " + commodity + ", after #" + after + ", up to #" + upTo
                    + ", date " + date + ", from " + from;
            long p = after;

            SortedMap<String, String> balances = new TreeMap<>();
            lines.stream().filter(line -> line.account().equals(account) && line.position() <= p)
                    .forEach(line -> balances.put(line.commodity(), plain(line.running())));
            balances.values().removeIf(value -> value.equals("0"));
            SortedMap<String, String> balancesRead = new TreeMap<>();
            queries.accountBalanceAt(account, p).forEach((c, amount) -> balancesRead.put(c, plain(amount)));
            assertEquals(balances, balancesRead, "balance at " + at);

            assertEquals(keys(lines, line -> line.account().equals(account)
                            && (commodity == null || line.commodity().equals(commodity))
                            && line.position() > after && line.position() <= upTo),
                    queries.accountRegister(account, commodity, after, upTo).stream().map(RegisterBlobsPropertiesTest::key).toList(),
                    "account register " + at);

            List<String> between = new ArrayList<>();
            queries.registerBetween(after, upTo, line -> between.add(key(line)));
            assertEquals(keys(lines, line -> line.position() > after && line.position() <= upTo), between, "between " + at);

            List<String> amounts = new ArrayList<>();
            queries.registerAmountsBetween(after, upTo, (a, c, amount) -> amounts.add(a + " " + c + " " + plain(amount)));
            assertEquals(sorted(lines.stream().filter(line -> line.position() > after && line.position() <= upTo)
                    .map(line -> line.account() + " " + line.commodity() + " " + plain(line.amount())).toList()),
                    sorted(amounts), "amounts between " + at);

            List<String> recordedAfter = new ArrayList<>();
            queries.registerRecordedAfter(after, date, line -> recordedAfter.add(key(line)));
            assertEquals(keys(lines, line -> line.position() > after && !line.date().isAfter(date)), recordedAfter,
                    "recorded after " + at);

            assertEquals(keys(lines, line -> line.account().equals(account) && !line.date().isAfter(date)
                            && line.position() <= upTo),
                    queries.accountRegisterAsOf(account, date, upTo).stream().map(RegisterBlobsPropertiesTest::key).toList(),
                    "account register as of " + at);

            List<String> recordedBetween = new ArrayList<>();
            queries.registerAmountsRecordedBetween(after, upTo, date,
                    (a, c, amount) -> recordedBetween.add(a + " " + c + " " + plain(amount)));
            assertEquals(sorted(lines.stream().filter(line -> line.position() > after && line.position() <= upTo
                            && !line.date().isAfter(date)).map(line -> line.account() + " " + line.commodity() + " "
                            + plain(line.amount())).toList()), sorted(recordedBetween), "amounts recorded between " + at);

            DateSpan span = DateSpan.between(random.nextBoolean() ? Optional.empty() : Optional.of(from), date);
            Predicate<Expected> inSpan = line -> (span.after().isEmpty() || line.date().isAfter(span.after().get()))
                    && !line.date().isAfter(date) && line.position() <= upTo;
            List<String> dated = new ArrayList<>();
            queries.registerAmountsDatedBetween(span, upTo,
                    (d, a, c, amount) -> dated.add(d + " " + a + " " + c + " " + plain(amount)));
            assertEquals(sorted(lines.stream().filter(inSpan).map(line -> line.date() + " " + line.account() + " "
                    + line.commodity() + " " + plain(line.amount())).toList()), sorted(dated), "dated between " + at);

            long datedAfter = lines.stream().filter(line -> line.date().isAfter(from) && line.position() <= upTo).count();
            long limit = 1 + random.nextInt(lines.size() + 2);
            assertEquals(Math.min(datedAfter, limit), queries.countRegisterDatedAfter(from, upTo, limit), "dated after " + at);

            assertEquals(lines.stream().filter(line -> line.position() > after && line.position() <= upTo).count(),
                    queries.countRegisterBetween(after, upTo), "count between " + at);

            List<String> accountRecorded = new ArrayList<>();
            queries.accountPostingsRecordedBetween(account, after, upTo, date,
                    (position, d, c, amount) -> accountRecorded.add(position + " " + d + " " + c + " " + plain(amount)));
            assertEquals(sorted(lines.stream().filter(line -> line.account().equals(account) && line.position() > after
                            && line.position() <= upTo && !line.date().isAfter(date))
                    .map(line -> line.position() + " " + line.date() + " " + line.commodity() + " " + plain(line.amount()))
                    .toList()), sorted(accountRecorded), "account postings recorded between " + at);

            long accountLines = lines.stream().filter(line -> line.account().equals(account)).count();
            assertEquals(Math.min(accountLines, limit), queries.countAccountLines(account, limit), "account lines " + at);

            List<String> accountDated = new ArrayList<>();
            queries.accountPostingsDatedBetween(account, span, upTo,
                    (position, d, c, amount) -> accountDated.add(position + " " + d + " " + c + " " + plain(amount)));
            assertEquals(sorted(lines.stream().filter(line -> line.account().equals(account) && inSpan.test(line))
                    .map(line -> line.position() + " " + line.date() + " " + line.commodity() + " " + plain(line.amount()))
                    .toList()), sorted(accountDated), "account postings dated between " + at);

            List<Expected> summed = lines.stream().filter(line -> line.account().equals(account)
                    && !line.date().isAfter(date) && line.position() <= upTo).toList();
            assertEquals(new PostingSummary(summed.size(), summed.stream().map(Expected::date).max(LocalDate::compareTo),
                            summed.stream().mapToLong(Expected::position).max().orElse(0)),
                    queries.accountPostingSummaryAsOf(account, date, upTo), "posting summary " + at);

            List<Expected> upToLines = lines.stream().filter(line -> line.position() <= upTo).toList();
            assertEquals(upToLines.isEmpty() ? Optional.empty() : Optional.of(new PostingDates(
                            upToLines.stream().map(Expected::date).min(LocalDate::compareTo).orElseThrow(),
                            upToLines.stream().map(Expected::date).max(LocalDate::compareTo).orElseThrow())),
                    queries.postingDates(upTo), "posting dates " + at);
        }
    }
}
