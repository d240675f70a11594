package dev.eventscope.domain.ledger;

import static dev.eventscope.domain.ledger.Fixtures.account;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Account names and types")
class AccountNameTest {

    @Nested
    @DisplayName("a valid name")
    class Valid {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"assets", "assets:bank:checking", "Assets:Bank Account", "expenses:café:crème brûlée",
                "资产:银行", "Ausgaben:Büro:Miete", "liabilities:credit card:Visa ••1234", "a: b", "c :d"})
        void isKeptAsWritten(String name) {
            assertEquals(name, account(name).value());
            assertEquals(name, account(name).toString());
        }

        @Test
        void isCaseSensitive() {
            assertNotEquals(account("Assets:Bank"), account("assets:bank"));
        }

        @Test
        void hasSegmentsTopFirst() {
            assertEquals(List.of("assets", "bank", "checking"), account("assets:bank:checking").segments());
            assertEquals(3, account("assets:bank:checking").depth());
        }

        @Test
        void hasAParentUnlessTopLevel() {
            assertEquals(Optional.of(account("assets:bank")), account("assets:bank:checking").parent());
            assertEquals(Optional.of(account("assets")), account("assets:bank").parent());
            assertEquals(Optional.empty(), account("assets").parent());
        }

        @Test
        void makesChildren() {
            assertEquals(account("assets:bank:savings"), account("assets:bank").child("savings"));
        }
    }

    @Nested
    @DisplayName("an invalid name is refused")
    class Invalid {

        @ParameterizedTest(name = "\"{0}\"")
        @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "''|it is empty",
            "assets::bank|empty segment",
            ":assets|empty segment",
            "assets:|empty segment",
            "' assets:bank'|starts or ends with a space",
            "'assets:bank '|starts or ends with a space",
            "'assets: :bank'|empty segment",
            "'assets:bank  account'|two spaces in a row",
            "'assets:\tbank'|tab",
            "'assets:bank\nchecking'|control character"})
        void withAReason(String name, String reasonFragment) {
            InvalidAccountName violation = assertThrows(InvalidAccountName.class, () -> AccountName.of(name));
            assertEquals(name, violation.name());
            assertTrue(violation.reason().contains(reasonFragment), violation.reason());
            // the sentence quotes the name printably, a tab or line break written out (session 22, adversary2)
            String quoted = name.replace("\t", "\\u0009").replace("\n", "\\u000A");
            assertTrue(violation.getMessage().startsWith("\"" + quoted + "\" is not a valid account name: "),
                    violation.getMessage());
        }

        @Test
        void nullIsRefused() {
            assertThrows(NullPointerException.class, () -> AccountName.of(null));
        }
    }

    @Nested
    @DisplayName("the type is inferred as hledger 1.25 infers it")
    class Types {

        // each expectation is what `hledger accounts --types` (1.25) prints for the name
        @ParameterizedTest(name = "{0} is {1}")
        @CsvSource({
            "assets, ASSETS", "asset, ASSETS", "Assets:Bank, CASH", "ASSETS:BANK:x, CASH", "Asset:Cash, CASH",
            "assets:a:savings, CASH", "assets:current, CASH", "assets:chequing, CASH", "assets:cheque, CASH",
            "assets:checks, ASSETS", "assets:investment, ASSETS",
            "liabilities:visa, LIABILITIES", "Liability:loan, LIABILITIES", "debt:a, LIABILITIES", "debts, LIABILITIES",
            "equity:opening balances, EQUITY", "Equity, EQUITY", "equity:trade, CONVERSION", "equity:trades, CONVERSION",
            "equity:tradings, CONVERSION", "equity:conversions, CONVERSION", "equity:conversion:x, CONVERSION",
            "income:salary, INCOME", "incomes, INCOME", "Revenue:sales, INCOME", "REVENUES:services, INCOME",
            "expenses:rent, EXPENSES", "Expenses:Café, EXPENSES", "expense:food, EXPENSES"})
        void fromTheName(String name, AccountType expected) {
            assertEquals(expected, account(name).type());
            assertEquals(expected, AccountType.of(account(name)));
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"bank:checking", "Aktiva:Bank", "资产:银行", "assetss:bank", "assetsx:a", "expensess",
            "income-tax:2024", "me:assets", "transfers:x", "virtual:x", "a:b", "a"})
        void anyOtherNameIsUnclassifiedAndShownUnderOther(String name) {
            assertEquals(AccountType.UNCLASSIFIED, account(name).type());
            assertEquals("Other", account(name).type().statementSection());
        }

        @Test
        void aDeclaredTypeHoldsForTheAccountAndItsSubaccountsUnlessOneOfThemDeclaresItsOwn() {
            Map<String, AccountType> declared = Map.of("Aktiva", AccountType.ASSETS,
                    "Aktiva:Kasse:Bar", AccountType.EQUITY, "assets:weird", AccountType.LIABILITIES, "c ", AccountType.CASH);
            assertEquals(AccountType.ASSETS, AccountType.of(account("Aktiva:bank"), declared));
            assertEquals(AccountType.EQUITY, AccountType.of(account("Aktiva:Kasse:Bar:x"), declared));
            assertEquals(AccountType.LIABILITIES, AccountType.of(account("assets:weird:sub"), declared));
            assertEquals(AccountType.CASH, AccountType.of(account("assets:bank"), declared));
            assertEquals(AccountType.UNCLASSIFIED, AccountType.of(account("transfers"), declared));
            assertEquals(AccountType.CASH, AccountType.of(account("c :d"), declared));
        }

        @ParameterizedTest(name = "type: {0} is {1}")
        @CsvSource({"A, ASSETS", "a, ASSETS", "Asset, ASSETS", "L, LIABILITIES", "Liability, LIABILITIES", "E, EQUITY",
            "R, INCOME", "revenue, INCOME", "X, EXPENSES", "expense, EXPENSES", "C, CASH", "CASH, CASH", "V, CONVERSION",
            "conversion, CONVERSION"})
        void typeTagsReadAsHledgerReadsThem(String tag, AccountType expected) {
            assertEquals(Optional.of(expected), AccountType.fromTag(tag));
        }

        @ParameterizedTest(name = "type: {0}")
        @ValueSource(strings = {"", "foo", "assets", "revenues", "Liabilities"})
        void typeTagsHledgerRefusesNameNoType(String tag) {
            assertEquals(Optional.empty(), AccountType.fromTag(tag));
        }
    }
}
