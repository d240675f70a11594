package dev.eventscope.cli;

import dev.eventscope.testing.TemporaryFolders;
import net.jqwik.api.lifecycle.AfterTry;
import dev.eventscope.application.BookkeepingCodec;
import dev.eventscope.codec.EventCodec;
import dev.eventscope.domain.ledger.AccountEvent;
import dev.eventscope.domain.ledger.Balances;
import dev.eventscope.domain.ledger.LedgerStreams;
import dev.eventscope.eventstore.EventCursor;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.timetravel.RandomLedger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 18: {@code balance --as-of D --known-at K}, answered from the read models, equals a fold of only the events
 * recorded at or before K and dated on or before D (read here straight from the store, outside Eventscope's read
 * paths), for K a position ({@code #N}) and a recorded time ({@code @instant}); {@code trial-balance} and
 * {@code --replay} give the same output byte for byte.
 */
class KnownAtAnswersProperties {

    private final TemporaryFolders folders = new TemporaryFolders();

    @AfterTry
    void deleteTheTrysFolders() {
        folders.deleteAll();
    }

    @Property(tries = 10)
    void balance_as_of_a_date_known_at_a_point_is_the_fold_of_what_was_known_then(
            @ForAll @LongRange(min = 1, max = 1_000_000) long seed,
            @ForAll @IntRange(min = 0, max = 80) int knownAtIndex,
            @ForAll @IntRange(min = 0, max = 760) int days) throws Exception {
        Path ledger = folders.create("known-at-cli").resolve("random.ledger");
        try (SqliteEventStore store = RandomLedger.openStore(ledger)) {
            RandomLedger random = new RandomLedger(seed);
            var service = RandomLedger.service(store, "p");
            random.create(service, 5);
            random.importEntries(service, 25);
            // one append per entry, a second apart: points in recorded time fall between them
            random.post(service, 30);
        }
        long last;
        Instant lastRecorded;
        try (SqliteEventStore store = RandomLedger.openStore(ledger)) {
            last = store.lastPosition();
            lastRecorded = store.readAt(last).orElseThrow().recordedAt();
        }
        long position = Math.min(last, 1 + (long) knownAtIndex * last / 80);
        Instant time = lastRecorded.minusSeconds(40 - knownAtIndex / 2).plusMillis(500);
        LocalDate date = LocalDate.of(2023, 12, 25).plusDays(days);
        FakeLedgerStores stores = new FakeLedgerStores().with(ledger);
        for (String knownAt : new String[] {"#" + position, "@" + time}) {
            String[] args = {"balance", "--ledger", ledger.toString(), "--format", "csv", "--as-of", date.toString(),
                    "--known-at", knownAt};
            CliRun fast = CliRun.run(stores, args);
            assertEquals(0, fast.exitCode(), fast.err());
            assertEquals(fold(ledger, date, knownAt.startsWith("#") ? position : Long.MAX_VALUE,
                    knownAt.startsWith("@") ? time : Instant.MAX), parse(fast.out()), String.join(" ", args));
            for (String command : new String[] {"balance", "trial-balance"}) {
                for (String format : new String[] {"text", "json"}) {
                    String[] question = {command, "--ledger", ledger.toString(), "--format", format, "--as-of", date.toString(),
                            "--known-at", knownAt};
                    CliRun answer = CliRun.run(stores, question);
                    CliRun replay = CliRun.run(stores, concat(question, "--replay"));
                    assertEquals(0, answer.exitCode(), answer.err());
                    assertEquals(replay.out(), answer.out(), String.join(" ", question));
                }
            }
        }
    }

    /** The postings recorded at or before the position and the time, dated on or before the date. */
    private static Balances fold(Path ledger, LocalDate date, long position, Instant time) {
        EventCodec codec = BookkeepingCodec.create();
        Balances.Fold balances = Balances.fold();
        try (SqliteEventStore store = RandomLedger.openStore(ledger); EventCursor cursor = store.readAll(0)) {
            while (cursor.hasNext()) {
                RecordedEvent recorded = cursor.next();
                if (recorded.position() <= position && !recorded.recordedAt().isAfter(time)
                        && codec.decode(recorded).value().orElseThrow() instanceof AccountEvent.PostingRecorded posting
                        && !posting.date().isAfter(date)) {
                    balances.add(recorded.streamId().value().substring(LedgerStreams.ACCOUNT_PREFIX.length()), posting.amount());
                }
            }
        }
        return balances.balances();
    }

    /** The balance command's CSV ({@code account,commodity,amount}) read back. */
    private static Balances parse(String csv) {
        Balances.Fold balances = Balances.fold();
        csv.lines().skip(1).map(line -> line.split(",")).forEach(cells ->
                balances.add(cells[0], cells[1], new BigDecimal(cells[2])));
        return balances.balances();
    }

    private static String[] concat(String[] first, String last) {
        String[] all = Arrays.copyOf(first, first.length + 1);
        all[first.length] = last;
        return all;
    }
}
