package dev.eventscope.ui;

import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.ExpectedVersion;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.StreamAppend;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.eventstore.sqlite.SqliteOptions;
import dev.eventscope.testing.SettableClock;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Small bookkeeping ledgers for the UI tests and screenshots, written with the real SQLite store:
 * a ledger stream, three accounts, and journal entries posted atomically to two accounts each.
 * The tests may import the store adapter; the UI itself never does.
 */
public final class LedgerFixtures {

    public static final String CHECKING = "account-assets:bank:checking";
    public static final String SALES = "account-income:sales";
    public static final String RENT = "account-expenses:rent";
    private static final Instant START = Instant.parse("2025-03-03T08:30:00Z");
    /** The clock moves on by about 3 hours 13 minutes each time it is read, so events spread over days. */
    private static final Duration STEP = Duration.ofSeconds(193 * 60).plusNanos(123_456_000);

    private LedgerFixtures() {
    }

    /** A ledger with 1 + 3 + 3 × {@code entries} events: created, three accounts opened, then entries. */
    public static Path bookkeepingLedger(Path file, int entries) throws Exception {
        try (SqliteEventStore store = SqliteEventStore.open(file, SqliteOptions.defaults().withClock(SettableClock.stepping(START, STEP)))) {
            store.append(StreamId.of("ledger"), ExpectedVersion.NO_STREAM, List.of(event("ledger-created", "LedgerCreated",
                    "{\"name\":\"Acme Bookkeeping\",\"baseCommodity\":\"EUR\"}", "alice", "CreateLedger", "c-setup", null)));
            for (String account : List.of(CHECKING, SALES, RENT)) {
                String name = account.substring("account-".length());
                store.append(StreamId.of(account), ExpectedVersion.NO_STREAM, List.of(event("opened-" + name, "AccountOpened",
                        "{\"account\":\"" + name + "\",\"type\":\"" + name.split(":")[0] + "\"}", "alice", "OpenAccount", "c-setup", null)));
            }
            for (int number = 1; number <= entries; number++) {
                store.appendAll(entry(number));
            }
        }
        return file;
    }

    private static List<StreamAppend> entry(int number) {
        boolean sale = number % 3 != 0;
        String entryId = String.format("entry-%04d", number);
        String correlation = "cmd-" + number;
        BigDecimal amount = new BigDecimal(sale ? 120 + number * 7 : 950).setScale(2);
        String description = sale ? "Invoice " + (1000 + number) : "Office rent";
        String other = sale ? SALES : RENT;
        String user = number % 2 == 0 ? "bob" : "alice";
        String recordedId = entryId + "-recorded";
        String entryData = "{\"entryId\":\"" + entryId + "\",\"date\":\"2025-03-" + String.format("%02d", 1 + number % 28)
                + "\",\"description\":\"" + description + "\",\"postings\":[{\"account\":\"assets:bank:checking\",\"amount\":\""
                + (sale ? amount : amount.negate()) + " EUR\"},{\"account\":\"" + other.substring(8) + "\",\"amount\":\""
                + (sale ? amount.negate() : amount) + " EUR\"}]}";
        List<StreamAppend> appends = new ArrayList<>();
        appends.add(new StreamAppend(StreamId.of(entryId), ExpectedVersion.NO_STREAM,
                List.of(event(recordedId, "EntryRecorded", entryData, user, "PostEntry", correlation, null))));
        appends.add(new StreamAppend(StreamId.of(CHECKING), ExpectedVersion.ANY, List.of(posting(entryId, "checking",
                sale ? amount : amount.negate(), description, user, correlation, recordedId))));
        appends.add(new StreamAppend(StreamId.of(other), ExpectedVersion.ANY, List.of(posting(entryId, other.substring(8),
                sale ? amount.negate() : amount, description, user, correlation, recordedId))));
        return appends;
    }

    private static NewEvent posting(String entryId, String account, BigDecimal amount, String description, String user,
                                    String correlation, String causation) {
        return event(entryId + "-" + account, "PostingRecorded", "{\"entryId\":\"" + entryId + "\",\"amount\":\"" + amount
                + " EUR\",\"description\":\"" + description + "\"}", user, "PostEntry", correlation, causation);
    }

    private static NewEvent event(String id, String type, String data, String user, String command, String correlation, String causation) {
        return new NewEvent(id, type, 1, data, new EventMetadata(user, correlation, causation, command));
    }

    /** Drops the immutability triggers and rewrites one event's data, as someone with a plain SQLite tool could. */
    public static void tamper(Path file, long position, String data) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP TRIGGER events_are_immutable");
            statement.execute("DROP TRIGGER events_are_permanent");
            statement.execute("UPDATE events SET data = '" + data.replace("'", "''") + "' WHERE position = " + position);
        }
    }


    /** Writes a ledger for screenshots and trying the app: {@code LedgerFixtures <file> [entries]}. */
    public static void main(String[] args) throws Exception {
        bookkeepingLedger(Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 15);
    }
}
