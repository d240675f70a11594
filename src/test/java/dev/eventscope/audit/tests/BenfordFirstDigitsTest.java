package dev.eventscope.audit.tests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 19: first-digit Benford analysis per account type. Sales (assets and income) follow Benford's law
 * exactly; purchases (expenses and liabilities) follow it too, except that 20 planted bills start with 7
 * and no other purchase does. Exactly the planted bills are flagged.
 */
class BenfordFirstDigitsTest {

    private static final TestSettings SETTINGS = TestSettings.defaults(ZoneOffset.UTC).with("benford.minimum-count", "50");
    private static final int[] SALES_BY_DIGIT = {90, 53, 37, 29, 24, 20, 17, 15, 14};
    private static final int[] PURCHASES_BY_DIGIT = {30, 18, 12, 10, 8, 7, 0, 5, 5};

    @Test
    void nonconforming_types_flag_the_entries_with_an_over_represented_first_digit(@TempDir Path folder) {
        List<String> planted = new ArrayList<>();
        try (WorkbenchLedger ledger = new WorkbenchLedger(folder.resolve("benford.ledger"))) {
            Recorder recorder = new Recorder(ledger);
            for (int digit = 1; digit <= 9; digit++) {
                for (int k = 0; k < SALES_BY_DIGIT[digit - 1]; k++) {
                    recorder.post("S", WorkbenchLedger.RECEIVABLES, amount(digit, k), WorkbenchLedger.SALES);
                }
                for (int k = 0; k < PURCHASES_BY_DIGIT[digit - 1]; k++) {
                    recorder.post("P", WorkbenchLedger.MATERIALS, amount(digit, k), WorkbenchLedger.PAYABLES);
                }
            }
            for (int k = 0; k < 20; k++) {
                planted.add(recorder.post("P", WorkbenchLedger.MATERIALS, amount(7, k), WorkbenchLedger.PAYABLES));
            }
            TestResult result = JournalEntryTests.run(ledger.facts(), SETTINGS, Set.of("benford")).get(0);

            assertEquals(planted, result.flagged().stream().map(FlaggedEntry::entryId).toList());
            assertEquals(List.of("assets", "expenses", "income", "liabilities"),
                    result.benford().stream().map(BenfordGroup::accountType).toList());
            BenfordGroup assets = result.benford().get(0);
            assertEquals(299, assets.count());
            assertEquals(BenfordGroup.Conformity.CLOSE, assets.conformity());
            assertTrue(assets.chiSquare() < BenfordGroup.CHI_SQUARE_CRITICAL_5_PERCENT, "chi-square " + assets.chiSquare());
            BenfordGroup expenses = result.benford().get(1);
            assertEquals(115, expenses.count());
            assertEquals(20, expenses.digitCounts().get(6));
            assertEquals(BenfordGroup.Conformity.NONCONFORMITY, expenses.conformity());
            assertTrue(expenses.chiSquare() > BenfordGroup.CHI_SQUARE_CRITICAL_5_PERCENT, "chi-square " + expenses.chiSquare());
            assertTrue(result.flagged().get(0).reason().startsWith("First digit 7 of 7,"), result.flagged().get(0).reason());
        }
    }

    @Test
    void statistics_match_a_hand_computation() {
        // 10 amounts all starting with 1: observed 1.0 for digit 1 and 0 elsewhere.
        BenfordGroup group = BenfordGroup.of("expenses", new int[] {10, 0, 0, 0, 0, 0, 0, 0, 0});
        double mad = 0;
        double chi = 0;
        for (int digit = 1; digit <= 9; digit++) {
            double expected = Math.log10(1 + 1.0 / digit);
            double observed = digit == 1 ? 1 : 0;
            mad += Math.abs(observed - expected) / 9;
            chi += Math.pow(observed * 10 - expected * 10, 2) / (expected * 10);
        }
        assertEquals(mad, group.mad(), 1e-12);
        assertEquals(chi, group.chiSquare(), 1e-9);
        // z for digit 1: (|1 - 0.30103| - 1/20) / sqrt(0.30103 * 0.69897 / 10)
        assertEquals((1 - 0.301029995663981 - 0.05) / Math.sqrt(0.301029995663981 * 0.698970004336019 / 10),
                group.zScores().get(0), 1e-9);
        assertEquals(BenfordGroup.Conformity.ACCEPTABLE, BenfordGroup.Conformity.of(0.0120));
        assertEquals(BenfordGroup.Conformity.MARGINAL, BenfordGroup.Conformity.of(0.0121));
        assertEquals(BenfordGroup.Conformity.NONCONFORMITY, BenfordGroup.Conformity.of(0.0151));
    }

    @Test
    void amounts_below_the_minimum_are_not_counted() {
        assertEquals(0, BenfordFirstDigits.firstDigit(new BigDecimal("9.99"), SETTINGS));
        assertEquals(1, BenfordFirstDigits.firstDigit(new BigDecimal("-10.00"), SETTINGS));
        assertEquals(4, BenfordFirstDigits.firstDigit(new BigDecimal("0.45"), SETTINGS.with("benford.minimum-amount", "0.01")));
    }

    /** Amounts with first digit {@code digit}, different for each k: 7,001.17, 7,002.34, ... */
    private static String amount(int digit, int k) {
        return new BigDecimal(digit * 1000).add(new BigDecimal("1.17").multiply(BigDecimal.valueOf(k + 1))).toPlainString();
    }

    /** Posts entries recorded one minute apart on weekday mornings, numbered per prefix. */
    private static final class Recorder {
        private final WorkbenchLedger ledger;
        private LocalDateTime clock = LocalDateTime.of(2025, 3, 3, 8, 0);
        private int number;

        Recorder(WorkbenchLedger ledger) {
            this.ledger = ledger;
        }

        String post(String prefix, String debit, String amount, String credit) {
            String id = prefix + "-" + (++number);
            clock = clock.plusMinutes(1);
            LocalDate date = clock.toLocalDate();
            ledger.post(id, date, clock.toString(), "alice", debit, amount, credit);
            return id;
        }
    }
}
