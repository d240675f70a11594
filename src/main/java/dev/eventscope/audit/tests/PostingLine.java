package dev.eventscope.audit.tests;

import java.math.BigDecimal;
import java.util.Objects;

/** One posting of a journal entry as the tests see it: account, its type (lower case), amount and commodity. */
public record PostingLine(String account, String accountType, BigDecimal amount, String commodity) {

    public PostingLine {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(accountType, "account type");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(commodity, "commodity");
    }
}
