package dev.eventscope.projection;

import dev.eventscope.testing.TemporaryFolders;
import net.jqwik.api.lifecycle.AfterTry;
import dev.eventscope.codec.EventCodec;
import dev.eventscope.domain.ledger.AccountEvent;
import dev.eventscope.domain.ledger.Amounts;
import dev.eventscope.domain.ledger.Balances;
import dev.eventscope.domain.ledger.EntryEvent;
import dev.eventscope.domain.ledger.LedgerEvent;
import dev.eventscope.domain.ledger.LedgerStreams;
import dev.eventscope.domain.ledger.Posting;
import dev.eventscope.eventstore.EventCursor;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.timetravel.RandomLedger;
import dev.eventscope.timetravel.TimeTravelFixture;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every built-in read model equals what an independent fold of the events written in the test says it
 * must hold, row for row: written here from the events themselves, not from the projection's code, so a
 * handler that ignores an event type (which "rebuild equals catch-up" cannot notice, both paths ignoring
 * it alike) fails here.
 */
class BuiltInReadModelsTest {

    private final TemporaryFolders folders = new TemporaryFolders();

    @AfterTry
    void deleteTheTrysFolders() {
        folders.deleteAll();
    }

    private static final String POSTING = AccountEvent.PostingRecorded.class.getSimpleName();

    @Property(tries = 6)
    void every_read_model_holds_exactly_what_the_events_say(@ForAll long seed,
                                                            @ForAll @IntRange(min = 1, max = 12) int checkpointEvery,
                                                            @ForAll @IntRange(min = 1, max = 50) int batchSize) throws IOException {
        try (TimeTravelFixture fixture = new TimeTravelFixture(folders.create("read-models").resolve("ledger.sqlite"),
                checkpointEvery, batchSize)) {
            RandomLedger ledger = new RandomLedger(seed);
            var service = RandomLedger.service(fixture.store, "p");
            ledger.create(service, 6);
            for (int round = 0; round < 2; round++) {
                ledger.importEntries(service, 20);
                ledger.post(service, 4);
                ledger.freezeAndUnfreeze(service);
                fixture.projections.catchUp();
            }
            List<RecordedEvent> events = new ArrayList<>();
            try (EventCursor cursor = fixture.store.readAll(0)) {
                cursor.forEachRemaining(events::add);
            }
            Expected expected = Expected.fold(events, fixture.codec, checkpointEvery);
            assertEquals(Set.of(BalancesProjection.NAME, JournalProjection.NAME, ActivityProjection.NAME, EventCountsProjection.NAME),
                    fixture.projections.projections().stream().map(Projection::name).collect(Collectors.toSet()),
                    "this test checks every built-in read model");
            for (Projection projection : fixture.projections.projections()) {
                Map<String, List<ReadModelRow>> dumped = fixture.readModels.ledgerQueries().dump(projection.name());
                for (TableDefinition table : projection.tables()) {
                    List<ReadModelRow> rows = dumped.get(table.name());
                    if (table.name().equals(BalancesProjection.CHECKPOINTS) || table.name().equals(BalancesProjection.DATE_CHECKPOINTS)) {
                        assertCheckpoints(table.name(), rows, expected, events, checkpointEvery);
                        continue;
                    }
                    if (table.name().equals(BalancesProjection.REGISTER_RUNS) || table.name().equals(BalancesProjection.REGISTER_BLOCKS)) {
                        // session 23: the register's lines in blobs, decoded below
                        assertRegisterBlobs(table.name(), rows, expected);
                        continue;
                    }
                    List<List<Object>> wanted = expected.rows.getOrDefault(projection.name() + "." + table.name(), List.of());
                    assertFalse(wanted.isEmpty(), "the ledger gives " + projection.name() + "." + table.name() + " rows");
                    assertEquals(sorted(wanted), sorted(rows.stream().map(row -> cells(table, row)).toList()),
                            projection.name() + "." + table.name());
                }
            }
            // the register's lines one row each, as the dump gives them (version 7's table)
            TableDefinition register = TableDefinition.table(BalancesProjection.REGISTER).integer("position").text("account")
                    .text("commodity").decimal("amount").decimal("running_balance").text("entry_id").integer("posting_index")
                    .text("date").text("description").text("reverses").primaryKey("position").build();
            assertEquals(sorted(expected.rows.get("balances.register")), sorted(fixture.readModels.ledgerQueries()
                    .dump(BalancesProjection.NAME).get(BalancesProjection.REGISTER).stream().map(row -> cells(register, row))
                    .toList()), "balances.register");
            // the journal's postings are no table of its own: the dump gives them from the register, as version 1 kept them
            List<ReadModelRow> postings = fixture.readModels.ledgerQueries().dump(JournalProjection.NAME)
                    .get(JournalProjection.POSTINGS);
            TableDefinition asKept = TableDefinition.table(JournalProjection.POSTINGS).text("entry_id").integer("posting_index")
                    .text("account").decimal("amount").text("commodity").primaryKey("entry_id", "posting_index").build();
            List<List<Object>> wanted = expected.rows.get("journal." + JournalProjection.POSTINGS);
            assertFalse(wanted.isEmpty(), "the ledger gives journal postings");
            assertEquals(sorted(wanted), sorted(postings.stream().map(row -> cells(asKept, row)).toList()), "journal postings");
        }
    }

