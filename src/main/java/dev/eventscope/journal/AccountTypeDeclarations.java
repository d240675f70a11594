package dev.eventscope.journal;

import dev.eventscope.domain.ledger.AccountType;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A journal's {@code account NAME  ; type: T} declarations as the import reads them: each account's first declared
 * type (the type it is opened with, {@link AccountType#of(dev.eventscope.domain.ledger.AccountName, Map)}), and every
 * declaration by type in the journal's order, which the import records on its {@code JournalImported} event since
 * hledger 1.25 chooses a statement's sections by them ({@code DeclaredAccountTypes}).
 */
final class AccountTypeDeclarations {

    private final Map<String, AccountType> firstByAccount = new HashMap<>();
    private final Map<AccountType, List<String>> byType = new EnumMap<>(AccountType.class);

    void add(String account, AccountType type) {
        firstByAccount.putIfAbsent(account, type);
        byType.computeIfAbsent(type, any -> new ArrayList<>()).add(account);
    }

    /** Each declared account's first declared type. */
    Map<String, AccountType> firstByAccount() {
        return firstByAccount;
    }

    /** Every declaration, by type, each type's accounts in the order declared (an account declared twice, twice). */
    Map<AccountType, List<String>> byType() {
        return byType;
    }
}
