package dev.eventscope.journal;

import dev.eventscope.application.BookkeepingCodec;
import dev.eventscope.application.MarketPriceHistory;
import dev.eventscope.domain.ledger.Balances;
import dev.eventscope.domain.ledger.Valuation;
import dev.eventscope.domain.ledger.ValuationTarget;
import dev.eventscope.domain.ledger.ValuedBalances;
import dev.eventscope.domain.ledger.ValuedLine;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.journal.testkit.Hledger;
import dev.eventscope.journal.testkit.JournalSummary;
import dev.eventscope.journal.testkit.RandomJournalGenerator;
import dev.eventscope.timetravel.FullReplay;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Valuation} values each account's balance as {@code hledger bal --flat -X COMM} (and {@code -V}) does, on
 * the household sample (three commodities, month-end prices: direct, reverse and chained) and on random journals
 * with {@code P} directives: account by account and commodity by commodity, at the ten decimal places hledger's JSON
 * gives, on several valuation dates (hledger values at its report's end date: {@code -e} is the day after).
 */
class ValuationAgreementTest extends JournalAgreementFixture {

    @BeforeEach
    void needsHledger() {
        Assumptions.assumeTrue(Hledger.isAvailable(), "hledger is not installed (.ci/run installs it)");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"EUR", "$", "Kč", "-V"})
    void the_household_sample_is_valued_as_hledger_values_it(String target) {
        Path journal = Path.of("sample-data", "household-two-currencies.journal");
        HledgerAgreement.importAndCompare(journal, ledger());
        List<ValuedLine> lines = new ArrayList<>();
        for (LocalDate date : List.of(LocalDate.of(2025, 1, 15), LocalDate.of(2025, 4, 30), LocalDate.of(2025, 8, 20),
                LocalDate.of(2025, 12, 31))) {
            lines.addAll(compare(journal, target, date));
        }
        assertTrue(lines.stream().filter(line -> line.price().isPresent()).count() > 20, "lines were converted, not only kept");
        if (target.equals("$")) {
            assertTrue(lines.stream().anyMatch(line -> line.price().map(price -> price.steps().size() == 2).orElse(false)),
                    "Kč into $ is a chain: Kč to EUR reversed, then EUR to $");
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {21, 22, 23, 24, 25, 26})
    void random_journals_with_market_prices_are_valued_as_hledger_values_them(long seed) {
        Path journal = folder.resolve("random-" + seed + ".journal");
        JournalSummary summary = new RandomJournalGenerator(seed, 160).withMarketPrices().writeTo(journal);
        HledgerAgreement.importAndCompare(journal, ledger());
        List<String> targets = new ArrayList<>(new TreeSet<>(commodities(summary)));
        targets.add("XAU");
        targets.add("-V");
        Random random = new Random(seed);
        List<ValuedLine> lines = new ArrayList<>();
        long days = summary.lastDate().toEpochDay() - summary.firstDate().toEpochDay();
        for (String target : targets) {
            for (int index = 0; index < 3; index++) {
                lines.addAll(compare(journal, target, summary.firstDate().plusDays((long) (random.nextDouble() * (days + 30)))));
            }
        }
        met.addAll(lines);
    }

    /** Every valued line the random journals met (their seeds differ in commodities: one alone cannot chain). */
    private static final List<ValuedLine> met = new ArrayList<>();

    /** What the comparisons met, so that they cannot pass on lines that were never converted. */
    @org.junit.jupiter.api.AfterAll
    static void theRandomJournalsMetEveryKindOfPrice() {
        if (met.isEmpty()) {
            return;
        }
        assertTrue(met.stream().anyMatch(line -> line.price().map(price -> price.direct()).orElse(false)), "a direct price");
        assertTrue(met.stream().anyMatch(line -> line.price().map(price -> price.steps().size() == 1 && !price.direct())
                .orElse(false)), "a reverse price");
        assertTrue(met.stream().anyMatch(line -> line.price().map(price -> price.steps().size() > 1).orElse(false)),
                "a chain of prices");
        assertTrue(met.stream().anyMatch(line -> line.status() == ValuedLine.Status.NO_PRICE), "a line without price");
    }

    /** Compares one valuation; returns our valued lines. */
    private List<ValuedLine> compare(Path journal, String target, LocalDate date) {
        List<String> arguments = target.equals("-V") ? List.of("-V") : List.of("-X", target);
        Map<String, Map<String, BigDecimal>> hledger = Hledger.balances(journal, arguments, date);
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger())) {
            Balances balances = new FullReplay(store, BookkeepingCodec.create()).balances(Long.MAX_VALUE, date);
            Valuation valuation = new Valuation(MarketPriceHistory.read(store, BookkeepingCodec.create()));
            var valued = valuation.value(balances, date,
                    target.equals("-V") ? new ValuationTarget.DefaultCommodities() : new ValuationTarget.InCommodity(target));
            Map<String, Map<String, BigDecimal>> ours = new TreeMap<>();
            valued.values().asMap().forEach((account, byCommodity) -> {
                Map<String, BigDecimal> exported = new TreeMap<>();
                byCommodity.forEach((commodity, value) -> exported.put(commodity, ValuedBalances.exported(value)));
                exported.values().removeIf(value -> value.signum() == 0);
                if (!exported.isEmpty()) {
                    ours.put(account, exported);
                }
            });
            for (String account : new TreeSet<>(union(hledger.keySet(), ours.keySet()))) {
                assertEquals(hledger.get(account), ours.get(account), "hledger bal " + arguments + " -e " + date.plusDays(1)
                        + ": " + account + " (ours: " + valued.lines().stream().filter(line -> line.account().equals(account))
                        .map(line -> line.amount() + " " + line.commodity() + " -> " + line.priceNote()).toList() + ")");
            }
            return valued.lines();
        }
    }

    private static List<String> commodities(JournalSummary summary) {
        List<String> commodities = new ArrayList<>();
        summary.finalBalances().values().forEach(byCommodity -> commodities.addAll(byCommodity.keySet()));
        return commodities;
    }

    private static <T> java.util.Set<T> union(java.util.Set<T> left, java.util.Set<T> right) {
        java.util.Set<T> all = new java.util.HashSet<>(left);
        all.addAll(right);
        return all;
    }
}
