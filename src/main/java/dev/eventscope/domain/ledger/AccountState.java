package dev.eventscope.domain.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * The account aggregate. {@code name}, {@code type}, {@code openedOn} are null until opened;
 * {@code frozenReason} is set while frozen, {@code closedOn} once closed; {@code balances} holds the
 * nonzero balance per commodity (see {@link Balances}).
 */
public record AccountState(
        AccountStatus status,
        AccountName name,
        AccountType type,
        String description,
        LocalDate openedOn,
        String frozenReason,
        LocalDate closedOn,
        Map<String, BigDecimal> balances,
        long postingCount,
        LocalDate lastPostingDate) {

    /** Schema version of this state's snapshot form. */
    public static final int SCHEMA_VERSION = 1;

    public static final AccountState INITIAL =
            new AccountState(AccountStatus.NOT_OPENED, null, null, null, null, null, null, Map.of(), 0, null);

    public AccountState {
        Objects.requireNonNull(status, "status");
        balances = Balances.copyOf(balances == null ? Map.of() : balances);
    }

    /** The balance in one commodity, zero when the account never held it. */
    public BigDecimal balance(String commodity) {
        return balances.getOrDefault(commodity, BigDecimal.ZERO);
    }
}
