package dev.eventscope.statement;

import dev.eventscope.domain.ledger.AccountName;
import dev.eventscope.domain.ledger.AccountType;
import dev.eventscope.domain.ledger.Balances;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StatementBuilderTest {

    private static final StatementBuilder BUILDER = new StatementBuilder(account -> AccountType.of(AccountName.of(account)),
            ColumnValuation.NONE);
    private static final Column Q1 = new Column("2025Q1", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31));
    private static final Column Q2 = new Column("2025Q2", LocalDate.of(2025, 4, 1), LocalDate.of(2025, 6, 30));

    /** Balances as of a date: 100 EUR of salary into the bank on 15 February and 40 EUR more on 15 May, 30 EUR of rent on 20 May. */
    private static Balances asOf(LocalDate date) {
        Balances.Fold fold = Balances.fold();
        if (!date.isBefore(LocalDate.of(2025, 2, 15))) {
            fold.add("assets:bank:checking", "EUR", new BigDecimal("100"));
            fold.add("income:salary", "EUR", new BigDecimal("-100"));
        }
        if (!date.isBefore(LocalDate.of(2025, 5, 15))) {
            fold.add("assets:bank:checking", "EUR", new BigDecimal("10"));
            fold.add("income:salary", "EUR", new BigDecimal("-40"));
            fold.add("expenses:rent", "EUR", new BigDecimal("30"));
            fold.add("liabilities:card", "EUR", BigDecimal.ZERO);
        }
        return fold.balances();
    }

    @Test
    void an_income_statement_shows_the_changes_within_each_column_income_positive() {
        Statement income = BUILDER.build(StatementKind.INCOME, List.of(Q1, Q2), 0, StatementBuilderTest::asOf);

        Statement.Section revenues = income.sections().get(0);
        assertEquals("Revenues", revenues.name());
        assertEquals(List.of("income", "income:salary"), revenues.rows().stream().map(Statement.Row::account).toList());
        assertEquals(List.of(eur("100"), eur("40")), revenues.rows().get(1).amounts());
        assertEquals(List.of(eur("100"), eur("10")), income.net(), "revenues less expenses");
    }

    @Test
    void a_balance_sheet_shows_the_balances_at_each_column_end_rolled_up_to_the_depth() {
        Statement sheet = BUILDER.build(StatementKind.BALANCE_SHEET, List.of(Q1, Q2), 2, StatementBuilderTest::asOf);

        Statement.Section assets = sheet.sections().get(0);
        assertEquals(List.of("assets", "assets:bank"), assets.rows().stream().map(Statement.Row::account).toList());
        assertEquals(List.of(eur("100"), eur("110")), assets.rows().get(1).amounts(), "checking rolled up into bank");
        assertEquals(List.of(eur("100"), eur("110")), assets.totals());
        assertEquals(List.of(), sheet.sections().get(1).rows(), "no liability has a balance");
        assertEquals(List.of(eur("100"), eur("110")), sheet.net(), "assets less liabilities and equity");
        assertEquals(List.of("2025-03-31", "2025-06-30"), sheet.columnHeadings());
    }

    @Test
    void a_valuation_step_sees_each_columns_balances_and_its_column() {
        List<String> seen = new ArrayList<>();
        ColumnValuation doubled = (balances, column, atEnd) -> {
            seen.add(column.label() + (atEnd ? " at end" : " changes"));
            Balances.Fold fold = Balances.fold();
            balances.forEach((account, commodity, amount) -> fold.add(account, "USD", amount.multiply(BigDecimal.valueOf(2))));
            return fold.balances();
        };
        Statement income = new StatementBuilder(account -> AccountType.of(AccountName.of(account)), doubled)
                .build(StatementKind.INCOME, List.of(Q1, Q2), 1, StatementBuilderTest::asOf);

        assertEquals(List.of("2025Q1 changes", "2025Q2 changes"), seen);
        assertEquals(List.of(amounts("USD", "200"), amounts("USD", "20")), income.net());
    }

    @Test
    void a_parent_whose_sub_accounts_cancel_out_is_still_shown_above_them() {
        Balances balances = Balances.of(Map.of("expenses:a", Map.of("EUR", new BigDecimal("5")),
                "expenses:b", Map.of("EUR", new BigDecimal("-5"))));
        Statement income = BUILDER.build(StatementKind.INCOME, List.of(Q1), 0, List.of(balances));

        assertEquals(List.of("expenses", "expenses:a", "expenses:b"),
                income.sections().get(1).rows().stream().map(Statement.Row::account).toList());
        assertEquals(List.of(Map.of()), income.sections().get(1).rows().get(0).amounts());
    }

    private static SortedMap<String, BigDecimal> eur(String amount) {
        return amounts("EUR", amount);
    }

    private static SortedMap<String, BigDecimal> amounts(String commodity, String amount) {
        SortedMap<String, BigDecimal> amounts = new TreeMap<>();
        amounts.put(commodity, new BigDecimal(amount));
        return amounts;
    }
}
