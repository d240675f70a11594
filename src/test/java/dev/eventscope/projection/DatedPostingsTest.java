package dev.eventscope.projection;

import dev.eventscope.domain.ledger.Balances;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The date checkpoints folded from compact postings (sums per account and commodity pair, formatted only when
 * changed) against the plain reference: the lines sorted by date, folded by {@link Balances.Fold} and encoded by
 * {@link BalanceBlob#encode}, a checkpoint at the end of a date once at least {@code every} lines were added and one
 * at the last date; each with the lines added since the previous one, in date then position order, which
 * {@link DatedLines#read} gives back (and filters by date, position and account).
 */
class DatedPostingsTest {

    private record Line(int day, String account, String commodity, BigDecimal amount, int order) {
    }

    private record Checkpoint(String date, byte[] blob, List<String> lines, Map<String, Optional<PostingSummary>> summaries) {
    }

    private static final List<String> ACCOUNTS = IntStream.range(0, 8).mapToObj(i -> "account:" + (char) ('a' + i)).toList();

    @Property(tries = 200)
    void checkpoints_equal_a_balances_fold_of_the_lines_in_date_order(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed,
                                                                       @ForAll @IntRange(min = 0, max = 400) int lines,
                                                                       @ForAll @IntRange(min = 1, max = 60) int every) {
        // given: few accounts and commodities, so balances cancel to zero and amounts of several scales meet
        Random random = new Random(seed);
        List<Line> added = new ArrayList<>();
        DatedPostings postings = new DatedPostings();
        for (int i = 0; i < lines; i++) {
            Line line = new Line(18_000 + random.nextInt(40), "account:" + (char) ('a' + random.nextInt(8)),
                    random.nextBoolean() ? "EUR" : random.nextBoolean() ? "USD" : "€", amount(random), i);
            added.add(line);
            postings.add(position(line), LocalDate.ofEpochDay(line.day()), line.account(), line.commodity(), line.amount());
        }
        String account = "account:" + (char) ('a' + random.nextInt(8));
        long upTo = random.nextInt(lines + 1) * 3L;

        // when
        List<Checkpoint> checkpoints = new ArrayList<>();
        List<String> accountLines = new ArrayList<>();
        postings.checkpoints(every, (date, blob, dated, summaries) -> {
            List<String> read = new ArrayList<>();
            DatedLines.read(dated, DateSpan.all(), Long.MAX_VALUE, (position, day, name, commodity, amount) ->
                    read.add(text(position, day, name, commodity, amount)));
            Map<String, Optional<PostingSummary>> kept = new TreeMap<>();
            ACCOUNTS.forEach(name -> kept.put(name, PostingSummaries.find(summaries, name)));
            checkpoints.add(new Checkpoint(date, blob, read, kept));
            DatedLines.readAccount(dated, DateSpan.all(), upTo, account, (position, day, name, commodity, amount) ->
                    accountLines.add(text(position, day, name, commodity, amount)));
        });

        // then
        List<Checkpoint> expected = reference(added, every);
        assertEquals(expected.stream().map(Checkpoint::date).toList(), checkpoints.stream().map(Checkpoint::date).toList());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i).blob(), checkpoints.get(i).blob(), expected.get(i).date());
            assertEquals(expected.get(i).lines(), checkpoints.get(i).lines(), expected.get(i).date());
            assertEquals(expected.get(i).summaries(), checkpoints.get(i).summaries(), expected.get(i).date());
        }
        assertEquals(expected.stream().flatMap(checkpoint -> checkpoint.lines().stream())
                .filter(line -> line.split("\t")[2].equals(account) && Long.parseLong(line.split("\t")[0]) <= upTo).toList(),
                accountLines, "the lines of " + account + " up to #" + upTo);
    }

    @Property(tries = 50)
    void a_reader_takes_the_lines_dated_in_a_range(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed) {
        Random random = new Random(seed);
        DatedPostings postings = new DatedPostings();
        List<Line> added = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Line line = new Line(18_000 + random.nextInt(20), "a" + random.nextInt(3), "EUR", amount(random), i);
            added.add(line);
            postings.add(position(line), LocalDate.ofEpochDay(line.day()), line.account(), line.commodity(), line.amount());
        }
        // either end open one time in three: an open end must let every date through on its side, and no more
        Optional<LocalDate> after = random.nextInt(3) == 0 ? Optional.empty()
                : Optional.of(LocalDate.ofEpochDay(17_999 + random.nextInt(22)));
        Optional<LocalDate> upToDate = random.nextInt(3) == 0 ? Optional.empty()
                : Optional.of(LocalDate.ofEpochDay(17_999 + random.nextInt(22)));
        String account = "a" + random.nextInt(3);
        List<String> read = new ArrayList<>();
        List<String> readOfAccount = new ArrayList<>();
        postings.checkpoints(1_000, (date, blob, dated, summaries) -> {
            DatedLines.read(dated, new DateSpan(after, upToDate), Long.MAX_VALUE,
                    (position, day, name, commodity, amount) -> read.add(text(position, day, name, commodity, amount)));
            DatedLines.readAccount(dated, new DateSpan(after, upToDate), Long.MAX_VALUE, account,
                    (position, day, name, commodity, amount) -> readOfAccount.add(text(position, day, name, commodity, amount)));
        });
        List<Line> expected = added.stream().sorted(Comparator.comparingInt(Line::day).thenComparingInt(Line::order))
                .filter(line -> after.map(from -> LocalDate.ofEpochDay(line.day()).isAfter(from)).orElse(true)
                        && upToDate.map(to -> !LocalDate.ofEpochDay(line.day()).isAfter(to)).orElse(true))
                .toList();
        assertEquals(expected.stream().map(DatedPostingsTest::text).toList(), read, "dated after " + after + " up to " + upToDate);
        assertEquals(expected.stream().filter(line -> line.account().equals(account)).map(DatedPostingsTest::text).toList(),
                readOfAccount, account + " dated after " + after + " up to " + upToDate);
    }

    @Property(tries = 20)
    void damaged_lines_are_named_not_misread(@ForAll @IntRange(min = 0, max = 3) int cut) {
        byte[] lines = "12\t2024-01-02\tassets:a\tEUR\t1.5\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] damaged = cut == 3 ? "x\t2024-01-02\ta\tEUR\t1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)
                : java.util.Arrays.copyOf(lines, 5 + cut * 7);
        ReadModelException thrown = org.junit.jupiter.api.Assertions.assertThrows(ReadModelException.class,
                () -> DatedLines.read(damaged, DateSpan.all(), Long.MAX_VALUE, (position, date, account, commodity, amount) -> { }));
        assertEquals(true, thrown.getMessage().contains("rebuild the balances projection"), thrown.getMessage());
    }

    @Property(tries = 20)
    void a_damaged_posting_summary_is_named_not_misread(@ForAll @IntRange(min = 0, max = 3) int damage) {
        String line = switch (damage) {
            case 0 -> "assets:a\tx\t2024-01-02\t7\n";
            case 1 -> "assets:a\t3\t2024-13-02\t7\n";
            case 2 -> "assets:a\t3\t2024-01-02\n";
            default -> "assets:a\t3\t2024-01-02\t7";
        };
        ReadModelException thrown = org.junit.jupiter.api.Assertions.assertThrows(ReadModelException.class,
                () -> PostingSummaries.find(line.getBytes(java.nio.charset.StandardCharsets.UTF_8), "assets:a"));
        assertEquals(true, thrown.getMessage().contains("assets:a") && thrown.getMessage().contains("rebuild the balances"),
                thrown.getMessage());
        assertEquals(Optional.empty(), PostingSummaries.find(line.getBytes(java.nio.charset.StandardCharsets.UTF_8), "assets"),
                "another account's line, even one whose name starts the same, is not read");
    }

    /** Positions three apart in the order added (as the register's lines are, among other events). */
    private static long position(Line line) {
        return 3L * line.order() + 1;
    }

    private static String text(Line line) {
        return text(position(line), LocalDate.ofEpochDay(line.day()).toString(), line.account(), line.commodity(), line.amount());
    }

    private static String text(long position, String date, String account, String commodity, BigDecimal amount) {
        return position + "\t" + date + "\t" + account + "\t" + commodity + "\t" + amount.toPlainString();
    }

    private static BigDecimal amount(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> new BigDecimal("10.00").negate().multiply(BigDecimal.valueOf(random.nextInt(3) - 1));
            case 1 -> BigDecimal.valueOf(random.nextInt(2_000) - 1_000, 2);
            case 2 -> BigDecimal.valueOf(random.nextInt(20) - 10, random.nextInt(5));
            default -> new BigDecimal("1E+2").multiply(BigDecimal.valueOf(random.nextInt(3) - 1));
        };
    }

    private static List<Checkpoint> reference(List<Line> lines, int every) {
        List<Line> byDate = new ArrayList<>(lines);
        byDate.sort(Comparator.comparingInt(Line::day).thenComparingInt(Line::order));
        List<Checkpoint> checkpoints = new ArrayList<>();
        Balances.Fold balances = Balances.fold();
        long since = 0;
        List<String> pending = new ArrayList<>();
        Map<String, Long> linesOf = new TreeMap<>();
        lines.forEach(line -> linesOf.merge(line.account(), 1L, Long::sum));
        Map<String, List<Line>> folded = new TreeMap<>();
        for (int i = 0; i < byDate.size(); i++) {
            Line line = byDate.get(i);
            folded.computeIfAbsent(line.account(), name -> new ArrayList<>()).add(line);
            balances.add(line.account(), line.commodity(), line.amount());
            pending.add(text(line));
            since++;
            boolean lastOfDate = i + 1 == byDate.size() || byDate.get(i + 1).day() != line.day();
            if (lastOfDate && (i + 1 == byDate.size() || since >= every)) {
                Map<String, Optional<PostingSummary>> summaries = new TreeMap<>();
                for (String account : ACCOUNTS) {
                    List<Line> of = folded.getOrDefault(account, List.of());
                    summaries.put(account, linesOf.getOrDefault(account, 0L) < every ? Optional.empty()
                            : Optional.of(new PostingSummary(of.size(),
                                    of.stream().map(Line::day).max(Integer::compare).map(LocalDate::ofEpochDay),
                                    of.stream().mapToLong(DatedPostingsTest::position).max().orElse(0))));
                }
                checkpoints.add(new Checkpoint(LocalDate.ofEpochDay(line.day()).toString(), BalanceBlob.encode(balances),
                        List.copyOf(pending), summaries));
                pending.clear();
                since = 0;
            }
        }
        return checkpoints;
    }
}
