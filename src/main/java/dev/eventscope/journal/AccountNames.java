package dev.eventscope.journal;

import dev.eventscope.domain.ledger.AccountName;

import java.util.HashMap;
import java.util.Map;

/**
 * The account names of one import, each checked ({@link AccountName#of}) once: an import names an account at every
 * posting, twice (opening it, and in the entry's command), and checking a name was a few percent of the importing
 * thread (JFR: docs/cli-speed.md). Holds one name per account, as the first pass's first-use dates do.
 */
final class AccountNames {

    private final Map<String, AccountName> names = new HashMap<>();

    /** The account name written as {@code written}; throws what {@link AccountName#of} throws. */
    AccountName of(String written) {
        AccountName name = names.get(written);
        if (name == null) {
            name = AccountName.of(written);
            names.put(written, name);
        }
        return name;
    }
}