    /**
     * Position checkpoints follow the first account or ledger event at or after each multiple of the
     * interval and hold every balance after it; date checkpoints hold the postings dated on or before their
     * date recorded at or before their position, and the register lines dated after the previous one's date and
     * on or before their own, in date then position order. Both carry the hash of the event at their position.
     */
    private static void assertCheckpoints(String table, List<ReadModelRow> rows, Expected expected, List<RecordedEvent> events,
                                          int checkpointEvery) {
        if (table.equals(BalancesProjection.CHECKPOINTS)) {
            assertEquals(expected.checkpointPositions, rows.stream().map(row -> row.integer(0)).toList(), "checkpoint positions");
        } else {
            assertFalse(rows.isEmpty(), "a catch-up leaves date checkpoints");
        }
        LocalDate previous = null;
        for (ReadModelRow row : rows) {
            boolean dated = table.equals(BalancesProjection.DATE_CHECKPOINTS);
            long position = row.integer(dated ? 1 : 0);
            LocalDate date = dated ? LocalDate.parse(row.text(0)) : null;
            byte[] data = row.blob(dated ? 4 : 3);
            if (dated) {
                List<List<Object>> lines = new ArrayList<>();
                DatedLines.read(row.blob(5), DateSpan.all(), Long.MAX_VALUE, (at, day, account, commodity, amount) ->
                        lines.add(List.of(at, day, account, commodity, Amounts.normalise(amount))));
                assertEquals(expected.linesDated(position, previous, date), lines, "register lines of the date checkpoint " + date);
                previous = date;
            }
            assertEquals(expected.balances(events, position, date), BalanceBlob.decode(data).balances(), table + " at #" + position);
            assertEquals(events.get((int) position - 1).hash(), row.text(dated ? 2 : 1), table + " hash at #" + position);
            assertEquals(BalanceBlob.digest(data), row.text(dated ? 3 : 2), table + " digest at #" + position);
        }
    }

