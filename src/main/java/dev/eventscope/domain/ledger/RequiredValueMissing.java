package dev.eventscope.domain.ledger;

/** A command left out something the books need, such as the reason for freezing an account. */
public final class RequiredValueMissing extends LedgerRuleViolation {

    private final String what;

    public RequiredValueMissing(String what) {
        super("The " + what + " is missing; the books need it to record this.");
        this.what = what;
    }

    public String what() {
        return what;
    }
}
