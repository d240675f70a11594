package dev.eventscope.timetravel;

import java.math.BigDecimal;

/** One account and commodity in a trial balance: a positive balance is a debit, a negative one a credit. */
public record TrialBalanceLine(String account, String commodity, BigDecimal debit, BigDecimal credit) {
}
