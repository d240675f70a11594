package dev.eventscope.audit.tests;

import java.util.List;

/**
 * The first-digit analysis of one account type's posting amounts: how many postings were counted, how
 * many start with each digit 1..9, the chi-square statistic (8 degrees of freedom; above 15.507 the
 * distribution differs from Benford's at the 5 % level), the mean absolute deviation (MAD) and its verdict
 * by Nigrini's first-digit thresholds, and the z-statistic of each digit.
 */
public record BenfordGroup(String accountType, int count, List<Integer> digitCounts, double chiSquare, double mad,
                           Conformity conformity, List<Double> zScores) {

    /** The chi-square value above which 8 degrees of freedom reject Benford's law at the 5 % level. */
    public static final double CHI_SQUARE_CRITICAL_5_PERCENT = 15.507;

    /** Nigrini's conformity ranges for first digits by MAD. */
    public enum Conformity {
        CLOSE("close conformity"),
        ACCEPTABLE("acceptable conformity"),
        MARGINAL("marginally acceptable conformity"),
        NONCONFORMITY("nonconformity");

        private final String text;

        Conformity(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }

        /** 0.006, 0.012 and 0.015 are the upper bounds of close, acceptable and marginal conformity. */
        public static Conformity of(double mad) {
            if (mad <= 0.006) {
                return CLOSE;
            } else if (mad <= 0.012) {
                return ACCEPTABLE;
            } else if (mad <= 0.015) {
                return MARGINAL;
            }
            return NONCONFORMITY;
        }
    }

    public BenfordGroup {
        digitCounts = List.copyOf(digitCounts);
        zScores = List.copyOf(zScores);
    }

    /** Benford's expected share of first digit {@code digit}: log10(1 + 1/digit). */
    public static double expected(int digit) {
        return Math.log10(1 + 1.0 / digit);
    }

    /** The observed share of {@code digit} (1..9). */
    public double observed(int digit) {
        return count == 0 ? 0 : digitCounts.get(digit - 1) / (double) count;
    }

    /** Builds the analysis from counts by digit (index 0 is digit 1). */
    static BenfordGroup of(String accountType, int[] counts) {
        int n = 0;
        for (int c : counts) {
            n += c;
        }
        double chiSquare = 0;
        double deviations = 0;
        Double[] z = new Double[9];
        for (int digit = 1; digit <= 9; digit++) {
            double expected = expected(digit);
            double observed = n == 0 ? 0 : counts[digit - 1] / (double) n;
            chiSquare += n == 0 ? 0 : Math.pow(counts[digit - 1] - n * expected, 2) / (n * expected);
            deviations += Math.abs(observed - expected);
            double correction = n == 0 ? 0 : 1.0 / (2 * n);
            double spread = n == 0 ? 1 : Math.sqrt(expected * (1 - expected) / n);
            double numerator = Math.abs(observed - expected) - correction;
            z[digit - 1] = n == 0 ? 0 : Math.max(0, numerator) / spread;
        }
        double mad = deviations / 9;
        List<Integer> digitCounts = java.util.Arrays.stream(counts).boxed().toList();
        return new BenfordGroup(accountType, n, digitCounts, chiSquare, mad, Conformity.of(mad), List.of(z));
    }
}
