package dev.eventscope.domain.ledger;

import dev.eventscope.domain.PrintableText;

/** An account name a journal could not hold, such as one with an empty segment. */
public final class InvalidAccountName extends LedgerRuleViolation {

    private final String name;
    private final String reason;

    public InvalidAccountName(String name, String reason) {
        super("\"" + PrintableText.shortened(name) + "\" is not a valid account name: " + reason + ".");
        this.name = name;
        this.reason = reason;
    }

    public String name() {
        return name;
    }

    public String reason() {
        return reason;
    }
}
