package dev.eventscope.samples;

import dev.eventscope.application.BookkeepingCodec;
import dev.eventscope.application.CommandContext;
import dev.eventscope.application.IdGenerator;
import dev.eventscope.application.LedgerCommandService;
import dev.eventscope.domain.ledger.AccountCommand.FreezeAccount;
import dev.eventscope.domain.ledger.AccountCommand.OpenAccount;
import dev.eventscope.domain.ledger.AccountName;
import dev.eventscope.domain.ledger.AccountStatus;
import dev.eventscope.domain.ledger.EntryCommand.PostEntry;
import dev.eventscope.domain.ledger.EntryCommand.ReverseEntry;
import dev.eventscope.domain.ledger.EntryId;
import dev.eventscope.domain.ledger.LedgerCommand.ClosePeriod;
import dev.eventscope.domain.ledger.LedgerCommand.CreateLedger;
import dev.eventscope.domain.ledger.LedgerCommand.ReopenPeriod;
import dev.eventscope.domain.ledger.LedgerStreams;
import dev.eventscope.domain.ledger.Posting;
import dev.eventscope.application.Aggregate;
import dev.eventscope.audit.tests.HolidayCalendar;
import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.ExpectedVersion;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.eventstore.sqlite.SqliteOptions;
import dev.eventscope.journal.JournalImporter;
import dev.eventscope.journal.JournalItem;
import dev.eventscope.journal.JournalReadListener;
import dev.eventscope.journal.JournalReader;
import dev.eventscope.journal.JournalTransaction;
import dev.eventscope.journal.Tag;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the ready-to-open sample ledgers in {@code sample-data/ledgers/} from the sample journals.
 * Each entry is recorded as a bookkeeper would have recorded it: the recorded time is the morning
 * after the entry's date (or later, keeping file order), so time travel by recorded time is
 * meaningful. Run: {@code sample-data/build-ledgers.sh} (or this class's main with an output folder).
 */
public final class SampleLedgers {

    /** The position altered in tampered.ledger; its verify must name exactly this. */
    public static final long TAMPERED_POSITION = 250;

    public static final List<String> NAMES = List.of("small-business", "household-two-currencies", "audit-case",
            "legacy-schema", "tampered");

    private SampleLedgers() {
    }

    public static void main(String[] args) throws Exception {
        Path out = args.length > 0 ? Path.of(args[0]) : Path.of("sample-data", "ledgers");
        buildAll(Path.of("sample-data"), out);
        System.out.println("Built " + NAMES.size() + " sample ledgers in " + out);
    }

    public static void buildAll(Path journals, Path out) throws Exception {
        Files.createDirectories(out);
        for (String name : NAMES) {
            Files.deleteIfExists(out.resolve(name + ".ledger"));
        }
        build(journals.resolve("small-business.journal"), out.resolve("small-business.ledger"), "Atelier Nordlicht — 2025",
                "EUR", "anna.berg", Mode.PLAIN);
        build(journals.resolve("household-two-currencies.journal"), out.resolve("household-two-currencies.ledger"),
                "Household (EUR/USD) — 2025", "EUR", "sam", Mode.PLAIN);
        build(journals.resolve("audit-case.journal"), out.resolve("audit-case.ledger"), "Hartmann Metallbau GmbH — audit 2025",
                "EUR", "j.keller", Mode.AUDIT_CASE);
        build(journals.resolve("household-two-currencies.journal"), out.resolve("legacy-schema.ledger"),
                "Household, written by Eventscope 0.0.9", "EUR", "sam", Mode.LEGACY);
        Files.copy(out.resolve("small-business.ledger"), out.resolve("tampered.ledger"), StandardCopyOption.REPLACE_EXISTING);
        tamper(out.resolve("tampered.ledger"));
    }

    enum Mode { PLAIN, AUDIT_CASE, LEGACY }

    /** A clock the builder sets before each command. */
    static final class SettableClock extends dev.eventscope.testing.SettableClock {
        SettableClock() {
            super(Instant.parse("2025-01-01T08:00:00Z"));
        }

        void setAtLeast(Instant instant) {
            set(instant.isAfter(instant()) ? instant : instant().plusSeconds(47));
        }
    }

    private static void build(Path journal, Path ledger, String ledgerName, String commodity, String user, Mode mode)
            throws Exception {
        SettableClock clock = new SettableClock();
        List<JournalItem> items = read(journal);
        List<JournalTransaction> transactions = items.stream().filter(JournalTransaction.class::isInstance)
                .map(JournalTransaction.class::cast).toList();
        Map<String, LocalDate> firstUse = new LinkedHashMap<>();
        for (JournalTransaction transaction : transactions) {
            transaction.postings().forEach(p -> firstUse.merge(p.account(), transaction.date(), (a, b) -> a.isBefore(b) ? a : b));
        }
        try (SqliteEventStore store = SqliteEventStore.open(ledger, SqliteOptions.defaults().withClock(clock))) {
            LedgerCommandService service = new LedgerCommandService(store, BookkeepingCodec.create(), IdGenerator.random(),
                    new LedgerCommandService.Settings(3, 50));
            CommandContext context = CommandContext.byUser(user);
            clock.setAtLeast(recordedAfter(transactions.get(0).date().minusDays(1)));
            service.execute(new CreateLedger(ledgerName, commodity), context);
            if (mode == Mode.LEGACY) {
                writeVersion1AccountOpenings(store, firstUse, user);
            }
            boolean closed = false;
            boolean frozen = false;
            Set<String> codes = new HashSet<>();
            int generated = 0;
            for (JournalItem item : items) {
                if (item instanceof dev.eventscope.journal.JournalDirective.MarketPrice price) {
                    // a month's closing rate, looked up and recorded the morning after
                    clock.setAtLeast(recordedAfter(price.date()));
                    service.execute(JournalImporter.recordPriceCommand(price), context);
                    continue;
                }
                JournalTransaction transaction = (JournalTransaction) item;
                Instant recorded = mode == Mode.AUDIT_CASE ? recordedOnNextWorkingDay(transaction.date()) : recordedAfter(transaction.date());
                String lateOn = tag(transaction, "late-correction");
                if (lateOn != null) {
                    recorded = recordedAfter(LocalDate.parse(lateOn).minusDays(1)).plusSeconds(3 * 3600);
                }
                String recordedAt = tag(transaction, "recorded-at");
                if (recordedAt != null) {
                    recorded = LocalDateTime.parse(recordedAt).toInstant(ZoneOffset.UTC);
                }
                String recordedBy = tag(transaction, "recorded-by");
                CommandContext entryContext = recordedBy == null ? context : CommandContext.byUser(recordedBy);
                clock.setAtLeast(recorded);
                if (mode == Mode.AUDIT_CASE && !closed && clock.instant().isAfter(Instant.parse("2025-04-14T00:00:00Z"))) {
                    clock.setAtLeast(Instant.parse("2025-04-14T16:30:00Z"));
                    service.execute(new ClosePeriod(LocalDate.of(2025, 3, 31)), CommandContext.byUser("m.vogt"));
                    closed = true;
                }
                if (mode == Mode.AUDIT_CASE && !frozen && transaction.date().isAfter(LocalDate.of(2025, 6, 30))) {
                    clock.setAtLeast(Instant.parse("2025-07-01T08:15:00Z"));
                    service.execute(new FreezeAccount(AccountName.of("assets:suspense"),
                            "cleared to 0.00 EUR on 2025-06-30; receipts now go to assets:suspense-2025h2"),
                            CommandContext.byUser("m.vogt"));
                    frozen = true;
                }
                for (String account : transaction.postings().stream().map(p -> p.account()).distinct().toList()) {
                    var state = service.repository().load(Aggregate.ACCOUNT, StreamId.of(LedgerStreams.account(AccountName.of(account))));
                    if (state.state().status() == AccountStatus.NOT_OPENED) {
                        service.execute(new OpenAccount(AccountName.of(account), firstUse.get(account), null), entryContext);
                    }
                }
                String entryId = transaction.code().isBlank() || !codes.add(transaction.code())
                        ? String.format("E%06d", ++generated) : transaction.code();
                PostEntry post = JournalImporter.toCommand(EntryId.of(entryId), transaction, commodity);
                String reverses = tag(transaction, "reverses");
                if (mode == Mode.AUDIT_CASE && lateOn != null) {
                    service.execute(new ReopenPeriod("auditor found Q1 freight booked as office supplies; correction "
                            + entryId + " approved by m.vogt"), CommandContext.byUser("m.vogt"));
                    service.execute(post, context);
                    service.execute(new ClosePeriod(LocalDate.of(2025, 3, 31)), CommandContext.byUser("m.vogt"));
                } else if (mode == Mode.AUDIT_CASE && reverses != null && isExactReversal(service, reverses, post)) {
                    service.execute(new ReverseEntry(EntryId.of(reverses), EntryId.of(entryId), transaction.date(),
                            transaction.description()), entryContext);
                } else {
                    service.execute(post, entryContext);
                }
            }
        }
    }

    private static boolean isExactReversal(LedgerCommandService service, String originalId, PostEntry reversal) {
        var original = service.repository().load(Aggregate.ENTRY, StreamId.of(LedgerStreams.entry(EntryId.of(originalId)))).state();
        if (original.entry() == null) {
            return false;
        }
        List<Posting> negated = original.entry().postings().stream().map(Posting::negated).toList();
        return sameAmounts(negated, reversal.postings());
    }

    private static boolean sameAmounts(List<Posting> expected, List<Posting> actual) {
        if (expected.size() != actual.size()) {
            return false;
        }
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        expected.forEach(p -> a.add(p.account().value() + " " + p.amount()));
        actual.forEach(p -> b.add(p.account().value() + " " + p.amount()));
        a.sort(null);
        b.sort(null);
        return a.equals(b);
    }

    /** AccountOpened as Eventscope 0.0.x wrote it: schema version 1, {"account", "openedOn"}. */
    private static void writeVersion1AccountOpenings(SqliteEventStore store, Map<String, LocalDate> firstUse, String user)
            throws Exception {
        int n = 0;
        for (Map.Entry<String, LocalDate> account : firstUse.entrySet()) {
            String json = "{\"account\":\"" + account.getKey().replace("\"", "\\\"") + "\",\"openedOn\":\"" + account.getValue() + "\"}";
            store.append(StreamId.of(LedgerStreams.account(AccountName.of(account.getKey()))), ExpectedVersion.NO_STREAM,
                    List.of(new NewEvent("legacy-open-" + (++n), "AccountOpened", 1, json,
                            new EventMetadata(user, null, null, "OpenAccount"))));
        }
    }

    /**
     * The audit case's bookkeeper records each entry at 09:00 UTC on the next working day after its date
     * (not on a weekend or a German public holiday), so that only the planted entries are recorded off hours.
     */
    private static Instant recordedOnNextWorkingDay(LocalDate date) {
        HolidayCalendar holidays = HolidayCalendar.germany();
        LocalDate day = date.plusDays(1);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY
                || holidays.holiday(day).isPresent()) {
            day = day.plusDays(1);
        }
        return day.atTime(LocalTime.of(9, 0)).toInstant(ZoneOffset.UTC);
    }

    private static Instant recordedAfter(LocalDate date) {
        return date.plusDays(1).atTime(LocalTime.of(9, 0)).toInstant(ZoneOffset.UTC);
    }

    private static String tag(JournalTransaction transaction, String name) {
        for (Tag tag : transaction.tags()) {
            if (tag.name().equals(name)) {
                return tag.value().isBlank() ? null : tag.value().strip();
            }
        }
        return null;
    }

    /** The journal's transactions and market prices, in file order. */
    private static List<JournalItem> read(Path journal) throws Exception {
        List<JournalItem> items = new ArrayList<>();
        try (JournalReader reader = JournalReader.open(journal, JournalReadListener.NONE)) {
            while (reader.hasNext()) {
                JournalItem item = reader.next();
                if (item instanceof JournalTransaction || item instanceof dev.eventscope.journal.JournalDirective.MarketPrice) {
                    items.add(item);
                }
            }
        }
        return items;
    }

    /**
     * Changes one posting's amount with a plain SQLite tool, as a fraudster would: the invoice's 5,180.00 EUR
     * of design services becomes 518.00 EUR in well-formed JSON, so every view still reads the event and
     * only the hash chain tells.
     */
    private static void tamper(Path ledger) throws Exception {
        tamper(ledger, "replace(data, '\"amount\":-5180,', '\"amount\":-518,')");
    }

    /** Rewrites the data of the event at {@link #TAMPERED_POSITION} with an SQL expression over {@code data}. */
    public static void tamper(Path ledger, String newData) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + ledger);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP TRIGGER events_are_immutable");
            statement.execute("UPDATE events SET data = " + newData + " WHERE position = " + TAMPERED_POSITION);
            statement.execute("CREATE TRIGGER events_are_immutable BEFORE UPDATE ON events BEGIN"
                    + " SELECT RAISE(ABORT, 'events are immutable: an event can never be changed'); END");
        }
    }
}