    /**
     * The register's runs (256 consecutive lines a row) and blocks (256 lines of one account and commodity a row): every
     * line once in each, in position order, full rows but the last ones, and the columns true to their lines.
     */
    private static void assertRegisterBlobs(String table, List<ReadModelRow> rows, Expected expected) {
        boolean runs = table.equals(BalancesProjection.REGISTER_RUNS);
        List<List<Object>> lines = new ArrayList<>();
        Map<String, Long> lastFull = new java.util.HashMap<>();
        for (ReadModelRow row : rows) {
            RegisterBlob.Lines decoded = runs ? RegisterBlob.Lines.ofRun(row.blob(3))
                    : RegisterBlob.Lines.ofBlock(row.blob(8), row.text(1), row.text(2));
            List<List<Object>> these = new ArrayList<>();
            while (decoded.next()) {
                these.add(new ArrayList<>(Arrays.asList(decoded.position(), decoded.account(), decoded.commodity(),
                        Amounts.normalise(decoded.amount()), Amounts.normalise(decoded.runningBalance()), decoded.entryId(),
                        decoded.postingIndex(), decoded.date(), decoded.description(), decoded.reverses())));
            }
            assertFalse(these.isEmpty(), table + " row at " + row.integer(0));
            assertEquals(row.integer(0), these.get(0).get(0), table + " first position");
            long count = runs ? row.integer(2) : row.integer(4);
            assertEquals(count, these.size(), table + " line count at " + row.integer(0));
            assertTrue(count <= RegisterBlob.LINES, table + " at most 256 lines a row");
            assertEquals(runs ? row.integer(1) : row.integer(3), these.get(these.size() - 1).get(0), table + " last position");
            if (!runs) {
                assertEquals(decodedText(row.text(5)), these.get(these.size() - 1).get(4), "block's last balance");
                assertEquals(these.stream().map(line -> (String) line.get(7)).min(String::compareTo).orElseThrow(), row.text(6));
                assertEquals(these.stream().map(line -> (String) line.get(7)).max(String::compareTo).orElseThrow(), row.text(7));
            }
            String key = runs ? "" : row.text(1) + "\n" + row.text(2);
            assertFalse(lastFull.containsKey(key) && lastFull.get(key) < 0, table + ": a row after one that is not full");
            lastFull.put(key, count == RegisterBlob.LINES ? row.integer(0) : -1L);
            lines.addAll(these);
        }
        assertEquals(sorted(expected.rows.get("balances.register")), sorted(lines), table);
    }

    private static BigDecimal decodedText(String balance) {
        return Amounts.normalise(new BigDecimal(balance));
    }

    private static List<Object> cells(TableDefinition table, ReadModelRow row) {
        List<Object> cells = new ArrayList<>();
        for (int i = 0; i < table.columns().size(); i++) {
            Object value = row.values()[i];
            cells.add(value == null ? null : switch (table.columns().get(i).type()) {
                case DECIMAL -> Amounts.normalise(new BigDecimal(value.toString()));
                case INTEGER -> ((Number) value).longValue();
                case TEXT -> value.toString();
                case BLOB -> Arrays.toString((byte[]) value);
            });
        }
        return cells;
    }

    private static List<String> sorted(List<List<Object>> rows) {
        return rows.stream().map(Object::toString).sorted().toList();
    }

    /** The rows every table must hold, folded from the events here, one event type at a time. */
    private static final class Expected {
        final Map<String, List<List<Object>>> rows = new HashMap<>();
        final List<Long> checkpointPositions = new ArrayList<>();
        private final Map<String, RecordedEvent> postedEntries = new HashMap<>();

        private void row(String table, Object... cells) {
            rows.computeIfAbsent(table, name -> new ArrayList<>()).add(new ArrayList<>(Arrays.asList(cells)));
        }

