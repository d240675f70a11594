package dev.eventscope.journal;

import java.util.List;
import java.util.Map;

/**
 * The amounts balance assignments get when filled in hledger's date order ({@link DatedBalanceCheck}), by the
 * sequence number of the transaction that holds them (its place among the journal's transactions, from 1) and then
 * one list per assignment in posting order (several amounts when an assignment sets several commodities).
 */
record AssignedAmounts(Map<Long, List<List<Amount>>> bySequence, Map<String, Integer> displayPrecision) {

    static final AssignedAmounts NONE = new AssignedAmounts(Map.of());

    /** {@code displayPrecision}: the whole journal's, which the reading that takes these amounts balances at; null: not known. */
    AssignedAmounts {
        bySequence = Map.copyOf(bySequence);
        displayPrecision = displayPrecision == null ? null : Map.copyOf(displayPrecision);
    }

    AssignedAmounts(Map<Long, List<List<Amount>>> bySequence) {
        this(bySequence, null);
    }

    /** These amounts, with the whole journal's display precision, which the checking reading found at its end. */
    AssignedAmounts atPrecision(Map<String, Integer> precision) {
        return new AssignedAmounts(bySequence, precision);
    }

    /** Gives the assignments among {@code drafts} their amounts; throws if the journal changed since it was checked. */
    void fill(long sequence, String file, int headerLine, List<PostingDraft> drafts) {
        List<List<Amount>> amounts = bySequence.get(sequence);
        int next = 0;
        for (PostingDraft draft : drafts) {
            if (draft.amount == null && draft.assertion != null) {
                if (amounts == null || next >= amounts.size()) {
                    throw new JournalParseException(file, headerLine, 0, "the journal changed while it was read"
                            + " (this transaction's balance assignment was not there when its balances were checked)");
                }
                List<Amount> assigned = amounts.get(next++);
                draft.amount = assigned.get(0);
                draft.assigned = assigned.size() > 1 ? assigned : null;
            }
        }
    }
}
