package dev.eventscope.domain.ledger;

import java.util.HashMap;
import java.util.Map;

/**
 * The accounts of a ledger by their confusable skeleton ({@link ConfusableSkeleton}), each with every part of its name up
 * to a colon ({@code assets}, {@code assets:bank} for {@code assets:bank:checking}), so a new account can be refused
 * when it, or one of its parts, would look exactly like another account's while being written differently (session
 * 17: "\u0441\u0430\u0455\u04BB" written in Cyrillic beside "cash"). Names already recorded are never refused
 * here, only added; a name that looks like nothing else is allowed in any script ("\u0420\u0430\u0441\u0445\u043E\u0434\u044B:\u0415\u0434\u0430", "\u652F\u51FA:\u98DF\u54C1").
 */
public final class AccountLookAlikes {

    /** By skeleton: the parts with that skeleton (usually one), each with the first account that has it. */
    private final Map<String, Map<String, String>> bySkeleton = new HashMap<>();

    /** Adds an account recorded in the ledger (or opened by this import), as written. */
    public void add(String account) {
        int colon = -1;
        do {
            colon = account.indexOf(AccountName.SEPARATOR, colon + 1);
            String part = colon < 0 ? account : account.substring(0, colon);
            bySkeleton.computeIfAbsent(ConfusableSkeleton.of(part), skeleton -> new HashMap<>(2)).putIfAbsent(part, account);
        } while (colon >= 0);
    }

    /**
     * Throws {@link AccountLooksLikeAnother} when {@code account} or one of its parts has the skeleton of another
     * account's part written differently; a part that is itself recorded (a look-alike recorded before this check
     * existed) is not refused again.
     */
    public void requireNoLookAlike(AccountName account) {
        String name = account.value();
        int colon = -1;
        do {
            colon = name.indexOf(AccountName.SEPARATOR, colon + 1);
            String part = colon < 0 ? name : name.substring(0, colon);
            Map<String, String> known = bySkeleton.get(ConfusableSkeleton.of(part));
            if (known != null && !known.containsKey(part)) {
                Map.Entry<String, String> other = known.entrySet().iterator().next();
                throw new AccountLooksLikeAnother(account, part, other.getKey(), other.getValue());
            }
        } while (colon >= 0);
    }
}
