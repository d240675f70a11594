package dev.eventscope.ui.state;

import dev.eventscope.domain.ledger.AccountName;
import dev.eventscope.domain.ledger.EntryEvent.EntryPosted;
import dev.eventscope.domain.ledger.EntryId;
import dev.eventscope.domain.ledger.EntryLifecycle;
import dev.eventscope.domain.ledger.EntryState;
import dev.eventscope.domain.ledger.EntryStatus;
import dev.eventscope.domain.ledger.Money;
import dev.eventscope.domain.ledger.Posting;
import dev.eventscope.domain.ledger.PostingKind;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The state panel marks virtual postings as a journal writes them, {@code (account)} and {@code [account]}, and
 * groups accounts hledger gives no type under Other.
 */
class EntryStateRowsTest {

    @Test
    void virtual_postings_are_shown_in_brackets() {
        EntryPosted posted = new EntryPosted(EntryId.of("E1"), LocalDate.of(2025, 1, 1), null, EntryStatus.UNMARKED, null,
                "salary", Map.of(), null, List.of(
                        posting("assets:checking", "1000", PostingKind.REAL),
                        posting("income:salary", "-1000", PostingKind.REAL),
                        posting("budget:food", "300", PostingKind.VIRTUAL),
                        posting("budget:rent", "300", PostingKind.BALANCED_VIRTUAL),
                        posting("budget:unallocated", "-300", PostingKind.BALANCED_VIRTUAL)), null);
        List<String> labels = StateQuery.entry(new EntryState(EntryLifecycle.POSTED, posted.toJournalEntry(), null, null))
                .stream().filter(row -> row.section().equals("Postings")).map(StateRow::label).toList();
        assertEquals(List.of("assets:checking", "income:salary", "(budget:food)", "[budget:rent]", "[budget:unallocated]"),
                labels);
    }

    private static Posting posting(String account, String amount, PostingKind kind) {
        return new Posting(AccountName.of(account), Money.of(amount, "EUR"), null, null, kind);
    }

    private static String sectionByName(String account) {
        return dev.eventscope.domain.ledger.AccountName.of(account).type().statementSection();
    }

    @Test
    void an_account_typed_by_a_type_tag_is_shown_in_its_declared_section_not_the_one_its_name_gives() {
        dev.eventscope.domain.ledger.Balances.Fold fold = dev.eventscope.domain.ledger.Balances.fold();
        fold.add("Aktiva:Bank", "EUR", new java.math.BigDecimal("100"));
        fold.add("Passiva:Kapital", "EUR", new java.math.BigDecimal("-100"));
        java.util.Map<String, dev.eventscope.domain.ledger.AccountType> declared = java.util.Map.of(
                "Aktiva:Bank", dev.eventscope.domain.ledger.AccountType.ASSETS,
                "Passiva:Kapital", dev.eventscope.domain.ledger.AccountType.EQUITY);
        List<StateRow> rows = WholeLedgerRows.rows(fold.balances(), new java.util.HashMap<>(), new java.util.HashMap<>(),
                account -> declared.get(account).statementSection());
        assertEquals("Assets", rows.stream().filter(row -> "Aktiva:Bank".equals(row.label())).findFirst().orElseThrow().section());
        assertEquals("Equity", rows.stream().filter(row -> "Passiva:Kapital".equals(row.label())).findFirst().orElseThrow().section());
        assertTrue(rows.stream().noneMatch(row -> "Other".equals(row.section())), "nothing left under Other");
    }

    @Test
    void the_whole_ledger_groups_accounts_by_hledger_type_and_unclassified_ones_under_other() {
        assertEquals("Assets", sectionByName("assets:bank:checking"));
        assertEquals("Equity", sectionByName("equity:conversion"));
        assertEquals("Income", sectionByName("Revenues:sales"));
        assertEquals("Liabilities", sectionByName("debts:card"));
        for (String unclassified : List.of("transfers:savings", "Aktiva:Bank", "a:b", "me:assets", "virtual:x")) {
            assertEquals("Other", sectionByName(unclassified), unclassified);
        }
    }
}
