package dev.eventscope.bench;

import dev.eventscope.domain.ledger.Balances;
import dev.eventscope.domain.ledger.MarketPrices;
import dev.eventscope.domain.ledger.Money;
import dev.eventscope.domain.ledger.PriceEvent.PriceRecorded;
import dev.eventscope.domain.ledger.Valuation;
import dev.eventscope.domain.ledger.ValuationTarget;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * What valuing costs beside what the balances already cost: CPU time (this thread's, so the other engineers' load
 * counts less) of {@code Valuation.value} over N balance lines in 4 commodities with 1,000 recorded prices (direct,
 * reverse and chained lookups), paired in the same run with {@code Balances.debitTotals()} over the same lines, the
 * fold a trial balance does anyway. Run: {@code java -cp target/test-classes:target/classes:... ValuationBenchmark}.
 */
public final class ValuationBenchmark {

    public static void main(String[] args) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Random random = new Random(18);
        List<PriceRecorded> prices = new ArrayList<>();
        LocalDate first = LocalDate.of(2024, 1, 1);
        String[][] pairs = {{"EUR", "USD"}, {"GBP", "EUR"}, {"CZK", "EUR"}, {"XAU", "USD"}};
        for (int index = 0; index < 1_000; index++) {
            String[] pair = pairs[index % pairs.length];
            prices.add(new PriceRecorded(first.plusDays(index / 4), pair[0],
                    new Money(BigDecimal.valueOf(1 + random.nextInt(100_000), 4), pair[1]), 4));
        }
        Valuation valuation = new Valuation(new MarketPrices(prices));
        String[] commodities = {"EUR", "USD", "GBP", "CZK"};
        System.out.println("| balance lines | Valuation.value -X USD (ms CPU) | debitTotals (ms CPU) | ratio |");
        System.out.println("|---:|---:|---:|---:|");
        for (int lines : new int[] {1_000, 10_000, 100_000}) {
            Balances.Fold fold = Balances.fold();
            for (int index = 0; index < lines; index++) {
                fold.add("assets:account-" + (index / 4), commodities[index % 4],
                        BigDecimal.valueOf(random.nextInt(2_000_000) - 1_000_000, 2));
            }
            Balances balances = fold.balances();
            long valued = 0;
            long reference = 0;
            for (int round = 0; round < 5; round++) {
                long start = threads.getCurrentThreadCpuTime();
                valuation.value(balances, first.plusDays(200), ValuationTarget.in("USD"));
                long middle = threads.getCurrentThreadCpuTime();
                balances.debitTotals();
                long end = threads.getCurrentThreadCpuTime();
                if (round >= 2) {
                    valued += middle - start;
                    reference += end - middle;
                }
            }
            System.out.printf("| %,d | %.1f | %.1f | %.1f |%n", lines, valued / 3e6, reference / 3e6,
                    (double) valued / Math.max(1, reference));
        }
    }
}
