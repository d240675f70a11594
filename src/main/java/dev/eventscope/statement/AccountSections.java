package dev.eventscope.statement;

import dev.eventscope.domain.ledger.AccountType;
import dev.eventscope.domain.ledger.DeclaredAccountTypes;

import java.util.Objects;
import java.util.function.Function;

/**
 * Which accounts each section of a statement holds, as hledger 1.25 chooses them: by the types the ledger's journals
 * declared ({@link DeclaredAccountTypes#inSection}) when they declared any; otherwise by each account's type as it was
 * opened ({@code LedgerSession.accountType}: its name's, or, in a ledger imported before declarations were recorded,
 * the declared type it was opened with). A trial balance holds every account.
 */
public final class AccountSections {

    private final DeclaredAccountTypes declared;
    private final Function<String, AccountType> typeOf;

    private AccountSections(DeclaredAccountTypes declared, Function<String, AccountType> typeOf) {
        this.declared = Objects.requireNonNull(declared, "declared");
        this.typeOf = Objects.requireNonNull(typeOf, "typeOf");
    }

    /** Sections by the journals' declarations, or, where none was recorded, by each account's type from {@code typeOf}. */
    public static AccountSections of(DeclaredAccountTypes declared, Function<String, AccountType> typeOf) {
        return new AccountSections(declared, typeOf);
    }

    /** Sections by each account's type alone. */
    public static AccountSections byType(Function<String, AccountType> typeOf) {
        return new AccountSections(DeclaredAccountTypes.NONE, typeOf);
    }

    /** Whether {@code section} shows {@code account}; an account may be in two sections, as in hledger. */
    boolean holds(StatementKind.SectionSpec section, String account) {
        if (section.types().size() == AccountType.values().length) {
            return true;
        }
        if (declared.isEmpty()) {
            return section.types().contains(typeOf.apply(account));
        }
        // a section's first type names hledger's query: Assets (and cash), Liabilities, Equity (not conversion), ...
        return declared.inSection(account, section.types().iterator().next());
    }
}
