package dev.eventscope.domain.ledger;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The account types a ledger's journals declared ({@code account NAME  ; type: T}), by type, each type's accounts in
 * the order they were declared: what hledger 1.25 keeps as {@code jdeclaredaccounttypes} and chooses the sections of
 * {@code bs}, {@code bse} and {@code is} by. Recorded on each import's {@link LedgerEvent.JournalImported}.
 *
 * <p>hledger 1.25 does not put an account in a section by the account's own type: a section is a query
 * ({@code journalAccountTypeQuery}). When no account was declared with the section's type, the section holds the
 * accounts whose name says the type ({@code ^assets?(:|$)}, case-insensitive). Once one account was declared with it,
 * the section holds the accounts so declared and their sub-accounts (matched by name, case-sensitively), except the
 * sub-accounts declared with another type and theirs — and no longer the accounts whose name says the type. So
 * {@code account other  ; type: A} takes {@code assets:bank} off the balance sheet, an account declared twice with two
 * types is in both sections, and a declared {@code type: V} (conversion) account is in no section of {@code bse}.
 */
public record DeclaredAccountTypes(Map<AccountType, List<String>> byType) {

    public static final DeclaredAccountTypes NONE = new DeclaredAccountTypes(Map.of());

    public DeclaredAccountTypes {
        byType = copyOf(byType);
    }

    /** {@code declared} kept in the types' order, without empty lists; null is none. */
    public static Map<AccountType, List<String>> copyOf(Map<AccountType, List<String>> declared) {
        EnumMap<AccountType, List<String>> copy = new EnumMap<>(AccountType.class);
        if (declared != null) {
            declared.forEach((type, accounts) -> {
                if (type != null && accounts != null && !accounts.isEmpty()) {
                    copy.put(type, List.copyOf(accounts));
                }
            });
        }
        return Collections.unmodifiableMap(copy);
    }

    /** Whether no type was declared: then every section is chosen by the accounts' names (and types recorded on opening). */
    public boolean isEmpty() {
        return byType.isEmpty();
    }

    /** These declarations followed by {@code later} ones (a later import's), as hledger adds a later directive's. */
    public DeclaredAccountTypes plus(Map<AccountType, List<String>> later) {
        if (later.isEmpty()) {
            return this;
        }
        EnumMap<AccountType, List<String>> joined = new EnumMap<>(AccountType.class);
        joined.putAll(byType);
        later.forEach((type, accounts) -> {
            List<String> all = new ArrayList<>(joined.getOrDefault(type, List.of()));
            all.addAll(accounts);
            joined.put(type, all);
        });
        return new DeclaredAccountTypes(joined);
    }

    /**
     * Whether hledger 1.25 shows {@code account} in the statement section of {@code type}: {@link AccountType#ASSETS}
     * (its Assets section: the asset query or, when some account was declared cash, the cash query),
     * {@link AccountType#LIABILITIES}, {@link AccountType#EQUITY}, {@link AccountType#INCOME} or
     * {@link AccountType#EXPENSES}.
     */
    public boolean inSection(String account, AccountType type) {
        boolean inTypeQuery = inTypeQuery(account, type);
        return type == AccountType.ASSETS && byType.containsKey(AccountType.CASH)
                ? inTypeQuery || inTypeQuery(account, AccountType.CASH) : inTypeQuery;
    }

    /** hledger 1.25's {@code journalAccountTypeQuery [type] fallback}, the fallback being what the type's name rule says. */
    private boolean inTypeQuery(String account, AccountType type) {
        List<String> declared = byType.get(type);
        if (declared == null) {
            return type.nameSays(account);
        }
        if (declared.stream().noneMatch(name -> isOrIsUnder(account, name))) {
            return false;
        }
        // the sub-accounts of these declared with another type, and everything under them, are left out
        for (Map.Entry<AccountType, List<String>> other : byType.entrySet()) {
            if (other.getKey() == type) {
                continue;
            }
            for (String sub : other.getValue()) {
                if (isOrIsUnder(account, sub) && declared.stream().anyMatch(name -> sub.startsWith(name + AccountName.SEPARATOR))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** hledger's {@code accountNameToAccountRegex}: the account itself or one under it, case-sensitively. */
    private static boolean isOrIsUnder(String account, String name) {
        return account.startsWith(name) && (account.length() == name.length()
                || account.startsWith(AccountName.SEPARATOR, name.length()));
    }
}
