package dev.eventscope.domain.ledger;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The kind of an account, as hledger 1.25 classifies accounts: the seven hledger types (cash is a kind of
 * asset, conversion a kind of equity) and {@link #UNCLASSIFIED} for a name hledger gives no type. Every
 * account name has a type; none is refused for its name.
 */
public enum AccountType {
    ASSETS("A", "Assets"),
    CASH("C", "Assets"),
    LIABILITIES("L", "Liabilities"),
    EQUITY("E", "Equity"),
    CONVERSION("V", "Equity"),
    INCOME("R", "Income"),
    EXPENSES("X", "Expenses"),
    /** A name hledger infers no type for ({@code transfers:x}, {@code Aktiva}, {@code a:b}) and no {@code type:} tag names. */
    UNCLASSIFIED("", "Other");

    /** hledger 1.25's name rules (Hledger.Data.AccountName), case-insensitive, tried in this order. */
    private static final List<Map.Entry<Pattern, AccountType>> NAME_RULES = List.of(
            rule("^assets?(:.+)?:(cash|bank|che(ck|que?)(ing)?|savings?|current)(:|$)", "C"),
            rule("^assets?(:|$)", "A"),
            rule("^(debts?|liabilit(y|ies))(:|$)", "L"),
            rule("^equity:(trad(e|ing)|conversion)s?(:|$)", "V"),
            rule("^equity(:|$)", "E"),
            rule("^(income|revenue)s?(:|$)", "R"),
            rule("^expenses?(:|$)", "X"));

    private final String code;
    private final String statementSection;

    AccountType(String code, String statementSection) {
        this.code = code;
        this.statementSection = statementSection;
    }

    /** hledger's one-letter code ({@code A L E R X C V}); empty for {@link #UNCLASSIFIED}. */
    public String code() {
        return code;
    }

    /** The statement section the account is shown under: Assets, Liabilities, Equity, Income, Expenses or Other. */
    public String statementSection() {
        return statementSection;
    }

    /** The type hledger 1.25 infers from the whole name when no {@code type:} tag declares one; never throws. */
    public static AccountType of(AccountName account) {
        return NAME_RULES.stream().filter(rule -> rule.getKey().matcher(account.value()).find())
                .map(Map.Entry::getValue).findFirst().orElse(UNCLASSIFIED);
    }

    /**
     * Whether this type's own name rule matches {@code account} (case-insensitive), whatever rule comes first:
     * {@code assets:bank} says {@link #ASSETS} ({@code ^assets?(:|$)}) as well as {@link #CASH}. hledger 1.25 chooses a
     * statement section by these rules when no account was declared with the section's type
     * ({@link DeclaredAccountTypes}). False for {@link #UNCLASSIFIED}.
     */
    public boolean nameSays(String account) {
        return NAME_RULES.stream().anyMatch(rule -> rule.getValue() == this && rule.getKey().matcher(account).find());
    }

    private static Map.Entry<Pattern, AccountType> rule(String regex, String code) {
        return Map.entry(Pattern.compile(regex, Pattern.CASE_INSENSITIVE), fromTag(code).orElseThrow());
    }

    /**
     * As hledger 1.25: the type declared (keyed by account name) for the account itself or its nearest declared
     * parent ({@code account NAME  ; type: A}), else the type its name gives.
     */
    public static AccountType of(AccountName account, Map<String, AccountType> declared) {
        // parents as text: hledger's parent of "c :d" is "c ", a name no account of its own may have
        for (String name = account.value(); ; name = name.substring(0, name.lastIndexOf(AccountName.SEPARATOR))) {
            AccountType type = declared.get(name);
            if (type != null) {
                return type;
            }
            if (!name.contains(AccountName.SEPARATOR)) {
                return of(account);
            }
        }
    }

    /**
     * The type a {@code type:} tag value names, case-insensitively, as hledger 1.25 reads it: a code
     * ({@code A L E R X C V}) or Asset, Liability, Equity, Revenue, Expense, Cash, Conversion; empty for anything else.
     */
    public static Optional<AccountType> fromTag(String value) {
        return Optional.ofNullable(switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "a", "asset" -> ASSETS;
            case "l", "liability" -> LIABILITIES;
            case "e", "equity" -> EQUITY;
            case "r", "revenue" -> INCOME;
            case "x", "expense" -> EXPENSES;
            case "c", "cash" -> CASH;
            case "v", "conversion" -> CONVERSION;
            default -> null;
        });
    }
}
