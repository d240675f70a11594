package dev.eventscope.cli;

import dev.eventscope.application.BookkeepingCodec;
import dev.eventscope.application.CommandContext;
import dev.eventscope.application.LedgerCommandService;
import dev.eventscope.audit.ReportStatements;
import dev.eventscope.domain.ledger.AccountCommand;
import dev.eventscope.domain.ledger.AccountName;
import dev.eventscope.domain.ledger.AccountType;
import dev.eventscope.domain.ledger.LedgerCommand;
import dev.eventscope.domain.ledger.Money;
import dev.eventscope.domain.ledger.PriceCommand;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.eventstore.sqlite.SqliteOptions;
import dev.eventscope.statement.Statement;
import dev.eventscope.statement.StatementText;
import dev.eventscope.testing.TemporaryFolders;
import dev.eventscope.timetravel.LedgerPrefix;
import dev.eventscope.timetravel.RandomLedger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.lifecycle.AfterTry;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Session 18 (asof): an answer "as of" a point uses nothing recorded after it. For a random ledger (entries, reversals,
 * lifecycle events, accounts opened late, imports declaring account types, market prices) and a random position P
 * (or a recorded time T), every answer asked at P equals the same answer asked at the head of a fresh ledger made of
 * events 1..P only ({@link LedgerPrefix}): balances, trial balance, valuation, statements, a stream's state, a diff,
 * the sandbox at a base and the audit report's statements.
 */
class AsOfPrefixProperties {

    private static final AccountType[] SECTION_TYPES = {AccountType.ASSETS, AccountType.CASH, AccountType.LIABILITIES,
            AccountType.EQUITY, AccountType.INCOME, AccountType.EXPENSES};

    private final TemporaryFolders folders = new TemporaryFolders();

    @AfterTry
    void deleteTheTrysFolders() {
        folders.deleteAll();
    }

    @Property(tries = 8)
    void every_answer_at_a_position_is_the_answer_at_the_head_of_the_ledger_cut_there(
            @ForAll @LongRange(min = 1, max = 1_000_000) long seed,
            @ForAll @IntRange(min = 1, max = 1_000) int cut,
            @ForAll @IntRange(min = 0, max = 760) int days) throws Exception {
        Path folder = folders.create("asof");
        Path ledger = folder.resolve("whole").resolve("random.ledger");
        java.nio.file.Files.createDirectories(ledger.getParent());
        long last = writeLedger(ledger, seed);
        long position = Math.max(1, Math.min(last, (long) cut * last / 1_000));
        Path prefix = folder.resolve("prefix").resolve("random.ledger");
        java.nio.file.Files.createDirectories(prefix.getParent());
        LedgerPrefix.copy(ledger, prefix, event -> event.position() <= position);
        FakeLedgerStores stores = new FakeLedgerStores().with(ledger).with(prefix);
        LocalDate date = LocalDate.of(2023, 12, 25).plusDays(days);
        String opened = accountAt(ledger, seed, Long.MAX_VALUE);
        String account = opened == null ? "ledger" : "account-" + opened;
        String at = "#" + position;

        List<String[]> asked = List.of(
                new String[] {"balance", "--at-position", String.valueOf(position)}, new String[] {"balance"},
                new String[] {"balance", "--as-of", date.toString(), "--known-at", at}, new String[] {"balance", "--as-of", date.toString()},
                new String[] {"balance", "--known-at", at, "--value", "EUR"}, new String[] {"balance", "--value", "EUR"},
                new String[] {"balance", "--at-position", String.valueOf(position), "--market"}, new String[] {"balance", "--market"},
                new String[] {"trial-balance", "--as-of", date.toString(), "--known-at", at, "--value", "USD"},
                new String[] {"trial-balance", "--as-of", date.toString(), "--value", "USD"},
                new String[] {"statement", "balance-sheet", "--at-position", String.valueOf(position)}, new String[] {"statement", "balance-sheet"},
                new String[] {"statement", "income", "--at-position", String.valueOf(position), "--value", "EUR"},
                new String[] {"statement", "income", "--value", "EUR"},
                new String[] {"statement", "balance-sheet", "--at-position", String.valueOf(position), "--depth", "1", "--yearly"},
                new String[] {"statement", "balance-sheet", "--replay", "--depth", "1", "--yearly"},
                new String[] {"state", "--stream", account, "--at-position", String.valueOf(position)}, new String[] {"state", "--stream", account},
                new String[] {"diff", "--from", "#1", "--to", at}, new String[] {"diff", "--from", "#1"});
        for (int i = 0; i < asked.size(); i += 2) {
            CliRun atPoint = run(stores, ledger, asked.get(i));
            CliRun atHead = run(stores, prefix, asked.get(i + 1));
            String what = String.join(" ", asked.get(i)) + " against the ledger cut at #" + position + " of " + last;
            assertEquals(atHead.exitCode(), atPoint.exitCode(), what + "\n" + atPoint.err() + "\n" + atHead.err());
            assertEquals(withoutPoint(atHead.out(), at), withoutPoint(atPoint.out(), at), what);
        }

        // the sandbox standing at P, and the sandbox at the head of the cut ledger
        for (String statement : new String[] {"balance-sheet", "income"}) {
            Path whole = folder.resolve("sandboxes-" + statement + "-whole");
            Path cutOnes = folder.resolve("sandboxes-" + statement + "-cut");
            CliRun started = CliRun.run(stores, "sandbox", "new", "--ledger", ledger.toString(), "--user", "ann",
                    "--sandbox-dir", whole.toString(), "--at-position", String.valueOf(position));
            assertEquals(0, started.exitCode(), started.err());
            started = CliRun.run(stores, "sandbox", "new", "--ledger", prefix.toString(), "--user", "ann",
                    "--sandbox-dir", cutOnes.toString(), "--at-position", String.valueOf(position));
            assertEquals(0, started.exitCode(), started.err());
            CliRun atBase = CliRun.run(stores, "sandbox", "diff", "--ledger", ledger.toString(), "--user", "ann",
                    "--sandbox-dir", whole.toString(), "--statement", statement);
            CliRun atHead = CliRun.run(stores, "sandbox", "diff", "--ledger", prefix.toString(), "--user", "ann",
                    "--sandbox-dir", cutOnes.toString(), "--statement", statement);
            assertEquals(atHead.exitCode(), atBase.exitCode(), atBase.err() + "\n" + atHead.err());
            assertEquals(atHead.out(), atBase.out(), "sandbox diff --statement " + statement + " at base #" + position);
        }

        // the audit report's statements, read through P
        var codec = BookkeepingCodec.create();
        try (SqliteEventStore whole = SqliteEventStore.openReadOnly(ledger); SqliteEventStore cutOne = SqliteEventStore.openReadOnly(prefix)) {
            assertEquals(texts(ReportStatements.of(cutOne, codec, position, "EUR")), texts(ReportStatements.of(whole, codec, position, "EUR")),
                    "the report's statements through #" + position);
        }
    }

