package dev.eventscope.domain.ledger;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.eventscope.domain.ledger.AccountType.ASSETS;
import static dev.eventscope.domain.ledger.AccountType.CASH;
import static dev.eventscope.domain.ledger.AccountType.CONVERSION;
import static dev.eventscope.domain.ledger.AccountType.EQUITY;
import static dev.eventscope.domain.ledger.AccountType.EXPENSES;
import static dev.eventscope.domain.ledger.AccountType.INCOME;
import static dev.eventscope.domain.ledger.AccountType.LIABILITIES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** hledger 1.25's statement sections from declared account types, each case checked with hledger 1.25 by hand (statements.md). */
class DeclaredAccountTypesTest {

    private static DeclaredAccountTypes declared(Map<AccountType, List<String>> byType) {
        return new DeclaredAccountTypes(byType);
    }

    @Nested
    @DisplayName("when no account was declared with a section's type")
    class ByName {
        @Test
        void the_section_holds_the_accounts_whose_name_says_it_case_insensitively() {
            DeclaredAccountTypes types = declared(Map.of(LIABILITIES, List.of("Passiva")));
            assertTrue(types.inSection("Assets:Other", ASSETS));
            assertTrue(types.inSection("asset", ASSETS));
            assertTrue(types.inSection("equity:conversion", EQUITY), "conversion by name is equity's");
            assertTrue(types.inSection("revenues:x", INCOME));
            assertFalse(types.inSection("assetsx", ASSETS));
        }
    }

    @Nested
    @DisplayName("when an account was declared with the section's type")
    class Declared {
        @Test
        void the_names_that_say_the_type_no_longer_count() {
            DeclaredAccountTypes types = declared(Map.of(ASSETS, List.of("other")));
            assertTrue(types.inSection("other", ASSETS));
            assertTrue(types.inSection("other:sub", ASSETS));
            assertFalse(types.inSection("assets:savings", ASSETS));
            assertFalse(types.inSection("otherwise", ASSETS));
        }

        @Test
        void a_declared_name_matches_its_sub_accounts_case_sensitively() {
            DeclaredAccountTypes types = declared(Map.of(ASSETS, List.of("Assets")));
            assertTrue(types.inSection("Assets:z", ASSETS));
            assertFalse(types.inSection("assets:x", ASSETS));
        }

        @Test
        void a_sub_account_declared_with_another_type_and_what_is_under_it_are_left_out() {
            DeclaredAccountTypes types = declared(Map.of(LIABILITIES, List.of("a", "a:aa:aaa"), EXPENSES, List.of("a:aa"),
                    INCOME, List.of("a:AA:bbb")));
            assertTrue(types.inSection("a", LIABILITIES));
            assertFalse(types.inSection("a:aa:aaa", LIABILITIES), "under a:aa, declared X");
            assertFalse(types.inSection("a:AA:bbb", LIABILITIES));
            assertTrue(types.inSection("a:aa:ccc", EXPENSES));
            assertFalse(types.inSection("a:aa:aaa", EXPENSES));
            assertFalse(types.inSection("a:aa:aaa", INCOME));
        }

        @Test
        void cash_declared_adds_its_accounts_to_assets_and_alone_leaves_the_asset_names_in() {
            DeclaredAccountTypes cashOnly = declared(Map.of(CASH, List.of("Assets:Checking")));
            assertTrue(cashOnly.inSection("assets:savings", ASSETS));
            assertTrue(cashOnly.inSection("Assets:Checking", ASSETS));
            DeclaredAccountTypes both = declared(Map.of(ASSETS, List.of("assets"), CASH, List.of("assets:bank", "wallet")));
            assertTrue(both.inSection("assets:bank:eur", ASSETS));
            assertTrue(both.inSection("wallet", ASSETS));
            assertTrue(both.inSection("assets:receivable", ASSETS));
        }

        @Test
        void a_declared_conversion_account_is_in_no_equity_section_and_a_twice_declared_one_in_both() {
            DeclaredAccountTypes types = declared(Map.of(CONVERSION, List.of("trading"), ASSETS, List.of("x"),
                    LIABILITIES, List.of("x")));
            assertFalse(types.inSection("trading", EQUITY));
            assertTrue(types.inSection("x", ASSETS));
            assertTrue(types.inSection("x", LIABILITIES));
        }
    }

    @Test
    void later_imports_add_their_declarations_after_the_earlier_ones() {
        DeclaredAccountTypes first = DeclaredAccountTypes.NONE.plus(Map.of(ASSETS, List.of("Aktiva")));
        DeclaredAccountTypes both = first.plus(Map.of(ASSETS, List.of("Kasse"), LIABILITIES, List.of("Passiva")));
        assertEquals(Map.of(ASSETS, List.of("Aktiva", "Kasse"), LIABILITIES, List.of("Passiva")), both.byType());
        assertTrue(DeclaredAccountTypes.NONE.isEmpty());
        assertFalse(both.inSection("assets:bank", ASSETS));
    }
}
