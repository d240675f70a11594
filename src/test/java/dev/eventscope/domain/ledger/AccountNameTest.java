package dev.eventscope.domain.ledger;

import static dev.eventscope.domain.ledger.Fixtures.account;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
                "资产:银行", "Ausgaben:Büro:Miete", "liabilities:credit card:Visa ••1234"})
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
            "'assets :bank'|starts or ends with a space",
            "'assets: bank'|starts or ends with a space",
            "'assets:bank '|starts or ends with a space",
            "'assets:bank  account'|two spaces in a row",
            "'assets:\tbank'|tab",
            "'assets:bank\nchecking'|control character"})
        void withAReason(String name, String reasonFragment) {
            InvalidAccountName violation = assertThrows(InvalidAccountName.class, () -> AccountName.of(name));
            assertEquals(name, violation.name());
            assertTrue(violation.reason().contains(reasonFragment), violation.reason());
            assertTrue(violation.getMessage().startsWith("\"" + name + "\" is not a valid account name: "),
                    violation.getMessage());
        }

        @Test
        void nullIsRefused() {
            assertThrows(NullPointerException.class, () -> AccountName.of(null));
        }
    }

    @Nested
    @DisplayName("the type comes from the top segment")
    class Types {

        @ParameterizedTest(name = "{0} is {1}")
        @CsvSource({
            "assets:bank, ASSETS", "Assets:Bank, ASSETS", "ASSET:cash, ASSETS",
            "liabilities:visa, LIABILITIES", "Liability:loan, LIABILITIES",
            "equity:opening balances, EQUITY", "Equity, EQUITY",
            "income:salary, INCOME", "Revenue:sales, INCOME", "REVENUES:services, INCOME",
            "expenses:rent, EXPENSES", "Expenses:Café, EXPENSES", "expense:food, EXPENSES"})
        void caseInsensitively(String name, AccountType expected) {
            assertEquals(expected, account(name).type());
            assertEquals(expected, AccountType.of(account(name)));
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"bank:checking", "Aktiva:Bank", "资产:银行", "assetss:bank", "income-tax:2024"})
        void unknownTopSegmentIsANamedViolation(String name) {
            UnknownAccountType violation = assertThrows(UnknownAccountType.class, () -> account(name).type());
            assertEquals(account(name), violation.account());
            assertEquals(name.split(":")[0], violation.topSegment());
            assertEquals("Account " + name + " cannot be opened because its top segment \"" + violation.topSegment()
                    + "\" is not an account type; start the name with assets, liabilities, equity, income (or revenue)"
                    + " or expenses.", violation.getMessage());
        }
    }
}
