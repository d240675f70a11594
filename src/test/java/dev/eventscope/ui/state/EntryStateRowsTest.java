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

    @Test
    void the_whole_ledger_groups_accounts_by_hledger_type_and_unclassified_ones_under_other() {
        assertEquals("Assets", WholeLedgerRows.typeOf("assets:bank:checking"));
        assertEquals("Equity", WholeLedgerRows.typeOf("equity:conversion"));
        assertEquals("Income", WholeLedgerRows.typeOf("Revenues:sales"));
        assertEquals("Liabilities", WholeLedgerRows.typeOf("debts:card"));
        for (String unclassified : List.of("transfers:savings", "Aktiva:Bank", "a:b", "me:assets", "virtual:x")) {
            assertEquals("Other", WholeLedgerRows.typeOf(unclassified), unclassified);
        }
    }
}
