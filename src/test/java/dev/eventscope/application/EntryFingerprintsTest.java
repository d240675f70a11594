package dev.eventscope.application;

import dev.eventscope.domain.ledger.AccountName;
import dev.eventscope.domain.ledger.Money;
import dev.eventscope.domain.ledger.Posting;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The fingerprint an import uses to recognise an entry the ledger already holds. */
class EntryFingerprintsTest {

    private static final LocalDate DAY = LocalDate.of(2025, 1, 10);

    private static List<Posting> postings(String bank, String sales) {
        return List.of(Posting.of(AccountName.of("assets:bank"), Money.of(bank, "EUR")),
                Posting.of(AccountName.of("income:sales"), Money.of(sales, "EUR")));
    }

    @Test
    void amounts_are_compared_by_value() {
        assertEquals(EntryFingerprints.of(DAY, "Sale", postings("250", "-250")),
                EntryFingerprints.of(DAY, "Sale", postings("250.00", "-250.0")));
    }

    @Test
    void date_description_amount_and_account_each_tell_entries_apart() {
        long sale = EntryFingerprints.of(DAY, "Sale", postings("250", "-250"));
        assertNotEquals(sale, EntryFingerprints.of(DAY.plusDays(1), "Sale", postings("250", "-250")));
        assertNotEquals(sale, EntryFingerprints.of(DAY, "Sale ", postings("250", "-250")));
        assertNotEquals(sale, EntryFingerprints.of(DAY, "Sale", postings("251", "-251")));
        assertNotEquals(sale, EntryFingerprints.of(DAY, "Sale", List.of(
                Posting.of(AccountName.of("assets:cash"), Money.of("250", "EUR")),
                Posting.of(AccountName.of("income:sales"), Money.of("-250", "EUR")))));
    }
}
