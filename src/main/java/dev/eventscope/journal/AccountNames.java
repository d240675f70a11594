package dev.eventscope.journal;

import dev.eventscope.domain.ledger.AccountLooksLikeAnother;
import dev.eventscope.domain.ledger.AccountName;
import dev.eventscope.domain.ledger.LedgerRuleViolation;

import java.util.HashMap;
import java.util.Map;

/**
 * The account names of one import, each checked ({@link AccountName#of}) once: an import names an account at every
 * posting, twice (opening it, and in the entry's command), and checking a name was a few percent of the importing
 * thread (JFR: docs/cli-speed.md). Holds one name per account, as the first pass's first-use dates do.
 */
final class AccountNames {

    private final Map<String, AccountName> names = new HashMap<>();
    /** Where the journal first uses each account, when asked through {@link #of(String, SourceLocation)}. */
    private final Map<String, SourceLocation> firstUse = new HashMap<>();

    /** The account name written as {@code written}; throws what {@link AccountName#of} throws. */
    AccountName of(String written) {
        AccountName name = names.get(written);
        if (name == null) {
            name = AccountName.of(written);
            names.put(written, name);
        }
        return name;
    }

    /** As {@link #of(String)}, remembering {@code where} as the account's first use when it is new here
     * (the importer asks this way first, when it opens the accounts of an entry). */
    AccountName of(String written, SourceLocation where) {
        AccountName name = names.get(written);
        if (name == null) {
            name = of(written);
            firstUse.put(written, where);
        }
        return name;
    }

    /**
     * The import's refusal of an entry at {@code where}: for an account that looks like another (session 17), the
     * sentence also names where the journal first uses the other account, so both lines are named.
     */
    JournalImportException refusal(LedgerRuleViolation violation, SourceLocation where) {
        SourceLocation other = violation instanceof AccountLooksLikeAnother lookAlike
                ? firstUse.get(lookAlike.existingAccount()) : null;
        if (other == null) {
            return new JournalImportException(where.file(), where.line(), violation);
        }
        String account = ((AccountLooksLikeAnother) violation).existingAccount();
        return new JournalImportException(where.file(), where.line(), violation.getMessage() + " The journal uses \""
                + account + "\" first at " + (other.file().equals(where.file()) ? "" : other.file() + ":") + "line "
                + other.line() + ".", violation);
    }
}
