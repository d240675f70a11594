package dev.eventscope.domain.ledger;

import java.util.Locale;
import java.util.stream.Collectors;

/**
 * An account that would look exactly like another account of the ledger although its name is different: its name, or
 * the part of it up to a colon, has the same confusable skeleton as another account's ({@link AccountLookAlikes}):
 * "\u0441\u0430\u0455\u04BB" written in Cyrillic beside "cash" (session 17).
 */
public final class AccountLooksLikeAnother extends LedgerRuleViolation {

    private final AccountName account;
    private final String existingAccount;

    AccountLooksLikeAnother(AccountName account, String part, String existingPart, String existingAccount) {
        super(message(account, part, existingPart, existingAccount));
        this.account = account;
        this.existingAccount = existingAccount;
    }

    private static String message(AccountName account, String part, String existingPart, String existingAccount) {
        String differing = part.codePoints().filter(c -> existingPart.indexOf(c) < 0).distinct().limit(6)
                .mapToObj(c -> "'" + Character.toString(c) + "' " + String.format(Locale.ROOT, "U+%04X", c))
                .collect(Collectors.joining(", "));
        String subject = part.equals(account.value()) ? "it" : "its part \"" + part + "\"";
        String other = existingPart.equals(existingAccount) ? "the account \"" + existingAccount + "\""
                : "\"" + existingPart + "\" of the account \"" + existingAccount + "\"";
        String what = subject + " looks exactly like " + other + " already in the ledger";
        return "The account \"" + account + "\" cannot be opened: " + what + " but is written with other characters ("
                + differing + "), so postings to one would pass for postings to the other. Use \"" + existingPart
                + "\", or a name that looks different.";
    }

    public AccountName account() {
        return account;
    }

    /** The account it looks like, as recorded. */
    public String existingAccount() {
        return existingAccount;
    }
}