        static Expected fold(List<RecordedEvent> events, EventCodec codec, int checkpointEvery) {
            Expected expected = new Expected();
            Map<String, Map<String, BigDecimal>> running = new TreeMap<>();
            Map<List<String>, long[]> activity = new HashMap<>();
            Map<String, Long> byType = new TreeMap<>();
            Map<String, Long> byDay = new TreeMap<>();
            Map<String, List<Object>> entries = new HashMap<>();
            long lastCheckpoint = 0;
            for (RecordedEvent recorded : events) {
                String command = recorded.metadata().commandName() == null ? "" : recorded.metadata().commandName();
                long[] counts = activity.computeIfAbsent(List.of(recorded.metadata().user(), command),
                        key -> new long[] {0, recorded.position(), 0});
                counts[0]++;
                counts[2] = recorded.position();
                byType.merge(recorded.type(), 1L, Long::sum);
                byDay.merge(Instant.EPOCH.plusNanos(recorded.recordedAtMicros() * 1000).atZone(ZoneOffset.UTC).toLocalDate()
                        .toString(), 1L, Long::sum);
                Object event = codec.decode(recorded).value().orElseThrow();
                String stream = recorded.streamId().value();
                if (event instanceof AccountEvent.PostingRecorded posting) {
                    String account = stream.substring(LedgerStreams.ACCOUNT_PREFIX.length());
                    BigDecimal after = running.computeIfAbsent(account, name -> new TreeMap<>())
                            .merge(posting.amount().commodity(), posting.amount().amount(), BigDecimal::add);
                    expected.row("balances.register", recorded.position(), account, posting.amount().commodity(),
                            Amounts.normalise(posting.amount().amount()), Amounts.normalise(after), posting.entryId().value(),
                            (long) posting.postingIndex(), posting.date().toString(), posting.description(),
                            posting.reversesEntryId() == null ? null : posting.reversesEntryId().value());
                } else if (event instanceof AccountEvent) {
                    expected.row("balances.account_lifecycle", recorded.position(),
                            stream.substring(LedgerStreams.ACCOUNT_PREFIX.length()), recorded.version());
                } else if (event instanceof EntryEvent.EntryPosted posted) {
                    List<Object> entry = new ArrayList<>(Arrays.asList(posted.entryId().value(), recorded.position(),
                            posted.date().toString(), posted.description(),
                            posted.reversesEntryId() == null ? null : posted.reversesEntryId().value(), null,
                            recorded.metadata().user()));
                    entries.put(posted.entryId().value(), entry);
                    long index = 1;
                    for (Posting posting : posted.postings()) {
                        expected.row("journal.journal_postings", posted.entryId().value(), index++, posting.account().value(),
                                Amounts.normalise(posting.amount().amount()), posting.amount().commodity());
                    }
                } else if (event instanceof EntryEvent.EntryReversed reversed) {
                    entries.get(stream.substring(LedgerStreams.ENTRY_PREFIX.length())).set(5, reversed.reversalEntryId().value());
                } else if (!(event instanceof LedgerEvent)) {
                    throw new AssertionError("an event this test does not fold: " + event);
                }
                boolean accountOrLedger = event instanceof AccountEvent || event instanceof LedgerEvent;
                if (accountOrLedger && recorded.position() / checkpointEvery > lastCheckpoint / checkpointEvery) {
                    expected.checkpointPositions.add(recorded.position());
                    lastCheckpoint = recorded.position();
                }
            }
            running.forEach((account, perCommodity) -> perCommodity.forEach(
                    (commodity, amount) -> expected.row("balances.balances", account, commodity, Amounts.normalise(amount))));
            entries.values().forEach(entry -> expected.row("journal.journal_entries", entry.toArray()));
            activity.forEach((key, counts) -> expected.row("activity.activity", key.get(0), key.get(1), counts[0], counts[1], counts[2]));
            byType.forEach((type, count) -> expected.row("event_counts.counts_by_type", type, count));
            byDay.forEach((day, count) -> expected.row("event_counts.counts_by_day", day, count));
            return expected;
        }

        /** Balances after the event at {@code position}, of the postings dated on or before {@code asOf} (null: all). */
        /** The register lines recorded at or before a position dated after one date and on or before another, by date and position. */
        List<List<Object>> linesDated(long position, LocalDate after, LocalDate upTo) {
            List<List<Object>> lines = new ArrayList<>();
            for (List<Object> line : rows.getOrDefault("balances.register", List.of())) {
                LocalDate date = LocalDate.parse((String) line.get(7));
                if ((Long) line.get(0) <= position && (after == null || date.isAfter(after)) && !date.isAfter(upTo)) {
                    lines.add(List.of(line.get(0), line.get(7), line.get(1), line.get(2), Amounts.normalise((BigDecimal) line.get(3))));
                }
            }
            lines.sort(java.util.Comparator.comparing((List<Object> line) -> (String) line.get(1))
                    .thenComparing(line -> (Long) line.get(0)));
            return lines;
        }

        Balances balances(List<RecordedEvent> events, long position, LocalDate asOf) {
            Map<String, Map<String, BigDecimal>> sums = new TreeMap<>();
            for (List<Object> line : rows.getOrDefault("balances.register", List.of())) {
                long at = (Long) line.get(0);
                if (at <= position && (asOf == null || !LocalDate.parse((String) line.get(7)).isAfter(asOf))) {
                    sums.computeIfAbsent((String) line.get(1), name -> new TreeMap<>())
                            .merge((String) line.get(2), (BigDecimal) line.get(3), BigDecimal::add);
                }
            }
            assertTrue(position <= events.size(), "a checkpoint names a position the ledger holds");
            return Balances.of(sums);
        }
    }
}
