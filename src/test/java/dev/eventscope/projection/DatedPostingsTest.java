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
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The date checkpoints folded from compact postings (sums per account and commodity pair, formatted only when
 * changed) against the plain reference: the lines sorted by date, folded by {@link Balances.Fold} and encoded by
 * {@link BalanceBlob#encode}, a checkpoint at the end of a date once at least {@code every} lines were added and one
 * at the last date.
 */
class DatedPostingsTest {

    private record Line(int day, String account, String commodity, BigDecimal amount, int order) {
    }

    private record Checkpoint(String date, byte[] blob) {
    }

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
            postings.add(LocalDate.ofEpochDay(line.day()), line.account(), line.commodity(), line.amount());
        }

        // when
        List<Checkpoint> checkpoints = new ArrayList<>();
        postings.checkpoints(every, (date, blob) -> checkpoints.add(new Checkpoint(date, blob)));

        // then
        List<Checkpoint> expected = reference(added, every);
        assertEquals(expected.stream().map(Checkpoint::date).toList(), checkpoints.stream().map(Checkpoint::date).toList());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i).blob(), checkpoints.get(i).blob(), expected.get(i).date());
        }
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
        for (int i = 0; i < byDate.size(); i++) {
            Line line = byDate.get(i);
            balances.add(line.account(), line.commodity(), line.amount());
            since++;
            boolean lastOfDate = i + 1 == byDate.size() || byDate.get(i + 1).day() != line.day();
            if (lastOfDate && (i + 1 == byDate.size() || since >= every)) {
                checkpoints.add(new Checkpoint(LocalDate.ofEpochDay(line.day()).toString(), BalanceBlob.encode(balances)));
                since = 0;
            }
        }
        return checkpoints;
    }
}
