package dev.eventscope.audit.tests;

import dev.eventscope.domain.ledger.Amounts;

import java.math.BigDecimal;

/** Amounts as the test reasons write them: {@code 8,436.20 EUR}. */
final class MoneyText {

    private MoneyText() {
    }

    static String of(BigDecimal amount, String commodity) {
        String number = String.format(java.util.Locale.ROOT, "%,.2f", amount);
        String formatted = amount.scale() > 2 ? Amounts.format(amount) : number;
        return commodity.isEmpty() ? formatted : formatted + " " + commodity;
    }

    static String of(BigDecimal amount) {
        return of(amount, "");
    }
}
