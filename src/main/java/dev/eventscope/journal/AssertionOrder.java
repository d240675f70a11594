package dev.eventscope.journal;

import java.time.LocalDate;

/**
 * Watches whether balance assertions, checked here in file order, could be judged differently by hledger, which
 * checks them in date order: the two agree unless a transaction dated after an assertion comes before it in the
 * file, or one dated before it comes after it.
 */
final class AssertionOrder {

    private LocalDate latestDate;
    private LocalDate latestAssertionDate;
    private boolean reported;

    /** True once, for the first transaction that breaks the agreement; false before and after. */
    boolean outOfOrder(JournalTransaction transaction) {
        LocalDate date = transaction.date();
        boolean asserts = transaction.postings().stream().anyMatch(posting -> posting.assertion() != null);
        boolean outOfOrder = (latestAssertionDate != null && date.isBefore(latestAssertionDate))
                || (asserts && latestDate != null && latestDate.isAfter(date));
        if (asserts && (latestAssertionDate == null || date.isAfter(latestAssertionDate))) {
            latestAssertionDate = date;
        }
        if (latestDate == null || date.isAfter(latestDate)) {
            latestDate = date;
        }
        if (outOfOrder && !reported) {
            reported = true;
            return true;
        }
        return false;
    }
}