    @Property(tries = 8)
    void every_answer_known_at_a_recorded_time_is_the_answer_at_the_head_of_the_ledger_cut_then(
            @ForAll @LongRange(min = 1, max = 1_000_000) long seed,
            @ForAll @IntRange(min = 1, max = 1_000) int cut,
            @ForAll @IntRange(min = 0, max = 760) int days) throws Exception {
        Path folder = folders.create("asof-time");
        Path ledger = folder.resolve("whole").resolve("random.ledger");
        java.nio.file.Files.createDirectories(ledger.getParent());
        long last = writeLedger(ledger, seed);
        Instant time;
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger)) {
            time = store.readAt(Math.max(1, Math.min(last, (long) cut * last / 1_000))).orElseThrow().recordedAt().plusMillis(500);
        }
        Path prefix = folder.resolve("prefix").resolve("random.ledger");
        java.nio.file.Files.createDirectories(prefix.getParent());
        Instant knownAt = time;
        Predicate<RecordedEvent> known = event -> !event.recordedAt().isAfter(knownAt);
        long position = LedgerPrefix.copy(ledger, prefix, known);
        FakeLedgerStores stores = new FakeLedgerStores().with(ledger).with(prefix);
        LocalDate date = LocalDate.of(2023, 12, 25).plusDays(days);
        String at = "@" + time;
        String opened = accountAt(ledger, seed, Long.MAX_VALUE);
        String account = opened == null ? "ledger" : "account-" + opened;
        List<String[]> asked = List.of(
                new String[] {"balance", "--known-at", at}, new String[] {"balance"},
                new String[] {"balance", "--as-of", date.toString(), "--known-at", at, "--value", "EUR"},
                new String[] {"balance", "--as-of", date.toString(), "--value", "EUR"},
                new String[] {"trial-balance", "--known-at", at, "--market"}, new String[] {"trial-balance", "--market"},
                new String[] {"state", "--stream", account, "--at-time", time.toString()}, new String[] {"state", "--stream", account},
                new String[] {"diff", "--from", "#1", "--to", at}, new String[] {"diff", "--from", "#1"});
        for (int i = 0; i < asked.size(); i += 2) {
            CliRun atPoint = run(stores, ledger, asked.get(i));
            CliRun atHead = run(stores, prefix, asked.get(i + 1));
            String what = String.join(" ", asked.get(i)) + " against the ledger cut at " + time + " (#" + position + " of " + last + ")";
            assertEquals(atHead.exitCode(), atPoint.exitCode(), what + "\n" + atPoint.err() + "\n" + atHead.err());
            assertEquals(withoutPoint(atHead.out(), at), withoutPoint(atPoint.out(), at), what);
        }
        Path whole = folder.resolve("sandboxes-whole");
        Path cutOnes = folder.resolve("sandboxes-cut");
        CliRun started = CliRun.run(stores, "sandbox", "new", "--ledger", ledger.toString(), "--user", "ann",
                "--sandbox-dir", whole.toString(), "--at-time", time.toString());
        assertEquals(0, started.exitCode(), started.err());
        started = CliRun.run(stores, "sandbox", "new", "--ledger", prefix.toString(), "--user", "ann",
                "--sandbox-dir", cutOnes.toString(), "--at-time", time.toString());
        assertEquals(0, started.exitCode(), started.err());
        CliRun atBase = CliRun.run(stores, "sandbox", "diff", "--ledger", ledger.toString(), "--user", "ann",
                "--sandbox-dir", whole.toString(), "--statement", "balance-sheet");
        CliRun atHead = CliRun.run(stores, "sandbox", "diff", "--ledger", prefix.toString(), "--user", "ann",
                "--sandbox-dir", cutOnes.toString(), "--statement", "balance-sheet");
        assertEquals(atHead.out(), atBase.out(), "sandbox at " + time);
    }

    /**
     * Session 19 (asof): a statement on the recorded clock through day D (each column the ledger as known at the end of
     * its day) equals the same statement on the ledger cut at the end of D: sections chosen by the types declared by
     * then, valued in the prices recorded by then, a commodity first priced later unknown. The ledger's appends are
     * twenty hours apart, so it spans some months and a cut at a day's end falls between any two appends.
     */
    @Property(tries = 8)
    void every_statement_on_the_recorded_clock_through_a_day_is_the_statement_of_the_ledger_cut_at_its_end(
            @ForAll @LongRange(min = 1, max = 1_000_000) long seed,
            @ForAll @IntRange(min = 1, max = 1_000) int cut) throws Exception {
        Path folder = folders.create("asof-recorded");
        Path ledger = folder.resolve("whole").resolve("random.ledger");
        java.nio.file.Files.createDirectories(ledger.getParent());
        long last = writeLedger(ledger, seed, dev.eventscope.testing.SettableClock.stepping(
                Instant.parse("2025-01-01T00:00:00Z"), java.time.Duration.ofHours(20)));
        LocalDate day;
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger)) {
            day = LocalDate.ofInstant(store.readAt(Math.max(1, Math.min(last, (long) cut * last / 1_000))).orElseThrow().recordedAt(),
                    java.time.ZoneOffset.UTC);
        }
        String through = ".." + day.plusDays(1);
        sameOnTheCut(ledger, folder.resolve("day"), day, last, List.of(
                new String[] {"statement", "balance-sheet", "--clock", "recorded", "-p", through},
                new String[] {"statement", "balance-sheet", "--clock", "recorded", "-p", through, "--depth", "1"},
                new String[] {"statement", "income", "--clock", "recorded", "-p", through, "--value", "EUR"},
                new String[] {"statement", "balance-sheet", "--clock", "recorded", "-p", through, "--value", "USD", "--format", "csv"},
                new String[] {"statement", "income", "--clock", "recorded", "-p", through, "--value", "GBP"},
                new String[] {"statement", "trial-balance", "--clock", "recorded", "-p", through, "--format", "json"}));
        // monthly columns run to their month's end (as in hledger), so the cut is at the end of D's month
        LocalDate monthEnd = day.withDayOfMonth(day.lengthOfMonth());
        String throughMonth = ".." + monthEnd.plusDays(1);
        sameOnTheCut(ledger, folder.resolve("month"), monthEnd, last, List.of(
                new String[] {"statement", "balance-sheet", "--clock", "recorded", "-p", throughMonth, "--monthly", "--depth", "1"},
                new String[] {"statement", "income", "--clock", "recorded", "-p", throughMonth, "--monthly", "--market"}));
    }

    /** Each question asked of {@code ledger} equals the same question asked of the ledger cut at the end of {@code day}. */
    private static void sameOnTheCut(Path ledger, Path folder, LocalDate day, long last, List<String[]> questions) throws Exception {
        Instant endOfDay = day.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        Path prefix = folder.resolve("random.ledger");
        java.nio.file.Files.createDirectories(folder);
        long position = LedgerPrefix.copy(ledger, prefix, event -> event.recordedAt().isBefore(endOfDay));
        FakeLedgerStores stores = new FakeLedgerStores().with(ledger).with(prefix);
        for (String[] question : questions) {
            CliRun onWhole = run(stores, ledger, question);
            CliRun onCut = run(stores, prefix, question);
            String what = String.join(" ", question) + " against the ledger cut at the end of " + day + " (#" + position + " of " + last + ")";
            assertEquals(onCut.exitCode(), onWhole.exitCode(), what + "\n" + onWhole.err() + "\n" + onCut.err());
            assertEquals(refusal(onCut.err()), refusal(onWhole.err()), what);
            assertEquals(onCut.out(), onWhole.out(), what);
        }
    }

    /**
     * A random ledger with every kind of event a reader looks "as of": entries and reversals (one append each, and
     * imports), accounts frozen and unfrozen, accounts opened late, imports declaring account types, market prices.
     */
    static long writeLedger(Path file, long seed) {
        return writeLedger(file, seed, RandomLedger.tickingClock());
    }

    /** The same ledger, each reading of {@code clock} recording one append. */
    static long writeLedger(Path file, long seed, java.time.Clock clock) {
        Random random = new Random(seed * 31 + 7);
        try (SqliteEventStore store = SqliteEventStore.open(file, SqliteOptions.defaults()
                .withSynchronous(SqliteOptions.Synchronous.NORMAL).withClock(clock))) {
            RandomLedger ledger = new RandomLedger(seed);
            LedgerCommandService service = RandomLedger.service(store, "p");
            ledger.create(service, 5);
            for (int round = 0; round < 4; round++) {
                ledger.importEntries(service, 8);
                ledger.post(service, 4);
                Map<AccountType, List<String>> declared = new EnumMap<>(AccountType.class);
                List<AccountName> accounts = ledger.accounts();
                for (int i = 0; i < 2; i++) {
                    declared.computeIfAbsent(SECTION_TYPES[random.nextInt(SECTION_TYPES.length)], type -> new ArrayList<>())
                            .add(random.nextInt(3) == 0 ? accounts.get(random.nextInt(accounts.size())).value().split(":")[0]
                                    : accounts.get(random.nextInt(accounts.size())).value());
                }
                service.execute(new LedgerCommand.RecordImport("round" + round + ".journal", "0".repeat(63) + round, 0, null, null,
                        declared), CommandContext.byUser("alice"));
                String priced = random.nextBoolean() ? "USD" : "GBP";
                service.execute(new PriceCommand.RecordPrice(LocalDate.of(2024, 1, 1).plusDays(random.nextInt(730)), priced,
                        new Money(BigDecimal.valueOf(50 + random.nextInt(100), 2), priced.equals("USD") ? "EUR" : "USD"), 2),
                        CommandContext.byUser("bob"));
                ledger.freezeAndUnfreeze(service);
                AccountName late = AccountName.of((round % 2 == 0 ? "liabilities:late:l" : "income:late:i") + round);
                service.execute(new AccountCommand.OpenAccount(late, LocalDate.of(2024, 1, 1), null, null), CommandContext.byUser("carol"));
                accounts.add(late);
            }
            ledger.post(service, 4);
            return store.lastPosition();
        }
    }

    /** An account of the ledger opened at or before {@code position}, chosen by the seed (at P it may not exist yet). */
    private static String accountAt(Path ledger, long seed, long position) {
        List<String> opened = new ArrayList<>();
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger); var cursor = store.readAll(0)) {
            while (cursor.hasNext()) {
                RecordedEvent event = cursor.next();
                if (event.position() <= position && event.type().equals("AccountOpened")) {
                    opened.add(event.streamId().value().substring("account-".length()));
                }
            }
        }
        // the ledger stream when no account was opened yet
        return opened.isEmpty() ? null : opened.get((int) Math.floorMod(seed, opened.size()));
    }

    private static CliRun run(FakeLedgerStores stores, Path ledger, String[] question) {
        String[] args = new String[question.length + 2];
        System.arraycopy(question, 0, args, 0, question.length);
        args[question.length] = "--ledger";
        args[question.length + 1] = ledger.toString();
        return CliRun.run(stores, args);
    }

    /**
     * Without the words that say how the question was asked (a state's "Point:" line, "as known at #P") and how a state
     * was rebuilt (the whole ledger has snapshots, the cut one none); the rest must be equal.
     */
    private static String withoutPoint(String out, String at) {
        return out.replace(" as known at " + at, "").replace(" and " + at + ".", " and now.").lines()
                .filter(line -> !line.startsWith("Point:") && !line.startsWith("Rebuilt:"))
                .reduce("", (a, b) -> a + b + "\n");
    }

    /** Standard error without the read models' progress bar. */
    private static String refusal(String err) {
        return err.lines().filter(line -> !line.startsWith("read models") && !line.isBlank()).reduce("", (a, b) -> a + b + "\n");
    }

    private static List<String> texts(List<Statement> statements) {
        return statements.stream().map(StatementText::of).toList();
    }
}
