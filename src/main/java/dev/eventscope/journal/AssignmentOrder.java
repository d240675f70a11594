package dev.eventscope.journal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Refuses a balance assignment whose amount would differ from hledger's. The reader fills an assignment
 * ({@code account  = AMOUNT} with no amount) from the account's running balance in file order; hledger fills it
 * in date order. The two agree unless a posting to the assigned account (or, for {@code =*} and {@code ==*}, to
 * one of its subaccounts) dated after the assignment comes before it in the file, or one dated before it comes
 * after it; then the amount, and every balance after it, would be wrong, so the journal is refused at that line.
 */
final class AssignmentOrder {

    private final Map<String, LocalDate> latestPosting = new HashMap<>();
    private final Map<String, Assigned> latestAssignment = new HashMap<>();

    private record Assigned(LocalDate date, boolean inclusive, int line) {
    }

    /** Checks the postings of one transaction (read in file order) before its assignments are filled. */
    void check(String file, List<PostingDraft> drafts, LocalDate entryDate) {
        for (PostingDraft draft : drafts) {
            LocalDate date = draft.ownDate != null ? draft.ownDate : entryDate;
            boolean assignment = draft.amount == null && draft.assertion != null;
            if (assignment) {
                boolean inclusive = draft.assertion.includingSubaccounts();
                latestPosting.forEach((account, postedOn) -> {
                    if (postedOn.isAfter(date) && covers(draft.account, inclusive, account)) {
                        throw refusal(file, draft.line, draft.account, date, account, postedOn);
                    }
                });
            }
            latestAssignment.forEach((account, assigned) -> {
                if (assigned.date().isAfter(date) && covers(account, assigned.inclusive(), draft.account)) {
                    throw new JournalParseException(file, draft.line, 0, "this posting to " + draft.account + " is dated " + date
                            + ", before the balance assignment to " + account + " on line " + assigned.line() + " dated "
                            + assigned.date() + " that comes earlier in the file; hledger fills assignments in date order and"
                            + " would count this posting in it, Eventscope in file order, so the amounts would differ. Put the"
                            + " transactions in date order (for example with hledger print) and import again");
                }
            });
            latestPosting.merge(draft.account, date, (old, now) -> now.isAfter(old) ? now : old);
            if (assignment) {
                latestAssignment.merge(draft.account, new Assigned(date, draft.assertion.includingSubaccounts(), draft.line),
                        (old, now) -> now.date().isAfter(old.date()) ? now : old);
            }
        }
    }

    private static boolean covers(String assigned, boolean inclusive, String account) {
        return account.equals(assigned) || inclusive && account.startsWith(assigned + ":");
    }

    private static JournalParseException refusal(String file, int line, String account, LocalDate date, String posted,
                                                 LocalDate postedOn) {
        return new JournalParseException(file, line, 0, "the balance assignment to " + account + " is dated " + date
                + ", but a posting to " + posted + " dated " + postedOn + " comes before it in the file; hledger fills"
                + " assignments in date order and would leave that posting out of it, Eventscope in file order, so the"
                + " amounts would differ. Put the transactions in date order (for example with hledger print) and import again");
    }
}
